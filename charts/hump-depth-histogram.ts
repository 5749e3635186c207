/**
 * How deep the investment hump gets across the draws of a Monte Carlo run: a histogram of the
 * depth in millions of the currency, with its P10, P50 and P90 (dashed) and the deterministic
 * forecast's depth (blue).
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { MonteCarloResult, MonteCarloSummary } from "../model/monte-carlo.ts";
import type { ChartOptions, ChartSpec, LegendItem } from "./chart-spec.ts";
import { captionOf, COLORS, lowerCase, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

export interface HumpDepthHistogramOptions extends ChartOptions {
  /** The deterministic forecast, whose hump is marked. */
  point?: ForecastResult;
}

export function humpDepthHistogramChart(
  mc: Pick<MonteCarloResult, "humpDepth">,
  summary: MonteCarloSummary,
  options: HumpDepthHistogramOptions,
): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const depths = Array.from(mc.humpDepth, (value) => ({ mkr: value / 1e6 }));
  const quantiles = (["p10", "p50", "p90"] as const).map((q) => ({ label: q.toUpperCase(), mkr: summary.humpDepth[q] / 1e6 }));
  const pointDepth = options.point?.investment?.humpDepth;
  const legend: LegendItem[] = [
    { label: t.draws, color: COLORS.growth },
    { label: "P10, P50, P90", color: COLORS.ink, shape: "dashed" },
  ];
  const marks: Plot.Markish[] = [
    Plot.rectY(depths, { ...Plot.binX({ y: "count" }, { x: "mkr", thresholds: 40 }), fill: COLORS.growth, fillOpacity: 0.6 }),
    Plot.ruleX(quantiles, { x: "mkr", stroke: COLORS.ink, strokeDasharray: "4,3" }),
    Plot.text(quantiles, { x: "mkr", frameAnchor: "top", text: (d: (typeof quantiles)[number]) => `${d.label} ${f.fixed(d.mkr, 0)}`, dy: -6 }),
  ];
  if (pointDepth !== undefined) {
    legend.push({ label: t.pointValues, color: COLORS.forecast, shape: "line" });
    marks.push(
      Plot.ruleX([pointDepth / 1e6], { stroke: COLORS.forecast, strokeWidth: 2 }),
      Plot.text([pointDepth / 1e6], {
        x: (d: number) => d,
        frameAnchor: "bottom",
        text: () => lowerCase(t.pointValues, options.lang),
        dy: -16,
        dx: 4,
        textAnchor: "start",
        fill: COLORS.forecast,
      }),
    );
  }
  marks.push(Plot.ruleY([0]));
  return {
    name: "hump-depth-histogram",
    title: t.titles["hump-depth-histogram"],
    subtitle: subtitleOf(options, summary.scenario),
    caption: captionOf(options, [t.explain["hump-depth-histogram"](f.number(summary.draws))]),
    legend,
    plot: {
      width: options.width ?? 720,
      height: 300,
      marginLeft: 60,
      x: { label: t.humpDepthAxis(f.mkrUnit), tickFormat: (v: number) => f.fixed(v, 0) },
      y: { label: t.draws, tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      marks,
    },
  };
}
