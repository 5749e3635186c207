/**
 * CSV text → rows of named fields, and decimal numbers written the Swedish or the English way.
 *
 * Pure: no I/O. A planner saves `drivers.csv` from a Swedish spreadsheet (semicolons, decimal
 * comma, `1 234,5`) or an English one (commas, decimal point); both read the same. The separator
 * is detected from the header line; the header names the columns, in any order.
 *
 * Parsing uses csv-parse's synchronous API (https://csv.js.org/parse/). Its `csv-parse/sync`
 * entry uses Node's global `Buffer`, which a browser does not have, so this imports the package's
 * self-contained browser build of the same parser, which runs in Node and in a browser alike.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { type PackageError, quoted } from "./package-error.ts";
import { PACKAGE_LIMITS } from "./package-limits.ts";
import { type NumberTextProblem, readNumberText, showsDecimalComma, trimSpaces } from "./number-text.ts";

/** One data line of a CSV file. */
export interface CsvRow {
  /** 1-based line in the file (the line where the record ends, if a quoted field spans lines). */
  line: number;
  /** Column name (as given to {@link parseCsv}) → the field's text, trimmed. */
  fields: Record<string, string>;
}

/** A parsed CSV file: its separator and its data rows, blank lines left out. */
export interface CsvTable {
  separator: "," | ";";
  rows: CsvRow[];
}

/**
 * The result of {@link parseCsv}: every problem found, and the table when its header is usable
 * (lines with problems are left out of it, so the other lines can still be checked).
 */
export interface CsvResult {
  table: CsvTable | undefined;
  errors: PackageError[];
}

/** The result of {@link parseDecimal}: the number, or what was expected instead. */
export type DecimalResult = { ok: true; value: number } | { ok: false; expected: string };

const EXPECTED_NUMBER = 'a number such as 1234.5, 1234,5 or 1 234,5';

/** What a package's field was expected to hold, for each reason {@link readNumberText} refuses it. */
const EXPECTED: Record<NumberTextProblem, string> = {
  empty: `${EXPECTED_NUMBER}, not an empty field`,
  bothMarks: `${EXPECTED_NUMBER}: with both "." and "," it is unclear which is the decimal mark (write thousands with spaces or not at all)`,
  commaDecimal: EXPECTED_NUMBER,
  notNumber: EXPECTED_NUMBER,
  tooLarge: `${EXPECTED_NUMBER} within the range of numbers`,
};

/**
 * Reads a package's number the way every package is read ({@link readNumberText}'s default
 * convention): a decimal point or a decimal comma, and optionally spaces (U+0020, U+00A0 or
 * U+202F) between groups of three digits.
 *
 * Accepted: `"1234.5"`, `"1234,5"`, `"1 234,5"`, `"1\u00A0234,5"`, `"-3"`, `"−3"` (U+2212),
 * `"0,25"`, `"2.5e3"`. Rejected: `""`, `"12 3a"`, `"1.234,5"` and `"1,234.5"` (both a point and
 * a comma: which one is the decimal mark is ambiguous), `"1.234.567"`, `"Infinity"`, `"NaN"`.
 * A lone comma is the decimal mark here: `"1,234"` is 1.234; a column of counts refuses such a
 * value unless the column shows it uses decimal commas (`mayBeThousands` in `number-text.ts`).
 *
 * @param text the field's text; surrounding whitespace is ignored.
 * @returns the finite number, or a description of what was expected.
 * @example parseDecimal("1 234,5") // { ok: true, value: 1234.5 }
 */
export function parseDecimal(text: string): DecimalResult {
  const result = readNumberText(text);
  return result.ok ? result : { ok: false, expected: EXPECTED[result.problem] };
}

/**
 * The number in a row's column, read by {@link parseDecimal}, or a PackageError naming the file,
 * line and column, quoting the text and saying what was expected.
 *
 * @param context words placed after the quoted text, e.g. "for residents_80plus".
 * @example numberField("drivers.csv", row, "value", "for residents_80plus")
 * // { ok: false, error: { file: "drivers.csv", line: 14, field: "value",
 * //   message: '"12 3a" for residents_80plus is not a number: expected a number such as 1234.5, 1234,5 or 1 234,5' } }
 */
export function numberField(
  file: string,
  row: CsvRow,
  column: string,
  context = "",
): { ok: true; value: number } | { ok: false; error: PackageError } {
  const text = row.fields[column] ?? "";
  const result = parseDecimal(text);
  if (result.ok) return result;
  const about = context === "" ? "" : ` ${context}`;
  return {
    ok: false,
    error: { file, line: row.line, field: column, message: `${quoted(text)}${about} is not a number: expected ${result.expected}` },
  };
}

/**
 * The first line in `column` whose number shows that the column writes decimals with a comma:
 * a decimal comma followed by other than three digits (`12,5`, `0,25`), or after digits grouped
 * by spaces (`1 234,5`). Undefined when no value shows it.
 */
export function decimalCommaLine(rows: readonly CsvRow[], column: string): number | undefined {
  return rows.find((row) => showsDecimalComma(row.fields[column] ?? ""))?.line;
}

/**
 * Parses a CSV text with a header line into rows keyed by the expected column names.
 *
 * The separator is `;` if the header line has more semicolons than commas, else `,`. Header
 * names are matched case-insensitively and may come in any order. Blank lines (and lines of only
 * separators, as spreadsheets write) are skipped; fields are trimmed. Every problem is reported,
 * not only the first: missing and unknown columns, duplicated columns, lines with too many or
 * too few fields, unclosed quotes.
 *
 * @param file the file name used in errors, e.g. "drivers.csv".
 * @param text the file's text (a leading byte-order mark is ignored).
 * @param columns the columns the file must have, e.g. `["year", "driver", "value", "kind"]`.
 * @example parseCsv("h.csv", "year;fte\n2024;1,5\n", ["year", "fte"])
 * // { table: { separator: ";", rows: [{ line: 2, fields: { year: "2024", fte: "1,5" } }] }, errors: [] }
 */
export function parseCsv(file: string, text: string, columns: readonly string[]): CsvResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const headerLine = firstNonBlankLine(body);
  if (headerLine === undefined) {
    return { table: undefined, errors: [emptyFileError(file, columns)] };
  }
  const lines = lineCount(body);
  if (lines > PACKAGE_LIMITS.csvRows + 1) {
    return {
      table: undefined,
      errors: [
        {
          file,
          message: `the file has ${lines} lines, more than the limit of ${PACKAGE_LIMITS.csvRows} data lines for a package file: expected a package's own figures (yearly values, a few thousand lines at most)`,
        },
      ],
    };
  }
  const separator = detectSeparator(headerLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { table: undefined, errors: [csvSyntaxError(file, error)] };
  }

  const nonBlank = records.filter(({ record }) => record.some((field) => field !== ""));
  const header = nonBlank[0];
  if (header === undefined) {
    return { table: undefined, errors: [emptyFileError(file, columns)] };
  }

  const errors: PackageError[] = [];
  const headerAt = header.info.lines;
  // Spreadsheets may end the header with empty cells too (`year;driver;value;kind;;`).
  const headerCells = header.record.slice(0, lastNonEmptyIndex(header.record) + 1);
  const names = headerCells.map((name) => name.trim().toLowerCase());
  const wanted = new Map(columns.map((column) => [column.toLowerCase(), column]));
  const positionOf = new Map<string, number>();
  names.forEach((name, index) => {
    const column = wanted.get(name);
    if (column === undefined) {
      errors.push({
        file,
        line: headerAt,
        field: excerptField(headerCells[index] ?? name),
        message: `unknown column ${quoted(headerCells[index] ?? name)}: expected the columns ${columns.join(", ")}`,
      });
    } else if (positionOf.has(column)) {
      errors.push({ file, line: headerAt, field: column, message: `column "${column}" appears twice in the header` });
    } else {
      positionOf.set(column, index);
    }
  });
  for (const column of columns) {
    if (!positionOf.has(column)) {
      errors.push({
        file,
        line: headerAt,
        field: column,
        message: `missing column "${column}": the header must name the columns ${columns.join(", ")} (separated by "${separator}")`,
      });
    }
  }
  if (errors.length > 0) return { table: undefined, errors };

  const rows: CsvRow[] = [];
  for (const { record, info } of nonBlank.slice(1)) {
    // A spreadsheet may write trailing empty cells (`2024;x;1;actual;;`): ignore empty extras.
    const extrasEmpty = record.slice(names.length).every((field) => field === "");
    if (record.length < names.length || !extrasEmpty) {
      const length = extrasEmpty ? record.length : lastNonEmptyIndex(record) + 1;
      const hint =
        separator === "," && length > names.length
          ? ' (a decimal comma in a comma-separated file must be quoted, e.g. "1,5", or use ";" as the separator)'
          : "";
      errors.push({
        file,
        line: info.lines,
        message: `expected ${names.length} fields (${headerCells.join(separator)}) but found ${length}${hint}`,
      });
      continue;
    }
    const fields: Record<string, string> = {};
    for (const [column, index] of positionOf) fields[column] = trimSpaces(record[index] ?? "");
    rows.push({ line: info.lines, fields });
  }
  return { table: { separator, rows }, errors };
}

/**
 * The separator of a CSV file from its header line: `;` if it has more semicolons than commas
 * (outside quotes), else `,`.
 */
export function detectSeparator(headerLine: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of headerLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === ",") commas += 1;
    else if (!quoted && character === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/** The first line with more than whitespace, without splitting the whole text. */
function firstNonBlankLine(text: string): string | undefined {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end += 1;
    const line = text.slice(start, end);
    if (line.trim() !== "") return line;
    start = end + 1;
  }
  return undefined;
}

/** Lines in a text (a last line without a line break counts), line breaks LF, CRLF or CR. */
function lineCount(text: string): number {
  let lines = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) lines += 1;
    else if (code === 13 && text.charCodeAt(index + 1) !== 10) lines += 1;
  }
  return text.endsWith("\n") || text.endsWith("\r") ? lines - 1 : lines;
}

/** A header cell as a field name in an error: at most 40 characters. */
function excerptField(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function emptyFileError(file: string, columns: readonly string[]): PackageError {
  return { file, line: 1, message: `the file is empty: expected a header line "${columns.join(",")}" and data lines` };
}

function lastNonEmptyIndex(record: string[]): number {
  for (let index = record.length - 1; index >= 0; index -= 1) if (record[index] !== "") return index;
  return -1;
}

/** A csv-parse error (unclosed quote, stray quote) as a PackageError with its line. */
function csvSyntaxError(file: string, error: unknown): PackageError {
  const details = error as { code?: unknown; lines?: unknown; message?: unknown };
  const line = typeof details.lines === "number" && details.lines > 0 ? details.lines : undefined;
  const code = typeof details.code === "string" ? details.code : "";
  const message =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? 'a quoted field is not closed: expected a closing " before the end of the file'
      : code === "CSV_INVALID_CLOSING_QUOTE" ||
          code === "CSV_INVALID_OPENING_QUOTE" ||
          code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
        ? 'a quote " inside a field: expected a quoted field to be written "like this" (a quote inside it doubled "")'
        : `the file is not valid CSV: ${typeof details.message === "string" ? details.message : String(error)}`;
  return line === undefined ? { file, message } : { file, line, message };
}
