/**
 * A package's optional `population/` folder → the inputs of a cohort-component projection
 * (`cohort.ts`). Files (see `data/README.md`):
 *
 * - `population/population.json`: `baseYear` (the year of the base population, 31 December),
 *   `boysPerGirl` (default 1.05), `inMigrants`: `perYear` and/or `perDwelling` with
 *   `dwellingsDriver` (homes built drive in-migration) and/or `perResident` (homes others leave):
 *   I(t) = perYear + perDwelling · dwellings(t) + perResident · residents(t − 1),
 *   and optionally `distributions` of the scale factors `fertility`, `mortality`, `inMigration`,
 *   `outMigration` (the parameters `population.<name>`, 1 = the rates as given).
 * - `population/base.csv`: `age,sex,value` — the base population by single-year age (the last age
 *   written with a `+`, e.g. `100+`, is the open group) and sex (`women`, `men`).
 * - `population/fertility.csv`: `age,rate` — births per woman by age of mother (ages left out: 0).
 * - `population/mortality.csv`: `age,sex,rate` — probability of dying during the year.
 * - `population/migration.csv`: `age,sex,in_share,out_rate` — weights of the in-migrants' age
 *   profile (scaled to sum to 1) and out-migrants per resident.
 *
 * Ages are completed ages on 31 December (the age attained by the end of the year).
 *
 * {@link linkPopulation} then checks the folder against drivers.csv: which drivers it drives (the
 * age bands) and that each of them ends where the projection starts.
 */
import { z } from "zod";
import { type AgeBand, ageBandProblem, driverBand, formatAgeBand, sumAgeBand } from "./age-bands.ts";
import { implausible, POPULATION_NUMBERS as N } from "./bounds.ts";
import type { CsvRow } from "./csv.ts";
import { boundedField, readCsvRows } from "./csv-rows.ts";
import type { Population } from "./data-package.ts";
import { distributionSchema } from "./distribution-schema.ts";
import { readJson } from "./json-source.ts";
import type { PackageError, PackageFinding } from "./package-error.ts";
import type { ParameterSpec } from "./registry.ts";
import { capped, valueWarnings } from "./plausibility.ts";
import { boundedNumber, ID_PATTERN, strictObject, year } from "./schema-parts.ts";

export const POPULATION_FILES = ["population/population.json", "population/base.csv", "population/fertility.csv", "population/mortality.csv", "population/migration.csv"] as const;
const SETTINGS = "population/population.json";

/** The population folder as read, before it is linked to the drivers it drives. */
export type PopulationFolder = Omit<Population, "bands">;

const populationSchema = z
  .object({
    baseYear: year,
    boysPerGirl: boundedNumber(N.boysPerGirl).default(1.05),
    inMigrants: z
      .object({
        perYear: boundedNumber(N.perYear).default(0),
        perDwelling: boundedNumber(N.perDwelling).default(0),
        perResident: boundedNumber(N.perResident).default(0),
        dwellingsDriver: z.string().regex(ID_PATTERN, "expected a driver id").optional(),
      })
      .strict()
      .refine((m) => m.perDwelling === 0 || m.dwellingsDriver !== undefined, {
        message: "perDwelling needs dwellingsDriver: the driver of homes built (e.g. dwellings_completed)",
        path: ["dwellingsDriver"],
      }),
    distributions: strictObject({
      fertility: distributionSchema.optional(),
      mortality: distributionSchema.optional(),
      inMigration: distributionSchema.optional(),
      outMigration: distributionSchema.optional(),
    }).default({}),
  })
  .strict();

type Sex = "women" | "men";
const SEXES: readonly Sex[] = ["women", "men"];

/**
 * The package's population, undefined when it has no `population/` folder; problems go to `errors`.
 *
 * @param files the package's files by path (`population/base.csv` …).
 */
export function parsePopulation(files: Readonly<Record<string, string>>, errors: PackageError[], warnings: PackageFinding[] = []): PopulationFolder | undefined {
  if (!POPULATION_FILES.some((f) => files[f] !== undefined)) return undefined;
  const before = errors.length;
  for (const file of POPULATION_FILES) {
    if (files[file] === undefined) errors.push({ file, message: `missing: a population/ folder needs ${POPULATION_FILES.join(", ")}` });
  }
  if (errors.length > before) return undefined;

  const settingsFile = readJson(SETTINGS, files, populationSchema, errors);
  if (settingsFile !== undefined) warnings.push(...valueWarnings(settingsFile.doc, settingsFile.value, SETTINGS));
  const settings = settingsFile?.value;
  const implausibleRows: PackageFinding[] = [];
  const field = (file: string, row: CsvRow, spec: ParameterSpec) => {
    const value = boundedField(file, row, spec.name, `age ${row.fields.age ?? ""}${row.fields.sex === undefined ? "" : ` ${row.fields.sex}`}`, spec, errors);
    const message = value === undefined ? undefined : implausible(spec, value);
    if (message !== undefined) implausibleRows.push({ severity: "warning", file, line: row.line, field: spec.name, message });
    return value;
  };
  const base = readBase(files, errors, field);
  if (settings === undefined || base === undefined) return undefined;
  const ages = base.maxAge + 1;
  const fertility = new Float64Array(ages);
  const mortality = { women: new Float64Array(ages), men: new Float64Array(ages) };
  const inProfile = { women: new Float64Array(ages), men: new Float64Array(ages) };
  const outRate = { women: new Float64Array(ages), men: new Float64Array(ages) };

  for (const { row, age } of agedRows("population/fertility.csv", ["age", "rate"], files, base.maxAge, errors)) {
    const rate = field("population/fertility.csv", row, N.fertility);
    if (rate !== undefined) fertility[age] = rate;
  }
  for (const { row, age } of agedRows("population/mortality.csv", ["age", "sex", "rate"], files, base.maxAge, errors)) {
    const sex = sexField("population/mortality.csv", row, errors);
    const rate = field("population/mortality.csv", row, N.mortality);
    if (sex !== undefined && rate !== undefined) mortality[sex][age] = rate;
  }
  for (const { row, age } of agedRows("population/migration.csv", ["age", "sex", "in_share", "out_rate"], files, base.maxAge, errors)) {
    const sex = sexField("population/migration.csv", row, errors);
    const share = field("population/migration.csv", row, N.inShare);
    const rate = field("population/migration.csv", row, N.outRate);
    if (sex !== undefined && share !== undefined) inProfile[sex][age] = share;
    if (sex !== undefined && rate !== undefined) outRate[sex][age] = rate;
  }
  warnings.push(...capped(implausibleRows));
  const shareSum = SEXES.reduce((sum, sex) => sum + inProfile[sex].reduce((a, b) => a + b, 0), 0);
  if (settings.inMigrants.perYear + settings.inMigrants.perDwelling + settings.inMigrants.perResident > 0 && shareSum === 0) {
    errors.push({ file: "population/migration.csv", field: "in_share", message: "every in_share is 0: expected the age profile of in-migrants (weights, scaled to sum to 1)" });
  }
  if (errors.length > before) return undefined;
  for (const sex of SEXES) for (let x = 0; x < ages; x += 1) inProfile[sex][x] = shareSum === 0 ? 0 : (inProfile[sex][x] ?? 0) / shareSum;
  return {
    baseYear: settings.baseYear,
    maxAge: base.maxAge,
    base: base.population,
    assumptions: { fertility, boysPerGirl: settings.boysPerGirl, mortality, inMigrationProfile: inProfile, outMigrationRate: outRate },
    inMigrants: {
      perYear: settings.inMigrants.perYear,
      perDwelling: settings.inMigrants.perDwelling,
      perResident: settings.inMigrants.perResident,
      ...(settings.inMigrants.dwellingsDriver === undefined ? {} : { dwellingsDriver: settings.inMigrants.dwellingsDriver }),
    },
    distributions: Object.fromEntries(Object.entries(settings.distributions).filter(([, d]) => d !== undefined)),
  };
}

/** A drivers.csv row as far as {@link linkPopulation} needs it: history (actual or estimate) or forecast. */
export interface DriverYear {
  line: number;
  year: number;
  history: boolean;
}

/**
 * The drivers a population drives, checked against drivers.csv: every driver that is an age band
 * (its `ages` in drivers.json, else its id: `residents`, `residents_80_89`, `residents_90plus`)
 * follows the projection after the population's base year, so drivers.csv gives its history up to
 * that year and nothing later. Undefined (with the problems in `errors`) when they do not fit.
 *
 * @param drivers each driver's rows in drivers.csv, sorted by year.
 * @param ages bands declared in drivers.json (`"ages": [from, to]`), by driver id.
 * @param baseYear the package's base year (the last year of headcount.csv).
 */
export function linkPopulation(
  folder: PopulationFolder,
  drivers: ReadonlyMap<string, readonly DriverYear[]>,
  ages: Readonly<Record<string, AgeBand>>,
  baseYear: number,
  horizon: number,
  errors: PackageError[],
): Population | undefined {
  const before = errors.length;
  const start = folder.baseYear;
  if (start < baseYear || start >= horizon) {
    errors.push({
      file: SETTINGS,
      field: "baseYear",
      message: `${start} is outside the package's years: expected a year from the base year ${baseYear} (headcount.csv) to ${horizon - 1}, before the horizon`,
    });
  }
  const dwellings = folder.inMigrants.dwellingsDriver;
  if (dwellings !== undefined && !drivers.has(dwellings)) {
    errors.push({ file: SETTINGS, field: "inMigrants.dwellingsDriver", message: `unknown driver "${dwellings}": expected a driver of drivers.csv (homes built)` });
  }
  const bands: Population["bands"] = [];
  for (const [driver, rows] of drivers) {
    const band = driverBand({ id: driver, ages: ages[driver] });
    if (band === undefined) continue;
    bands.push({ driver, band });
    const problem = ageBandProblem(band, folder.maxAge);
    if (problem !== undefined) {
      errors.push({ file: "drivers.csv", field: "driver", message: `${driver} (ages ${formatAgeBand(band)}) cannot follow population/: ${problem}` });
    } else if (sumAgeBand(folder.base.women, band) + sumAgeBand(folder.base.men, band) <= 0) {
      errors.push({ file: "population/base.csv", field: "value", message: `nobody is aged ${formatAgeBand(band)}: ${driver} follows the band's growth, so expected people of those ages in the base population` });
    }
    const later = rows.find((r) => r.year > start);
    if (later !== undefined) {
      errors.push({
        file: "drivers.csv",
        line: later.line,
        field: "year",
        message: `${driver} follows the population projection (population/) after ${start}: expected no rows after ${start} (move a forecast of your own to a driver set, driver-sets/)`,
      });
    }
    const last = rows.filter((r) => r.year <= start).at(-1);
    if (last === undefined || last.year !== start || !last.history) {
      errors.push({
        file: "drivers.csv",
        ...(last === undefined ? {} : { line: last.line }),
        field: "kind",
        message: `${driver} follows the population projection from ${start} (population/population.json baseYear): expected ${driver} ${start} as an actual or an estimate`,
      });
    }
  }
  if (bands.length === 0) {
    errors.push({ file: SETTINGS, message: "the population drives no driver: expected age-band drivers in drivers.csv such as residents or residents_80plus (or drivers.json \"ages\")" });
  }
  return errors.length > before ? undefined : { ...folder, bands };
}

/** base.csv: the open age (written `N+`) sets maxAge; every age 0 … maxAge needs both sexes once. */
function readBase(
  files: Readonly<Record<string, string>>,
  errors: PackageError[],
  field: (file: string, row: CsvRow, spec: ParameterSpec) => number | undefined,
): { maxAge: number; population: { women: Float64Array; men: Float64Array } } | undefined {
  const file = "population/base.csv";
  const rows = readCsvRows(file, files, ["age", "sex", "value"], "the population by age and sex (age, sex, value)", errors);
  if (rows === undefined) return undefined;
  const open = rows.filter((r) => /^\d{1,3}\+$/.test(r.fields.age ?? ""));
  if (open.length === 0) {
    errors.push({ file, line: rows[0]?.line ?? 2, field: "age", message: 'no open age group: expected the oldest age written with a "+", e.g. 100+' });
    return undefined;
  }
  const maxAge = Number((open[0]!.fields.age ?? "").slice(0, -1));
  const before = errors.length;
  const population = { women: new Float64Array(maxAge + 1), men: new Float64Array(maxAge + 1) };
  const seen = new Map<string, number>();
  for (const row of rows) {
    const age = ageField(file, row, maxAge, errors);
    const sex = sexField(file, row, errors);
    const value = field(file, row, N.people);
    if (age === undefined || sex === undefined || value === undefined) continue;
    const key = `${age}|${sex}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({ file, line: row.line, field: "age", message: `${sex} aged ${row.fields.age} appear twice, on lines ${earlier} and ${row.line}` });
      continue;
    }
    seen.set(key, row.line);
    population[sex][age] = value;
  }
  for (const sex of SEXES) {
    const missing = [...Array(maxAge + 1).keys()].filter((age) => !seen.has(`${age}|${sex}`));
    if (missing.length > 0) errors.push({ file, field: "age", message: `no ${sex} aged ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? " …" : ""}: expected every age from 0 to ${maxAge}+ for both sexes` });
  }
  return errors.length > before ? undefined : { maxAge, population };
}

function* agedRows(file: string, columns: readonly string[], files: Readonly<Record<string, string>>, maxAge: number, errors: PackageError[]): Generator<{ row: CsvRow; age: number }> {
  for (const row of readCsvRows(file, files, columns, `a row per age (${columns.join(", ")})`, errors) ?? []) {
    const age = ageField(file, row, maxAge, errors);
    if (age !== undefined) yield { row, age };
  }
}

/** `age`: a whole age 0 … maxAge, the last one written `maxAge+` or `maxAge`. */
function ageField(file: string, row: CsvRow, maxAge: number, errors: PackageError[]): number | undefined {
  const text = (row.fields.age ?? "").replace(/\+$/, "");
  const age = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (age >= 0 && age <= maxAge) return age;
  errors.push({ file, line: row.line, field: "age", message: `"${row.fields.age ?? ""}" is not an age: expected a whole age from 0 to ${maxAge}+ (the open group in base.csv)` });
  return undefined;
}

function sexField(file: string, row: CsvRow, errors: PackageError[]): Sex | undefined {
  const sex = row.fields.sex ?? "";
  if (sex === "women" || sex === "men") return sex;
  errors.push({ file, line: row.line, field: "sex", message: `"${sex}" is not a sex: expected women or men` });
  return undefined;
}
