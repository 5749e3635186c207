/**
 * The probability of holding headcount flat (total FTE at or below the base year's) per year, for
 * several scenario versions, from their Monte Carlo runs.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { COLORS, compareCaptionOf, nthColor, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function compareHoldFlatChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const labels = entries.map((e) => e.label);
  const colors = entries.map((_, i) => nthColor(COLORS.versions, i));
  // From the year after the base year: in the base year every draw is at the base year's level.
  const rows = entries.flatMap((e) =>
    (e.holdFlat ?? []).filter((p) => p.year > e.result.baseYear).map((p) => ({ version: e.label, year: p.year, p: p.probability })),
  );
  return {
    name: "compare-hold-flat",
    title: t.titles["compare-hold-flat"],
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-hold-flat"], entries),
    legend: labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    plot: {
      ...yearFrame(options.width, 340, t.year),
      y: { label: t.probability, grid: true, domain: [0, 1], tickFormat: (v: number) => f.percent(v) },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(rows, { x: "year", y: "p", z: "version", stroke: "version", strokeWidth: 2.5, curve: "step" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "p", title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${f.percent(r.p)}` })),
      ],
    },
  };
}
