/**
 * In which year the investment has paid for itself across the draws of a Monte Carlo run: the
 * share of draws per payback year, and of those that do not pay back within the horizon.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { MonteCarloResult } from "../model/monte-carlo.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** Share of draws per payback year (ascending), then of the draws without payback within the horizon (`year` null). */
export function paybackShares(mc: Pick<MonteCarloResult, "paybackYear" | "draws">): { year: number | null; share: number }[] {
  const counts = new Map<number | null, number>();
  for (const year of mc.paybackYear) {
    const key = Number.isNaN(year) ? null : year;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([year, count]) => ({ year, share: count / mc.draws }))
    .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

export function paybackYearsChart(mc: Pick<MonteCarloResult, "paybackYear" | "draws" | "horizon" | "scenario">, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const bars = paybackShares(mc).map((s) => ({ ...s, label: s.year === null ? t.notBy(mc.horizon) : String(s.year) }));
  return {
    name: "payback-years",
    title: t.titles["payback-years"],
    subtitle: subtitleOf(options, mc.scenario),
    caption: captionOf(options, [t.explain["payback-years"](f.number(mc.draws))]),
    legend: [],
    plot: {
      width: options.width ?? 720,
      height: 240,
      marginLeft: 60,
      x: { label: t.paybackYear, domain: bars.map((b) => b.label) },
      y: { label: t.shareOfDraws, tickFormat: (v: number) => f.percent(v), grid: true },
      marks: [
        Plot.barY(bars, { x: "label", y: "share", fill: COLORS.levers }),
        Plot.text(bars, { x: "label", y: "share", text: (b: (typeof bars)[number]) => f.percent(b.share, 1), dy: -8 }),
        Plot.ruleY([0]),
      ],
    },
  };
}
