/**
 * File texts → a validated {@link DataPackage}, or every problem found, each with its file, line
 * and field.
 *
 * Pure: takes the texts (see `io/read-package-folder.ts` for reading them from a folder) and
 * never throws on bad input. The file formats are described in `data/README.md`; the JSON shapes
 * are the zod schemas in `package-schema.ts`, read with their lines by `json-source.ts`, and the
 * CSV files are read by `csv.ts`. Each file has its own checker (`parse-drivers.ts`,
 * `parse-headcount.ts`, `parse-processes.ts`, `parse-levers.ts`, `parse-scenarios.ts`); this
 * module reads every file, derives the base year and hands each checker what the others found.
 */
import type { DataPackage, Municipality } from "./data-package.ts";
import { errorAt, readJson } from "./json-source.ts";
import { type PackageError, type PackageFinding, SEVERITIES } from "./package-error.ts";
import {
  driversFileSchema,
  type LeversFile,
  leversFileSchema,
  type MunicipalityFile,
  municipalitySchema,
  processesFileSchema,
} from "./package-schema.ts";
import { type AgeBand, driverBand } from "./age-bands.ts";
import { withPopulationForecast } from "./cohort-drivers.ts";
import { DRIVER_SETS_FILE, parseDriverSets } from "./parse-driver-sets.ts";
import { checkDriverInfo, checkDrivers, type DriverTable, readDriverRows, toDriverSeries } from "./parse-drivers.ts";
import { checkHeadcount, readHeadcountRows, toHeadcount } from "./parse-headcount.ts";
import { checkLevers } from "./parse-levers.ts";
import { linkPopulation, parsePopulation, POPULATION_FILES } from "./parse-population.ts";
import { checkProcesses } from "./parse-processes.ts";
import { checkScenarioParameters, checkScenarios, readScenarios } from "./parse-scenarios.ts";
import { bandWarnings, jumpWarnings, reachWarnings, rowWarnings, valueWarnings } from "./plausibility.ts";
import { FILE_NUMBERS } from "./bounds.ts";

export { fieldPath } from "./json-source.ts";

/**
 * The result of {@link parseDataPackage}: the package, or its errors; and in both cases the graded
 * report, every finding (errors, warnings, notes) in the order a planner reads them.
 */
export type ParseDataPackageResult =
  | { ok: true; package: DataPackage; report: PackageFinding[] }
  | { ok: false; errors: PackageError[]; report: PackageFinding[] };

/** The files every package must have. */
export const REQUIRED_FILES = ["municipality.json", "drivers.csv", "headcount.csv", "processes.json"] as const;

/**
 * Optional files: a missing `drivers.json` means every driver is a stock named by its id; a
 * missing `levers.json` means no levers; without `population/` the drivers are as drivers.csv
 * gives them; without `driver-sets.json` there are no named driver sets. Scenarios are
 * `scenarios/<id>.json`, driver sets `driver-sets/<id>.csv`.
 */
export const OPTIONAL_FILES = ["drivers.json", "levers.json", ...POPULATION_FILES, DRIVER_SETS_FILE] as const;

/**
 * Parses and validates a data package from its file texts.
 *
 * @param files path relative to the package folder → text: `municipality.json`, `drivers.csv`,
 *   `headcount.csv`, `processes.json`, optionally `drivers.json`, `levers.json`, the `population/`
 *   files, `driver-sets.json` with `driver-sets/<id>.csv`, and `scenarios/<id>.json` (the scenario
 *   id is the file name without `.json`). Other keys are ignored. Bytes are decoded first by
 *   `decodeFiles` (`text-encoding.ts`).
 * @param earlier what reading the files found (`decodeFiles`, `io/read-package-folder.ts`):
 *   notes, warnings and errors (an error stops the package; a required file refused by the reader
 *   is not reported again as missing).
 * @returns the typed package, or every problem found (not only the first), each naming the file,
 *   the line and the field where it has them, and saying what was expected; sorted by file
 *   (municipality.json, drivers.csv, headcount.csv, processes.json, levers.json, scenarios) and
 *   line. The report holds the errors, warnings and notes alike, sorted by severity, file and line.
 * @example
 * const result = parseDataPackage({ "municipality.json": "…", "drivers.csv": "…", … });
 * if (!result.ok) for (const e of result.errors) console.log(formatPackageError(e));
 */
export function parseDataPackage(files: Readonly<Record<string, string>>, earlier: readonly PackageFinding[] = []): ParseDataPackageResult {
  const errors: PackageError[] = earlier.filter((f) => f.severity === "error").map(({ severity: _, ...error }) => error);
  const warnings: PackageFinding[] = earlier.filter((f) => f.severity !== "error");
  try {
    const pkg = parse(files, errors, warnings);
    if (errors.length === 0 && pkg !== undefined) return { ok: true, package: pkg, report: sortFindings(warnings) };
  } catch (error) {
    // A bug here must not surface as a stack trace to a planner; report it in the one format.
    errors.push({
      file: "(package)",
      message: `internal error while checking the package (a bug in Vaxa, please report it): ${
        error instanceof Error ? error.message : String(error)
      }`,
    });
  }
  const sorted = sortErrors(errors);
  return { ok: false, errors: sorted, report: sortFindings([...sorted.map((e): PackageFinding => ({ severity: "error", ...e })), ...warnings]) };
}

/** Findings by severity (errors first), then as {@link sortErrors} orders errors. */
function sortFindings(findings: PackageFinding[]): PackageFinding[] {
  return SEVERITIES.flatMap((severity) => sortErrors(findings.filter((f) => f.severity === severity)));
}

/** Errors in the order a planner fixes them: file by file (the files in dependency order), then by line. */
function sortErrors<E extends PackageError>(errors: E[]): E[] {
  const order: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES];
  const rank = (file: string) => {
    const index = order.indexOf(file);
    return index >= 0 ? index : order.length;
  };
  return errors
    .map((error, index) => ({ error, index }))
    .sort(
      (a, b) =>
        rank(a.error.file) - rank(b.error.file) ||
        (a.error.file < b.error.file ? -1 : a.error.file > b.error.file ? 1 : 0) ||
        (a.error.line ?? 0) - (b.error.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ error }) => error);
}

/**
 * Every file read and checked on its own, then against the files it refers to where those could be
 * read, so that one broken file does not hide the problems of the others. Undefined on any error.
 */
function parse(files: Readonly<Record<string, string>>, errors: PackageError[], warnings: PackageFinding[]): DataPackage | undefined {
  const refused = new Set(errors.map((e) => e.file.toLowerCase()));
  for (const file of REQUIRED_FILES) {
    if (files[file] === undefined && !refused.has(file)) {
      errors.push({ file, message: `required file is missing: a package needs ${REQUIRED_FILES.join(", ")}` });
    }
  }

  const municipality = readJson("municipality.json", files, municipalitySchema, errors);
  const driverRows = readDriverRows(files, errors);
  const driversFile = readJson("drivers.json", files, driversFileSchema, errors);
  const headcountRows = readHeadcountRows(files, errors);
  const processesFile = readJson("processes.json", files, processesFileSchema, errors);
  const leversFile =
    files["levers.json"] === undefined
      ? { doc: undefined, value: { levers: [] } satisfies LeversFile }
      : readJson("levers.json", files, leversFileSchema, errors);
  const scenarioFiles = readScenarios(files, errors);

  // The base year is the last year in headcount.csv.
  // A loop, not Math.max(...rows): spreading a long file's rows overflows the call stack.
  const baseYear = headcountRows?.reduce<number | undefined>((last, r) => (last === undefined || r.year > last ? r.year : last), undefined);
  if (municipality !== undefined && baseYear !== undefined && municipality.value.horizon <= baseYear) {
    errors.push(
      errorAt(municipality.doc, ["horizon"], `horizon ${municipality.value.horizon} is not after the base year ${baseYear} (the last year in headcount.csv): expected a later year`),
    );
  }

  const populationFolder = parsePopulation(files, errors, warnings);
  const ages = declaredAges(driversFile?.value);
  const drivers =
    driverRows === undefined ? undefined : checkDrivers(driverRows, baseYear, municipality?.value.horizon, errors, (id) => populationFolder !== undefined && driverBand({ id, ages: ages[id] }) !== undefined);
  if (driversFile !== undefined) checkDriverInfo(driversFile.doc, driversFile.value, drivers, errors);
  const population =
    populationFolder === undefined || drivers === undefined || baseYear === undefined || municipality === undefined
      ? undefined
      : linkPopulation(populationFolder, historyOf(drivers), ages, baseYear, municipality.value.horizon, errors);
  const processIds = processesFile === undefined ? undefined : new Set(processesFile.value.processes.map((p) => p.id));
  const headcount = headcountRows === undefined ? undefined : checkHeadcount(headcountRows, baseYear, processIds, errors);
  const processes =
    processesFile === undefined ? undefined : checkProcesses(processesFile.doc, processesFile.value, drivers, headcount, baseYear, errors);
  const levers =
    leversFile === undefined ? undefined : checkLevers(leversFile.doc, leversFile.value, processesFile?.value, baseYear, errors);
  const driverSets =
    drivers === undefined ? {} : parseDriverSets(files, (d) => forecastFrom(drivers, d, baseYear), municipality?.value.horizon, errors);
  const scenarios = checkScenarios(scenarioFiles, drivers, leversFile?.value, driverSets, errors);

  // Plausibility (warnings, which never stop the package): values far outside what a package holds.
  const f = FILE_NUMBERS;
  if (municipality !== undefined) warnings.push(...valueWarnings(municipality.doc, municipality.value, "municipality.json"));
  if (drivers !== undefined) {
    warnings.push(
      ...rowWarnings("drivers.csv", drivers, (r) => r.value, "value", f.driverValue),
      ...jumpWarnings("drivers.csv", drivers, (r) => r.value, "value"),
      ...bandWarnings("drivers.csv", drivers, (r) => r.value, (id) => driverBand({ id, ages: ages[id] })),
    );
  }
  if (headcount !== undefined) warnings.push(...rowWarnings("headcount.csv", headcount, (r) => r.fte, "fte", f.fte), ...jumpWarnings("headcount.csv", headcount, (r) => r.fte, "fte"));
  if (processesFile !== undefined) warnings.push(...valueWarnings(processesFile.doc, processesFile.value, "processes.json"));
  if (leversFile !== undefined) warnings.push(...valueWarnings(leversFile.doc, leversFile.value, "levers.json"));
  if (leversFile !== undefined && levers !== undefined) warnings.push(...reachWarnings(leversFile.doc, levers));

  if (
    errors.length > 0 ||
    municipality === undefined ||
    baseYear === undefined ||
    drivers === undefined ||
    headcount === undefined ||
    processes === undefined ||
    levers === undefined ||
    (populationFolder !== undefined && population === undefined)
  ) {
    return undefined;
  }
  const series = toDriverSeries(drivers, municipality.value.horizon, driversFile?.value.drivers);
  const pkg: DataPackage = {
    municipality: toMunicipality(municipality.value),
    baseYear,
    drivers: population === undefined ? series : withPopulationForecast(series, population, municipality.value.horizon),
    headcount: toHeadcount(headcount),
    processes,
    levers,
    scenarios,
    ...(Object.keys(driverSets).length === 0 ? {} : { driverSets }),
    ...(population === undefined ? {} : { population }),
  };
  checkScenarioParameters(pkg, scenarioFiles, errors, warnings);
  return errors.length > 0 ? undefined : pkg;
}

/** The age bands drivers.json declares, by driver id. */
function declaredAges(file: { drivers: Record<string, { ages?: [number, number | null] | undefined }> } | undefined): Record<string, AgeBand> {
  return Object.fromEntries(
    Object.entries(file?.drivers ?? {}).flatMap(([id, info]) => (info.ages === undefined ? [] : [[id, { from: info.ages[0], to: info.ages[1] }]])),
  );
}

/** Each driver's rows as history (actual or estimate) or forecast. */
function historyOf(drivers: DriverTable) {
  return new Map([...drivers].map(([id, rows]) => [id, rows.map((r) => ({ line: r.line, year: r.year, history: r.kind !== "forecast" }))]));
}

/**
 * A driver's first forecast year, the first a driver set may change: the year after its last
 * actual year, or after the base year when that is later; undefined for an unknown driver.
 */
function forecastFrom(drivers: DriverTable, driver: string, baseYear: number | undefined): number | undefined {
  const rows = drivers.get(driver);
  if (rows === undefined) return undefined;
  const lastHistory = rows.filter((r) => r.kind !== "forecast").at(-1)?.year ?? -Infinity;
  return Math.max(lastHistory, baseYear ?? -Infinity) + 1;
}

function toMunicipality(file: MunicipalityFile): Municipality {
  return {
    name: file.name,
    ...(file.illustrative === undefined ? {} : { illustrative: { ...file.illustrative } }),
    currency: file.currency,
    costPerFte: file.costPerFte,
    workingTime: { ...file.workingTime },
    discountRate: file.discountRate,
    horizon: file.horizon,
  };
}
