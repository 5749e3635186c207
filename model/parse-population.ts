/**
 * A package's optional `population/` folder → the inputs of a cohort-component projection
 * (`cohort.ts`). Files (see `data/README.md`):
 *
 * - `population/population.json`: `baseYear` (the year of the base population, 31 December),
 *   `boysPerGirl` (default 1.05), `inMigrants`: `perYear` and/or `perDwelling` with
 *   `dwellingsDriver` (homes built drive in-migration: I(t) = perYear + perDwelling · dwellings(t)).
 * - `population/base.csv`: `age,sex,value` — the base population by single-year age (the last age
 *   written with a `+`, e.g. `100+`, is the open group) and sex (`women`, `men`).
 * - `population/fertility.csv`: `age,rate` — births per woman by age of mother (ages left out: 0).
 * - `population/mortality.csv`: `age,sex,rate` — probability of dying during the year.
 * - `population/migration.csv`: `age,sex,in_share,out_rate` — weights of the in-migrants' age
 *   profile (scaled to sum to 1) and out-migrants per resident.
 *
 * Ages are completed ages on 31 December (the age attained by the end of the year).
 */
import { z } from "zod";
import type { BySex, CohortAssumptions } from "./cohort.ts";
import { type CsvRow, numberField } from "./csv.ts";
import { readCsvRows } from "./csv-rows.ts";
import { readJson } from "./json-source.ts";
import type { PackageError } from "./package-error.ts";
import { ID_PATTERN } from "./schema-parts.ts";

export const POPULATION_FILES = ["population/population.json", "population/base.csv", "population/fertility.csv", "population/mortality.csv", "population/migration.csv"] as const;

/** A package's population: the base, the assumptions, and what drives in-migration. */
export interface Population {
  baseYear: number;
  /** The open age group "maxAge and older". */
  maxAge: number;
  base: BySex;
  assumptions: CohortAssumptions;
  inMigrants: { perYear: number; perDwelling: number; dwellingsDriver?: string };
}

const populationSchema = z
  .object({
    baseYear: z.number().int().min(1900).max(2200),
    boysPerGirl: z.number().positive().max(2).default(1.05),
    inMigrants: z
      .object({
        perYear: z.number().nonnegative().default(0),
        perDwelling: z.number().nonnegative().default(0),
        dwellingsDriver: z.string().regex(ID_PATTERN, "expected a driver id").optional(),
      })
      .strict()
      .refine((m) => m.perDwelling === 0 || m.dwellingsDriver !== undefined, {
        message: "perDwelling needs dwellingsDriver: the driver of homes built (e.g. dwellings_completed)",
        path: ["dwellingsDriver"],
      }),
  })
  .strict();

type Sex = "women" | "men";
const SEXES: readonly Sex[] = ["women", "men"];

/**
 * The package's population, undefined when it has no `population/` folder; problems go to `errors`.
 *
 * @param files the package's files by path (`population/base.csv` …).
 */
export function parsePopulation(files: Readonly<Record<string, string>>, errors: PackageError[]): Population | undefined {
  if (!POPULATION_FILES.some((f) => files[f] !== undefined)) return undefined;
  const before = errors.length;
  for (const file of POPULATION_FILES) {
    if (files[file] === undefined) errors.push({ file, message: `missing: a population/ folder needs ${POPULATION_FILES.join(", ")}` });
  }
  if (errors.length > before) return undefined;

  const settings = readJson("population/population.json", files, populationSchema, errors)?.value;
  const base = readBase(files, errors);
  if (settings === undefined || base === undefined) return undefined;
  const ages = base.maxAge + 1;
  const fertility = new Float64Array(ages);
  const mortality = { women: new Float64Array(ages), men: new Float64Array(ages) };
  const inProfile = { women: new Float64Array(ages), men: new Float64Array(ages) };
  const outRate = { women: new Float64Array(ages), men: new Float64Array(ages) };

  for (const { row, age } of agedRows("population/fertility.csv", ["age", "rate"], files, base.maxAge, errors)) {
    const rate = rateField("population/fertility.csv", row, "rate", 10, errors);
    if (rate !== undefined) fertility[age] = rate;
  }
  for (const { row, age } of agedRows("population/mortality.csv", ["age", "sex", "rate"], files, base.maxAge, errors)) {
    const sex = sexField("population/mortality.csv", row, errors);
    const rate = rateField("population/mortality.csv", row, "rate", 1, errors);
    if (sex !== undefined && rate !== undefined) mortality[sex][age] = rate;
  }
  for (const { row, age } of agedRows("population/migration.csv", ["age", "sex", "in_share", "out_rate"], files, base.maxAge, errors)) {
    const sex = sexField("population/migration.csv", row, errors);
    const share = rateField("population/migration.csv", row, "in_share", Infinity, errors);
    const rate = rateField("population/migration.csv", row, "out_rate", 1, errors);
    if (sex !== undefined && share !== undefined) inProfile[sex][age] = share;
    if (sex !== undefined && rate !== undefined) outRate[sex][age] = rate;
  }
  const shareSum = SEXES.reduce((sum, sex) => sum + inProfile[sex].reduce((a, b) => a + b, 0), 0);
  if (settings.inMigrants.perYear + settings.inMigrants.perDwelling > 0 && shareSum === 0) {
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
      ...(settings.inMigrants.dwellingsDriver === undefined ? {} : { dwellingsDriver: settings.inMigrants.dwellingsDriver }),
    },
  };
}

/** base.csv: the open age (written `N+`) sets maxAge; every age 0 … maxAge needs both sexes once. */
function readBase(files: Readonly<Record<string, string>>, errors: PackageError[]): { maxAge: number; population: { women: Float64Array; men: Float64Array } } | undefined {
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
    const value = rateField(file, row, "value", Infinity, errors);
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

/** A number from 0 to `max` in `column`, or undefined (reported). */
function rateField(file: string, row: CsvRow, column: string, max: number, errors: PackageError[]): number | undefined {
  const parsed = numberField(file, row, column);
  if (!parsed.ok) {
    errors.push(parsed.error);
    return undefined;
  }
  if (parsed.value < 0 || parsed.value > max) {
    const expected = max === Infinity ? "zero or more" : `a number from 0 to ${max}`;
    errors.push({ file, line: row.line, field: column, message: `${parsed.value} is out of range: expected ${expected}` });
    return undefined;
  }
  return parsed.value;
}
