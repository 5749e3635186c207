/**
 * A data package as an Excel workbook (exceljs), both ways — one sheet per file, so a planner can
 * take the package to Excel, change figures and upload it again. The layout (data/README.md,
 * "A package as a workbook"):
 *
 * - the first sheet, `Filer`, lists every file: column A its path in the package
 *   (`drivers.csv`, `scenarios/baseline.json`, `population/nacka.csv`), column B its sheet;
 * - a CSV file's sheet holds its rows, row for row (row 1 the header, so a message's line number
 *   is the sheet's row number); a field that is a plain number is a number cell, so Excel shows and
 *   edits it as one, every other field a text cell;
 * - any other file's sheet (JSON) holds its text, one line per row in column A.
 *
 * Reading writes each CSV sheet back as comma-separated text with numbers in JavaScript's shortest
 * exact form, so a number that went out comes back as the same number.
 */
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { detectSeparator, parseDecimal } from "../model/csv.ts";
import { mayBeThousands } from "../model/number-text.ts";
import type { PackageFinding } from "../model/package-error.ts";
import { parse } from "csv-parse/sync";
import { packagePath } from "./package-archive.ts";

/** The index sheet's name and its column headings. */
export const INDEX_SHEET = "Filer";
const INDEX_HEADINGS = ["Fil", "Blad"] as const;

/** Characters Excel does not allow in a sheet name, and its longest name. */
const SHEET_FORBIDDEN = /[:\\/?*[\]]/g;
const SHEET_NAME_LENGTH = 31;

/**
 * A package's files as a workbook (the layout above).
 *
 * @example const bytes = await writePackageWorkbook(loaded.files);
 */
export async function writePackageWorkbook(files: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Vaxa";
  const index = workbook.addWorksheet(INDEX_SHEET);
  index.addRow([...INDEX_HEADINGS]).font = { bold: true };
  index.getColumn(1).width = 40;
  index.getColumn(2).width = 32;
  const used = new Set([INDEX_SHEET.toLowerCase()]);
  for (const path of Object.keys(files).sort()) {
    const name = sheetName(path, used);
    index.addRow([path, name]);
    const sheet = workbook.addWorksheet(name);
    const text = files[path]!;
    if (path.toLowerCase().endsWith(".csv")) {
      for (const row of csvRows(text)) sheet.addRow(row.map(cellOf));
      sheet.getRow(1).font = { bold: true };
    } else {
      for (const line of text.split(/\r?\n/)) sheet.addRow([line]);
      sheet.getColumn(1).width = 100;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Reads a package workbook back into file texts, with an error for each sheet that cannot be read.
 *
 * @throws Error if the bytes are not a workbook exceljs can read.
 */
export async function readPackageWorkbook(bytes: Uint8Array): Promise<{ files: Record<string, string>; findings: PackageFinding[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new Error(`the file is not an Excel workbook that can be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const findings: PackageFinding[] = [];
  const index = workbook.worksheets.find((s) => s.name.toLowerCase() === INDEX_SHEET.toLowerCase());
  if (index === undefined) {
    findings.push({
      severity: "error",
      file: "(workbook)",
      message: `the workbook has no sheet "${INDEX_SHEET}" listing the package's files (column A the file, column B its sheet): download a package as a workbook to see the layout`,
    });
    return { files: {}, findings };
  }
  const files: Record<string, string> = {};
  index.eachRow((row, number) => {
    if (number === 1) return;
    const path = cellText(row.getCell(1).value).trim();
    const name = cellText(row.getCell(2).value).trim();
    if (path === "" && name === "") return;
    const sheet = workbook.worksheets.find((s) => s.name === name);
    if (sheet === undefined || path === "") {
      findings.push({ severity: "error", file: `${INDEX_SHEET} (workbook)`, line: number, message: `row ${number} names the file "${path}" on the sheet "${name}", which ${path === "" ? "has no file name" : "the workbook does not have"}` });
      return;
    }
    const rows = sheetRows(sheet);
    files[packagePath(path)] = path.toLowerCase().endsWith(".csv")
      ? stringify(rows, { record_delimiter: "\n" }).replace(/\n$/, "")
      : rows.map((r) => r[0] ?? "").join("\n");
  });
  return { files, findings };
}

/** A sheet name for a path: Excel's forbidden characters replaced, at most 31 characters, unique. */
function sheetName(path: string, used: Set<string>): string {
  const base = path.replace(SHEET_FORBIDDEN, "_").slice(0, SHEET_NAME_LENGTH);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, SHEET_NAME_LENGTH - String(n).length - 1)}~${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** A CSV text's rows of fields, with the package reader's own choice of separator. */
function csvRows(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const header = body.split(/\r?\n/, 1)[0] ?? "";
  return parse(body, { delimiter: detectSeparator(header), relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/**
 * A field as a cell: a number cell when the package reader would read the field as exactly that
 * number whatever the column (a lone comma before three digits may be thousands: left as text).
 */
function cellOf(field: string): string | number {
  if (field.trim() === "" || mayBeThousands(field)) return field;
  const parsed = parseDecimal(field);
  return parsed.ok ? parsed.value : field;
}

/** A sheet's rows as texts up to its last row with anything in it (rows and cells left empty are ""). */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    rows[number - 1] = cells;
  });
  const filled = Array.from(rows, (r) => r ?? []);
  while (filled.length > 0 && filled.at(-1)!.length === 0) filled.pop();
  return filled;
}

/** What a cell holds, as text: numbers in JavaScript's shortest exact form, a formula's result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}
