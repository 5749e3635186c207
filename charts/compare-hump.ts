/**
 * The cumulative net of several scenario versions in millions of the currency: each version's
 * investment hump, its deepest point (dot) and zero.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { COLORS, compareCaptionOf, nthColor, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function compareHumpChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const axis = (v: number) => f.number(v);
  const labels = entries.map((e) => e.label);
  const colors = entries.map((_, i) => nthColor(COLORS.versions, i));
  const rows = entries.flatMap((e) => e.result.totals.map((r) => ({ version: e.label, year: r.year, value: r.cumulativeNet / 1e6 })));
  const troughs = entries.flatMap((e) => {
    const inv = e.result.investment;
    return inv && inv.humpYear !== null ? [{ version: e.label, year: inv.humpYear, value: -inv.humpDepth / 1e6 }] : [];
  });
  return {
    name: "compare-hump",
    title: t.titles["compare-hump"],
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-hump"], entries),
    legend: labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    plot: {
      ...yearFrame(options.width, 380, t.year),
      y: { label: t.mkr, grid: true, tickFormat: axis },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(rows, { x: "year", y: "value", z: "version", stroke: "version", strokeWidth: 2.5 }),
        Plot.dot(troughs, { x: "year", y: "value", fill: "version", r: 5, stroke: "white" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "value", title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${f.mkr(r.value * 1e6)}` })),
      ],
    },
  };
}
