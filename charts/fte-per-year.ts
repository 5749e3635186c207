/**
 * Total FTE per year: the scenario against the baseline (no levers), with the base year's level
 * ("hålla nollan") as a horizontal line.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function ftePerYearChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const base = result.totals[0]!.totalFte;
  const last = result.totals.at(-1)!;
  const series = result.totals.flatMap((row) => [
    { year: row.year, fte: row.totalFte, series: t.scenario },
    { year: row.year, fte: row.baselineFte, series: t.baseline },
  ]);
  const flat = result.holdsFlatFrom === null ? t.holdsNot(result.horizon) : t.holdsFrom(result.holdsFlatFrom);
  return {
    name: "fte-per-year",
    title: t.titles["fte-per-year"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [
      t.explain["fte-per-year"],
      t.totals(result.horizon, fmt(last.totalFte), fmt(last.baselineFte)),
      flat,
    ]),
    legend: [
      { label: t.scenario, color: COLORS.scenario, shape: "line" },
      { label: t.baseline, color: COLORS.baseline, shape: "dashed" },
      { label: t.baseLevel(result.baseYear, fmt(base)), color: COLORS.baseLevel, shape: "line" },
    ],
    plot: {
      ...yearFrame(options.width, 400, t.year),
      y: { label: t.fte, grid: true, tickFormat: fmt, zero: false },
      marks: [
        Plot.ruleY([base], { stroke: COLORS.baseLevel, strokeWidth: 1.5 }),
        Plot.lineY(
          series.filter((d) => d.series === t.baseline),
          { x: "year", y: "fte", stroke: COLORS.baseline, strokeDasharray: "6 4", strokeWidth: 2 },
        ),
        Plot.lineY(
          series.filter((d) => d.series === t.scenario),
          { x: "year", y: "fte", stroke: COLORS.scenario, strokeWidth: 2.5 },
        ),
        Plot.tip(series, Plot.pointerX({ x: "year", y: "fte", title: (d: (typeof series)[number]) => `${d.series}\n${d.year}: ${fmt(d.fte)}` })),
      ],
    },
  };
}
