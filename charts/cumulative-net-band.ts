/**
 * The investment hump with its uncertainty: the cumulative net under the scenario's assumptions
 * (line), the Monte Carlo P10–P90 band around it and the median (dashed), the trough (dot) and
 * the payback year (dashed rule). Money in millions of the currency.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** Quantiles of the cumulative net in one year, in the currency. */
export interface BandYear {
  year: number;
  p10: number;
  p50: number;
  p90: number;
}

export function cumulativeNetBandChart(
  result: ForecastResult,
  options: ChartOptions & { band?: BandYear[] | null },
): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const mkr = (v: number) => f.mkr(v);
  const axis = (v: number) => f.number(v);
  const data = result.totals.map((r) => ({ year: r.year, value: r.cumulativeNet / 1e6 }));
  const band = (options.band ?? []).map((b) => ({ year: b.year, p10: b.p10 / 1e6, p50: b.p50 / 1e6, p90: b.p90 / 1e6 }));
  const inv = result.investment;
  const marks: Plot.Markish[] = [];
  const legend: ChartSpec["legend"] = [{ label: t.deterministic, color: COLORS.cumulative, shape: "line" }];
  if (band.length > 0) {
    marks.push(Plot.areaY(band, { x: "year", y1: "p10", y2: "p90", fill: COLORS.cumulative, fillOpacity: 0.18 }));
    marks.push(Plot.lineY(band, { x: "year", y: "p50", stroke: COLORS.cumulative, strokeDasharray: "5 4", strokeWidth: 1.5 }));
    legend.push({ label: t.band, color: COLORS.band }, { label: t.p50, color: COLORS.cumulative, shape: "dashed" });
  }
  marks.push(Plot.ruleY([0]), Plot.lineY(data, { x: "year", y: "value", stroke: COLORS.cumulative, strokeWidth: 2.5 }));
  const sentences: string[] = [t.explain["cumulative-net-band"]];
  if (inv === null) sentences.push(t.noLevers);
  else {
    if (inv.humpYear === null) sentences.push(t.noHump);
    else {
      sentences.push(t.hump(mkr(inv.humpDepth), inv.humpYear));
      marks.push(Plot.dot([{ year: inv.humpYear, value: -inv.humpDepth / 1e6 }], { x: "year", y: "value", r: 5, fill: COLORS.cost }));
      legend.push({ label: t.trough, color: COLORS.cost });
      sentences.push(inv.paybackYear === null ? t.noPayback(result.horizon) : t.payback(inv.paybackYear));
      if (inv.paybackYear !== null) {
        marks.push(Plot.ruleX([inv.paybackYear], { stroke: COLORS.savings, strokeDasharray: "4 3", strokeWidth: 1.5 }));
        legend.push({ label: t.paidBack, color: COLORS.savings, shape: "dashed" });
      }
    }
  }
  const byYear = new Map(band.map((b) => [b.year, b]));
  marks.push(
    Plot.tip(
      data,
      Plot.pointerX({
        x: "year",
        y: "value",
        title: (d: (typeof data)[number]) => {
          const b = byYear.get(d.year);
          const range = b ? `\nP10–P90: ${axis(b.p10)} – ${mkr(b.p90 * 1e6)}` : "";
          return `${d.year}: ${mkr(d.value * 1e6)}${range}`;
        },
      }),
    ),
  );
  return {
    name: "cumulative-net-band",
    title: t.titles["cumulative-net-band"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, sentences),
    legend,
    plot: {
      ...yearFrame(options.width, 380, t.year),
      y: { label: t.mkr, grid: true, tickFormat: axis },
      marks,
    },
  };
}
