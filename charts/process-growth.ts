/**
 * How much each process grows from the base year to the horizon, as bars sorted from the fastest,
 * against the growth in residents (dashed): red where a process grows faster than residents.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, labelRoom, signedChange, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** Each process's total FTE in the horizon year ÷ in the base year. */
export function processGrowth(result: ForecastResult): { process: string; ratio: number }[] {
  const fteIn = (process: string, year: number) => result.rows.find((r) => r.process === process && r.year === year)?.totalFte ?? NaN;
  return result.processes.map((p) => ({ process: p.id, ratio: fteIn(p.id, result.horizon) / fteIn(p.id, result.baseYear) }));
}

export function processGrowthChart(result: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  // Without a residents driver there is nothing to compare with: no process is "faster".
  const residents = (result.totals.at(-1)!.residents ?? NaN) / (result.totals[0]!.residents ?? NaN);
  const known = Number.isFinite(residents);
  const bars = processGrowth(result).map((g) => ({ ...g, name: options.processNames?.[g.process] ?? g.process, faster: g.ratio > residents }));
  const width = options.width ?? 720;
  const room = labelRoom(
    bars.map((b) => b.name),
    width,
  );
  const percent = (ratio: number) => 100 * (ratio - 1);
  return {
    name: "process-growth",
    title: t.titles["process-growth"](result.baseYear, result.horizon),
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["process-growth"](result.baseYear, result.horizon)]),
    legend: known
      ? [
          { label: t.fasterThanResidents, color: COLORS.growth },
          { label: t.notFasterThanResidents, color: COLORS.forecast },
          { label: t.residentsGrowth, color: COLORS.ink, shape: "dashed" },
        ]
      : [],
    plot: {
      width,
      height: 80 + 24 * bars.length,
      marginLeft: room.margin,
      marginRight: 60,
      x: { label: t.change(result.baseYear, result.horizon), tickFormat: (v: number) => `${f.fixed(v, 0)} %`, grid: true, nice: true },
      y: { label: null, tickFormat: room.fit },
      marks: [
        Plot.barX(bars, {
          y: "name",
          x: (b: (typeof bars)[number]) => percent(b.ratio),
          fill: (b: (typeof bars)[number]) => (b.faster ? COLORS.growth : COLORS.forecast),
          sort: { y: "x", reverse: true },
        }),
        Plot.ruleX([0]),
        Plot.ruleX(known ? [percent(residents)] : [], { stroke: COLORS.ink, strokeDasharray: "4,3" }),
        Plot.text(known ? [percent(residents)] : [], {
          x: (d: number) => d,
          frameAnchor: "top",
          text: () => t.residentsChange(signedChange(f, residents, 0)),
          textAnchor: "start",
          dx: 4,
          dy: -8,
          fill: COLORS.ink,
        }),
        Plot.text(bars, { y: "name", x: (b: (typeof bars)[number]) => percent(b.ratio), text: (b: (typeof bars)[number]) => signedChange(f, b.ratio), dx: 6, textAnchor: "start" }),
      ],
    },
  };
}
