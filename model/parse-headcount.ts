/**
 * `headcount.csv` → actual FTE per process and year (`year,process,fte`): contiguous years, the
 * same last year for every process. That last year is the package's base year. See `data/README.md`.
 */
import { FILE_NUMBERS } from "./bounds.ts";
import { boundedField, checkContiguous, checkId, groupByYear, readCsvRows, yearField } from "./csv-rows.ts";
import type { PackageError } from "./package-error.ts";

const FILE = "headcount.csv";
const COLUMNS = ["year", "process", "fte"] as const;

/** A headcount.csv row whose year and process id are good; `fte` undefined where it had an error (already reported). */
export interface HeadcountRow {
  line: number;
  year: number;
  process: string;
  fte: number | undefined;
}

/** Rows by process id, sorted by year. */
export type HeadcountTable = Map<string, HeadcountRow[]>;

/** The rows of headcount.csv, each field checked on its own; undefined when the file is missing or unreadable. */
export function readHeadcountRows(files: Readonly<Record<string, string>>, errors: PackageError[]): HeadcountRow[] | undefined {
  const csvRows = readCsvRows(FILE, files, COLUMNS, "the actual FTE of every process for the history years (year, process, fte)", errors, ["fte"]);
  if (csvRows === undefined) return undefined;
  const rows: HeadcountRow[] = [];
  for (const row of csvRows) {
    const process = row.fields.process ?? "";
    const goodId = checkId(FILE, row, "process", process, "a process", errors);
    const year = yearField(FILE, row, errors);
    const fte = boundedField(FILE, row, "fte", process, FILE_NUMBERS.fte, errors);
    if (goodId && year !== undefined) rows.push({ line: row.line, year, process, fte });
  }
  return rows;
}

/**
 * Groups the rows by process and checks each process's years.
 *
 * @param baseYear the last year in the file, when known; every process needs its FTE for it.
 * @param processIds the processes in processes.json, when it could be read; other ids are errors.
 */
export function checkHeadcount(
  rows: HeadcountRow[],
  baseYear: number | undefined,
  processIds: Set<string> | undefined,
  errors: PackageError[],
): HeadcountTable {
  const byProcess = groupByYear(FILE, rows, (r) => r.process, "process", errors);
  for (const [process, series] of byProcess) {
    const first = series[0];
    const last = series[series.length - 1];
    if (first === undefined || last === undefined) continue;
    if (processIds !== undefined && !processIds.has(process)) {
      errors.push({
        file: FILE,
        line: first.line,
        field: "process",
        message: `unknown process "${process}": expected one of the processes in processes.json (${[...processIds].join(", ")})`,
      });
    }
    checkContiguous(FILE, process, series, errors);
    if (baseYear !== undefined && last.year < baseYear) {
      errors.push({
        file: FILE,
        line: last.line,
        field: "year",
        message: `${process} ends in ${last.year}: expected its actual FTE for the base year ${baseYear} (the last year in the file), the same last year for every process`,
      });
    }
  }
  return byProcess;
}

/** A checked headcount table without errors → FTE by process id and year. */
export function toHeadcount(table: HeadcountTable): Record<string, Record<number, number>> {
  const result: Record<string, Record<number, number>> = {};
  for (const [process, rows] of table) {
    const years: Record<number, number> = {};
    // Only reached when there are no errors, so every FTE is known.
    for (const row of rows) years[row.year] = row.fte ?? Number.NaN;
    result[process] = years;
  }
  return result;
}
