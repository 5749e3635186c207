/**
 * What every importer produces and reports: observations of a population-like table (region,
 * age, sex, year → value or a status symbol), the table's provenance, and problems that name the
 * file, line or cell, and field, in Swedish and English.
 */
import type { AgeBand } from "../../model/age-bands.ts";
import type { LocalizedText } from "../../model/data-package.ts";

export type Sex = "total" | "women" | "men";

/** The file formats an importer reads (`--format`). */
export const FORMATS = ["jsonstat", "px", "csv", "kolada", "xlsx"] as const;
export type Format = (typeof FORMATS)[number];

/** Where in a file a figure or a problem is: a line (text formats) or a cell (spreadsheets), and a field. */
export interface Where {
  line?: number;
  /** A spreadsheet cell, e.g. "Prognos!C7". */
  cell?: string;
  /** The column, keyword or JSON path, e.g. "DATA", "values[3].values[0].value". */
  field?: string;
}

export interface ImportProblem extends Where {
  file: string;
  message: LocalizedText;
  /** `error`: the import cannot go on as asked (nothing is written); `note`: the figures are imported, but read this. */
  severity: "error" | "note";
}

/** One figure of the table, after the region, the contents and any other variable were chosen. */
export interface Observation {
  /** An age band (one age: from = to), or the table's total over all ages. */
  age: AgeBand | "total";
  sex: Sex;
  year: number;
  /** The figure, or null where the table has a status symbol instead (never read as zero). */
  value: number | null;
  /** The status symbol (`..`, `.`, `:`, `-` …) where `value` is null. */
  status?: string;
  where: Where;
}

/** Where a table comes from, for SOURCES.md. */
export interface Provenance {
  /** Human name of the format, e.g. "JSON-stat 2.0". */
  format: string;
  /** The file name, without its folder. */
  file: string;
  tableId?: string;
  title?: string;
  /** When the source last updated the table, as it writes it. */
  updated?: string;
  source?: string;
  /** The chosen region, e.g. "0182 Nacka". */
  region?: string;
  /** The chosen contents (what is counted), e.g. "BE0101N1 Folkmängd". */
  contents?: string;
  /** Footnotes the source requires to travel with the figures. */
  requiredNotes: string[];
  /** Whether the table is a projection or forecast (its figures become `forecast` rows). */
  projection: boolean;
}

export interface ReadResult {
  observations: Observation[];
  provenance: Provenance;
  problems: ImportProblem[];
}

/** Choices the planner gives on the command line; readers use those that apply to their format. */
export interface ReadOptions {
  /** Region code or name (e.g. "0182" or "Nacka"); default: the only region, else the package's municipality. */
  region?: string;
  /** The package's municipality name (municipality.json), to choose a region by name. */
  municipality?: string;
  /** Contents code or label (e.g. "BE0101N1", a Kolada KPI id); default: the only one. */
  contents?: string;
  /** Sheet name (XLSX). */
  sheet?: string;
}

/** A text in both languages. */
export function say(sv: string, en: string): LocalizedText {
  return { sv, en };
}
