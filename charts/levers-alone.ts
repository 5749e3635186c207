/**
 * What each lever achieves on its own: the FTE it avoids in the horizon year against the same
 * growth without levers, widest first, with all levers together named in the caption.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import type { LabelledRun } from "./fte-scenarios.ts";
import { captionOf, COLORS, labelRoom, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** FTE avoided in the horizon year: without levers − with them. */
export function fteAvoided(result: ForecastResult): number {
  const end = result.totals.at(-1)!;
  return end.baselineFte - end.totalFte;
}

/**
 * @param alone one run per lever, the scenario with only that lever, labelled with the lever's name
 * @param together the scenario with all its levers
 */
export function leversAloneChart(alone: LabelledRun[], together: ForecastResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fte = (v: number) => f.fixed(v, 1);
  const bars = alone.map((r) => ({ label: r.label, avoided: fteAvoided(r.result) })).sort((a, b) => b.avoided - a.avoided);
  const width = options.width ?? 720;
  const room = labelRoom(
    bars.map((b) => b.label),
    width,
  );
  return {
    name: "levers-alone",
    title: t.titles["levers-alone"],
    subtitle: subtitleOf(options, together.scenario),
    caption: captionOf(options, [t.explain["levers-alone"](together.horizon, fte(fteAvoided(together)))]),
    legend: [],
    plot: {
      width,
      height: 80 + 30 * bars.length,
      marginLeft: room.margin,
      marginRight: 70,
      x: { label: t.avoidedIn(together.horizon), tickFormat: (v: number) => f.fixed(v, 0), grid: true, nice: true },
      y: { label: null, domain: bars.map((b) => b.label), tickFormat: room.fit },
      marks: [
        Plot.barX(bars, { y: "label", x: "avoided", fill: COLORS.levers }),
        Plot.text(bars, { y: "label", x: "avoided", text: (b: (typeof bars)[number]) => fte(b.avoided), dx: 6, textAnchor: "start" }),
        Plot.ruleX([0]),
      ],
    },
  };
}
