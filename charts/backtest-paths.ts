/**
 * The backtest's forecasts of total FTE: the headcount history, and the model's forecast from each
 * cutoff over the later history years (dashed), each starting from the actual total at its cutoff.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { BacktestResult } from "../model/backtest.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { historyTotals } from "./fte-scenarios.ts";
import { captionOf, COLORS, legendScale, nthColor, subtitleOf, yearFormat } from "./frame.ts";
import { TEXT } from "./texts.ts";

export interface BacktestPathsOptions extends ChartOptions {
  /** The history's name in the legend, default "Utfall" / "Actual". */
  historyLabel?: string;
}

/** The model's total FTE from each cutoff: the actual total at the cutoff, then the forecast of every later history year. */
export function backtestPaths(bt: BacktestResult, history: DataPackage["headcount"]): { cutoff: number; year: number; fte: number }[] {
  const actual = new Map(historyTotals(history).map((h) => [h.year, h.fte]));
  return bt.cutoffs.flatMap((cutoff) => [
    { cutoff, year: cutoff, fte: actual.get(cutoff) ?? NaN },
    ...bt.historyYears
      .filter((y) => y > cutoff)
      .map((year) => ({ cutoff, year, fte: bt.rows.filter((r) => r.cutoff === cutoff && r.year === year).reduce((s, r) => s + r.model, 0) })),
  ]);
}

export function backtestPathsChart(bt: BacktestResult, history: DataPackage["headcount"], options: BacktestPathsOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const historyLabel = options.historyLabel ?? t.actual;
  const actual = historyTotals(history).map((h) => ({ ...h, series: historyLabel }));
  const paths = backtestPaths(bt, history).map((p) => ({ ...p, series: t.modelFrom(p.cutoff) }));
  const { legend, color } = legendScale([
    { label: historyLabel, color: COLORS.actual, shape: "line" },
    ...bt.cutoffs.map((c, i) => ({ label: t.modelFrom(c), color: nthColor(COLORS.runs, i), shape: "dashed" as const })),
  ]);
  return {
    name: "backtest-paths",
    title: t.titles["backtest-paths"],
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain["backtest-paths"]]),
    legend,
    plot: {
      width: options.width ?? 720,
      height: 320,
      marginLeft: 60,
      x: { label: t.year, tickFormat: yearFormat, ticks: bt.historyYears },
      y: { label: t.totalFte, tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color,
      marks: [
        Plot.lineY(actual, { x: "year", y: "fte", stroke: "series", strokeWidth: 2.5 }),
        Plot.dot(actual, { x: "year", y: "fte", fill: "series", r: 4 }),
        Plot.lineY(paths, { x: "year", y: "fte", stroke: "series", strokeWidth: 2, strokeDasharray: "5,3" }),
        Plot.tip([...paths, ...actual], Plot.pointer({ x: "year", y: "fte", title: (d: (typeof paths)[number]) => `${d.series}, ${d.year}: ${f.fixed(d.fte, 1)} ${f.fteUnit}` })),
      ],
    },
  };
}
