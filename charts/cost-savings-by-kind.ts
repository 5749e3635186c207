/**
 * Yearly savings (up) and costs (down) by kind, stacked, in millions of the currency: FTE saved,
 * system costs saved, investment, licences, and development and transition FTE.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, subtitleOf, yearBandFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function costSavingsByKindChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const kinds = t.moneyParts;
  const years = result.totals.filter((r) => r.year > result.baseYear);
  const money = years.flatMap((r) =>
    [r.fteSavings, r.systemSavings, -r.capex, -r.licences, -r.changeFteCost].map((value, i) => ({ year: r.year, part: kinds[i]!, value })),
  );
  const { legend, color } = legendScale(kinds.map((label, i) => ({ label, color: COLORS.moneyParts[i]! })));
  return {
    name: "cost-savings-by-kind",
    title: t.titles["cost-savings-by-kind"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["cost-savings-by-kind"]]),
    legend,
    plot: {
      ...yearBandFrame(
        options.width,
        340,
        t.year,
        years.map((r) => r.year).filter((y) => y % 2 === 0),
      ),
      y: { label: t.perYear(f.mkrUnit), tickFormat: (v: number) => f.fixed(v / 1e6, 0), grid: true },
      color,
      marks: [
        Plot.barY(money, { x: "year", y: "value", fill: "part", order: kinds }),
        Plot.ruleY([0]),
        Plot.tip(
          money,
          Plot.pointer(Plot.stackY({ x: "year", y: "value", fill: "part", order: kinds, title: (d: (typeof money)[number]) => `${d.part}\n${d.year}: ${f.mkr(d.value)}` })),
        ),
      ],
    },
  };
}
