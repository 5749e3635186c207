/**
 * A municipality's own population forecast as an Excel workbook (read with exceljs): one-year ages
 * down the rows and years across the columns (wide), or columns year, age, [sex,] value (long).
 * Sexes come from a sex column, from block rows ("Kvinnor", "Män") above the ages, or from the
 * sheet's name; otherwise the figures are totals. Sheets with five-year ages are skipped unless
 * `--sheet` names one. Problems name the sheet and cell, e.g. `Prognos!C7`.
 */
import type ExcelJS from "exceljs";
import { isStatusSymbol, parseAge, parseSex, parseYear } from "./categories.ts";
import { fileStem } from "./text.ts";
import { type ImportProblem, type Observation, type ReadOptions, type ReadResult, type Sex, say } from "./import-types.ts";

type Cell = string | number | undefined;

export async function readXlsxForecast(file: string, bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const problems: ImportProblem[] = [];
  const provenance = { format: "Excel (XLSX)", file, requiredNotes: [] as string[], projection: true };
  // exceljs is large: loaded only when a workbook is read.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    problems.push({ file, severity: "error", message: say(`inte en läsbar Excel-fil (.xlsx): ${String(error)}`, `not a readable Excel file (.xlsx): ${String(error)}`) });
    return { observations: [], provenance, problems };
  }
  const sheets = workbook.worksheets.filter((s) => options.sheet === undefined || s.name === options.sheet);
  if (sheets.length === 0) {
    const names = workbook.worksheets.map((s) => s.name).join(", ");
    problems.push({ file, severity: "error", field: "--sheet", message: say(`bladet "${options.sheet}" finns inte: arbetsboken har ${names}`, `the sheet "${options.sheet}" does not exist: the workbook has ${names}`) });
    return { observations: [], provenance, problems };
  }
  const tried: string[] = [];
  let fallback: { sheet: string; observations: Observation[]; problems: ImportProblem[]; title?: string } | undefined;
  for (const sheet of sheets) {
    const grid: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        cells[c - 1] = plainValue(cell.value);
      });
      grid[r - 1] = cells;
    });
    const found = readSheet(file, sheet.name, grid);
    tried.push(`${sheet.name}: ${found.reason}`);
    if (found.observations.length === 0) continue;
    const singleAges = new Set(found.observations.flatMap((o) => (o.age !== "total" && o.age.from === o.age.to ? [o.age.from] : []))).size;
    if (singleAges >= 20 || options.sheet !== undefined) {
      problems.push(...found.problems);
      return { observations: found.observations, provenance: { ...provenance, title: found.title ?? sheet.name, tableId: `${fileStem(file)} / ${sheet.name}` }, problems };
    }
    fallback ??= { sheet: sheet.name, ...found };
  }
  if (fallback !== undefined) {
    problems.push(...fallback.problems, {
      file,
      severity: "note",
      message: say(`inget blad har ettåriga åldrar: bladet ${fallback.sheet} läses`, `no sheet has one-year ages: the sheet ${fallback.sheet} is read`),
    });
    return { observations: fallback.observations, provenance: { ...provenance, title: fallback.title ?? fallback.sheet, tableId: `${fileStem(file)} / ${fallback.sheet}` }, problems };
  }
  problems.push({ file, severity: "error", message: say(`hittar ingen tabell med ålder och år (${tried.join("; ")})`, `found no table of ages and years: ${tried.join("; ")}`) });
  return { observations: [], provenance, problems };
}

/** exceljs' cell value as text or number (formulas by their cached result, rich text joined). */
function plainValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "object" && "result" in value) return plainValue(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "richText" in value) return value.richText.map((t) => t.text).join("");
  return String(value);
}

function columnName(c: number): string {
  let name = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const text = (cell: Cell) => (cell === undefined ? "" : String(cell).trim());

/** One sheet's observations, or why it has none. */
function readSheet(file: string, sheet: string, grid: Cell[][]): { observations: Observation[]; problems: ImportProblem[]; title?: string; reason: string } {
  const problems: ImportProblem[] = [];
  const ref = (r: number, c: number) => `${sheet}!${columnName(c)}${r + 1}`;
  const sheetSex = parseSex(sheet) ?? (/kvinn/i.test(sheet) ? "women" : /män|men\b/i.test(sheet) ? "men" : undefined);
  for (let r = 0; r < Math.min(grid.length, 40); r += 1) {
    const row = grid[r] ?? [];
    const title = grid.slice(0, r).flat().map(text).find((t) => t !== "");
    const years = row.map((cell, c) => ({ c, year: parseYear(text(cell)) })).filter((y): y is { c: number; year: number } => y.year !== undefined);
    const names = row.map((cell) => text(cell).toLowerCase());
    const longYear = names.findIndex((n) => /^(år|year|årtal)$/.test(n));
    const longAge = names.findIndex((n) => /^(ålder|age)$/.test(n));
    if (years.length >= 2) {
      const firstYear = Math.min(...years.map((y) => y.c));
      const labelColumns = [...Array(firstYear).keys()];
      const body = grid.slice(r + 1);
      const score = (c: number, parse: (t: string) => unknown) => body.filter((row) => text(row[c]) !== "" && parse(text(row[c])) !== undefined).length;
      const ageColumn = labelColumns.sort((a, b) => score(b, parseAge) - score(a, parseAge))[0];
      if (ageColumn === undefined || score(ageColumn, parseAge) === 0) return { observations: [], problems, reason: `row ${r + 1} has years but no age column` };
      const sexColumn = labelColumns.find((c) => c !== ageColumn && score(c, parseSex) > 0);
      const observations: Observation[] = [];
      let blockSex: Sex | undefined;
      body.forEach((row, i) => {
        const rr = r + 1 + i;
        const ageText = text(row[ageColumn]);
        const labels = labelColumns.map((c) => text(row[c])).filter((t) => t !== "");
        if (ageText === "") {
          // A block row: "Kvinnor" or "Män" above its ages (in another label column, or in the age column below).
          if (labels.length === 1) blockSex = parseSex(labels[0]!) ?? blockSex;
          return;
        }
        const age = parseAge(ageText);
        const blockLabel = age === undefined && years.every(({ c }) => text(row[c]) === "") ? parseSex(ageText) : undefined;
        if (blockLabel !== undefined) {
          blockSex = blockLabel;
          return;
        }
        if (age === undefined) {
          problems.push({ file, severity: "error", cell: ref(rr, ageColumn), message: say(`"${ageText}" är inte en ålder`, `"${ageText}" is not an age`) });
          return;
        }
        const sex = (sexColumn === undefined ? undefined : parseSex(text(row[sexColumn]))) ?? blockSex ?? sheetSex ?? "total";
        for (const { c, year } of years) observations.push(figure(file, row[c], { age, sex, year }, ref(rr, c), problems));
      });
      return { observations, problems, ...(title === undefined ? {} : { title }), reason: "ok" };
    }
    if (longYear >= 0 && longAge >= 0) {
      const body = grid.slice(r + 1);
      const numeric = (c: number) => body.every((row) => row[c] === undefined || typeof row[c] === "number" || isStatusSymbol(text(row[c])));
      const valueColumn = [...names.keys()].reverse().find((c) => c !== longYear && c !== longAge && numeric(c));
      const sexColumn = names.findIndex((n) => /^(kön|sex|gender)$/.test(n));
      if (valueColumn === undefined) return { observations: [], problems, reason: `row ${r + 1} has year and age columns but no value column` };
      const observations: Observation[] = [];
      body.forEach((row, i) => {
        const rr = r + 1 + i;
        if (row.every((cell) => text(cell) === "")) return;
        const year = parseYear(text(row[longYear]));
        const age = parseAge(text(row[longAge]));
        const sex = sexColumn < 0 ? (sheetSex ?? "total") : parseSex(text(row[sexColumn]));
        if (year === undefined || age === undefined || sex === undefined) {
          const [c, what] = year === undefined ? [longYear, say("ett år", "a year")] : age === undefined ? [longAge, say("en ålder", "an age")] : [sexColumn, say("ett kön", "a sex")];
          problems.push({ file, severity: "error", cell: ref(rr, c), message: say(`"${text(row[c])}" är inte ${what.sv}`, `"${text(row[c])}" is not ${what.en}`) });
          return;
        }
        observations.push(figure(file, row[valueColumn], { age, sex, year }, ref(rr, valueColumn), problems));
      });
      return { observations, problems, ...(title === undefined ? {} : { title }), reason: "ok" };
    }
  }
  return { observations: [], problems, reason: "no row with years across or year and age columns" };
}

function figure(file: string, cell: Cell, key: Pick<Observation, "age" | "sex" | "year">, cellRef: string, problems: ImportProblem[]): Observation {
  const where = { cell: cellRef };
  if (typeof cell === "number") return { ...key, value: cell, where };
  const t = text(cell);
  if (t === "" || isStatusSymbol(t)) return { ...key, value: null, status: t, where };
  const value = Number(t.replace(/\s/g, "").replace(",", "."));
  if (Number.isFinite(value)) return { ...key, value, where };
  problems.push({ file, severity: "error", cell: cellRef, message: say(`"${t}" är inte ett tal`, `"${t}" is not a number`) });
  return { ...key, value: null, status: t, where };
}
