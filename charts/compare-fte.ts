/**
 * Total FTE per year of several scenario versions: each version's line with its levers (solid)
 * and without them (dashed, same colour), and the base year's level as a horizontal line.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { COLORS, compareCaptionOf, nthColor, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function compareFteChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const labels = entries.map((e) => e.label);
  const colors = entries.map((_, i) => nthColor(COLORS.versions, i));
  const rows = entries.flatMap((e) =>
    e.result.totals.map((r) => ({ version: e.label, year: r.year, fte: r.totalFte, baseline: r.baselineFte })),
  );
  const first = entries[0]?.result;
  const base = first?.totals[0]?.totalFte ?? NaN;
  const withLevers = entries.filter((e) => e.result.investment !== null).map((e) => e.label);
  return {
    name: "compare-fte",
    title: t.titles["compare-fte"],
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-fte"], entries),
    legend: [
      ...labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
      { label: t.withoutLevers, color: COLORS.withoutLeversLine, shape: "dashed" as const },
      ...(first ? [{ label: t.baseYear(first.baseYear), color: COLORS.baseLevel, shape: "line" as const }] : []),
    ],
    plot: {
      ...yearFrame(options.width, 400, t.year),
      y: { label: t.fte, grid: true, tickFormat: fmt, zero: false },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([base], { stroke: COLORS.baseLevel, strokeWidth: 1.5 }),
        Plot.lineY(
          rows.filter((r) => withLevers.includes(r.version)),
          { x: "year", y: "baseline", z: "version", stroke: "version", strokeDasharray: "6 4", strokeWidth: 1.5 },
        ),
        Plot.lineY(rows, { x: "year", y: "fte", z: "version", stroke: "version", strokeWidth: 2.5 }),
        Plot.tip(
          rows,
          Plot.pointer({
            x: "year",
            y: "fte",
            title: (r: (typeof rows)[number]) =>
              `${r.version}\n${r.year}: ${fmt(r.fte)} (${t.withoutLevers.toLowerCase()}: ${fmt(r.baseline)})`,
          }),
        ),
      ],
    },
  };
}
