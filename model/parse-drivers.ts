/**
 * `drivers.csv` → driver series: one row per driver and year (`year,driver,value,kind`), each
 * driver's years without gaps, actuals before forecasts, from the base year (or earlier) to the
 * horizon. See `data/README.md`.
 */
import { checkContiguous, checkId, groupByYear, nonNegativeField, readCsvRows, yearField } from "./csv-rows.ts";
import { type DriverSeries, SUPPORTED_FTE } from "./data-package.ts";
import type { PackageError } from "./package-error.ts";

const FILE = "drivers.csv";
const COLUMNS = ["year", "driver", "value", "kind"] as const;

/**
 * A drivers.csv row whose year and driver id are good. `value` and `actual` are undefined where
 * that field had an error (already reported): the row still takes part in the checks of years,
 * so that one bad value is not also reported as a gap.
 */
export interface DriverRow {
  line: number;
  year: number;
  driver: string;
  value: number | undefined;
  actual: boolean | undefined;
}

/** Rows by driver id, sorted by year; each driver's rows checked for gaps, order, base year and horizon. */
export type DriverTable = Map<string, DriverRow[]>;

/** The rows of drivers.csv, each field checked on its own; undefined when the file is missing or unreadable. */
export function readDriverRows(files: Readonly<Record<string, string>>, errors: PackageError[]): DriverRow[] | undefined {
  const csvRows = readCsvRows(FILE, files, COLUMNS, "a row per driver and year (year, driver, value, kind)", errors);
  if (csvRows === undefined) return undefined;
  const rows: DriverRow[] = [];
  for (const row of csvRows) {
    const driver = row.fields.driver ?? "";
    let goodId = checkId(FILE, row, "driver", driver, "a driver", errors);
    if (driver === SUPPORTED_FTE) {
      errors.push({
        file: FILE,
        line: row.line,
        field: "driver",
        message: `"${SUPPORTED_FTE}" is reserved: it is the delivery FTE a support process supports, computed by the model; expected another driver id`,
      });
      goodId = false;
    }
    const year = yearField(FILE, row, errors);
    const value = nonNegativeField(FILE, row, "value", driver, "zero or a positive number", errors);
    const kind = row.fields.kind ?? "";
    if (kind !== "actual" && kind !== "forecast") {
      errors.push({ file: FILE, line: row.line, field: "kind", message: `"${kind}" is not a kind: expected actual or forecast` });
    }
    const actual = kind === "actual" ? true : kind === "forecast" ? false : undefined;
    if (goodId && year !== undefined) rows.push({ line: row.line, year, driver, value, actual });
  }
  return rows;
}

/**
 * Groups the rows by driver and checks each driver's years as a series.
 *
 * @param baseYear the last year in headcount.csv, when known; every driver needs a value for it.
 * @param horizon the last year projected (municipality.json), when known; every driver needs a value up to it.
 */
export function checkDrivers(rows: DriverRow[], baseYear: number | undefined, horizon: number | undefined, errors: PackageError[]): DriverTable {
  const byDriver = groupByYear(FILE, rows, (r) => r.driver, "driver", errors);
  for (const [driver, series] of byDriver) {
    checkContiguous(FILE, driver, series, errors);
    let lastForecast: DriverRow | undefined;
    for (const row of series) {
      if (row.actual === false) lastForecast ??= row;
      else if (row.actual === true && lastForecast !== undefined) {
        errors.push({
          file: FILE,
          line: row.line,
          field: "kind",
          message: `${driver} ${row.year} is an actual but ${lastForecast.year} (line ${lastForecast.line}) is a forecast: expected actuals before forecasts`,
        });
      }
    }
    const first = series[0];
    const last = series[series.length - 1];
    if (first === undefined || last === undefined) continue;
    if (baseYear !== undefined && first.year > baseYear) {
      errors.push({
        file: FILE,
        line: first.line,
        field: "year",
        message: `${driver} starts in ${first.year}: expected a value for the base year ${baseYear} (the last year in headcount.csv)`,
      });
    }
    if (horizon !== undefined && last.year < horizon) {
      errors.push({
        file: FILE,
        line: last.line,
        field: "year",
        message: `${driver} ends in ${last.year}: expected values for every year up to the horizon ${horizon} (municipality.json)`,
      });
    }
  }
  return byDriver;
}

/** A checked driver table without errors → the package's driver series, up to the horizon. */
export function toDriverSeries(table: DriverTable, horizon: number): Record<string, DriverSeries> {
  const result: Record<string, DriverSeries> = {};
  for (const [id, rows] of table) {
    const kept = rows.filter((r) => r.year <= horizon);
    result[id] = {
      id,
      firstYear: kept[0]?.year ?? horizon,
      // Only reached when there are no errors, so every value and kind is known.
      values: kept.map((r) => r.value ?? Number.NaN),
      actual: kept.map((r) => r.actual === true),
    };
  }
  return result;
}
