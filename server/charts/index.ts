/**
 * The charts of a scenario version, by name. Runs in the browser and on the server.
 */
import type { ForecastResult } from "../../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { costSavingsChart } from "./cost-savings.ts";
import { cumulativeNetChart } from "./cumulative-net.ts";
import { ftePerProcessChart } from "./fte-per-process.ts";
import { ftePerYearChart } from "./fte-per-year.ts";
import { fteProcessBarsChart } from "./fte-process-bars.ts";

export * from "./chart-spec.ts";

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

export { costSavingsChart, cumulativeNetChart, ftePerProcessChart, ftePerYearChart, fteProcessBarsChart };
