/**
 * Every chart, and the charts of one scenario version by name (the server's SVG files). Pure: runs
 * in the browser, in the notebooks and on the server.
 */
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { costSavingsChart } from "./cost-savings.ts";
import { cumulativeNetChart } from "./cumulative-net.ts";
import { ftePerProcessChart } from "./fte-per-process.ts";
import { ftePerYearChart } from "./fte-per-year.ts";
import { fteProcessBarsChart } from "./fte-process-bars.ts";

export * from "./adoption-curves.ts";
export * from "./backtest-mape.ts";
export * from "./backtest-paths.ts";
export * from "./chart-spec.ts";
export * from "./compare-fte.ts";
export * from "./compare-hold-flat.ts";
export * from "./compare-hump.ts";
export * from "./compare-year.ts";
export * from "./cost-savings.ts";
export * from "./cost-savings-by-kind.ts";
export * from "./cumulative-net.ts";
export * from "./cumulative-net-band.ts";
export * from "./decoupling.ts";
export * from "./driver-index.ts";
export * from "./driver-per-year.ts";
export * from "./driver-projection.ts";
export * from "./elasticities.ts";
export * from "./elasticity-fit.ts";
export * from "./fte-fan.ts";
export * from "./driver-forecasts.ts";
export * from "./fte-per-process.ts";
export * from "./fte-per-year.ts";
export * from "./fte-process-bars.ts";
export * from "./fte-scenarios.ts";
export * from "./hump-depth-histogram.ts";
export * from "./j-curve.ts";
export * from "./levers-alone.ts";
export * from "./payback-years.ts";
export * from "./process-activities.ts";
export * from "./process-fan.ts";
export * from "./process-growth.ts";
export * from "./tornado.ts";

/** The charts of one scenario version that the server renders as SVG files, by file name. */
export const CHARTS = {
  "fte-per-year": ftePerYearChart,
  "fte-per-process": ftePerProcessChart,
  "cumulative-net": cumulativeNetChart,
  "cost-savings": costSavingsChart,
  "fte-process-bars": fteProcessBarsChart,
} as const satisfies Record<string, (result: ForecastResult, options: ChartOptions) => ChartSpec>;

export type ChartName = keyof typeof CHARTS;
export const CHART_NAMES = Object.keys(CHARTS) as ChartName[];

export function isChartName(name: string): name is ChartName {
  return Object.hasOwn(CHARTS, name);
}
