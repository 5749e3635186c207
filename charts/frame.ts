/**
 * What the charts share besides their texts: colours, the frame of a chart over the years, room
 * for bar labels, the year in focus and the subtitle.
 */
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, CompareEntry, CompareOptions } from "./chart-spec.ts";
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
} as const;

/** The colour of the i-th of several series from a palette, repeating when there are more. */
export function nthColor(palette: readonly string[], i: number): string {
  return palette[i % palette.length]!;
}

/** A year on an axis: "2030", never "2 030". */
export const yearFormat = (year: number): string => String(year);

/** The frame every chart over the years shares: its size, the room for y ticks, and years on x. */
export function yearFrame(width: number | undefined, height: number, yearLabel: string) {
  return { width: width ?? 720, height, marginLeft: 60, x: { label: yearLabel, tickFormat: yearFormat } };
}

/** The subtitle: municipality and scenario name. */
export function subtitleOf(options: Pick<ChartOptions, "scenarioName" | "municipality">, scenarioId: string): string {
  const name = options.scenarioName ?? scenarioId;
  return options.municipality ? `${options.municipality} — ${name}` : name;
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
