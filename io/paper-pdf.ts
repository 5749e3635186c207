/**
 * The council paper as a PDF (A4): PDFKit lays out the text and tables, SVG-to-PDFKit draws each
 * chart from the SVG the server renders (`svg.ts`) as vectors, in DejaVu Sans from node_modules
 * (embedded, so Swedish letters and the minus sign print and the text can be searched and read
 * aloud). Every page carries the version ids, the page number and, when the figures are
 * illustrative, the statement that says so; every chart's footer carries that statement too.
 */
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Paper, PaperTable } from "../paper/paper.ts";
import { renderSvg } from "./svg.ts";

const require = createRequire(import.meta.url);
const SVGtoPDF = require("svg-to-pdfkit") as (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: object) => void;
const font = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
const FONTS = { regular: font("DejaVuSans.ttf"), bold: font("DejaVuSans-Bold.ttf"), italic: font("DejaVuSans-Oblique.ttf") };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 56, bottom: 84 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const PT_PER_PX = 0.75;
const INK = "#222222";
const MUTED = "#444444";

/** The paper as PDF bytes. */
export async function paperPdf(paper: Paper): Promise<Buffer> {
  const t = paper.texts;
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    lang: paper.lang === "sv" ? "sv-SE" : "en-GB",
    displayTitle: true,
    info: { Title: `${paper.municipality}: ${paper.title}`, Subject: paper.running, Creator: "Vaxa" },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.registerFont("italic", FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const bottom = () => A4.height - MARGIN.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string, size = 15) => {
    ensure(size * 3);
    doc.moveDown(0.6).font("bold").fontSize(size).fillColor(INK).text(text, MARGIN.left, doc.y, { width: WIDTH });
    doc.moveDown(0.3);
  };
  const paragraph = (text: string, options: { font?: string; size?: number; color?: string } = {}) => {
    doc.font(options.font ?? "regular").fontSize(options.size ?? 10.5);
    ensure(doc.heightOfString(text, { width: WIDTH }));
    doc.fillColor(options.color ?? INK).text(text, MARGIN.left, doc.y, { width: WIDTH, lineGap: 2 });
    doc.moveDown(0.4);
  };

  // Page 1: the title block, the proposed decision and the summary.
  doc.font("regular").fontSize(10).fillColor(MUTED).text(`${paper.municipality} · ${t.board}`, { width: WIDTH });
  doc.text(`${t.kind} · ${paper.printed}`, { width: WIDTH });
  doc.moveDown(1).font("bold").fontSize(19).fillColor(INK).text(paper.title, { width: WIDTH });
  heading(t.proposalHeading, 13);
  paragraph(t.proposal);
  heading(t.summaryHeading, 13);
  for (const s of paper.summary) {
    paragraph(`${s.label} (${s.versionId})`, { font: "bold", size: 10.5 });
    paragraph(s.sentences.join(" "));
  }
  if (paper.illustrative) paragraph(paper.illustrative, { font: "italic", size: 10 });

  // The matter: key figures and the charts, each with its table and source line.
  doc.addPage();
  heading(t.caseHeading);
  paragraph(t.caseIntro(paper.versionIds.length));
  table(doc, paper.keyFigures, ensure);
  for (const note of paper.notes) paragraph(note, { font: "italic" });
  for (const chart of paper.charts) {
    // The caption and the chart's footer (the illustrative statement) are set as PDF text under
    // the drawing, wrapped by PDFKit with the font's own widths.
    // SVG-to-PDFKit draws a pixel as 0.75 pt (CSS units): a chart drawn 644 px wide fills the text width.
    const svg = renderSvg({ ...chart.spec, caption: "", plot: { ...chart.spec.plot, width: Math.floor(WIDTH / PT_PER_PX) } }, paper.versionIds.join(", "));
    const height = Number(/height="(\d+)"/.exec(svg)![1]) * PT_PER_PX;
    if (doc.y + height > bottom()) doc.addPage();
    const top = doc.y;
    SVGtoPDF(doc, svg, MARGIN.left, top, {
      fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? "bold" : italic ? "italic" : "regular"),
    });
    // SVG-to-PDFKit sets text of its own and leaves the cursor where its last text was.
    doc.y = top + height + 2;
    paragraph(chart.spec.caption, { size: 9 });
    if (paper.illustrative) paragraph(paper.illustrative, { font: "italic", size: 8.5, color: MUTED });
    table(doc, chart.table, ensure);
    paragraph(chart.source, { font: "italic", size: 8.5, color: MUTED });
  }

  doc.addPage();
  heading(t.assumptionsHeading);
  table(doc, paper.assumptions, ensure, 0.2);
  heading(t.versionsHeading);
  table(doc, paper.versions, ensure);
  heading(t.provenanceHeading);
  for (const line of paper.provenance) paragraph(line);
  if (paper.illustrative) paragraph(paper.illustrative, { font: "italic" });

  // Every page: the illustrative statement, the version ids and the page number, in the footer.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const footerTop = A4.height - MARGIN.bottom + 14;
    doc.page.margins.bottom = 0;
    doc.font("italic").fontSize(7.5).fillColor(MUTED);
    if (paper.illustrative) doc.text(paper.illustrative, MARGIN.left, footerTop, { width: WIDTH, lineGap: 1 });
    doc.font("regular").fontSize(8).fillColor(INK);
    doc.text(`${paper.municipality} · ${paper.running}`, MARGIN.left, A4.height - 30, { width: WIDTH - 80, lineBreak: false });
    doc.text(`${t.page} ${i + 1} ${t.of} ${range.count}`, A4.width - MARGIN.right - 80, A4.height - 30, { width: 80, align: "right", lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A table across the text width: a bold header row (repeated on each new page), rows of text
 * cells wrapped in their column, the first column `first` of the width.
 */
function table(doc: PDFKit.PDFDocument, data: PaperTable, ensure: (height: number) => void, first?: number): void {
  const n = data.columns.length;
  const firstWidth = WIDTH * (first ?? (n <= 2 ? 0.5 : Math.min(0.34, 1 / n + 0.08)));
  const rest = n > 1 ? (WIDTH - firstWidth) / (n - 1) : 0;
  const widths = data.columns.map((_, i) => (i === 0 ? firstWidth : rest));
  const pad = 3;
  const size = n > 5 ? 7 : 8;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: string, fill?: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN.left, y, WIDTH, h).fill(fill);
    let x = MARGIN.left;
    doc.font(font).fontSize(size).fillColor(INK);
    cells.forEach((c, i) => {
      const numeric = i > 0 && data.columns[i]?.numeric === true;
      doc.text(c, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: numeric ? "right" : "left" });
      x += widths[i]!;
    });
    doc.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + WIDTH, y + h).lineWidth(0.4).strokeColor("#999999").stroke();
    doc.y = y + h;
    doc.x = MARGIN.left;
  };
  const header = data.columns.map((c) => c.label);
  doc.font("bold").fontSize(9);
  ensure(doc.heightOfString(data.caption, { width: WIDTH }) + rowHeight(header, "bold") + rowHeight(data.rows[0] ?? [], "regular") + 8);
  doc.fillColor(INK).text(data.caption, MARGIN.left, doc.y, { width: WIDTH });
  doc.moveDown(0.2);
  draw(header, "bold", "#eeeeee");
  for (const row of data.rows) {
    const h = rowHeight(row, "regular");
    if (doc.y + h > A4.height - MARGIN.bottom) {
      doc.addPage();
      draw(header, "bold", "#eeeeee");
    }
    draw(row, "regular");
  }
  doc.moveDown(0.6);
}
