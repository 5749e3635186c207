/** FTE per process per year under the scenario, as stacked areas. */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, nthColor, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function ftePerProcessChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const name = (id: string) => options.processNames?.[id] ?? id;
  const names = result.processes.map((p) => name(p.id));
  const colors = names.map((_, i) => nthColor(COLORS.processes, i));
  const data = result.rows.map((r) => ({ year: r.year, fte: r.totalFte, process: name(r.process) }));
  const last = result.totals.at(-1)!;
  return {
    name: "fte-per-process",
    title: t.titles["fte-per-process"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["fte-per-process"], t.totals(result.horizon, fmt(last.totalFte), fmt(last.baselineFte))]),
    legend: names.map((label, i) => ({ label, color: colors[i]! })),
    plot: {
      ...yearFrame(options.width, 420, t.year),
      y: { label: t.fte, grid: true, tickFormat: fmt },
      color: { domain: names, range: colors },
      marks: [
        Plot.areaY(data, { x: "year", y: "fte", fill: "process", order: names, fillOpacity: 0.85 }),
        Plot.ruleY([0]),
      ],
    },
  };
}
