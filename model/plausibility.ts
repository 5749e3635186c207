/**
 * Plausibility warnings: values that are valid but far from what a municipality's figures look
 * like, so that a typing mistake that still parses (a thousands separator read as a decimal mark,
 * a missing digit, a band counted twice) does not pass unseen. A warning names the file, line and
 * field and never stops a run; `--validate`, `forecast` (on stderr) and the server's package
 * answer show them. Errors (values outside their valid range) are the schemas' and checkers' job.
 */
import { ALL_AGES, type AgeBand } from "./age-bands.ts";
import { implausible, NUMERIC_INPUTS } from "./bounds.ts";
import type { Lever } from "./data-package.ts";
import { errorAt, type JsonDoc, type JsonPath } from "./json-source.ts";
import type { PackageFinding } from "./package-error.ts";
import type { ParameterSpec } from "./registry.ts";

/** A change between two years larger than this factor (either way) is a warning. */
export const JUMP_FACTOR = 10;

/** Age bands summing to more than their total by more than this share are a warning. */
export const BAND_TOLERANCE = 0.01;

/** Most warnings of one kind in one file; the rest are counted in one more warning. */
export const WARNINGS_PER_KIND = 20;

/** At most {@link WARNINGS_PER_KIND} of a list of warnings, and one that counts the rest. */
export function capped(warnings: PackageFinding[]): PackageFinding[] {
  if (warnings.length <= WARNINGS_PER_KIND) return warnings;
  const first = warnings[0]!;
  return [
    ...warnings.slice(0, WARNINGS_PER_KIND),
    { severity: "warning", file: first.file, message: `and ${warnings.length - WARNINGS_PER_KIND} more warnings like the ones above in this file` },
  ];
}

/**
 * Every number of a parsed JSON file outside its plausible range, by the table of bounds
 * ({@link NUMERIC_INPUTS}: the rows of `file`, except a scenario's `set`, which
 * `implausibleSettings` in `parameters.ts` checks by parameter path).
 *
 * @param file the file's name in the table: "municipality.json", "processes.json",
 *   "levers.json", or "scenarios/<id>.json" for any scenario (its doc names the real file).
 */
export function valueWarnings(doc: JsonDoc | undefined, value: unknown, file: string): PackageFinding[] {
  if (doc === undefined) return [];
  const warnings: PackageFinding[] = [];
  for (const input of NUMERIC_INPUTS) {
    if (input.file !== file || input.field.startsWith("set.")) continue;
    for (const [path, number] of numbersAt(value, fieldTokens(input.field), [])) {
      const message = implausible(input.spec, number);
      if (message !== undefined) warnings.push({ severity: "warning", ...errorAt(doc, path, message) });
    }
  }
  return capped(warnings);
}

/** `processes[].activities[].drivers.<driver>` → ["processes", "[]", "activities", "[]", "drivers", "*"]. */
function fieldTokens(field: string): string[] {
  return field.split(".").flatMap((part) => {
    if (part.startsWith("<")) return ["*"];
    return part.endsWith("[]") ? [part.slice(0, -2), "[]"] : [part];
  });
}

/** The numbers at a field's tokens in a JSON value, with their paths. */
function* numbersAt(value: unknown, tokens: string[], path: JsonPath): Generator<[JsonPath, number]> {
  const [token, ...rest] = tokens;
  if (token === undefined) {
    if (typeof value === "number") yield [path, value];
    return;
  }
  if (token === "[]") {
    if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* numbersAt(item, rest, [...path, index]);
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = token === "*" ? Object.keys(record) : Object.hasOwn(record, token) ? [token] : [];
    for (const key of keys) yield* numbersAt(record[key], rest, [...path, key]);
  }
}

/** Yearly values outside their plausible range (`drivers.csv` values, `headcount.csv` FTE), on their lines. */
export function rowWarnings<Row extends YearValue>(
  file: string,
  series: ReadonlyMap<string, readonly Row[]>,
  valueOf: (row: Row) => number | undefined,
  column: string,
  spec: ParameterSpec,
): PackageFinding[] {
  const warnings: PackageFinding[] = [];
  for (const [key, rows] of series) {
    for (const row of rows) {
      const value = valueOf(row);
      const message = value === undefined ? undefined : implausible(spec, value);
      if (message !== undefined) warnings.push({ severity: "warning", file, line: row.line, field: column, message: `${key} ${row.year}: ${message}` });
    }
  }
  return capped(warnings);
}

/** A yearly value as the CSV checkers keep it: its line, year and value (undefined where it had an error). */
interface YearValue {
  line: number;
  year: number;
}

/** A number for a message: at most 6 significant digits, no float noise. */
function shown(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * A warning for every change between consecutive years by more than {@link JUMP_FACTOR} times,
 * up or down, on the later year's line (zeros are left alone: a flow may be 0 in a year).
 *
 * @param series rows by key (a driver, a process), sorted by year.
 * @param what the key and the column in words, e.g. "driver", "value".
 */
export function jumpWarnings<Row extends YearValue>(
  file: string,
  series: ReadonlyMap<string, readonly Row[]>,
  valueOf: (row: Row) => number | undefined,
  column: string,
): PackageFinding[] {
  const warnings: PackageFinding[] = [];
  for (const [key, rows] of series) {
    for (let index = 1; index < rows.length; index += 1) {
      const before = rows[index - 1]!;
      const row = rows[index]!;
      const a = valueOf(before);
      const b = valueOf(row);
      if (a === undefined || b === undefined || a <= 0 || b <= 0 || row.year !== before.year + 1) continue;
      const factor = Math.max(a / b, b / a);
      if (factor <= JUMP_FACTOR) continue;
      warnings.push({
        severity: "warning",
        file,
        line: row.line,
        field: column,
        message: `${key} goes from ${shown(a)} in ${before.year} (line ${before.line}) to ${shown(b)} in ${row.year}, ${shown(factor)} times ${b > a ? "larger" : "smaller"}: a value changing more than ${JUMP_FACTOR}-fold in a year is most likely a typing mistake (a thousands separator read as a decimal mark, a missing or extra digit)`,
      });
    }
  }
  return capped(warnings);
}

/**
 * Age bands that sum to more than the whole population in a year: a warning on the total's line
 * in the first such year. A driver's band is its drivers.json `ages`, else the one its id names
 * (`driverBand` in `age-bands.ts`); the total is the driver of every age. Only bands that do not
 * overlap are summed (80–89 and 90+ beside 80+ would count the old twice): the most bands that
 * fit side by side, taken by their last age. Bands may cover only some ages, so a smaller sum is
 * no sign of a mistake.
 */
export function bandWarnings<Row extends YearValue>(
  file: string,
  series: ReadonlyMap<string, readonly Row[]>,
  valueOf: (row: Row) => number | undefined,
  bandOf: (id: string) => AgeBand | undefined,
): PackageFinding[] {
  const banded = [...series.keys()].flatMap((id) => {
    const band = bandOf(id);
    return band === undefined ? [] : [{ id, band }];
  });
  const whole = banded.filter(({ band }) => band.from === ALL_AGES.from && band.to === ALL_AGES.to);
  const byLastAge = banded.filter((b) => !whole.includes(b)).sort((a, b) => (a.band.to ?? Infinity) - (b.band.to ?? Infinity) || a.band.from - b.band.from);
  const bands: string[] = [];
  let covered = -1;
  for (const { id, band } of byLastAge) {
    if (band.from <= covered) continue;
    bands.push(id);
    covered = band.to ?? Infinity;
  }
  if (bands.length === 0) return [];
  const sums = new Map<number, number>();
  for (const band of bands) {
    for (const row of series.get(band) ?? []) sums.set(row.year, (sums.get(row.year) ?? 0) + (valueOf(row) ?? 0));
  }
  const warnings: PackageFinding[] = [];
  for (const { id: total } of whole) {
    for (const row of series.get(total) ?? []) {
      const value = valueOf(row);
      const sum = sums.get(row.year) ?? 0;
      if (value === undefined || sum <= value * (1 + BAND_TOLERANCE)) continue;
      warnings.push({
        severity: "warning",
        file,
        line: row.line,
        field: "value",
        message: `the bands of ${total} (${bands.join(", ")}) sum to ${shown(sum)} in ${row.year}, more than ${total} itself (${shown(value)}): expected the parts to sum to at most the whole (a band counted twice, or a value in another unit?)`,
      });
      break;
    }
  }
  return warnings;
}

/**
 * Levers whose reaches on one target sum to more than 1: their savings multiply, so the model
 * never saves more than the work, but reaches above 1 in sum suggest the same work counted twice.
 * One warning per target, at the last lever's reach (`levers` in the order of levers.json, each
 * reach given or the median of its distribution).
 */
export function reachWarnings(doc: JsonDoc | undefined, levers: readonly Lever[]): PackageFinding[] {
  if (doc === undefined) return [];
  const byTarget = new Map<string, { lever: string; reach: number; path: (string | number)[] }[]>();
  levers.forEach((lever, l) =>
    lever.targets.forEach((target, t) => {
      const key = `${target.process} ${target.activity}`;
      const list = byTarget.get(key) ?? [];
      list.push({ lever: lever.id, reach: target.reach, path: ["levers", l, "targets", t, "reach"] });
      byTarget.set(key, list);
    }),
  );
  const warnings: PackageFinding[] = [];
  for (const [target, reaches] of byTarget) {
    const sum = reaches.reduce((total, r) => total + r.reach, 0);
    if (reaches.length < 2 || sum <= 1 + 1e-9) continue;
    const last = reaches[reaches.length - 1]!;
    warnings.push({
      severity: "warning",
      ...errorAt(
        doc,
        last.path,
        `the levers on ${target} reach ${reaches.map((r) => `${shown(r.reach)} (${r.lever})`).join(" + ")} = ${shown(sum)} of its work: their savings multiply and never exceed the work, but reaches summing above 1 suggest the same work counted twice`,
      ),
    });
  }
  return warnings;
}
