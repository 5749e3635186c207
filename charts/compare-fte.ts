/**
 * Total FTE per year of several scenario versions: each version's line with its levers (solid,
 * named at its end with its last value) and, while the chart stays within five lines, without them
 * (dashed, same colour); the base year's level as a dashed grey line, labelled, on a y scale that
 * keeps it clear of the x-axis.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions, LegendItem } from "./chart-spec.ts";
import { COLORS, compareCaptionOf, endLabels, MAX_LINES, paddedDomain, scenarioColors, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** Whether the dashed "without levers" lines fit: those of the versions with levers, within {@link MAX_LINES} lines in all. */
export function showsWithoutLevers(entries: CompareEntry[]): boolean {
  const withLevers = entries.filter((e) => e.result.investment !== null).length;
  return withLevers > 0 && entries.length + withLevers <= MAX_LINES;
}

export function compareFteChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const labels = entries.map((e) => e.label);
  const colors = scenarioColors(entries.map((e) => e.scenarioId));
  const rows = entries.flatMap((e) => e.result.totals.map((r) => ({ version: e.label, year: r.year, fte: r.totalFte, baseline: r.baselineFte })));
  const first = entries[0]?.result;
  const base = first?.totals[0]?.totalFte ?? NaN;
  const dashed = showsWithoutLevers(entries);
  const withLevers = entries.filter((e) => e.result.investment !== null).map((e) => e.label);
  const shown = [...rows.map((r) => r.fte), ...(dashed ? rows.filter((r) => withLevers.includes(r.version)).map((r) => r.baseline) : [])];
  // Room under the base year's level, so that its line and label stand clear of the x-axis.
  const domain = paddedDomain(shown, [base], 0.25);
  const width = options.width ?? 720;
  const height = 400;
  const ends = endLabels(
    entries.map((e) => {
      const last = e.result.totals.at(-1)!;
      return { version: e.label, year: last.year, value: last.totalFte, text: `${e.label}: ${fmt(last.totalFte)}` };
    }),
    domain,
    height,
    width,
  );
  const legend: LegendItem[] = [
    ...labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    ...(dashed ? [{ label: t.withoutLevers, color: COLORS.withoutLeversLine, shape: "dashed" as const }] : []),
    ...(first ? [{ label: t.baseYear(first.baseYear), color: COLORS.baseLine, shape: "dashed" as const }] : []),
  ];
  return {
    name: "compare-fte",
    title: t.titles["compare-fte"],
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-fte"], entries),
    legend,
    plot: {
      ...yearFrame(width, height, t.year),
      marginRight: ends.marginRight,
      y: { label: t.fte, grid: true, tickFormat: fmt, domain },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([base], { stroke: COLORS.baseLine, strokeWidth: 1.5, strokeDasharray: "2 3" }),
        ...(first
          ? [Plot.text([{ year: first.horizon, value: base }], { x: "year", y: "value", text: () => t.baseLevel(first.baseYear, fmt(base)), textAnchor: "end", dy: 12, fill: COLORS.baseLine, fontSize: 11 })]
          : []),
        ...(dashed
          ? [Plot.lineY(rows.filter((r) => withLevers.includes(r.version)), { x: "year", y: "baseline", z: "version", stroke: "version", strokeDasharray: "6 4", strokeWidth: 1.5 })]
          : []),
        Plot.lineY(rows, { x: "year", y: "fte", z: "version", stroke: "version", strokeWidth: 2.5 }),
        Plot.dot(ends.rows, { x: "year", y: "value", fill: "version", r: 3 }),
        Plot.text(ends.rows, { x: "year", y: "at", text: "text", fill: "version", textAnchor: "start", dx: 8, fontSize: 12, fontWeight: "bold" }),
        Plot.tip(
          rows,
          Plot.pointer({
            x: "year",
            y: "fte",
            title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${fmt(r.fte)} (${t.withoutLevers.toLowerCase()}: ${fmt(r.baseline)})`,
          }),
        ),
      ],
    },
  };
}
