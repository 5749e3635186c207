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

/** `drivers.csv line 14, field "value": "12 3a" for residents_80plus is not a number` */
export function formatPackageError(error: PackageError): string {
  const where = [error.file];
  if (error.line !== undefined) where.push(`line ${error.line}`);
  const head = where.join(" ");
  const field = error.field !== undefined ? `, field "${error.field}"` : "";
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
