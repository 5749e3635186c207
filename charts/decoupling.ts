/**
 * The decoupling ratio per year (FTE growth since the base year ÷ residents' growth), with the
 * scenario's levers and without them: 1 = FTE grow in step with residents, 0 = headcount held flat.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { decouplingRatio } from "../model/decoupling.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** The decoupling ratio per year with the levers (the forecast's) and without them (from its baseline FTE). */
export function decouplingRows(result: ForecastResult, withLevers: string, withoutLevers: string): { year: number; ratio: number; series: string }[] {
  const base = result.totals[0]!;
  return result.totals.flatMap((r) => {
    if (r.decouplingRatio === null || r.residents === null || base.residents === null) return [];
    const without = decouplingRatio(r.baselineFte, base.baselineFte, r.residents, base.residents);
    return [
      ...(without === null ? [] : [{ year: r.year, ratio: without, series: withoutLevers }]),
      { year: r.year, ratio: r.decouplingRatio, series: withLevers },
    ];
  });
}

export function decouplingChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const rows = decouplingRows(result, t.withLevers, t.withoutLevers);
  const { legend, color } = legendScale([
    { label: t.withoutLevers, color: COLORS.growth, shape: "line" },
    { label: t.withLevers, color: COLORS.levers, shape: "line" },
  ]);
  return {
    name: "decoupling",
    title: t.titles.decoupling,
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain.decoupling]),
    legend,
    plot: {
      ...yearFrame(options.width, 300, t.year),
      y: { label: t.decoupling, tickFormat: (v: number) => f.fixed(v, 1), grid: true },
      color,
      marks: [
        Plot.ruleY([0], { stroke: COLORS.ink }),
        Plot.ruleY([1], { stroke: COLORS.reference, strokeDasharray: "4,3" }),
        Plot.lineY(rows, { x: "year", y: "ratio", stroke: "series", strokeWidth: 2 }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "ratio", stroke: "series", title: (d: (typeof rows)[number]) => `${d.series}\n${d.year}: ${f.fixed(d.ratio, 2)}` })),
      ],
    },
  };
}
