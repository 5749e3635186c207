/**
 * File texts → a validated {@link DataPackage}, or every problem found, each with its file, line
 * and field.
 *
 * Pure: takes the texts (see `io/read-package-folder.ts` for reading them from a folder) and
 * never throws on bad input. The file formats are described in `data/README.md`; the JSON shapes
 * are the zod schemas in `package-schema.ts`, and the CSV files are read by `csv.ts`. Lines in
 * JSON files come from jsonc-parser's syntax tree (https://github.com/microsoft/node-jsonc-parser).
 */
import { findNodeAtLocation, type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { z } from "zod";
import { type CsvRow, numberField, parseCsv } from "./csv.ts";
import {
  type Activity,
  type DataPackage,
  type DriverSeries,
  FIXED_WORK,
  type Lever,
  type LeverKind,
  type Municipality,
  type Process,
  type Scenario,
  SUPPORTED_FTE,
} from "./data-package.ts";
import type { PackageError } from "./package-error.ts";
import { leverParameterNames } from "./parameters.ts";
import {
  ID_PATTERN,
  type LeversFile,
  leversFileSchema,
  type MunicipalityFile,
  municipalitySchema,
  type ProcessesFile,
  processesFileSchema,
  SCENARIO_ID_PATTERN,
  type ScenarioFile,
  scenarioSchema,
} from "./package-schema.ts";

/** The result of {@link parseDataPackage}. */
export type ParseDataPackageResult = { ok: true; package: DataPackage } | { ok: false; errors: PackageError[] };

/** The files every package must have. */
export const REQUIRED_FILES = ["municipality.json", "drivers.csv", "headcount.csv", "processes.json"] as const;

/** Optional files: a missing `levers.json` means no levers. Scenarios are `scenarios/<id>.json`. */
export const OPTIONAL_FILES = ["levers.json"] as const;

const DRIVER_COLUMNS = ["year", "driver", "value", "kind"] as const;
const HEADCOUNT_COLUMNS = ["year", "process", "fte"] as const;
const SHARE_TOLERANCE = 1e-6;
const SCENARIO_FILE = /^scenarios\/([^/]+)\.json$/;

/**
 * Parses and validates a data package from its file texts.
 *
 * @param files path relative to the package folder → text: `municipality.json`, `drivers.csv`,
 *   `headcount.csv`, `processes.json`, optionally `levers.json`, and `scenarios/<id>.json` (the
 *   scenario id is the file name without `.json`). Other keys are ignored.
 * @returns the typed package, or every problem found (not only the first), each naming the file,
 *   the line and the field where it has them, and saying what was expected; sorted by file
 *   (municipality.json, drivers.csv, headcount.csv, processes.json, levers.json, scenarios) and line.
 * @example
 * const result = parseDataPackage({ "municipality.json": "…", "drivers.csv": "…", … });
 * if (!result.ok) for (const e of result.errors) console.log(formatPackageError(e));
 */
export function parseDataPackage(files: Readonly<Record<string, string>>): ParseDataPackageResult {
  const errors: PackageError[] = [];
  try {
    const pkg = parse(files, errors);
    if (errors.length === 0 && pkg !== undefined) return { ok: true, package: pkg };
  } catch (error) {
    // A bug here must not surface as a stack trace to a planner; report it in the one format.
    errors.push({
      file: "(package)",
      message: `internal error while checking the package (a bug in Vaxa, please report it): ${
        error instanceof Error ? error.message : String(error)
      }`,
    });
  }
  return { ok: false, errors: sortErrors(errors) };
}

/** Errors in the order a planner fixes them: file by file (the files in dependency order), then by line. */
function sortErrors(errors: PackageError[]): PackageError[] {
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

// ---------------------------------------------------------------------------------------------
// The whole package

function parse(files: Readonly<Record<string, string>>, errors: PackageError[]): DataPackage | undefined {
  for (const file of REQUIRED_FILES) {
    if (files[file] === undefined) {
      errors.push({ file, message: `required file is missing: a package needs ${REQUIRED_FILES.join(", ")}` });
    }
  }

  const municipality = readJson("municipality.json", files, municipalitySchema, errors);
  const driverRows = readDriverRows(files, errors);
  const headcountRows = readHeadcountRows(files, errors);
  const processesFile = readJson("processes.json", files, processesFileSchema, errors);
  const leversFile =
    files["levers.json"] === undefined
      ? { doc: undefined, value: { levers: [] } satisfies LeversFile }
      : readJson("levers.json", files, leversFileSchema, errors);
  const scenarioFiles = readScenarios(files, errors);

  // The base year is the last year in headcount.csv.
  const baseYear = headcountRows === undefined || headcountRows.length === 0 ? undefined : Math.max(...headcountRows.map((r) => r.year));
  if (municipality !== undefined && baseYear !== undefined && municipality.value.horizon <= baseYear) {
    errors.push(
      at(municipality.doc, ["horizon"], `horizon ${municipality.value.horizon} is not after the base year ${baseYear} (the last year in headcount.csv): expected a later year`),
    );
  }

  const drivers =
    driverRows === undefined ? undefined : checkDrivers(driverRows, baseYear, municipality?.value.horizon, errors);
  const processIds = processesFile === undefined ? undefined : new Set(processesFile.value.processes.map((p) => p.id));
  const headcount = headcountRows === undefined ? undefined : checkHeadcount(headcountRows, baseYear, processIds, errors);
  const processes =
    processesFile === undefined ? undefined : checkProcesses(processesFile.doc, processesFile.value, drivers, headcount, baseYear, errors);
  const levers =
    leversFile === undefined ? undefined : checkLevers(leversFile.doc, leversFile.value, processesFile?.value, baseYear, errors);
  const scenarios = checkScenarios(scenarioFiles, drivers, leversFile?.value, errors);

  if (
    errors.length > 0 ||
    municipality === undefined ||
    baseYear === undefined ||
    drivers === undefined ||
    headcount === undefined ||
    processes === undefined ||
    levers === undefined
  ) {
    return undefined;
  }
  return {
    municipality: toMunicipality(municipality.value),
    baseYear,
    drivers: toDriverSeries(drivers, municipality.value.horizon),
    headcount: toHeadcount(headcount),
    processes,
    levers,
    scenarios,
  };
}

// ---------------------------------------------------------------------------------------------
// JSON files: syntax, schema, and where a path is (line, field)

/** A parsed JSON file: its syntax tree, for the line of any path. */
interface JsonDoc {
  file: string;
  tree: JsonNode;
  lineStarts: number[];
}

type JsonPath = (string | number)[];

function readJson<Schema extends z.ZodType>(
  file: string,
  files: Readonly<Record<string, string>>,
  schema: Schema,
  errors: PackageError[],
): { doc: JsonDoc; value: z.output<Schema> } | undefined {
  const raw = files[file];
  if (raw === undefined) return undefined;
  const parsed = parseJson(file, raw, errors);
  if (parsed === undefined) return undefined;
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(...issueErrors(parsed.doc, issue));
    return undefined;
  }
  return { doc: parsed.doc, value: result.data };
}

function parseJson(file: string, raw: string, errors: PackageError[]): { doc: JsonDoc; value: unknown } | undefined {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const lineStarts = lineStartsOf(text);
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = syntaxErrors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    const found = text.slice(offset, offset + Math.max(1, first?.length ?? 1)).trim();
    const what = first === undefined ? "expected a JSON value" : syntaxMessage(printParseErrorCode(first.error));
    errors.push({
      file,
      line: lineOf(lineStarts, offset),
      message: `not valid JSON: ${what}${found === "" ? " (found the end of the file)" : `, found ${JSON.stringify(found)}`}`,
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    errors.push({ file, line: 1, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const doc: JsonDoc = { file, tree, lineStarts };
  checkDuplicateKeys(doc, tree, [], errors);
  return { doc, value };
}

function syntaxMessage(code: string): string {
  switch (code) {
    case "InvalidSymbol":
      return "unexpected character";
    case "InvalidNumberFormat":
      return "expected a number such as 0.35 (JSON numbers use a decimal point)";
    case "PropertyNameExpected":
      return 'expected a field name in double quotes (a comma before "}" is not allowed)';
    case "ValueExpected":
      return 'expected a value (a comma before "]" or "}" is not allowed)';
    case "ColonExpected":
      return 'expected ":" after the field name';
    case "CommaExpected":
      return 'expected "," between fields or list items';
    case "CloseBraceExpected":
      return 'expected "}" to close the object';
    case "CloseBracketExpected":
      return 'expected "]" to close the list';
    case "EndOfFileExpected":
      return "expected the end of the file after the top-level value";
    case "InvalidCommentToken":
      return "comments are not allowed in JSON";
    case "UnexpectedEndOfComment":
      return "comments are not allowed in JSON";
    case "UnexpectedEndOfString":
      return 'a text is not closed: expected a closing "';
    case "UnexpectedEndOfNumber":
      return "expected digits after the decimal point or exponent";
    case "InvalidUnicode":
      return "expected four hex digits after \\u";
    case "InvalidEscapeCharacter":
      return 'expected a valid escape such as \\" or \\n';
    case "InvalidCharacter":
      return "a line break or tab inside a text must be written \\n or \\t";
    default:
      return code;
  }
}

/** JSON allows a field twice in one object and keeps the last; a planner most likely did not mean that. */
function checkDuplicateKeys(doc: JsonDoc, node: JsonNode, path: JsonPath, errors: PackageError[]): void {
  if (node.type === "object") {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined || typeof keyNode.value !== "string") continue;
      const key = keyNode.value;
      const line = lineOf(doc.lineStarts, keyNode.offset);
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        errors.push({
          file: doc.file,
          line,
          field: fieldPath([...path, key]),
          message: `"${key}" appears twice in the same object (lines ${firstLine} and ${line}): expected each field once`,
        });
      } else {
        seen.set(key, line);
      }
      if (valueNode !== undefined) checkDuplicateKeys(doc, valueNode, [...path, key], errors);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, index) => checkDuplicateKeys(doc, child, [...path, index], errors));
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === "\n") starts.push(index + 1);
  return starts;
}

/** 1-based line of a character offset. */
function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The node at `path`, or the nearest ancestor that exists, and whether the full path exists. */
function nodeAt(doc: JsonDoc, path: JsonPath): { node: JsonNode; exists: boolean } {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.tree : findNodeAtLocation(doc.tree, path.slice(0, length));
    if (node !== undefined) return { node, exists: length === path.length };
  }
  return { node: doc.tree, exists: false };
}

/** A readable path: `processes[2].activities[0].share`; keys that are not plain names are quoted: `set["levers.x.dip"]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let result = "";
  for (const [index, segment] of path.entries()) {
    if (typeof segment === "number") result += `[${segment}]`;
    else if (index === 0) result += segment;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) result += `.${segment}`;
    else result += `[${JSON.stringify(segment)}]`;
  }
  return result;
}

/** An error at a JSON path: the line of the value there (or of the nearest enclosing value that exists). */
function at(doc: JsonDoc, path: JsonPath, message: string): PackageError {
  const { node } = nodeAt(doc, path);
  const error: PackageError = { file: doc.file, line: lineOf(doc.lineStarts, node.offset), message };
  if (path.length > 0) error.field = fieldPath(path);
  return error;
}

function describeValue(node: JsonNode | undefined): string {
  if (node === undefined) return "nothing";
  switch (node.type) {
    case "object":
      return "an object";
    case "array":
      return "a list";
    case "string":
      return JSON.stringify(node.value);
    default:
      return String(node.value);
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text in double quotes",
  object: "an object { … }",
  record: "an object { … }",
  array: "a list [ … ]",
  boolean: "true or false",
};

/** One zod issue → PackageErrors (one per unknown key), with the line of the value and the value found. */
function issueErrors(doc: JsonDoc, issue: z.core.$ZodIssue): PackageError[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  const { node, exists } = nodeAt(doc, path);
  const found = exists ? describeValue(node) : "nothing";
  const last = path[path.length - 1];
  const name = typeof last === "string" ? `"${last}"` : "the value";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => at(doc, [...path, key], `unknown field "${key}": ${issue.message}`));
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const message = exists ? `expected ${expected}, found ${found}` : `${name} is missing: expected ${expected}`;
      return [at(doc, path, message)];
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v)).join(", ");
      return [at(doc, path, exists ? `${found} is not valid: expected one of ${values}` : `${name} is missing: expected one of ${values}`)];
    }
    case "invalid_union": {
      if ("discriminator" in issue && typeof issue.discriminator === "string") {
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options.map(String).join(", ") : "";
        const message = exists
          ? `unknown ${issue.discriminator} ${found}: expected one of ${options}`
          : `"${issue.discriminator}" is missing: expected one of ${options}`;
        return [at(doc, path, message)];
      }
      return [at(doc, path, exists ? `${issue.message}, found ${found}` : `${name} is missing: ${issue.message}`)];
    }
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
      return [at(doc, path, exists ? `${issue.message}, found ${found}` : issue.message)];
    default:
      return [at(doc, path, issue.message)];
  }
}

// ---------------------------------------------------------------------------------------------
// drivers.csv

/**
 * A drivers.csv row whose year and driver id are good. `value` and `actual` are undefined where
 * that field had an error (already reported): the row still takes part in the checks of years,
 * so that one bad value is not also reported as a gap.
 */
interface DriverRow {
  line: number;
  year: number;
  driver: string;
  value: number | undefined;
  actual: boolean | undefined;
}

/** Rows by driver id, sorted by year; each driver's rows checked for gaps, order, base year and horizon. */
type DriverTable = Map<string, DriverRow[]>;

function readDriverRows(files: Readonly<Record<string, string>>, errors: PackageError[]): DriverRow[] | undefined {
  const file = "drivers.csv";
  const text = files[file];
  if (text === undefined) return undefined;
  const { table, errors: csvErrors } = parseCsv(file, text, DRIVER_COLUMNS);
  errors.push(...csvErrors);
  if (table === undefined) return undefined;
  if (table.rows.length === 0 && csvErrors.length === 0) {
    errors.push({ file, line: 2, message: "no data lines: expected a row per driver and year (year, driver, value, kind)" });
  }
  const rows: DriverRow[] = [];
  for (const row of table.rows) {
    const driver = row.fields.driver ?? "";
    let goodId = checkId(file, row, "driver", driver, "a driver", errors);
    if (driver === SUPPORTED_FTE) {
      errors.push({
        file,
        line: row.line,
        field: "driver",
        message: `"${SUPPORTED_FTE}" is reserved: it is the delivery FTE a support process supports, computed by the model; expected another driver id`,
      });
      goodId = false;
    }
    const year = yearField(file, row, errors);
    const value = numberField(file, row, "value", `for ${driver}`);
    let good: number | undefined;
    if (!value.ok) {
      errors.push(value.error);
    } else if (value.value < 0) {
      errors.push({ file, line: row.line, field: "value", message: `${value.value} for ${driver} is negative: expected zero or a positive number` });
    } else {
      good = value.value;
    }
    const kind = row.fields.kind ?? "";
    if (kind !== "actual" && kind !== "forecast") {
      errors.push({ file, line: row.line, field: "kind", message: `"${kind}" is not a kind: expected actual or forecast` });
    }
    const actual = kind === "actual" ? true : kind === "forecast" ? false : undefined;
    if (goodId && year !== undefined) rows.push({ line: row.line, year, driver, value: good, actual });
  }
  return rows;
}

function checkDrivers(rows: DriverRow[], baseYear: number | undefined, horizon: number | undefined, errors: PackageError[]): DriverTable {
  const file = "drivers.csv";
  const byDriver = groupByYear(file, rows, (r) => r.driver, errors);
  for (const [driver, series] of byDriver) {
    checkContiguous(file, driver, series, errors);
    let lastForecast: DriverRow | undefined;
    for (const row of series) {
      if (row.actual === false) lastForecast ??= row;
      else if (row.actual === true && lastForecast !== undefined) {
        errors.push({
          file,
          line: row.line,
          field: "kind",
          message: `${driver} ${row.year} is an actual but ${lastForecast.year} (line ${lastForecast.line}) is a forecast: expected actuals before forecasts`,
        });
      }
    }
    const first = series[0];
    const last = series[series.length - 1];
    if (first === undefined || last === undefined) continue;
    if (baseYear !== undefined && first.year > baseYear) {
      errors.push({
        file,
        line: first.line,
        field: "year",
        message: `${driver} starts in ${first.year}: expected a value for the base year ${baseYear} (the last year in headcount.csv)`,
      });
    }
    if (horizon !== undefined && last.year < horizon) {
      errors.push({
        file,
        line: last.line,
        field: "year",
        message: `${driver} ends in ${last.year}: expected values for every year up to the horizon ${horizon} (municipality.json)`,
      });
    }
  }
  return byDriver;
}

function toDriverSeries(table: DriverTable, horizon: number): Record<string, DriverSeries> {
  const result: Record<string, DriverSeries> = {};
  for (const [id, rows] of table) {
    const kept = rows.filter((r) => r.year <= horizon);
    result[id] = {
      id,
      firstYear: kept[0]?.year ?? horizon,
      // Only reached when there are no errors, so every value and kind is known.
      values: kept.map((r) => r.value ?? Number.NaN),
      actual: kept.map((r) => r.actual === true),
    };
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// headcount.csv

/** A headcount.csv row whose year and process id are good; `fte` undefined where it had an error (already reported). */
interface HeadcountRow {
  line: number;
  year: number;
  process: string;
  fte: number | undefined;
}

type HeadcountTable = Map<string, HeadcountRow[]>;

function readHeadcountRows(files: Readonly<Record<string, string>>, errors: PackageError[]): HeadcountRow[] | undefined {
  const file = "headcount.csv";
  const text = files[file];
  if (text === undefined) return undefined;
  const { table, errors: csvErrors } = parseCsv(file, text, HEADCOUNT_COLUMNS);
  errors.push(...csvErrors);
  if (table === undefined) return undefined;
  if (table.rows.length === 0 && csvErrors.length === 0) {
    errors.push({ file, line: 2, message: "no data lines: expected the actual FTE of every process for the history years (year, process, fte)" });
  }
  const rows: HeadcountRow[] = [];
  for (const row of table.rows) {
    const process = row.fields.process ?? "";
    const goodId = checkId(file, row, "process", process, "a process", errors);
    const year = yearField(file, row, errors);
    const fte = numberField(file, row, "fte", `for ${process}`);
    let good: number | undefined;
    if (!fte.ok) {
      errors.push(fte.error);
    } else if (fte.value < 0) {
      errors.push({ file, line: row.line, field: "fte", message: `${fte.value} for ${process} is negative: expected zero or a positive number of FTE` });
    } else {
      good = fte.value;
    }
    if (goodId && year !== undefined) rows.push({ line: row.line, year, process, fte: good });
  }
  return rows;
}

function checkHeadcount(
  rows: HeadcountRow[],
  baseYear: number | undefined,
  processIds: Set<string> | undefined,
  errors: PackageError[],
): HeadcountTable {
  const file = "headcount.csv";
  const byProcess = groupByYear(file, rows, (r) => r.process, errors);
  for (const [process, series] of byProcess) {
    const first = series[0];
    const last = series[series.length - 1];
    if (first === undefined || last === undefined) continue;
    if (processIds !== undefined && !processIds.has(process)) {
      errors.push({
        file,
        line: first.line,
        field: "process",
        message: `unknown process "${process}": expected one of the processes in processes.json (${[...processIds].join(", ")})`,
      });
    }
    checkContiguous(file, process, series, errors);
    if (baseYear !== undefined && last.year < baseYear) {
      errors.push({
        file,
        line: last.line,
        field: "year",
        message: `${process} ends in ${last.year}: expected its actual FTE for the base year ${baseYear} (the last year in the file), the same last year for every process`,
      });
    }
  }
  return byProcess;
}

function toHeadcount(table: HeadcountTable): Record<string, Record<number, number>> {
  const result: Record<string, Record<number, number>> = {};
  for (const [process, rows] of table) {
    const years: Record<number, number> = {};
    // Only reached when there are no errors, so every FTE is known.
    for (const row of rows) years[row.year] = row.fte ?? Number.NaN;
    result[process] = years;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// CSV helpers shared by drivers.csv and headcount.csv

function checkId(file: string, row: CsvRow, column: string, value: string, what: string, errors: PackageError[]): boolean {
  if (ID_PATTERN.test(value)) return true;
  errors.push({
    file,
    line: row.line,
    field: column,
    message: `"${value}" is not ${what} id: expected lower-case letters, digits and _, starting with a letter`,
  });
  return false;
}

function yearField(file: string, row: CsvRow, errors: PackageError[]): number | undefined {
  const text = row.fields.year ?? "";
  const parsed = numberField(file, row, "year");
  if (parsed.ok && Number.isInteger(parsed.value) && parsed.value >= 1900 && parsed.value <= 2200) return parsed.value;
  errors.push({ file, line: row.line, field: "year", message: `"${text}" is not a year: expected a whole year such as 2024` });
  return undefined;
}

/** Rows grouped by key and sorted by year; a second row for the same key and year is an error naming both lines. */
function groupByYear<Row extends { line: number; year: number }>(
  file: string,
  rows: Row[],
  keyOf: (row: Row) => string,
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
        message: `${key} ${row.year} appears twice, on lines ${earlier.line} and ${row.line}: expected one row per year and ${file === "drivers.csv" ? "driver" : "process"}`,
      });
    } else {
      years.set(row.year, row);
    }
  }
  const result = new Map<string, Row[]>();
  for (const [key, years] of groups) result.set(key, [...years.values()].sort((a, b) => a.year - b.year));
  return result;
}

function checkContiguous(file: string, key: string, series: { line: number; year: number }[], errors: PackageError[]): void {
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

// ---------------------------------------------------------------------------------------------
// processes.json

function checkProcesses(
  doc: JsonDoc,
  file: ProcessesFile,
  drivers: DriverTable | undefined,
  headcount: HeadcountTable | undefined,
  baseYear: number | undefined,
  errors: PackageError[],
): Process[] {
  const ids = file.processes.map((p) => p.id);
  const firstIndex = new Map<string, number>();
  file.processes.forEach((process, p) => {
    const earlier = firstIndex.get(process.id);
    if (earlier !== undefined) {
      errors.push(at(doc, ["processes", p, "id"], `process id "${process.id}" is used twice (also processes[${earlier}]): expected unique ids`));
    } else {
      firstIndex.set(process.id, p);
    }
  });
  const validDrivers = drivers === undefined ? undefined : [...drivers.keys()];
  const resolvedSupports = file.processes.map((process, p) => resolveSupports(doc, process, p, ids, errors));

  file.processes.forEach((process, p) => {
    const isSupport = (resolvedSupports[p] ?? []).length > 0;
    const activityIndex = new Map<string, number>();
    process.activities.forEach((activity, a) => {
      const path = ["processes", p, "activities", a];
      const earlier = activityIndex.get(activity.id);
      if (earlier !== undefined) {
        errors.push(at(doc, [...path, "id"], `activity id "${activity.id}" is used twice in ${process.id} (also activities[${earlier}]): expected unique ids within a process`));
      } else {
        activityIndex.set(activity.id, a);
      }
      if (activity.id === FIXED_WORK) {
        errors.push(at(doc, [...path, "id"], `"${FIXED_WORK}" is reserved for a process's fixed work (as a lever target): expected another activity id`));
      }
      for (const driver of Object.keys(activity.drivers)) {
        const driverPath = [...path, "drivers", driver];
        if (driver === SUPPORTED_FTE) {
          if (!isSupport) {
            errors.push(at(doc, driverPath, `"${SUPPORTED_FTE}" is only for support processes: expected ${process.id} to have "supports" ("all" or a list of process ids), or another driver`));
          }
          continue;
        }
        const series = drivers?.get(driver);
        if (validDrivers !== undefined && series === undefined) {
          const valid = [...validDrivers, ...(isSupport ? [SUPPORTED_FTE] : [])];
          errors.push(at(doc, driverPath, `unknown driver "${driver}": expected one of the drivers in drivers.csv (${valid.join(", ")})`));
          continue;
        }
        const baseRow = baseYear === undefined ? undefined : series?.find((r) => r.year === baseYear);
        if (baseRow?.value !== undefined && baseRow.value <= 0) {
          errors.push(
            at(doc, driverPath, `driver ${driver} is ${baseRow.value} in the base year ${baseYear} (drivers.csv line ${baseRow.line}): a driver an activity uses must be positive in the base year, since growth is measured against it`),
          );
        }
      }
    });

    const bottomUp = process.activities.filter((a) => a.share === undefined);
    const shares = process.activities.filter((a) => a.share !== undefined);
    if (bottomUp.length > 0 && shares.length > 0) {
      errors.push(
        at(doc, ["processes", p, "activities"], `${process.id} mixes bottom-up activities (${bottomUp.map((a) => a.id).join(", ")}) and share activities (${shares.map((a) => a.id).join(", ")}): expected every activity to have volume and unitTimeHours, or every activity a share`),
      );
    } else if (shares.length > 0) {
      const sum = shares.reduce((total, a) => total + (a.share ?? 0), 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        errors.push(at(doc, ["processes", p, "activities"], `the activities' shares of ${process.id} sum to ${round(sum)}: expected them to sum to 1`));
      }
    }

    const rows = headcount?.get(process.id);
    if (headcount !== undefined && rows === undefined) {
      errors.push(at(doc, ["processes", p, "id"], `process ${process.id} has no rows in headcount.csv: expected its actual FTE for the history years`));
    }
    const baseRow = baseYear === undefined ? undefined : rows?.find((r) => r.year === baseYear);
    if (baseRow?.fte !== undefined) {
      const actual = baseRow.fte;
      const fixedAndAllowances = process.fixedShare * actual + process.individualAllowanceFte;
      if (fixedAndAllowances > actual + 1e-9) {
        errors.push(
          at(doc, ["processes", p, "individualAllowanceFte"], `fixedShare ${process.fixedShare} × the base-year FTE ${actual} + individualAllowanceFte ${process.individualAllowanceFte} = ${round(fixedAndAllowances)} exceeds the actual FTE ${actual} in ${baseYear} (headcount.csv line ${baseRow.line}): expected fixed work and individual allowances to fit within the actual`),
        );
      } else if (bottomUp.length > 0 && shares.length === 0 && actual - fixedAndAllowances > 0) {
        const workload = bottomUp.reduce((total, a) => total + (a.volume ?? 0) * (a.unitTimeHours ?? 0), 0);
        if (workload <= 0) {
          errors.push(at(doc, ["processes", p, "activities"], `the activities of ${process.id} have no workload (every volume × unitTimeHours is 0) but the process has ${round(actual - fixedAndAllowances)} FTE of variable work in ${baseYear}: expected at least one activity with volume and unit time above 0`));
        }
      }
    }
  });

  checkSupportCycles(doc, file, resolvedSupports, errors);

  return file.processes.map(
    (process, p): Process => ({
      id: process.id,
      name: process.name,
      fixedShare: process.fixedShare,
      supportShare: process.supportShare,
      individualAllowanceFte: process.individualAllowanceFte,
      supports: resolvedSupports[p] ?? [],
      activities: process.activities.map(
        (activity): Activity => ({
          id: activity.id,
          name: activity.name,
          workload:
            activity.share !== undefined
              ? { kind: "share", share: activity.share }
              : { kind: "bottom-up", volume: activity.volume ?? 0, unitTimeHours: activity.unitTimeHours ?? 0 },
          drivers: { ...activity.drivers },
        }),
      ),
    }),
  );
}

/** `"all"` → every other process; a list is checked for unknown ids, the process itself and repeats. */
function resolveSupports(doc: JsonDoc, process: ProcessesFile["processes"][number], p: number, ids: string[], errors: PackageError[]): string[] {
  const supports = process.supports;
  if (supports === undefined) return [];
  if (supports === "all") return ids.filter((id) => id !== process.id);
  const resolved: string[] = [];
  supports.forEach((id, s) => {
    const path = ["processes", p, "supports", s];
    if (id === process.id) {
      errors.push(at(doc, path, `${process.id} cannot support itself: expected the ids of other processes`));
    } else if (!ids.includes(id)) {
      errors.push(at(doc, path, `unknown process "${id}": expected one of ${ids.filter((other) => other !== process.id).join(", ")}`));
    } else if (resolved.includes(id)) {
      errors.push(at(doc, path, `"${id}" is listed twice: expected each supported process once`));
    } else {
      resolved.push(id);
    }
  });
  return resolved;
}

/** A support process is computed after those it supports, so supports must not form a cycle. Each cycle is reported once. */
function checkSupportCycles(doc: JsonDoc, file: ProcessesFile, supports: string[][], errors: PackageError[]): void {
  const index = new Map<string, number>();
  file.processes.forEach((process, p) => {
    if (!index.has(process.id)) index.set(process.id, p);
  });
  const reported = new Set<string>();
  const state = new Array<"new" | "open" | "done">(file.processes.length).fill("new");
  const stack: number[] = [];
  const visit = (p: number): void => {
    state[p] = "open";
    stack.push(p);
    for (const id of supports[p] ?? []) {
      const q = index.get(id);
      if (q === undefined) continue;
      if (state[q] === "open") {
        const cycle = stack.slice(stack.indexOf(q));
        const names = cycle.map((c) => file.processes[c]?.id ?? "?");
        // The same cycle found from another start is the same problem: key it by its sorted members.
        const key = [...names].sort().join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          errors.push(at(doc, ["processes", q, "supports"], `support processes form a cycle: ${[...names, names[0]].join(" → ")}; expected a support process not to support, directly or through others, a process that supports it`));
        }
      } else if (state[q] === "new") {
        visit(q);
      }
    }
    stack.pop();
    state[p] = "done";
  };
  file.processes.forEach((_, p) => {
    if (state[p] === "new") visit(p);
  });
}

// ---------------------------------------------------------------------------------------------
// levers.json

/** The lever kinds that act on activities and on fixed work. */
const ACTS_ON: Record<LeverKind, { activities: boolean; fixed: boolean }> = {
  automation: { activities: true, fixed: false },
  self_service: { activities: true, fixed: false },
  failure_demand: { activities: true, fixed: false },
  consolidation: { activities: false, fixed: true },
  stop_doing: { activities: true, fixed: true },
};

function checkLevers(
  doc: JsonDoc | undefined,
  file: LeversFile,
  processesFile: ProcessesFile | undefined,
  baseYear: number | undefined,
  errors: PackageError[],
): Lever[] {
  const where = (path: JsonPath, message: string): PackageError =>
    doc === undefined ? { file: "levers.json", field: fieldPath(path), message } : at(doc, path, message);
  const seen = new Map<string, number>();
  file.levers.forEach((lever, l) => {
    const earlier = seen.get(lever.id);
    if (earlier !== undefined) errors.push(where(["levers", l, "id"], `lever id "${lever.id}" is used twice (also levers[${earlier}]): expected unique ids`));
    else seen.set(lever.id, l);

    const acts = ACTS_ON[lever.kind];
    const targetKeys = new Set<string>();
    lever.targets.forEach((target, t) => {
      const path = ["levers", l, "targets", t];
      const key = `${target.process}.${target.activity}`;
      if (targetKeys.has(key)) errors.push(where(path, `${target.process} ${target.activity} is targeted twice by ${lever.id}: expected each target once`));
      targetKeys.add(key);
      if (target.activity === FIXED_WORK && !acts.fixed) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on activities, not on fixed work: expected an activity id of ${target.process}`));
      } else if (target.activity !== FIXED_WORK && !acts.activities) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on fixed work: expected "activity": "${FIXED_WORK}", found "${target.activity}"`));
      }
      if (processesFile === undefined) return;
      const process = processesFile.processes.find((p) => p.id === target.process);
      if (process === undefined) {
        errors.push(where([...path, "process"], `unknown process "${target.process}": expected one of ${processesFile.processes.map((p) => p.id).join(", ")}`));
      } else if (target.activity !== FIXED_WORK && !process.activities.some((a) => a.id === target.activity)) {
        const valid = [...process.activities.map((a) => a.id), ...(acts.fixed ? [FIXED_WORK] : [])];
        errors.push(where([...path, "activity"], `unknown activity "${target.activity}" of ${process.id}: expected one of ${valid.join(", ")}`));
      }
    });

    if (baseYear !== undefined) {
      const message = `a lever must start after the base year ${baseYear}: the base year's headcount already includes what was done before`;
      if (lever.adoption.startYear <= baseYear) errors.push(where(["levers", l, "adoption", "startYear"], `${message} (found ${lever.adoption.startYear})`));
      if (lever.build.startYear <= baseYear) errors.push(where(["levers", l, "build", "startYear"], `${message} (found ${lever.build.startYear})`));
    }

    const valid = leverParameterNames(lever);
    for (const name of Object.keys(lever.distributions)) {
      if (!valid.includes(name)) {
        errors.push(where(["levers", l, "distributions", name], `"${name}" is not a parameter of ${lever.id}: expected one of ${valid.join(", ")}`));
      }
    }
  });

  return file.levers.map(
    (lever): Lever => ({
      id: lever.id,
      name: lever.name,
      kind: lever.kind,
      targets: lever.targets.map((t) => ({ process: t.process, activity: t.activity, reach: t.reach })),
      efficiency: lever.efficiency,
      adoption: { ...lever.adoption },
      dip: lever.dip,
      build: { ...lever.build },
      upkeepFte: lever.upkeepFte,
      licencesPerYear: lever.licencesPerYear,
      systemSavingsPerYear: lever.systemSavingsPerYear,
      distributions: { ...lever.distributions },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// scenarios/<id>.json

interface ScenarioSource {
  id: string;
  doc: JsonDoc;
  value: ScenarioFile;
}

function readScenarios(files: Readonly<Record<string, string>>, errors: PackageError[]): ScenarioSource[] {
  const result: ScenarioSource[] = [];
  for (const name of Object.keys(files).sort()) {
    const match = SCENARIO_FILE.exec(name);
    if (match === null) continue;
    const id = match[1] ?? "";
    if (!SCENARIO_ID_PATTERN.test(id)) {
      errors.push({ file: name, message: `"${id}" is not a scenario id: expected a file name of lower-case letters, digits, _ and -, starting with a letter, ending in .json` });
      continue;
    }
    const parsed = readJson(name, files, scenarioSchema, errors);
    if (parsed !== undefined) result.push({ id, doc: parsed.doc, value: parsed.value });
  }
  return result;
}

function checkScenarios(
  sources: ScenarioSource[],
  drivers: DriverTable | undefined,
  leversFile: LeversFile | undefined,
  errors: PackageError[],
): Record<string, Scenario> {
  const leverIds = leversFile?.levers.map((l) => l.id);
  const scenarios: Record<string, Scenario> = {};
  for (const { id, doc, value } of sources) {
    const seen = new Set<string>();
    value.levers.forEach((lever, index) => {
      if (seen.has(lever)) errors.push(at(doc, ["levers", index], `lever "${lever}" is listed twice: expected each lever once`));
      seen.add(lever);
      if (leverIds !== undefined && !leverIds.includes(lever)) {
        const valid = leverIds.length === 0 ? "levers.json has no levers" : `expected one of ${leverIds.join(", ")}`;
        errors.push(at(doc, ["levers", index], `unknown lever "${lever}": ${valid}`));
      }
    });
    if (drivers !== undefined) {
      for (const driver of Object.keys(value.driverGrowthRates)) {
        if (!drivers.has(driver)) {
          errors.push(at(doc, ["driverGrowthRates", driver], `unknown driver "${driver}": expected one of the drivers in drivers.csv (${[...drivers.keys()].join(", ")})`));
        }
      }
    }
    scenarios[id] = {
      id,
      name: value.name,
      description: value.description,
      growthMultiplier: value.growthMultiplier,
      driverGrowthRates: { ...value.driverGrowthRates },
      levers: [...value.levers],
      set: { ...value.set },
      uncertainty: { ...value.uncertainty },
    };
  }
  return scenarios;
}

// ---------------------------------------------------------------------------------------------

function toMunicipality(file: MunicipalityFile): Municipality {
  return {
    name: file.name,
    currency: file.currency,
    costPerFte: file.costPerFte,
    workingTime: { ...file.workingTime },
    discountRate: file.discountRate,
    horizon: file.horizon,
  };
}

/** A number for a message: at most 6 decimals, no float noise. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
