/**
 * The probability of holding headcount flat (total FTE at or below the base year's) per year, for
 * several scenario versions, from their Monte Carlo runs — drawn only when it says something a
 * sentence cannot ({@link holdFlatInformative}): a chart of 0 % in every year is a flat line on
 * the axis.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { compareCaptionOf, endLabels, scenarioColors, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** Probabilities this close to 0 or 1 read as "never" and "always". */
const SURE = 0.02;

/**
 * Whether the chart is worth drawing: some version's probability after the base year lies
 * between 2 % and 98 % in some year. Otherwise every probability is (nearly) 0 or 1 and one
 * sentence per version says it.
 */
export function holdFlatInformative(entries: CompareEntry[]): boolean {
  return entries.some((e) => (e.holdFlat ?? []).some((p) => p.year > e.result.baseYear && p.probability > SURE && p.probability < 1 - SURE));
}

export function compareHoldFlatChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const labels = entries.map((e) => e.label);
  const colors = scenarioColors(entries.map((e) => e.scenarioId));
  // From the year after the base year: in the base year every draw is at the base year's level.
  const rows = entries.flatMap((e) =>
    (e.holdFlat ?? []).filter((p) => p.year > e.result.baseYear).map((p) => ({ version: e.label, year: p.year, p: p.probability })),
  );
  const domain: [number, number] = [-0.05, 1.05];
  const width = options.width ?? 720;
  const height = 340;
  const ends = endLabels(
    entries.flatMap((e) => {
      const last = rows.filter((r) => r.version === e.label).at(-1);
      return last ? [{ version: e.label, year: last.year, value: last.p, text: `${e.label}: ${f.percent(last.p)}` }] : [];
    }),
    domain,
    height,
    width,
  );
  return {
    name: "compare-hold-flat",
    title: t.titles["compare-hold-flat"],
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-hold-flat"], entries),
    legend: labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    plot: {
      ...yearFrame(width, height, t.year),
      marginRight: ends.marginRight,
      y: { label: t.probability, grid: true, domain, ticks: [0, 0.25, 0.5, 0.75, 1], tickFormat: (v: number) => f.percent(v) },
      color: { domain: labels, range: colors },
      marks: [
        Plot.lineY(rows, { x: "year", y: "p", z: "version", stroke: "version", strokeWidth: 2.5, curve: "step" }),
        Plot.text(ends.rows, { x: "year", y: "at", text: "text", fill: "version", textAnchor: "start", dx: 8, fontSize: 12, fontWeight: "bold" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "p", title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${f.percent(r.p)}` })),
      ],
    },
  };
}
