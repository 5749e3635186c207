/**
 * The council paper as an Excel workbook (exceljs) with the same tables as the printed paper: the
 * summary, the key figures, each chart's table with its caption and source line, the assumptions,
 * the versions and the provenance, a sheet each. Every sheet names the version ids and, when the
 * figures are illustrative, says so at its top and in its printed footer.
 */
import ExcelJS from "exceljs";
import type { Lang } from "../contract/locale.ts";
import { readNumberText } from "../model/number-text.ts";
import type { Paper, PaperTable } from "../paper/paper.ts";

/** A sheet name Excel accepts: no `: \ / ? * [ ]`, at most 31 characters, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const clean = title.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim();
  let name = clean.slice(0, 31).trim();
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, 31 - String(i).length - 1).trim()} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A number as Excel keeps it: the value and the number format that shows it as the paper does. */
export interface NumberCell {
  value: number;
  numFmt: string;
}

/**
 * A numeric column's cell as a number, so that finance can compute with it: the text the paper
 * prints ("1 088", "12,3", "47,9 Mkr", "50 %", "2030") read back in the paper's language, with a
 * format that shows the same decimals and unit, grouped in thousands except a year. The number is the printed, rounded one,
 * as on the paper. Undefined for a cell that is not a number ("–", "inte före 2030", a version id).
 */
export function numberCell(text: string, lang: Lang): NumberCell | undefined {
  const match = /^(.*?\d)(?:[ \u00a0\u202f](%|\p{L}+)|(%))?$/u.exec(text.trim());
  if (match === null) return undefined;
  const number = match[1]!;
  const unit = match[2] ?? match[3];
  const read = readNumberText(number, lang);
  if (!read.ok) return undefined;
  const decimalMark = lang === "en" ? "." : ",";
  const decimals = number.includes(decimalMark) ? number.length - number.lastIndexOf(decimalMark) - 1 : 0;
  const fraction = decimals > 0 ? `.${"0".repeat(decimals)}` : "";
  if (unit === "%") return { value: read.value / 100, numFmt: `0${fraction}%` };
  // Four digits in a row are a year or a code, printed without grouping; other numbers are grouped.
  const digits = `${/\d{4}/.test(number) ? "0" : "#,##0"}${fraction}`;
  return { value: read.value, numFmt: unit === undefined ? digits : `${digits}" ${unit}"` };
}

/** The paper as XLSX bytes. */
export async function paperXlsx(paper: Paper): Promise<Buffer> {
  const t = paper.texts;
  const book = new ExcelJS.Workbook();
  book.creator = "Vaxa";
  book.title = `${paper.municipality}: ${paper.title}`;
  book.subject = paper.running;
  const taken = new Set<string>();

  const sheet = (title: string) => {
    const ws = book.addWorksheet(sheetName(title, taken));
    ws.headerFooter.oddFooter = `&L${paper.running.replace(/&/g, "&&")}&R${t.page} &P ${t.of} &N`;
    ws.addRow([title]).font = { bold: true, size: 14 };
    if (paper.illustrative) ws.addRow([paper.illustrative]).font = { italic: true };
    ws.addRow([paper.running]);
    ws.addRow([]);
    return ws;
  };
  const addTable = (ws: ExcelJS.Worksheet, table: PaperTable) => {
    ws.addRow([table.caption]).font = { bold: true };
    ws.addRow(table.columns.map((c) => c.label)).font = { bold: true };
    for (const row of table.rows) {
      const added = ws.addRow(row);
      table.columns.forEach((c, i) => {
        if (!c.numeric) return;
        const cell = added.getCell(i + 1);
        cell.alignment = { horizontal: "right" };
        const number = numberCell(row[i] ?? "", paper.lang);
        if (number === undefined) return;
        cell.value = number.value;
        cell.numFmt = number.numFmt;
      });
    }
    ws.columns.forEach((column, i) => {
      column.width = i === 0 ? 34 : Math.min(60, Math.max(14, ...table.rows.map((r) => Math.min(60, (r[i] ?? "").length + 2))));
    });
    ws.addRow([]);
  };

  const summary = sheet(t.summaryHeading);
  summary.addRow([`${paper.municipality} · ${t.board} · ${t.kind} · ${paper.printed}`]);
  summary.addRow([paper.title]).font = { bold: true };
  summary.addRow([t.proposalHeading]).font = { bold: true };
  summary.addRow([t.proposal]);
  summary.addRow([]);
  for (const s of paper.summary) {
    summary.addRow([`${s.label} (${s.versionId})`]).font = { bold: true };
    for (const sentence of s.sentences) summary.addRow([sentence]);
    summary.addRow([]);
  }
  summary.getColumn(1).width = 120;
  addTable(sheet(t.keyFigures), paper.keyFigures);
  for (const chart of paper.charts) {
    const ws = sheet(chart.spec.title);
    ws.addRow([chart.spec.caption]);
    ws.addRow([]);
    addTable(ws, chart.table);
    ws.addRow([chart.source]).font = { italic: true };
  }
  for (const note of paper.notes) summary.addRow([note]);
  addTable(sheet(t.assumptionsHeading), paper.assumptions);
  addTable(sheet(t.versionsHeading), paper.versions);
  const sources = sheet(t.provenanceHeading);
  for (const line of paper.provenance) sources.addRow([line]);
  sources.getColumn(1).width = 120;
  return Buffer.from(await book.xlsx.writeBuffer());
}
