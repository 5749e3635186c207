/**
 * FTE per process per year under the scenario, as stacked areas; with a headcount history, the
 * history's years before the base year come first and a white line marks the base year.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, nthColor, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export interface FtePerProcessOptions extends ChartOptions {
  /** The headcount history (process → year → FTE, as `headcount.csv`): its years before the base year are drawn too. */
  history?: DataPackage["headcount"];
}

export function ftePerProcessChart(result: ForecastResult, options: FtePerProcessOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const name = (id: string) => options.processNames?.[id] ?? id;
  const names = result.processes.map((p) => name(p.id));
  const colors = names.map((_, i) => nthColor(COLORS.processes, i));
  const past = Object.entries(options.history ?? {}).flatMap(([process, years]) =>
    Object.entries(years)
      .map(([year, fte]) => ({ year: Number(year), fte, process: name(process) }))
      .filter((d) => d.year < result.baseYear),
  );
  const data = [...past, ...result.rows.map((r) => ({ year: r.year, fte: r.totalFte, process: name(r.process) }))];
  const last = result.totals.at(-1)!;
  const sentences = [t.explain["fte-per-process"], t.totals(result.horizon, fmt(last.totalFte), fmt(last.baselineFte))];
  const marks: Plot.Markish[] = [
    Plot.areaY(data, { x: "year", y: "fte", fill: "process", order: names, fillOpacity: 0.85 }),
    Plot.ruleY([0]),
  ];
  if (past.length > 0) {
    const first = Math.min(...past.map((d) => d.year));
    const last = Math.max(...past.map((d) => d.year));
    sentences.push(t.explain["fte-per-process-history"](first === last ? String(first) : `${first}–${last}`, result.baseYear));
    const when = (year: number) => (year < result.baseYear ? t.historyTip : year === result.baseYear ? t.baseYearTip : "");
    marks.push(
      Plot.ruleX([result.baseYear], { stroke: "white", strokeWidth: 1.5 }),
      Plot.tip(
        data,
        Plot.pointer(
          Plot.stackY2({
            x: "year",
            y: "fte",
            fill: "process",
            order: names,
            title: (d: (typeof data)[number]) => `${d.process}\n${d.year}: ${f.fixed(d.fte, 1)} ${f.fteUnit}${when(d.year)}`,
          }),
        ),
      ),
    );
  }
  return {
    name: "fte-per-process",
    title: t.titles["fte-per-process"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, sentences),
    legend: names.map((label, i) => ({ label, color: colors[i]! })),
    plot: {
      ...yearFrame(options.width, 420, t.year),
      y: { label: t.fte, grid: true, tickFormat: fmt },
      color: { domain: names, range: colors },
      marks,
    },
  };
}
