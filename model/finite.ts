/**
 * The model's boundary: no result leaves the model holding a number that is not finite
 * (Infinity, −Infinity, NaN; JSON would write them as null, charts as gaps). The input bounds
 * (`bounds.ts`) keep every input within what a municipality's figures can be, so this should
 * never fire; it is the last guard, and it turns an overflow into one clear error instead of a
 * result that is silently wrong.
 */
import type { ForecastColumns } from "./forecast-columns.ts";
import type { MonteCarloColumns } from "./draw-columns.ts";

/** Thrown when a result would hold a number that is not finite; the message names the first one. */
export class NonFiniteResultError extends Error {
  override name = "NonFiniteResultError";
  constructor(readonly what: string, readonly value: number) {
    super(
      `the results cannot be computed: ${what} is ${String(value)}, not a finite number. Some input is far larger or smaller than a municipality's figures can be; run forecast --validate and look at the warnings, and at the values the scenario sets or makes uncertain`,
    );
  }
}

/** Every number among an object's own fields (texts, booleans and null are left alone). */
function checkFields(object: object, where: (field: string) => string): void {
  // for…in over a plain object's own fields: no array per field, as Object.entries would make
  for (const field in object) {
    const value = (object as Record<string, unknown>)[field];
    if (typeof value === "number" && !Number.isFinite(value)) throw new NonFiniteResultError(where(field), value);
  }
}

/**
 * Whether no value of the column is a number that is not finite, without a branch per value:
 * v − v is 0 for a finite number, null (0 − 0) and a boolean, and NaN for ±Infinity and NaN.
 */
function noneNonFinite(values: readonly unknown[]): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] as number) - (values[i] as number);
  return sum === 0;
}

/**
 * The first value of these columns that is a number but not finite, in row order (a row's fields in
 * the columns' order): the value `checkFields` would meet first, row by row.
 */
function firstNonFinite(columns: Readonly<Record<string, readonly unknown[]>>): { field: string; index: number } | undefined {
  let first: { field: string; index: number } | undefined;
  for (const field in columns) {
    const values = columns[field]!;
    if (noneNonFinite(values)) continue;
    // A later column wins only at an earlier row.
    const end = first === undefined ? values.length : first.index;
    for (let i = 0; i < end; i++) {
      const value = values[i];
      if (typeof value === "number" && !Number.isFinite(value)) {
        first = { field, index: i };
        break;
      }
    }
  }
  return first;
}

/**
 * The forecast itself when every number in it is finite (null stands for "none" and is allowed).
 *
 * @throws NonFiniteResultError naming the first number that is not, e.g. "totalFte of building_permits in 2031".
 */
export function finiteForecast(result: ForecastColumns): ForecastColumns {
  const Y = result.years.length;
  const row = firstNonFinite(result.rows);
  if (row !== undefined) {
    const { field, index } = row;
    const where = `${field} of ${result.processes[Math.floor(index / Y)]!.id} in ${result.years[index % Y]!}`;
    throw new NonFiniteResultError(where, result.rows[field as keyof ForecastColumns["rows"]][index]!);
  }
  const total = firstNonFinite(result.totals);
  if (total !== undefined) {
    const { field, index } = total;
    throw new NonFiniteResultError(`${field} in ${result.years[index]!}`, result.totals[field as keyof ForecastColumns["totals"]][index] as number);
  }
  for (const lever of result.levers) checkFields(lever.adoption, (y) => `the adoption of ${lever.id} in ${result.baseYear + Number(y)}`);
  if (result.investment !== null) checkFields(result.investment, (field) => `the investment's ${field}`);
  return result;
}

const COLUMNS = ["fte", "baselineFte", "net", "cumulativeNet", "npv", "humpDepth"] as const;

/**
 * The columns of a Monte Carlo run when every outcome in them is finite (the years of the hump,
 * payback and holding flat are NaN for "none" and are not checked).
 *
 * @throws NonFiniteResultError naming the column and the draw.
 */
export function finiteColumns<C extends MonteCarloColumns>(columns: C, draws: number): C {
  for (const name of COLUMNS) {
    const values = columns[name];
    if (allFinite(values)) continue;
    const perDraw = values.length / draws;
    const index = values.findIndex((value) => !Number.isFinite(value));
    throw new NonFiniteResultError(`${name} in draw ${Math.floor(index / perDraw) + 1}`, values[index]!);
  }
  return columns;
}

/**
 * Whether every value is finite, without a branch per value: v − v is +0 for a finite v and NaN
 * for ±Infinity and NaN, and a sum that meets NaN stays NaN. Four sums, so that each addition
 * need not wait for the one before; the values left over after groups of four first (their loop,
 * first reached in optimised code, would be left for the interpreter in every later call).
 */
function allFinite(values: Float64Array): boolean {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const left = values.length % 4;
  for (let i = 0; i < left; i++) a += values[i]! - values[i]!;
  for (let i = left; i < values.length; i += 4) {
    const v0 = values[i]!;
    const v1 = values[i + 1]!;
    const v2 = values[i + 2]!;
    const v3 = values[i + 3]!;
    a += v0 - v0;
    b += v1 - v1;
    c += v2 - v2;
    d += v3 - v3;
  }
  return a + b + c + d === 0;
}
