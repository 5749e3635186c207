/**
 * The J-curve in FTE, year by year against the same growth without levers: what the levers free
 * in delivery (up) against the development and transition FTE they take (down), and the net.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, subtitleOf, yearBandFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function jCurveChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fte = (v: number) => f.fixed(v, 1);
  const years = result.totals.filter((r) => r.year > result.baseYear);
  const parts = years.flatMap((r) => [
    { year: r.year, part: t.freed, fte: r.baselineFte - r.deliveryFte },
    { year: r.year, part: t.development, fte: -r.developmentFte },
    { year: r.year, part: t.transition, fte: -r.transitionFte },
  ]);
  const net = years.map((r) => ({ year: r.year, fte: r.baselineFte - r.totalFte, row: r }));
  const { legend, color } = legendScale([
    { label: t.freed, color: COLORS.levers },
    { label: t.development, color: COLORS.development },
    { label: t.transition, color: COLORS.transition },
    { label: t.net, color: COLORS.net, shape: "line" },
  ]);
  return {
    name: "j-curve",
    title: t.titles["j-curve"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["j-curve"]]),
    legend,
    plot: {
      ...yearBandFrame(
        options.width,
        360,
        t.year,
        years.map((r) => r.year).filter((y) => y % 2 === 0),
      ),
      y: { label: t.fteAgainstBaseline, tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color,
      marks: [
        Plot.barY(parts, { x: "year", y: "fte", fill: "part" }),
        Plot.ruleY([0]),
        Plot.lineY(net, { x: "year", y: "fte", stroke: () => t.net, strokeWidth: 2, marker: "circle" }),
        Plot.tip(
          net,
          Plot.pointerX({
            x: "year",
            y: "fte",
            title: ({ year, fte: value, row }: (typeof net)[number]) =>
              `${year}\n${t.jCurveTip(fte(row.baselineFte - row.deliveryFte), fte(row.developmentFte), fte(row.transitionFte), fte(value))}`,
          }),
        ),
      ],
    },
  };
}
