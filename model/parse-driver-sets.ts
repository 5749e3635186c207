/**
 * Named driver sets: alternative forecasts of some drivers that a scenario may pick instead of the
 * package's own (e.g. Statistics Sweden's projection and the municipality's building-based
 * forecast, side by side). Files (see `data/README.md`):
 *
 * - `driver-sets.json`: `{ "sets": { "<id>": { "name": { "sv", "en" }, "description"?: { "sv", "en" } } } }`;
 * - `driver-sets/<id>.csv`: `year,driver,value`, one row per driver and year, for every year from
 *   the year after the driver's history (its last actual or estimated year) to the horizon. Rows for
 *   history years may be given (a forecast file often starts with its base year): the chart of the
 *   sets shows them, but the model keeps the history.
 */
import type { CsvRow } from "./csv.ts";
import { FILE_NUMBERS } from "./bounds.ts";
import { boundedField, checkContiguous, checkId, groupByYear, readCsvRows, yearField } from "./csv-rows.ts";
import type { DriverSet } from "./data-package.ts";
import { errorAt, readJson } from "./json-source.ts";
import type { PackageError } from "./package-error.ts";
import { id, localizedTextSchema, strictObject } from "./schema-parts.ts";
import { z } from "zod";

export const DRIVER_SETS_FILE = "driver-sets.json";
const FOLDER = "driver-sets/";
const COLUMNS = ["year", "driver", "value"] as const;

const driverSetsSchema = strictObject({
  sets: z.record(
    id("a driver set"),
    strictObject({ name: localizedTextSchema, description: localizedTextSchema.optional() }),
    { error: "expected an object of driver set id → { name, description }" },
  ),
});

/** The CSV file of a driver set. */
export const driverSetFile = (setId: string): string => `${FOLDER}${setId}.csv`;

/** Whether a package file path is a driver set's CSV file. */
export const isDriverSetFile = (path: string): boolean => path.startsWith(FOLDER) && path.endsWith(".csv");

/**
 * The package's driver sets (none without `driver-sets.json`); problems go to `errors`.
 *
 * @param forecastFrom a driver's first forecast year (the year after its history), or undefined
 *   for a driver the package does not have.
 */
export function parseDriverSets(
  files: Readonly<Record<string, string>>,
  forecastFrom: (driver: string) => number | undefined,
  horizon: number | undefined,
  errors: PackageError[],
): Record<string, DriverSet> {
  const csvFiles = Object.keys(files).filter(isDriverSetFile);
  if (files[DRIVER_SETS_FILE] === undefined) {
    for (const file of csvFiles) errors.push({ file, message: `a driver set needs its name in ${DRIVER_SETS_FILE}: expected { "sets": { "${setIdOf(file)}": { "name": { "sv": "…", "en": "…" } } } }` });
    return {};
  }
  const read = readJson(DRIVER_SETS_FILE, files, driverSetsSchema, errors);
  if (read === undefined) return {};
  const sets: Record<string, DriverSet> = {};
  for (const file of csvFiles) {
    if (!Object.hasOwn(read.value.sets, setIdOf(file))) {
      errors.push({ file, message: `not listed in ${DRIVER_SETS_FILE}: expected "${setIdOf(file)}" among its sets (${Object.keys(read.value.sets).join(", ") || "none"})` });
    }
  }
  for (const [setId, info] of Object.entries(read.value.sets)) {
    const file = driverSetFile(setId);
    if (files[file] === undefined) {
      errors.push(errorAt(read.doc, ["sets", setId], `the driver set "${setId}" has no file ${file}: expected its values there (year, driver, value)`));
      continue;
    }
    const drivers = readSet(file, files, forecastFrom, horizon, errors);
    if (drivers !== undefined) sets[setId] = { id: setId, name: info.name, ...(info.description === undefined ? {} : { description: info.description }), drivers };
  }
  return sets;
}

function setIdOf(file: string): string {
  return file.slice(FOLDER.length, -".csv".length);
}

interface SetRow {
  line: number;
  year: number;
  driver: string;
  value: number | undefined;
}

/** One set's file: driver id → values from its first row's year to the horizon; undefined on any error. */
function readSet(
  file: string,
  files: Readonly<Record<string, string>>,
  forecastFrom: (driver: string) => number | undefined,
  horizon: number | undefined,
  errors: PackageError[],
): DriverSet["drivers"] | undefined {
  const before = errors.length;
  const csvRows = readCsvRows(file, files, COLUMNS, "a row per driver and year (year, driver, value)", errors);
  if (csvRows === undefined) return undefined;
  const rows: SetRow[] = [];
  for (const row of csvRows) {
    const driver = knownDriver(file, row, forecastFrom, errors);
    const year = yearField(file, row, errors);
    const value = boundedField(file, row, "value", row.fields.driver ?? "", FILE_NUMBERS.driverValue, errors);
    if (driver !== undefined && year !== undefined) rows.push({ line: row.line, year, driver, value });
  }
  const drivers: DriverSet["drivers"] = {};
  for (const [driver, series] of groupByYear(file, rows, (r) => r.driver, "driver", errors)) {
    checkContiguous(file, driver, series, errors);
    const first = series[0]!;
    const last = series[series.length - 1]!;
    const from = forecastFrom(driver)!;
    if (first.year > from) {
      errors.push({ file, line: first.line, field: "year", message: `${driver} starts in ${first.year}: expected every year after its history, from ${from}` });
    }
    if (horizon !== undefined && last.year < horizon) {
      errors.push({ file, line: last.line, field: "year", message: `${driver} ends in ${last.year}: expected values for every year up to the horizon ${horizon} (municipality.json)` });
    }
    const kept = series.filter((r) => horizon === undefined || r.year <= horizon);
    drivers[driver] = { firstYear: first.year, values: kept.map((r) => r.value ?? Number.NaN) };
  }
  return errors.length > before ? undefined : drivers;
}

function knownDriver(file: string, row: CsvRow, forecastFrom: (driver: string) => number | undefined, errors: PackageError[]): string | undefined {
  const driver = row.fields.driver ?? "";
  if (!checkId(file, row, "driver", driver, "a driver", errors)) return undefined;
  if (forecastFrom(driver) !== undefined) return driver;
  errors.push({ file, line: row.line, field: "driver", message: `unknown driver "${driver}": expected a driver of drivers.csv` });
  return undefined;
}
