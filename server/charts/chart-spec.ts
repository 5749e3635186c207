/**
 * What every chart function returns: Plot options (marks, scales) plus the texts around the plot
 * (title, subtitle, caption with the version id) and the legend, kept apart so that the browser
 * can hand them to `Plot.plot` as they are ({@link toPlotOptions}) and the server can draw them
 * inside one standalone SVG file (`render-svg.ts`).
 *
 * This folder runs in the browser as well as on the server: it imports only Observable Plot.
 */
import type { PlotOptions } from "@observablehq/plot";

export type ChartLang = "sv" | "en";

/** Options every chart takes. */
export interface ChartOptions {
  /** Language of every text: Swedish by default. */
  lang: ChartLang;
  /** The scenario version the chart shows (its short id), printed in the caption. */
  versionId: string;
  /** The scenario's name in the chosen language (the subtitle); default the result's scenario id. */
  scenarioName?: string;
  /** The municipality's name, for the subtitle. */
  municipality?: string;
  /** Process id → name in the chosen language; default the ids. */
  processNames?: Record<string, string>;
  /** Width of the plot in pixels, default 720. */
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
