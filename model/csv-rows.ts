/**
 * Checks shared by the package's long-format CSV files (`drivers.csv`, `headcount.csv`): one row
 * per key (a driver or a process) and year. Each check reports to `errors` and leaves out only
 * what it cannot use, so that one bad field is not also reported as a gap or a missing year.
 */
import { type CsvRow, decimalCommaLine, numberField, parseCsv, parseDecimal } from "./csv.ts";
import { mayBeThousands } from "./number-text.ts";
import { type PackageError, quoted } from "./package-error.ts";
import type { ParameterSpec } from "./registry.ts";
import { rangeText, YEAR_RANGE } from "./ranges.ts";
import { ID_LENGTH, ID_PATTERN } from "./schema-parts.ts";

/**
 * The data rows of `files[file]`, read by {@link parseCsv}.
 *
 * @param expectedRows what the rows should be, for the error when there are none, e.g. "a row per
 *   driver and year (year, driver, value, kind)".
 * @param counts the columns of counts and quantities, checked for thousands separators by
 *   {@link checkThousands}; a field it reports is left out of its row (`fields[column]` absent),
 *   which {@link boundedField} takes as reported.
 * @returns the rows, or undefined when the file is missing (reported by the caller) or its header
 *   is unusable (reported here).
 */
export function readCsvRows(
  file: string,
  files: Readonly<Record<string, string>>,
  columns: readonly string[],
  expectedRows: string,
  errors: PackageError[],
  counts: readonly string[] = [],
): CsvRow[] | undefined {
  const text = files[file];
  if (text === undefined) return undefined;
  const { table, errors: csvErrors } = parseCsv(file, text, columns);
  errors.push(...csvErrors);
  if (table === undefined) return undefined;
  // Lines with errors are left out of the table; "no data lines" is only true when there were none.
  if (table.rows.length === 0 && csvErrors.length === 0) {
    errors.push({ file, line: 2, message: `no data lines: expected ${expectedRows}` });
  }
  for (const column of counts) checkThousands(file, table.rows, column, errors);
  return table.rows;
}

/**
 * The rule for a lone comma followed by exactly three digits (`103,656`) in a column of counts:
 * it may be an English thousands separator (103656) or a Swedish decimal comma (103.656), and
 * reading it the wrong way changes the number a thousandfold, so it is an error naming the line —
 * unless another value in the same column writes a decimal comma that cannot be a thousands
 * separator (`12,5`, `0,25`, `1 234,5`): then the column evidently uses decimal commas and the
 * value is read as a decimal. Each reported field is removed from its row.
 */
export function checkThousands(file: string, rows: readonly CsvRow[], column: string, errors: PackageError[]): void {
  if (decimalCommaLine(rows, column) !== undefined) return;
  const pointLine = rows.find((row) => {
    const text = row.fields[column] ?? "";
    return text.includes(".") && parseDecimal(text).ok;
  })?.line;
  const hint = pointLine === undefined ? "" : `; line ${pointLine} writes a decimal point, so this comma is most likely a thousands separator`;
  for (const row of rows) {
    const text = row.fields[column];
    if (text === undefined || !mayBeThousands(text)) continue;
    const [whole = "", decimals = ""] = text.replace(/^[-\u2212+]/, "").split(",");
    errors.push({
      file,
      line: row.line,
      field: column,
      message: `${quoted(text)} is ambiguous: a comma followed by exactly three digits may be a thousands separator (${whole}${decimals}) or a decimal comma (${whole}.${decimals})${hint}; write ${whole}${decimals} or ${whole} ${decimals} for the whole number, ${whole}.${decimals} for the decimal`,
    });
    delete row.fields[column];
  }
}

/** Whether `value` is a valid id; if not, an error saying it is not `what` (e.g. "a driver") id. */
export function checkId(file: string, row: CsvRow, column: string, value: string, what: string, errors: PackageError[]): boolean {
  if (value.length <= ID_LENGTH && ID_PATTERN.test(value)) return true;
  errors.push({
    file,
    line: row.line,
    field: column,
    message: `${quoted(value)} is not ${what} id: expected lower-case letters, digits and _, starting with a letter, at most ${ID_LENGTH} characters`,
  });
  return false;
}

/** The row's `year`, a whole year within {@link YEAR_RANGE}, or undefined (reported). */
export function yearField(file: string, row: CsvRow, errors: PackageError[]): number | undefined {
  const text = row.fields.year ?? "";
  const parsed = numberField(file, row, "year");
  if (parsed.ok && Number.isInteger(parsed.value) && parsed.value >= YEAR_RANGE[0] && parsed.value <= YEAR_RANGE[1]) return parsed.value;
  errors.push({ file, line: row.line, field: "year", message: `${quoted(text)} is not a year: expected a whole year such as 2024` });
  return undefined;
}

/**
 * The number in `column`, or undefined (reported) when it is not a number or is outside the
 * spec's valid range (`bounds.ts`), or when the field was already reported and removed
 * ({@link readCsvRows}).
 *
 * @param owner the row's key, for the message, e.g. "residents".
 */
export function boundedField(file: string, row: CsvRow, column: string, owner: string, spec: ParameterSpec, errors: PackageError[]): number | undefined {
  if (row.fields[column] === undefined) return undefined;
  const parsed = numberField(file, row, column, `for ${owner}`);
  if (!parsed.ok) {
    errors.push(parsed.error);
    return undefined;
  }
  const [lo, hi] = spec.bounds;
  if (parsed.value < lo || parsed.value > hi) {
    errors.push({ file, line: row.line, field: column, message: `${parsed.value} for ${owner} is outside the valid range ${rangeText(spec)}` });
    return undefined;
  }
  return parsed.value;
}

/**
 * Rows grouped by key and sorted by year; a second row for the same key and year is an error
 * naming both lines.
 *
 * @param keyName what the key is, for the message, e.g. "driver".
 */
export function groupByYear<Row extends { line: number; year: number }>(
  file: string,
  rows: Row[],
  keyOf: (row: Row) => string,
  keyName: string,
  errors: PackageError[],
): Map<string, Row[]> {
  const groups = new Map<string, Map<number, Row>>();
  for (const row of rows) {
    const key = keyOf(row);
    let years = groups.get(key);
    if (years === undefined) groups.set(key, (years = new Map()));
    const earlier = years.get(row.year);
    if (earlier !== undefined) {
      errors.push({
        file,
        line: row.line,
        field: "year",
        message: `${key} ${row.year} appears twice, on lines ${earlier.line} and ${row.line}: expected one row per year and ${keyName}`,
      });
    } else {
      years.set(row.year, row);
    }
  }
  const result = new Map<string, Row[]>();
  for (const [key, years] of groups) result.set(key, [...years.values()].sort((a, b) => a.year - b.year));
  return result;
}

/** Reports each gap in a key's years (`series` sorted by year), on the line after the gap. */
export function checkContiguous(file: string, key: string, series: { line: number; year: number }[], errors: PackageError[]): void {
  for (let index = 1; index < series.length; index += 1) {
    const previous = series[index - 1];
    const row = series[index];
    if (previous === undefined || row === undefined || row.year === previous.year + 1) continue;
    const missing = row.year - previous.year === 2 ? `${previous.year + 1}` : `${previous.year + 1}–${row.year - 1}`;
    errors.push({
      file,
      line: row.line,
      field: "year",
      message: `${key} has no value for ${missing}: expected every year without gaps (${previous.year} is followed by ${row.year})`,
    });
  }
}
