/**
 * The council paper (a tjänsteskrivelse in Nacka's own form) as plain data: its title block, the
 * proposed decision and a summary of three generated sentences per compared version, the key
 * figures, the charts each with caption, table and source line, every version's assumptions as a
 * table, the versions' comments and authors, the package's provenance, and what every page
 * carries (the version ids, and the statement when the figures are illustrative).
 *
 * Pure: the web app draws it as HTML (and prints it), the server writes it as PDF and XLSX
 * (`io/paper-pdf.ts`, `io/paper-xlsx.ts`), all from this one description.
 */
import type { ChartSpec, CompareEntry } from "../charts/chart-spec.ts";
import { compareFteChart, showsWithoutLevers } from "../charts/compare-fte.ts";
import { compareHoldFlatChart, holdFlatInformative } from "../charts/compare-hold-flat.ts";
import { compareHumpChart, compareHumpYearsChart, humpYears } from "../charts/compare-hump.ts";
import { compareYearChart } from "../charts/compare-year.ts";
import { type Formats, formats, type Lang } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { MonteCarloSummary } from "../model/monte-carlo.ts";
import { illustrativeNote } from "../model/illustrative.ts";
import type { Assumptions } from "../model/scenario.ts";
import { assumptionsTable } from "./assumptions.ts";
import { summarySentences } from "./summary.ts";
import { PAPER_TEXT, type PaperTexts } from "./texts.ts";

/** The Monte Carlo run of a version, as the paper uses it. */
export interface PaperUncertainty {
  draws: number;
  seed: number;
  /** Probability (0–1) per year that total FTE is at or below the base year's. */
  holdFlat: { year: number; probability: number }[];
  /** Number of uncertain parameters: 0 means every draw is the deterministic forecast. */
  uncertainParameters: number;
}

/** What the paper uses of a Monte Carlo summary. */
export function paperUncertainty(summary: MonteCarloSummary): PaperUncertainty {
  return {
    draws: summary.draws,
    seed: summary.seed,
    holdFlat: summary.years.map((y) => ({ year: y.year, probability: y.probabilityHoldsFlat })),
    uncertainParameters: summary.parameters.length,
  };
}

/** One compared saved version. */
export interface PaperVersion {
  scenarioId: string;
  /** The scenario's name in the paper's language; with "(v2)" when two versions of one scenario are compared. */
  label: string;
  number: number;
  versionId: string;
  /** ISO 8601 time. */
  createdAt: string;
  author: string;
  comment: string | null;
  assumptions: Assumptions;
  result: ForecastResult;
  /** The Monte Carlo run; null when it failed or was not run, or is still running (`uncertaintyPending`). */
  uncertainty: PaperUncertainty | null;
  /** True while the Monte Carlo run is under way (the web app draws the paper before it is in). */
  uncertaintyPending?: boolean;
}

export interface PaperInput {
  lang: Lang;
  pkg: DataPackage;
  /** The package's short version id. */
  packageVersionId: string;
  /** Where the package's sources are, e.g. "data/nacka/SOURCES.md". */
  sourcesPath: string;
  versions: PaperVersion[];
  /** The year the key figures are about (e.g. 2030). */
  year: number;
  /** The year of the probability of holding flat (e.g. 2035). */
  flatYear: number;
  /** When the paper is printed. */
  printedAt: Date;
}

/** A table of text cells: a header row, then rows whose first cell names the row. */
export interface PaperTable {
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  rows: string[][];
}

export interface PaperChart {
  spec: ChartSpec;
  table: PaperTable;
  /** "Källa: …": the package, the versions, and the simulation when the chart uses it. */
  source: string;
}

export interface Paper {
  lang: Lang;
  texts: PaperTexts;
  title: string;
  municipality: string;
  /** "Utskriven 1 december 2026". */
  printed: string;
  versionIds: string[];
  /** What every page and every chart carries: the version ids. */
  running: string;
  /** "Illustrativa siffror: …" on every page and chart, or null when the figures are the municipality's own. */
  illustrative: string | null;
  summary: { label: string; versionId: string; sentences: string[] }[];
  keyFigures: PaperTable;
  charts: PaperChart[];
  /** Sentences standing for a chart that would say nothing (the probability when it is 0 % or 100 % throughout). */
  notes: string[];
  assumptions: PaperTable;
  versions: PaperTable;
  provenance: string[];
}

/**
 * The author and comment the server gives versions saved from the package's own scenario files
 * (`PACKAGE_AUTHOR` in server/services.ts): English words stored with the version, written in the
 * paper's language instead.
 */
const SEEDED = { author: "data package", comment: "from the data package" };

/** The charts' entries of the compared versions. */
export function compareEntries(versions: PaperVersion[]): CompareEntry[] {
  return versions.map((v) => ({ scenarioId: v.scenarioId, label: v.label, versionId: v.versionId, result: v.result, holdFlat: v.uncertainty?.holdFlat }));
}

type YearColumn = { label: (v: PaperVersion) => string; cell: (row: ForecastResult["totals"][number]) => string; when?: (v: PaperVersion) => boolean };

/** A row per year (those `within`), a column per version and column that applies to it. */
function yearTable(versions: PaperVersion[], caption: string, t: PaperTexts, columns: YearColumn[], within: (year: number) => boolean = () => true): PaperTable {
  const years = versions[0]!.result.years.filter(within);
  const cells = versions.flatMap((v) => columns.filter((c) => c.when?.(v) ?? true).map((c) => ({ v, c })));
  return {
    caption,
    columns: [{ label: t.year }, ...cells.map(({ v, c }) => ({ label: c.label(v), numeric: true }))],
    rows: years.map((year) => [
      String(year),
      ...cells.map(({ v, c }) => {
        const row = v.result.totals.find((r) => r.year === year);
        return row ? c.cell(row) : t.none;
      }),
    ]),
  };
}

function keyFigures(input: PaperInput, t: PaperTexts, f: Formats): PaperTable {
  const { versions, year, flatYear } = input;
  const at = (v: PaperVersion) => v.result.totals.find((r) => r.year === year) ?? v.result.totals.at(-1)!;
  const inv = (v: PaperVersion) => v.result.investment;
  const probability = (v: PaperVersion) => {
    const p = v.uncertainty?.holdFlat.find((h) => h.year === flatYear);
    return p ? f.percent(p.probability) : t.none;
  };
  const row = (label: string, cell: (v: PaperVersion) => string) => [label, ...versions.map(cell)];
  return {
    caption: t.keyFigures,
    columns: [{ label: t.scenario }, ...versions.map((v) => ({ label: v.label, numeric: true }))],
    rows: [
      row(t.versionId, (v) => v.versionId),
      row(t.fteIn(year), (v) => f.fte(at(v).totalFte)),
      row(t.fteWithoutIn(year), (v) => f.fte(at(v).baselineFte)),
      row(t.flatFrom, (v) => (v.result.holdsFlatFrom === null ? t.never(v.result.horizon) : String(v.result.holdsFlatFrom))),
      row(t.humpDepth, (v) => (inv(v) === null ? t.none : f.mkr(inv(v)!.humpDepth))),
      row(t.humpYear, (v) => f.year(inv(v)?.humpYear ?? null)),
      row(t.payback, (v) => (inv(v)?.humpYear == null ? t.none : inv(v)!.paybackYear === null ? t.notPaidBackCell : String(inv(v)!.paybackYear))),
      row(t.npv, (v) => (inv(v) === null ? t.none : f.mkr(inv(v)!.npv))),
      row(t.probabilityIn(flatYear), probability),
    ],
  };
}

/** The paper of `input`'s versions (at least one). */
export function buildPaper(input: PaperInput): Paper {
  const { lang, pkg, versions } = input;
  if (versions.length === 0) throw new Error("internal: a council paper needs at least one version");
  const t = PAPER_TEXT[lang];
  const f = formats(lang, pkg.municipality.currency);
  const ids = versions.map((v) => v.versionId);
  const idList = ids.join(", ");
  const entries = compareEntries(versions);
  const common = { lang, municipality: pkg.municipality.name, year: input.year, currency: pkg.municipality.currency };
  const source = t.source(`${pkg.municipality.name} ${input.packageVersionId}`, idList);
  const simulated = versions.find((v) => v.uncertainty !== null)?.uncertainty;
  const mkrCell = (r: ForecastResult["totals"][number]) => f.fixed(r.cumulativeNet / 1e6, 1);

  const charts: PaperChart[] = [];
  const dashed = showsWithoutLevers(entries);
  charts.push({
    spec: compareFteChart(entries, common),
    table: yearTable(versions, t.fteTable, t, [
      { label: (v) => v.label, cell: (r) => f.fixed(r.totalFte, 1) },
      ...(dashed ? [{ label: (v: PaperVersion) => `${v.label}: ${t.withoutLevers}`, cell: (r: ForecastResult["totals"][number]) => f.fixed(r.baselineFte, 1), when: (v: PaperVersion) => v.result.investment !== null }] : []),
    ]),
    source,
  });
  const yearSpec = compareYearChart(entries, common);
  const at = (v: PaperVersion) => v.result.totals.find((r) => r.year === input.year) ?? v.result.totals.at(-1)!;
  charts.push({
    spec: yearSpec,
    table: {
      caption: yearSpec.title,
      columns: [{ label: t.scenario }, { label: t.withLeversColumn, numeric: true }, { label: t.withoutLeversColumn, numeric: true }, { label: t.baseYearColumn(pkg.baseYear), numeric: true }],
      rows: versions.map((v) => [v.label, f.fixed(at(v).totalFte, 1), f.fixed(at(v).baselineFte, 1), f.fixed(v.result.totals[0]!.totalFte, 1)]),
    },
    source,
  });
  const years = humpYears(entries);
  const humpSpec = compareHumpYearsChart(entries, common);
  if (humpSpec !== null && years !== null) {
    charts.push({
      spec: humpSpec,
      table: yearTable(versions, humpSpec.title, t, [{ label: (v) => `${v.label} (${f.mkrUnit})`, cell: mkrCell }], (y) => y >= years.from && y <= years.to),
      source,
    });
  }
  const whole = compareHumpChart(entries, common);
  charts.push({ spec: whole, table: yearTable(versions, whole.title, t, [{ label: (v) => `${v.label} (${f.mkrUnit})`, cell: mkrCell }]), source });
  const notes: string[] = [];
  if (simulated) {
    if (holdFlatInformative(entries)) {
      const spec = compareHoldFlatChart(entries, common);
      charts.push({
        spec,
        table: {
          caption: spec.title,
          columns: [{ label: t.year }, ...versions.map((v) => ({ label: v.label, numeric: true }))],
          rows: versions[0]!.result.years
            .filter((y) => y > pkg.baseYear)
            .map((y) => [String(y), ...versions.map((v) => {
              const p = v.uncertainty?.holdFlat.find((h) => h.year === y);
              return p ? f.percent(p.probability) : t.none;
            })]),
        },
        source: source + t.sourceMonteCarlo(f.number(simulated.draws), simulated.seed),
      });
    } else notes.push(t.holdFlatNote);
  }

  return {
    lang,
    texts: t,
    title: t.title,
    municipality: pkg.municipality.name,
    printed: t.printed(f.date(input.printedAt)),
    versionIds: ids,
    running: t.versionsLine(idList),
    illustrative: illustrativeNote(pkg.municipality.illustrative ?? null, lang),
    summary: versions.map((v) => ({ label: v.label, versionId: v.versionId, sentences: summarySentences(v, input.flatYear, lang, pkg.municipality.currency) })),
    keyFigures: keyFigures(input, t, f),
    charts,
    notes,
    assumptions: assumptionsTable(versions, pkg, lang),
    versions: {
      caption: t.versionsHeading,
      columns: [{ label: t.scenario }, { label: t.version }, { label: t.versionId }, { label: t.saved }, { label: t.author }, { label: t.comment }],
      rows: versions.map((v) => [
        v.label,
        String(v.number),
        v.versionId,
        f.date(v.createdAt),
        v.author === SEEDED.author ? t.seededAuthor : v.author,
        v.comment === null ? t.noComment : v.comment === SEEDED.comment ? t.seededComment : v.comment,
      ]),
    },
    provenance: [t.packageLine(pkg.municipality.name, input.packageVersionId), t.sourcesLine(input.sourcesPath), t.modelLine, t.versionLine],
  };
}
