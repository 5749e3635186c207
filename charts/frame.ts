/**
 * What the charts share besides their texts: colours, the frame of a chart over the years, room
 * for bar labels, the year in focus and the subtitle.
 */
import type { ForecastResult } from "../model/forecast.ts";
import { type Formats, type Lang, LOCALE } from "../contract/locale.ts";
import type { ChartOptions, CompareEntry, CompareOptions, LegendItem } from "./chart-spec.ts";
import { TEXT } from "./texts.ts";

export const COLORS = {
  scenario: "#1f5fa8",
  baseline: "#7a7a7a",
  baseLevel: "#c0392b",
  cost: "#c0392b",
  savings: "#2e7d32",
  cumulative: "#1f5fa8",
  /** The P10–P90 band's legend swatch: the cumulative colour at the band's opacity on white. */
  band: "#c5d4e8",
  /** "Without levers" bars and lines: 3.5:1 against white (WCAG 1.4.11 for graphics). */
  withoutLevers: "#858585",
  /** The dashed "without levers" line of several versions in a legend. */
  withoutLeversLine: "#555555",
  /** Up to four compared versions: each at least 4.5:1 against white. */
  versions: ["#1f5fa8", "#a94a05", "#2e7d32", "#6b3fa0"],
  /** Processes: Plot's default categorical scheme (Tableau 10), so that a legend drawn outside Plot matches. */
  processes: ["#4e79a7", "#f28e2c", "#e15759", "#76b7b2", "#59a14f", "#edc949", "#af7aa1", "#ff9da7", "#9c755f", "#bab0ab"],
  /** Actuals (a driver's, the headcount history): darker than any forecast. */
  actual: "#1f4e79",
  /** The package's own forecast, and the first of several runs. */
  forecast: "#1f77b4",
  /** Several runs of the model: the package's forecast first, then changed scenarios. */
  runs: ["#1f77b4", "#d62728", "#ff7f0e", "#2ca02c"],
  /** Growth as it comes without levers: faster than residents, the scenario without levers. */
  growth: "#d62728",
  /** What the levers bring: FTE freed or avoided, the scenario with levers. */
  levers: "#2ca02c",
  /** The J-curve's parts: development and transition FTE, and the net. */
  development: "#1f77b4",
  transition: "#ff7f0e",
  net: "#222222",
  /** Yearly money by kind: FTE saved, systems saved, investment, licences, development and transition FTE. */
  moneyParts: ["#2ca02c", "#98df8a", "#8c564b", "#c49c94", "#ff7f0e"],
  /** A driver's years up to the base year and after it (bars). */
  pastBar: "#8c9db5",
  futureBar: "#c7d3e3",
  /** The backtest's methods: the model, the calibrated model, unchanged staffing, staffing with residents. */
  backtest: ["#1f77b4", "#ff7f0e", "#999999", "#2ca02c"],
  /** Reference lines (a base level, 1, a quantile) and their labels. */
  reference: "#999999",
  referenceText: "#777777",
  ink: "#333333",
} as const;

/** The colour of the i-th of several series from a palette, repeating when there are more. */
export function nthColor(palette: readonly string[], i: number): string {
  return palette[i % palette.length]!;
}

/**
 * Legend items that are also the colour scale: the legend's labels as the scale's domain, their
 * colours as its range, so that a mark with `stroke: "series"` or `fill: "series"` matches the legend.
 */
export function legendScale(items: LegendItem[]): { legend: LegendItem[]; color: { domain: string[]; range: string[] } } {
  return { legend: items, color: { domain: items.map((i) => i.label), range: items.map((i) => i.color) } };
}

/** A ratio as a signed change in per cent: `signedChange(f, 1.05)` → "+5 %"; "–" for none. */
export function signedChange(f: Formats, ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "–";
  const text = f.percent(ratio - 1, digits);
  return ratio - 1 > 0 && text !== f.percent(0, digits) ? `+${text}` : text;
}

/**
 * Label positions for the ends of many lines: the values in the same order, moved apart so that
 * neighbours are at least `gap` apart (in the values' units), for `Plot.text` labels that would
 * otherwise overlap. `spreadLabels([1, 1.1, 5], 0.5)` → [1, 1.5, 5].
 */
export function spreadLabels(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const placed = new Array<number>(values.length);
  let previous = -Infinity;
  for (const { v, i } of order) {
    previous = Math.max(v, previous + gap);
    placed[i] = previous;
  }
  return placed;
}

/** A year on an axis: "2030", never "2 030". */
export const yearFormat = (year: number): string => String(year);

/** The frame every chart over the years shares: its size, the room for y ticks, and years on x. */
export function yearFrame(width: number | undefined, height: number, yearLabel: string) {
  return { width: width ?? 720, height, marginLeft: 60, x: { label: yearLabel, tickFormat: yearFormat } };
}

/** The frame of a bar a year: years as bands, labelled at `ticks` (every year would crowd the axis). */
export function yearBandFrame(width: number | undefined, height: number, yearLabel: string, ticks: number[]) {
  return { width: width ?? 720, height, marginLeft: 60, x: { label: yearLabel, tickFormat: yearFormat, type: "band" as const, ticks } };
}

/** The subtitle: municipality and scenario name (either alone when the other is missing). */
export function subtitleOf(options: Pick<ChartOptions, "scenarioName" | "municipality">, scenarioId: string): string {
  const name = options.scenarioName ?? scenarioId;
  return options.municipality && name ? `${options.municipality} — ${name}` : (options.municipality ?? name);
}

/** A name in lower case, as it stands inside a sentence ("invånare 80+"). */
export function lowerCase(text: string, lang: Lang): string {
  return text.toLocaleLowerCase(LOCALE[lang]);
}

/** The caption: the options' own, or the sentences and the version the chart shows. */
export function captionOf(options: Pick<ChartOptions, "caption" | "versionId" | "lang">, sentences: string[]): string {
  return options.caption ?? [...sentences, TEXT[options.lang].version(options.versionId)].filter(Boolean).join(" ");
}

/** The caption of a comparison: the options' own, or the explanation and the versions compared. */
export function compareCaptionOf(options: CompareOptions, explanation: string, entries: CompareEntry[]): string {
  return options.caption ?? [explanation, TEXT[options.lang].versions(entries.map((e) => e.versionId))].join(" ");
}

/**
 * Room for a bar chart's category labels: the left margin (pixels) that fits the longest label at
 * `fontSize`, at most `share` of the width, and a function that shortens longer labels with "…".
 */
export function labelRoom(labels: string[], width: number, fontSize = 12, share = 0.42): { margin: number; fit: (label: string) => string } {
  const charWidth = fontSize * 0.56;
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  const margin = Math.ceil(Math.min(width * share, 16 + longest * charWidth));
  const chars = Math.max(8, Math.floor((margin - 16) / charWidth));
  return { margin, fit: (label) => (label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`) };
}

/** The year in focus: the asked year within the forecast's years, default 2030. */
export function focusYear(result: ForecastResult, year: number | undefined): number {
  const first = result.years[0]!;
  const last = result.years.at(-1)!;
  return Math.min(Math.max(year ?? 2030, first), last);
}
