/**
 * What every chart function returns: Plot options (marks, scales) plus the texts around the plot
 * (title, subtitle, caption with the version id) and the legend, kept apart so that the browser
 * and the notebooks can hand them to `Plot.plot` as they are ({@link toPlotOptions}) and the
 * server can draw them inside one standalone SVG file (`io/svg.ts`).
 *
 * This folder is pure and runs anywhere: it imports Observable Plot, the model's types and the
 * locale (`contract/locale.ts`), nothing that touches a disk, a network or a clock.
 */
import type { PlotOptions } from "@observablehq/plot";
import type { Lang } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";

/** Options every chart of one scenario version takes. */
export interface ChartOptions {
  /** Language of every text: Swedish by default. */
  lang: Lang;
  /** The saved scenario version the chart shows (its short id), printed in the caption; none for an unsaved forecast. */
  versionId?: string;
  /** Replaces the generated caption (e.g. with the web app's plain-language caption). */
  caption?: string;
  /** The scenario's name in the chosen language (the subtitle); default the result's scenario id. */
  scenarioName?: string;
  /** The municipality's name, for the subtitle. */
  municipality?: string;
  /** Process id → name in the chosen language; default the ids. */
  processNames?: Record<string, string>;
  /** ISO code of the currency, default "SEK" (written "Mkr" in Swedish). */
  currency?: string;
  /** Width of the plot in pixels, default 720. */
  width?: number;
}

/** One scenario version in a comparison chart. */
export interface CompareEntry {
  /** The saved scenario's id: its colour follows from it (`scenarioColors` in `frame.ts`). */
  scenarioId: string;
  /** The scenario's name in the chart's language. */
  label: string;
  /** The version's short id (12 hex digits). */
  versionId: string;
  result: ForecastResult;
  /**
   * Monte Carlo probability (0–1) per year that total FTE is at or below the base year's, or
   * undefined when it was not computed.
   */
  holdFlat?: { year: number; probability: number }[] | undefined;
}

/** Options of the comparison charts. */
export interface CompareOptions {
  lang: Lang;
  /** The municipality's name, for the subtitle. */
  municipality?: string;
  /** The year in focus (bars), default 2030 or the last year. */
  year?: number;
  /** Replaces the generated caption (e.g. with the web app's plain-language caption). */
  caption?: string;
  /** ISO code of the currency, default "SEK". */
  currency?: string;
  /** Width in pixels, default 720. */
  width?: number;
}

export interface LegendItem {
  label: string;
  color: string;
  /** How the legend draws it: a filled square (areas; the default), a line, or a dashed line. */
  shape?: "square" | "line" | "dashed";
}

export interface ChartSpec {
  /** File name part, e.g. "fte-per-year". */
  name: string;
  title: string;
  subtitle: string;
  /** Plain-language caption; its last sentence names the version. */
  caption: string;
  legend: LegendItem[];
  /** Plot options without title, subtitle, caption or document. */
  plot: PlotOptions;
}

/** Plot options with the title, subtitle and caption, for `Plot.plot` in a browser. */
export function toPlotOptions(spec: ChartSpec): PlotOptions {
  return { ...spec.plot, title: spec.title, subtitle: spec.subtitle, caption: spec.caption };
}
