/** Cumulative net (savings − costs summed from the base year): the investment hump and payback. */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function cumulativeNetChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const mkr = (v: number) => f.mkr(v);
  const axis = (v: number) => f.number(v);
  const data = result.totals.map((r) => ({ year: r.year, value: r.cumulativeNet / 1e6 }));
  const inv = result.investment;
  const sentences: string[] = [t.explain["cumulative-net"]];
  const marks: Plot.Markish[] = [
    Plot.areaY(data, { x: "year", y: "value", fill: COLORS.cumulative, fillOpacity: 0.2 }),
    Plot.lineY(data, { x: "year", y: "value", stroke: COLORS.cumulative, strokeWidth: 2.5 }),
    Plot.ruleY([0]),
  ];
  if (inv === null) {
    sentences.push(t.noLevers);
  } else {
    if (inv.humpYear === null) sentences.push(t.noHump);
    else {
      sentences.push(t.hump(mkr(-inv.humpDepth), inv.humpYear));
      marks.push(Plot.dot([{ year: inv.humpYear, value: -inv.humpDepth / 1e6 }], { x: "year", y: "value", r: 4, fill: COLORS.cost }));
      sentences.push(inv.paybackYear === null ? t.noPayback(result.horizon) : t.payback(inv.paybackYear));
      if (inv.paybackYear !== null) marks.push(Plot.ruleX([inv.paybackYear], { stroke: COLORS.savings, strokeDasharray: "4 3" }));
    }
  }
  marks.push(Plot.tip(data, Plot.pointerX({ x: "year", y: "value", title: (d: (typeof data)[number]) => `${d.year}: ${mkr(d.value * 1e6)}` })));
  return {
    name: "cumulative-net",
    title: t.titles["cumulative-net"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, sentences),
    legend: [{ label: `${t.cumulative} (${t.mkr})`, color: COLORS.cumulative }],
    plot: {
      ...yearFrame(options.width, 380, t.year),
      y: { label: t.mkr, grid: true, tickFormat: axis },
      marks,
    },
  };
}
