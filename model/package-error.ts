/**
 * One problem found in a data package, naming where it is so that a planner can fix it.
 *
 * Every parser and validator reports problems in this one format (see {@link formatPackageError}).
 */
export interface PackageError {
  /** File name relative to the package folder, e.g. "drivers.csv" or "scenarios/baseline.json". */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** The column or JSON path of the field, e.g. "value" or "processes[2].activities[0].share". */
  field?: string;
  /** What is wrong and what was expected, in plain words. */
  message: string;
}

/**
 * How much a finding matters. An `error` stops every run (the package or scenario cannot be
 * computed as written); a `warning` is a value that is valid but implausible, which a planner
 * should look at (a driver that jumps tenfold in a year); a `note` says what the reader did
 * that the planner may not expect (a file decoded as Windows-1252, a file skipped). Warnings and
 * notes never stop a run.
 */
export type Severity = "error" | "warning" | "note";

/** One finding of the graded validation: a {@link PackageError} with its severity. */
export interface PackageFinding extends PackageError {
  severity: Severity;
}

/** The severities from the most to the least serious (the order a report lists them in). */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "note"];

/** A warning or a note about `file`. */
export function finding(severity: Severity, error: PackageError): PackageFinding {
  return { severity, ...error };
}

/** Longest excerpt of a planner's text that a message quotes, characters. */
export const EXCERPT_LENGTH = 40;

/**
 * A short excerpt of a text from the input, for a message: at most {@link EXCERPT_LENGTH}
 * characters, cut with "…" and the full length said, so that a 100 MB field is never quoted whole.
 * Line breaks and other control characters are shown escaped, so an excerpt stays on one line.
 *
 * @example excerpt("x".repeat(100)) // "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… (100 characters)"
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const shown = cut.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return text.length > max ? `${shown}… (${text.length} characters)` : shown;
}

/** `excerpt` in double quotes: `"12 3a"`. */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  return `"${excerpt(text, max)}"`;
}

/** `drivers.csv line 14, field "value": "12 3a" for residents_80plus is not a number` */
export function formatPackageError(error: PackageError): string {
  const where = [error.file];
  if (error.line !== undefined) where.push(`line ${error.line}`);
  const head = where.join(" ");
  const field = error.field !== undefined ? `, field "${excerpt(error.field, 120)}"` : "";
  return `${head}${field}: ${error.message}`;
}

/** Thrown at the edges (command line, server) when a package or scenario has problems. */
export class PackageValidationError extends Error {
  readonly errors: PackageError[];
  constructor(errors: PackageError[]) {
    super(errors.map(formatPackageError).join("\n"));
    this.name = "PackageValidationError";
    this.errors = errors;
  }
}
