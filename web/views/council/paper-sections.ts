/**
 * The written parts of the council paper on the page, from `paper/paper.ts`: the proposed
 * decision and the summary, the key figures, the assumptions, the versions with their comments
 * and authors, the provenance; the downloads of the paper as PDF and XLSX; and the printed page's
 * running footer (the version ids, the page number and the illustrative statement on every page).
 */
import type { Paper, PaperTable } from "../../../paper/paper.ts";
import { formatPicks, type Pick } from "../../../paper/picks.ts";
import { el } from "../../dom.ts";
import { fillTable } from "../../figure.ts";
import { tableData } from "./compare-charts.ts";

/** A table of the paper in a scrollable region. */
export function paperTable(table: PaperTable, className: string): HTMLElement {
  const element = el("table", { class: `data ${className}` });
  fillTable(element, tableData(table));
  return el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": table.caption }, element);
}

/** Förslag till beslut and Sammanfattning: three generated sentences per version. */
export function summarySection(paper: Paper): HTMLElement {
  const t = paper.texts;
  return el(
    "section",
    { class: "paper-summary", "aria-labelledby": "paper-summary-title" },
    el("h3", { text: t.proposalHeading }),
    el("p", { text: t.proposal }),
    el("h3", { id: "paper-summary-title", text: t.summaryHeading }),
    ...paper.summary.map((s) =>
      el("div", { class: "summary-text", "data-version-id": s.versionId }, el("h4", { text: `${s.label} (${s.versionId})` }), el("p", { text: s.sentences.join(" ") })),
    ),
    ...(paper.illustrative ? [el("p", { class: "illustrative", text: paper.illustrative })] : []),
  );
}

/** Ärendet's opening and the key figures. */
export function caseSection(paper: Paper): HTMLElement {
  const t = paper.texts;
  return el(
    "section",
    { class: "paper-case", "aria-labelledby": "paper-case-title" },
    el("h3", { id: "paper-case-title", text: t.caseHeading }),
    el("p", { text: t.caseIntro(paper.versionIds.length) }),
    paperTable(paper.keyFigures, "paper-key-figures"),
  );
}

/** The assumptions, the versions and the provenance. */
export function appendixSections(paper: Paper): HTMLElement[] {
  const t = paper.texts;
  return [
    el("section", { class: "paper-assumptions", "aria-labelledby": "paper-assumptions-title" }, el("h3", { id: "paper-assumptions-title", text: t.assumptionsHeading }), paperTable(paper.assumptions, "assumptions")),
    el("section", { class: "paper-versions", "aria-labelledby": "paper-versions-title" }, el("h3", { id: "paper-versions-title", text: t.versionsHeading }), paperTable(paper.versions, "versions")),
    el(
      "section",
      { class: "paper-provenance", "aria-labelledby": "paper-provenance-title" },
      el("h3", { id: "paper-provenance-title", text: t.provenanceHeading }),
      ...paper.provenance.map((line) => el("p", { text: line })),
      ...(paper.illustrative ? [el("p", { class: "illustrative", text: paper.illustrative })] : []),
    ),
  ];
}

/** Links to the same paper as PDF and XLSX from the server. */
export function downloads(paper: Paper, picks: Pick[], years: { year: number; flatYear: number }, labels: { pdf: string; xlsx: string }): HTMLElement {
  const query = new URLSearchParams({ v: formatPicks(picks), year: String(years.year), flat: String(years.flatYear), lang: paper.lang }).toString();
  return el(
    "p",
    { class: "paper-downloads screen-only" },
    el("a", { href: `/api/paper.pdf?${query}`, download: "", text: labels.pdf }),
    " · ",
    el("a", { href: `/api/paper.xlsx?${query}`, download: "", text: labels.xlsx }),
  );
}

/** A CSS string literal. */
const cssString = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, " ")}"`;

/**
 * The printed page's margin boxes (Chromium supports them): the version ids bottom left, "Sida
 * n av N" bottom right, the illustrative statement at the top. Replaced with every paper.
 */
export function printStyle(paper: Paper): HTMLStyleElement {
  const t = paper.texts;
  const style = el("style", { id: "paper-print-style" }) as HTMLStyleElement;
  style.textContent = [
    "@media print { @page {",
    `  @bottom-left { content: ${cssString(`${paper.municipality} · ${paper.running}`)}; font-size: 8pt; color: #333; }`,
    `  @bottom-right { content: ${cssString(`${t.page} `)} counter(page) ${cssString(` ${t.of} `)} counter(pages); font-size: 8pt; color: #333; }`,
    ...(paper.illustrative ? [`  @top-center { content: ${cssString(paper.illustrative)}; font-size: 7.5pt; font-style: italic; color: #333; }`] : []),
    "} }",
  ].join("\n");
  return style;
}
