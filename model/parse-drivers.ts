/**
 * `drivers.csv` and `drivers.json` → driver series: one row per driver and year
 * (`year,driver,value,kind`), each driver's years without gaps, actuals before forecasts, from the
 * base year (or earlier) to the horizon; and, from the optional drivers.json, each driver's name,
 * type (stock or flow) and unit. See `data/README.md`.
 */
import { FILE_NUMBERS } from "./bounds.ts";
import { boundedField, checkContiguous, checkId, groupByYear, readCsvRows, yearField } from "./csv-rows.ts";
import { type DriverSeries, SUPPORTED_FTE } from "./data-package.ts";
import { errorAt, type JsonDoc } from "./json-source.ts";
import { type PackageError, quoted } from "./package-error.ts";
import type { DriversFile } from "./package-schema.ts";

const FILE = "drivers.csv";

/** A base-year value above 0 but below this share of the driver's largest value is an error (a slip, not a count). */
const TINY_BASE = 1e-6;
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
  kind: DriverKind | undefined;
}

/** `actual`: a sourced figure; `estimate`: a past year's value that is not sourced; `forecast`: a projection. */
export const DRIVER_KINDS = ["actual", "estimate", "forecast"] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];

/** Rows by driver id, sorted by year; each driver's rows checked for gaps, order, base year and horizon. */
export type DriverTable = Map<string, DriverRow[]>;

/** The rows of drivers.csv, each field checked on its own; undefined when the file is missing or unreadable. */
export function readDriverRows(files: Readonly<Record<string, string>>, errors: PackageError[]): DriverRow[] | undefined {
  const csvRows = readCsvRows(FILE, files, COLUMNS, "a row per driver and year (year, driver, value, kind)", errors, ["value"]);
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
    const value = boundedField(FILE, row, "value", driver, FILE_NUMBERS.driverValue, errors);
    const text = row.fields.kind ?? "";
    const kind = DRIVER_KINDS.find((k) => k === text);
    if (kind === undefined) {
      errors.push({ file: FILE, line: row.line, field: "kind", message: `${quoted(text)} is not a kind: expected ${DRIVER_KINDS.join(", ")}` });
    }
    if (goodId && year !== undefined) rows.push({ line: row.line, year, driver, value, kind });
  }
  return rows;
}

/**
 * Groups the rows by driver and checks each driver's years as a series.
 *
 * @param baseYear the last year in headcount.csv, when known; every driver needs a value for it.
 * @param horizon the last year projected (municipality.json), when known; every driver needs a value up to it.
 * @param projected whether a driver's later years come from the population projection (its rows
 *   then end at the population's base year, checked by `linkPopulation`).
 */
export function checkDrivers(
  rows: DriverRow[],
  baseYear: number | undefined,
  horizon: number | undefined,
  errors: PackageError[],
  projected: (driver: string) => boolean = () => false,
): DriverTable {
  const byDriver = groupByYear(FILE, rows, (r) => r.driver, "driver", errors);
  for (const [driver, series] of byDriver) {
    checkContiguous(FILE, driver, series, errors);
    let lastForecast: DriverRow | undefined;
    for (const row of series) {
      if (row.kind === "forecast") lastForecast ??= row;
      else if (row.kind !== undefined && lastForecast !== undefined) {
        errors.push({
          file: FILE,
          line: row.line,
          field: "kind",
          message: `${driver} ${row.year} is an ${row.kind} but ${lastForecast.year} (line ${lastForecast.line}) is a forecast: expected actuals and estimates before forecasts`,
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
    if (horizon !== undefined && last.year < horizon && !projected(driver)) {
      errors.push({
        file: FILE,
        line: last.line,
        field: "year",
        message: `${driver} ends in ${last.year}: expected values for every year up to the horizon ${horizon} (municipality.json)`,
      });
    }
    const base = baseYear === undefined ? undefined : series.find((r) => r.year === baseYear);
    const largest = series.reduce<DriverRow | undefined>((top, r) => ((r.value ?? 0) > (top?.value ?? 0) ? r : top), undefined);
    if (base?.value !== undefined && base.value > 0 && largest?.value !== undefined && base.value < largest.value * TINY_BASE) {
      errors.push({
        file: FILE,
        line: base.line,
        field: "value",
        message: `${driver} is ${base.value} in the base year ${baseYear}, less than a millionth of its largest value (${largest.value} in ${largest.year}, line ${largest.line}): growth is measured against the base year, so later years would count as more than a millionfold growth; expected the base year's value in the same unit as the other years`,
      });
    }
  }
  return byDriver;
}

/** Checks that drivers.json (already valid against its schema) describes only drivers that drivers.csv has. */
export function checkDriverInfo(doc: JsonDoc, file: DriversFile, table: DriverTable | undefined, errors: PackageError[]): void {
  if (table === undefined) return;
  for (const id of Object.keys(file.drivers)) {
    if (!table.has(id)) {
      errors.push(errorAt(doc, ["drivers", id], `unknown driver ${quoted(id)}: expected one of the drivers in drivers.csv (${[...table.keys()].join(", ")})`));
    }
  }
}

/**
 * A checked driver table without errors → the package's driver series, up to the horizon, with
 * what drivers.json says about each (a driver it does not list is a stock named by its id).
 */
export function toDriverSeries(table: DriverTable, horizon: number, info: DriversFile["drivers"] = {}): Record<string, DriverSeries> {
  const result: Record<string, DriverSeries> = {};
  for (const [id, rows] of table) {
    const kept = rows.filter((r) => r.year <= horizon);
    const described = info[id];
    result[id] = {
      id,
      name: described?.name ?? { sv: id, en: id },
      type: described?.type ?? "stock",
      ...(described?.unit === undefined ? {} : { unit: described.unit }),
      ...(described?.ages === undefined ? {} : { ages: { from: described.ages[0], to: described.ages[1] } }),
      firstYear: kept[0]?.year ?? horizon,
      // Only reached when there are no errors, so every value and kind is known.
      values: kept.map((r) => r.value ?? Number.NaN),
      actual: kept.map((r) => r.kind === "actual"),
      estimated: kept.map((r) => r.kind === "estimate"),
    };
  }
  return result;
}
