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
  /**
   * Scenarios, one colour each wherever they are drawn ({@link scenarioColors}): vermillion, indigo,
   * blue and crimson, each at least 3.5:1 against white (WCAG 1.4.11 asks 3:1 for graphics) and at
   * least 20 CIEDE2000 apart from each other in normal, deuteranope and protanope vision
   * (tests/charts/frame-colors.test.ts). None is the reference lines' dark grey.
   */
  versions: ["#D55E00", "#332288", "#4477AA", "#b2182b"],
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
  /** The base year's level in a comparison: dark grey and dashed, apart from every scenario colour. */
  baseLine: "#444444",
  /** Reference lines (a base level, 1, a quantile) and their labels. */
  reference: "#999999",
  referenceText: "#777777",
  ink: "#333333",
} as const;

/** FNV-1a of a text: the same number for the same scenario id in every view and process. */
function idHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * One colour per scenario, kept across every view, chart and the council paper: a scenario's
 * colour follows from its id alone (a hash into {@link COLORS.versions}). When two compared ids
 * want the same colour, the one later in sorted order takes the next free one, so a comparison
 * never shows two scenarios in one colour and the result does not depend on the order compared.
 * An id given twice (two versions of one scenario) gets a colour per occurrence.
 */
export function scenarioColors(ids: readonly string[]): string[] {
  const palette = COLORS.versions;
  const taken = new Set<number>();
  const slots = new Array<number>(ids.length);
  const order = ids.map((id, i) => ({ id, i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i));
  for (const { id, i } of order) {
    let slot = idHash(id) % palette.length;
    for (let k = 0; k < palette.length && taken.has(slot); k++) slot = (slot + 1) % palette.length;
    taken.add(slot);
    slots[i] = slot;
  }
  return slots.map((slot) => palette[slot]!);
}

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

/** A category label wraps onto at most this many lines; a longer one ends with "…". */
const LABEL_LINES = 3;

/**
 * Room for a bar chart's category labels: the left margin (pixels) that fits the longest label at
 * `fontSize`, at most `share` of the width; `fit` wraps a longer label at spaces onto lines that fit
 * (public-sector chart guidance: labels are read, not cut), and `lines` is the most lines a label
 * takes, so a chart can give its rows the height.
 */
export function labelRoom(labels: string[], width: number, fontSize = 12, share = 0.42): { margin: number; lines: number; fit: (label: string) => string } {
  const charWidth = fontSize * 0.56;
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  const margin = Math.ceil(Math.min(width * share, 16 + longest * charWidth));
  const chars = Math.max(8, Math.floor((margin - 16) / charWidth));
  const fit = (label: string): string => wrapLabel(label, chars).join("\n");
  return { margin, lines: labels.reduce((n, l) => Math.max(n, wrapLabel(l, chars).length), 1), fit };
}

/** `label` in lines of at most `chars` characters, broken at spaces (a longer word is cut), at most {@link LABEL_LINES}. */
function wrapLabel(label: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter((w) => w !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length <= chars) line = next;
    else {
      if (line !== "") lines.push(line);
      line = word.length <= chars ? word : `${word.slice(0, chars - 1)}…`;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= LABEL_LINES) return lines;
  const kept = lines.slice(0, LABEL_LINES);
  kept[LABEL_LINES - 1] = `${kept[LABEL_LINES - 1]!.slice(0, chars - 1).trimEnd()}…`;
  return kept;
}

/** The year in focus: the asked year within the forecast's years, default 2030. */
export function focusYear(result: ForecastResult, year: number | undefined): number {
  const first = result.years[0]!;
  const last = result.years.at(-1)!;
  return Math.min(Math.max(year ?? 2030, first), last);
}

/** At most this many lines in one chart (public-sector chart guidance: more cannot be told apart). */
export const MAX_LINES = 5;

/**
 * A y domain around `values` and the reference `lines` with room below and above, so that a
 * reference line at the lowest value (the base year's level, zero) stands clear of the x-axis.
 */
export function paddedDomain(values: readonly number[], lines: readonly number[] = [], share = 0.12): [number, number] {
  const all = [...values, ...lines].filter(Number.isFinite);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo || Math.abs(hi) || 1) * share;
  return [lo - pad, hi + pad];
}

/**
 * Labels at the end of lines, naming each line so that no meaning rests on colour alone: one
 * label per line at its last point, moved apart so that they do not overlap (in the y scale's
 * units, `gap` apart), and the right margin (pixels) they need.
 */
export function endLabels<T extends { year: number; value: number; text: string }>(ends: T[], domain: [number, number], height: number, width: number) {
  const unitsPerPixel = (domain[1] - domain[0]) / Math.max(1, height - 60);
  const placed = spreadLabels(
    ends.map((e) => e.value),
    14 * unitsPerPixel,
  );
  const rows = ends.map((e, i) => ({ ...e, at: placed[i]! }));
  const longest = ends.reduce((n, e) => Math.max(n, e.text.length), 0);
  // About 7.4 px a character of 12 px bold text in a wide sans (DejaVu, Verdana): the label must not be cut.
  return { rows, marginRight: Math.min(Math.round(width * 0.45), 16 + Math.ceil(longest * 7.4)) };
}
