/**
 * A forecast as an Excel workbook (exceljs): an overview (FTE per process and year), the rows per
 * process and year, the totals and money per year, and a sheet saying exactly what produced it
 * (scenario, assumptions, package hash and, for a saved version, its id, hash, author and time).
 * Figures from an illustrative package say so under the overview's title and on the about sheet.
 * The server's exports and the command line write it here.
 */
import ExcelJS from "exceljs";
import type { VersionInfo } from "../contract/api.ts";
import type { Lang } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import { illustrativeNote } from "../model/illustrative.ts";
import type { Assumptions } from "../model/scenario.ts";
import { PROCESS_COLUMNS, TOTAL_COLUMNS } from "./columns.ts";

/** What produced a forecast, for the workbook's last sheet. */
export interface WorkbookSource {
  scenarioId: string;
  assumptions: Assumptions;
  /** The data package's content hash. */
  packageHash: string;
  /** The saved version, or null for a forecast that was not saved (the command line). */
  version: VersionInfo | null;
}

const T = {
  sv: {
    overview: "Översikt",
    perProcess: "Per process",
    perYear: "Per år",
    about: "Om",
    process: "Process",
    total: "Totalt",
    baseline: "Utan hävstänger",
    title: "Årsarbetare per process och år",
    year: "År",
    columns: {
      baselineFte: "Utan hävstänger (åa)",
      deliveryFte: "Leverans (åa)",
      developmentFte: "Utveckling (åa)",
      transitionFte: "Omställning (åa)",
      totalFte: "Totalt (åa)",
      residents: "Invånare",
      decouplingRatio: "Frikopplingskvot",
      holdsFlat: "Håller nollan",
      capex: "Investering (kr)",
      licences: "Licenser (kr)",
      changeFteCost: "Utveckling och omställning (kr)",
      fteSavings: "Besparing årsarbetare (kr)",
      systemSavings: "Besparing system (kr)",
      cost: "Kostnad (kr)",
      savings: "Besparing (kr)",
      net: "Netto (kr)",
      cumulativeNet: "Ackumulerat netto (kr)",
    },
    aboutRows: {
      municipality: "Kommun",
      illustrative: "Illustrativa siffror",
      scenario: "Scenario",
      name: "Namn",
      version: "Version",
      versionId: "Versions-id",
      hash: "Hash (SHA-256)",
      packageHash: "Datapaketets hash",
      author: "Sparad av",
      createdAt: "Sparad",
      comment: "Kommentar",
      assumptions: "Antaganden (JSON)",
      made: "Skapad av Vaxa. Versions-id och hash identifierar exakt vilka antaganden och data som gav siffrorna.",
    },
    yes: "ja",
    no: "nej",
  },
  en: {
    overview: "Overview",
    perProcess: "Per process",
    perYear: "Per year",
    about: "About",
    process: "Process",
    total: "Total",
    baseline: "Without levers",
    title: "FTE per process and year",
    year: "Year",
    columns: {
      baselineFte: "Without levers (FTE)",
      deliveryFte: "Delivery (FTE)",
      developmentFte: "Development (FTE)",
      transitionFte: "Transition (FTE)",
      totalFte: "Total (FTE)",
      residents: "Residents",
      decouplingRatio: "Decoupling ratio",
      holdsFlat: "Holds flat",
      capex: "Capital expenditure",
      licences: "Licences",
      changeFteCost: "Development and transition",
      fteSavings: "FTE savings",
      systemSavings: "System savings",
      cost: "Cost",
      savings: "Savings",
      net: "Net",
      cumulativeNet: "Cumulative net",
    },
    aboutRows: {
      municipality: "Municipality",
      illustrative: "Illustrative figures",
      scenario: "Scenario",
      name: "Name",
      version: "Version",
      versionId: "Version id",
      hash: "Hash (SHA-256)",
      packageHash: "Data package hash",
      author: "Saved by",
      createdAt: "Saved",
      comment: "Comment",
      assumptions: "Assumptions (JSON)",
      made: "Made by Vaxa. The version id and hash identify exactly which assumptions and data produced the numbers.",
    },
    yes: "yes",
    no: "no",
  },
} as const;

const FTE_FORMAT = "#,##0.0";
const MONEY_FORMAT = "#,##0";

/** The workbook as the bytes of an .xlsx file. */
export async function forecastXlsx(result: ForecastResult, source: WorkbookSource, pkg: DataPackage, lang: Lang): Promise<Buffer> {
  const t = T[lang];
  const { version } = source;
  const name = source.assumptions.name[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vaxa";
  wb.title = version ? `${name} — ${version.versionId}` : name;
  wb.subject = version?.hash ?? source.packageHash;
  // A fixed time (the version's, or none for an unsaved forecast), so that the same inputs give the same file.
  const time = new Date(version?.createdAt ?? 0);
  wb.created = time;
  wb.modified = time;
  const processName = (id: string) => pkg.processes.find((p) => p.id === id)?.name[lang] ?? id;

  const overview = wb.addWorksheet(t.overview);
  overview.addRow([`${t.title} — ${name}${version ? ` (${version.versionId})` : ""}`]).font = { bold: true, size: 13 };
  const note = illustrativeNote(result.illustrative, lang);
  if (note !== null) overview.addRow([note]).font = { italic: true };
  const header = overview.addRow([t.process, ...result.years]);
  header.font = { bold: true };
  for (const p of result.processes) {
    const rows = result.rows.filter((r) => r.process === p.id);
    overview.addRow([processName(p.id), ...rows.map((r) => r.totalFte)]);
  }
  overview.addRow([t.total, ...result.totals.map((r) => r.totalFte)]).font = { bold: true };
  overview.addRow([t.baseline, ...result.totals.map((r) => r.baselineFte)]);
  overview.getColumn(1).width = 48;
  for (let c = 2; c <= result.years.length + 1; c++) overview.getColumn(c).numFmt = FTE_FORMAT;

  const perProcess = wb.addWorksheet(t.perProcess);
  perProcess.addRow([t.year, t.process, ...PROCESS_COLUMNS.map((c) => t.columns[c])]).font = { bold: true };
  for (const r of result.rows) perProcess.addRow([r.year, processName(r.process), ...PROCESS_COLUMNS.map((c) => r[c])]);
  perProcess.getColumn(2).width = 48;
  for (let c = 3; c <= 7; c++) {
    perProcess.getColumn(c).numFmt = FTE_FORMAT;
    perProcess.getColumn(c).width = 20;
  }
  perProcess.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  perProcess.views = [{ state: "frozen", ySplit: 1 }];

  const perYear = wb.addWorksheet(t.perYear);
  perYear.addRow([t.year, ...TOTAL_COLUMNS.map((c) => t.columns[c]), t.columns.holdsFlat]).font = { bold: true };
  for (const r of result.totals) perYear.addRow([r.year, ...TOTAL_COLUMNS.map((c) => r[c]), r.holdsFlat ? t.yes : t.no]);
  TOTAL_COLUMNS.forEach((c, i) => {
    const column = perYear.getColumn(i + 2);
    column.width = 18;
    column.numFmt = c === "decouplingRatio" ? "0.00" : c === "residents" ? MONEY_FORMAT : c.endsWith("Fte") ? FTE_FORMAT : MONEY_FORMAT;
  });
  perYear.views = [{ state: "frozen", ySplit: 1 }];

  const about = wb.addWorksheet(t.about);
  const a = t.aboutRows;
  const rows: [string, string | number][] = [
    [a.municipality, pkg.municipality.name],
    [a.illustrative, result.illustrative?.[lang] ?? t.no],
    [a.scenario, source.scenarioId],
    [a.name, name],
    ...(version
      ? ([
          [a.version, version.number],
          [a.versionId, version.versionId],
          [a.hash, version.hash],
        ] as [string, string | number][])
      : []),
    [a.packageHash, source.packageHash],
    ...(version
      ? ([
          [a.author, version.author],
          [a.createdAt, version.createdAt],
          [a.comment, version.comment ?? ""],
        ] as [string, string | number][])
      : []),
    [a.assumptions, JSON.stringify(source.assumptions)],
  ];
  for (const [k, v] of rows) about.addRow([k, v]).getCell(1).font = { bold: true };
  about.addRow([]);
  about.addRow([a.made]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 90;

  const bytes = await wb.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
