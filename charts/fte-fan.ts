/**
 * A fan chart of total FTE from Monte Carlo runs: per run the P10–P90 band and the P50 line (with
 * levers green, without red), the deterministic forecast dotted and the base year's level dashed.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { MonteCarloSummary } from "../model/monte-carlo.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** A summarised Monte Carlo run with its name in the chart's language. */
export interface LabelledSummary {
  label: string;
  summary: MonteCarloSummary;
}

export interface FteFanOptions extends ChartOptions {
  /** The deterministic forecast (every assumption at its point value), drawn dotted. */
  point?: ForecastResult;
}

export function fteFanChart(runs: LabelledSummary[], options: FteFanOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fte = (v: number) => f.fixed(v, 1);
  const first = runs[0]?.summary;
  if (first === undefined) throw new Error("fteFanChart needs at least one Monte Carlo run");
  const fan = runs.flatMap((r) => r.summary.years.map((y) => ({ ...y, series: r.label })));
  const { legend, color } = legendScale(runs.map((r) => ({ label: r.label, color: r.summary.hasLevers ? COLORS.levers : COLORS.growth })));
  const marks: Plot.Markish[] = [
    Plot.areaY(fan, { x: "year", y1: "totalFte_p10", y2: "totalFte_p90", fill: "series", fillOpacity: 0.2 }),
    Plot.lineY(fan, { x: "year", y: "totalFte_p50", stroke: "series", strokeWidth: 2 }),
  ];
  if (options.point) {
    marks.push(Plot.lineY(options.point.totals, { x: "year", y: "totalFte", stroke: COLORS.ink, strokeDasharray: "3,3" }));
    legend.push({ label: t.deterministic, color: COLORS.ink, shape: "dashed" });
  }
  marks.push(
    Plot.ruleY([first.baseYearFte], { stroke: COLORS.reference, strokeDasharray: "4,3" }),
    Plot.text([first.baseYearFte], { y: (d: number) => d, frameAnchor: "right", text: () => t.levelOf(first.baseYear), dy: -6, fill: COLORS.referenceText }),
    Plot.tip(
      fan,
      Plot.pointerX({
        x: "year",
        y: "totalFte_p50",
        stroke: "series",
        title: (d: (typeof fan)[number]) =>
          `${d.series}, ${d.year}\n${t.quantiles(fte(d.totalFte_p10), fte(d.totalFte_p50), fte(d.totalFte_p90))}\n${t.holdsFlatChance(f.percent(d.probabilityHoldsFlat))}`,
      }),
    ),
  );
  return {
    name: "fte-fan",
    title: t.titles["fte-fan"],
    subtitle: subtitleOf(options, first.scenario),
    caption: captionOf(options, [t.explain["fte-fan"](f.number(first.draws), first.seed, first.baseYear)]),
    legend,
    plot: {
      ...yearFrame(options.width, 380, t.year),
      y: { label: t.totalFte, tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color,
      marks,
    },
  };
}
