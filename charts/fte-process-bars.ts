/**
 * FTE per process in one year: without levers (grey bar), with the scenario's levers (blue bar
 * inside it) and the base year's level (red mark) — "hålla nollan" per process at a glance. The
 * planner's live chart: cheap to draw, so it follows a slider.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, focusYear, labelRoom, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** One process in {@link fteProcessBarsChart}. */
export interface ProcessBar {
  process: string;
  name: string;
  base: number;
  baseline: number;
  scenario: number;
}

/** The numbers the chart draws, largest process (in the base year) first. */
export function processBars(result: ForecastResult, year: number, names: Record<string, string> = {}): ProcessBar[] {
  const byProcess = new Map<string, ProcessBar>();
  for (const r of result.rows) {
    if (r.year !== result.baseYear && r.year !== year) continue;
    let bar = byProcess.get(r.process);
    if (!bar) {
      bar = { process: r.process, name: names[r.process] ?? r.process, base: NaN, baseline: NaN, scenario: NaN };
      byProcess.set(r.process, bar);
    }
    if (r.year === result.baseYear) bar.base = r.totalFte;
    if (r.year === year) {
      bar.baseline = r.baselineFte;
      bar.scenario = r.totalFte;
    }
  }
  return [...byProcess.values()].sort((a, b) => b.base - a.base);
}

export function fteProcessBarsChart(result: ForecastResult, options: ChartOptions & { year?: number }): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fmt = (v: number) => f.number(v);
  const year = focusYear(result, options.year);
  const width = options.width ?? 720;
  const raw = processBars(result, year, options.processNames);
  const room = labelRoom(
    raw.map((b) => b.name),
    width,
  );
  const bars = raw.map((b) => ({ ...b, label: room.fit(b.name) }));
  const names = bars.map((b) => b.label);
  const rowHeight = 34;
  return {
    name: "fte-process-bars",
    title: t.titles["fte-process-bars"](year),
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["fte-process-bars"](year, result.baseYear)]),
    legend: [
      { label: t.withoutLevers, color: COLORS.withoutLevers },
      { label: t.withLevers, color: COLORS.scenario },
      { label: t.baseYear(result.baseYear), color: COLORS.baseLevel, shape: "line" },
    ],
    plot: {
      width,
      height: 40 + rowHeight * bars.length,
      marginLeft: room.margin,
      marginRight: 24,
      x: { label: t.fte, grid: true, tickFormat: fmt },
      y: { label: null, domain: names, tickSize: 0 },
      marks: [
        Plot.barX(bars, { y: "label", x: "baseline", fill: COLORS.withoutLevers, insetTop: 4, insetBottom: 4 }),
        Plot.barX(bars, { y: "label", x: "scenario", fill: COLORS.scenario, insetTop: 11, insetBottom: 11 }),
        Plot.tickX(bars, { y: "label", x: "base", stroke: COLORS.baseLevel, strokeWidth: 3 }),
        Plot.ruleX([0]),
        Plot.tip(
          bars,
          Plot.pointerY({
            y: "label",
            x: "baseline",
            title: (b: ProcessBar & { label: string }) => `${b.name}\n${t.withLevers}: ${fmt(b.scenario)}\n${t.withoutLevers}: ${fmt(b.baseline)}\n${t.baseYear(result.baseYear)}: ${fmt(b.base)}`,
          }),
        ),
      ],
    },
  };
}
