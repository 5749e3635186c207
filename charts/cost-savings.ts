/** Yearly cost against yearly savings, in millions of the currency. */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function costSavingsChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const mkr = (v: number) => f.mkr(v);
  const axis = (v: number) => f.number(v);
  const data = result.totals.flatMap((r) => [
    { year: r.year, value: r.cost / 1e6, series: t.cost },
    { year: r.year, value: r.savings / 1e6, series: t.savings },
  ]);
  const sentences: string[] = [t.explain["cost-savings"]];
  if (result.investment === null) sentences.push(t.noLevers);
  return {
    name: "cost-savings",
    title: t.titles["cost-savings"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, sentences),
    legend: [
      { label: `${t.cost} (${t.mkr})`, color: COLORS.cost, shape: "line" },
      { label: `${t.savings} (${t.mkr})`, color: COLORS.savings, shape: "line" },
    ],
    plot: {
      ...yearFrame(options.width, 380, t.year),
      y: { label: t.mkr, grid: true, tickFormat: axis },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(data.filter((d) => d.series === t.cost), { x: "year", y: "value", stroke: COLORS.cost, strokeWidth: 2.5 }),
        Plot.lineY(data.filter((d) => d.series === t.savings), { x: "year", y: "value", stroke: COLORS.savings, strokeWidth: 2.5 }),
        Plot.tip(data, Plot.pointerX({ x: "year", y: "value", title: (d: (typeof data)[number]) => `${d.series}\n${d.year}: ${mkr(d.value * 1e6)}` })),
      ],
    },
  };
}
