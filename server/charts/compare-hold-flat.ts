/**
 * The probability of holding headcount flat (total FTE at or below the base year's) per year, for
 * several scenario versions, from their Monte Carlo runs.
 */
import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "./chart-spec.ts";
import { yearFrame } from "./labels.ts";
import { type CompareEntry, type CompareOptions, VERSION_COLORS, WEB_TEXT } from "./labels-web.ts";

export function compareHoldFlatChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = WEB_TEXT[options.lang];
  const percent = new Intl.NumberFormat(options.lang === "sv" ? "sv-SE" : "en-GB", { style: "percent", maximumFractionDigits: 0 });
  const labels = entries.map((e) => e.label);
  const colors = entries.map((_, i) => VERSION_COLORS[i % VERSION_COLORS.length]!);
  // From the year after the base year: in the base year every draw is at the base year's level.
  const rows = entries.flatMap((e) =>
    (e.holdFlat ?? []).filter((p) => p.year > e.result.baseYear).map((p) => ({ version: e.label, year: p.year, p: p.probability })),
  );
  return {
    name: "compare-hold-flat",
    title: t.titles["compare-hold-flat"],
    subtitle: options.municipality ?? "",
    caption: options.caption ?? [t.explain["compare-hold-flat"], t.versions(entries.map((e) => e.versionId))].join(" "),
    legend: labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    plot: {
      ...yearFrame(options.width, 340, t.year),
      y: { label: t.probability, grid: true, domain: [0, 1], tickFormat: (v: number) => percent.format(v) },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(rows, { x: "year", y: "p", z: "version", stroke: "version", strokeWidth: 2.5, curve: "step" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "p", title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${percent.format(r.p)}` })),
      ],
    },
  };
}
