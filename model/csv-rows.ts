/**
 * Checks shared by the package's long-format CSV files (`drivers.csv`, `headcount.csv`): one row
 * per key (a driver or a process) and year. Each check reports to `errors` and leaves out only
 * what it cannot use, so that one bad field is not also reported as a gap or a missing year.
 */
import { type CsvRow, numberField, parseCsv } from "./csv.ts";
import type { PackageError } from "./package-error.ts";
import { ID_PATTERN } from "./schema-parts.ts";

/**
 * The data rows of `files[file]`, read by {@link parseCsv}.
 *
 * @param expectedRows what the rows should be, for the error when there are none, e.g. "a row per
 *   driver and year (year, driver, value, kind)".
 * @returns the rows, or undefined when the file is missing (reported by the caller) or its header
 *   is unusable (reported here).
 */
export function readCsvRows(
  file: string,
  files: Readonly<Record<string, string>>,
  columns: readonly string[],
  expectedRows: string,
  errors: PackageError[],
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
  return table.rows;
}

/** Whether `value` is a valid id; if not, an error saying it is not `what` (e.g. "a driver") id. */
export function checkId(file: string, row: CsvRow, column: string, value: string, what: string, errors: PackageError[]): boolean {
  if (ID_PATTERN.test(value)) return true;
  errors.push({
    file,
    line: row.line,
    field: column,
    message: `"${value}" is not ${what} id: expected lower-case letters, digits and _, starting with a letter`,
  });
  return false;
}

/** The row's `year`, a whole year from 1900 to 2200, or undefined (reported). */
export function yearField(file: string, row: CsvRow, errors: PackageError[]): number | undefined {
  const text = row.fields.year ?? "";
  const parsed = numberField(file, row, "year");
  if (parsed.ok && Number.isInteger(parsed.value) && parsed.value >= 1900 && parsed.value <= 2200) return parsed.value;
  errors.push({ file, line: row.line, field: "year", message: `"${text}" is not a year: expected a whole year such as 2024` });
  return undefined;
}

/**
 * The number in `column`, or undefined (reported) when it is not a number or is negative.
 *
 * @param owner the row's key, for the message, e.g. "residents".
 * @param expected what a valid value is, e.g. "zero or a positive number of FTE".
 */
export function nonNegativeField(
  file: string,
  row: CsvRow,
  column: string,
  owner: string,
  expected: string,
  errors: PackageError[],
): number | undefined {
  const parsed = numberField(file, row, column, `for ${owner}`);
  if (!parsed.ok) {
    errors.push(parsed.error);
    return undefined;
  }
  if (parsed.value < 0) {
    errors.push({ file, line: row.line, field: column, message: `${parsed.value} for ${owner} is negative: expected ${expected}` });
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
