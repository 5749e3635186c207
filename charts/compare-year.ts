/**
 * FTE in one year for several scenario versions: without levers (grey bar), with them (coloured
 * bar inside it), and the base year's level (black mark); each bar labelled with its number.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { COLORS, compareCaptionOf, focusYear, labelRoom, scenarioColors } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function compareYearChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const first = entries[0]?.result;
  const year = first ? focusYear(first, options.year) : (options.year ?? 2030);
  const colors = scenarioColors(entries.map((e) => e.scenarioId));
  const bars = entries.map((e, i) => {
    const row = e.result.totals.find((r) => r.year === year) ?? e.result.totals.at(-1)!;
    return {
      version: e.label,
      color: colors[i]!,
      scenario: row.totalFte,
      baseline: row.baselineFte,
      base: e.result.totals[0]!.totalFte,
    };
  });
  const width = options.width ?? 720;
  const room = labelRoom(
    bars.map((b) => b.version),
    width,
    12,
    0.35,
  );
  const labels = bars.map((b) => b.version);
  return {
    name: "compare-year",
    title: t.titles["compare-year"](year),
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain["compare-year"], entries),
    legend: [
      { label: t.withoutLevers, color: COLORS.withoutLevers },
      ...bars.map((b) => ({ label: `${t.withLevers}: ${b.version}`, color: b.color })),
      ...(first ? [{ label: t.baseYear(first.baseYear), color: COLORS.ink, shape: "line" as const }] : []),
    ],
    plot: {
      width,
      height: 50 + 48 * bars.length,
      marginLeft: room.margin,
      marginRight: 48,
      x: { label: t.fte, grid: true, tickFormat: fmt },
      y: { label: null, domain: labels, tickSize: 0, tickFormat: room.fit },
      marks: [
        Plot.barX(bars, { y: "version", x: "baseline", fill: COLORS.withoutLevers, insetTop: 6, insetBottom: 6 }),
        Plot.barX(bars, { y: "version", x: "scenario", fill: (b: (typeof bars)[number]) => b.color, insetTop: 15, insetBottom: 15 }),
        Plot.tickX(bars, { y: "version", x: "base", stroke: COLORS.ink, strokeWidth: 3 }),
        Plot.text(bars, {
          y: "version",
          x: "baseline",
          text: (b: (typeof bars)[number]) => fmt(b.scenario),
          textAnchor: "start",
          dx: 6,
          fill: "#222222",
          fontSize: 12,
        }),
        Plot.ruleX([0]),
      ],
    },
  };
}
