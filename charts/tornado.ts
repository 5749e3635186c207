/**
 * A tornado chart: for each uncertain assumption, how far one outcome (e.g. the NPV or the hump's
 * depth) moves when the assumption goes from its low to its high value with the others at their
 * point values. Bars start at the outcome under the scenario's assumptions; the widest swing is on
 * top. Money in millions of the currency, FTE as FTE.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, labelRoom, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** One assumption's swing. */
export interface TornadoChartBar {
  /** The parameter path, e.g. "levers.e_services.efficiency". */
  parameter: string;
  /** The assumption in words, in the chart's language. */
  label: string;
  /** The outcome with the assumption at its low value and at its high value. */
  outputAtLow: number;
  outputAtHigh: number;
}

export interface TornadoChartOptions extends ChartOptions {
  /** The outcome under the scenario's point values. */
  base: number;
  /** What the outcome is, in the chart's language: "nuvärdet (NPV)". */
  output: string;
  /** "money" (currency, drawn in millions) or "fte". Default "money". */
  unit?: "money" | "fte";
  /** At most this many bars (the widest), default 10. */
  top?: number;
}

export function tornadoChart(bars: TornadoChartBar[], options: TornadoChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const money = (options.unit ?? "money") === "money";
  const scale = money ? 1e-6 : 1;
  const f = formats(options.lang, options.currency);
  const axis = (v: number) => f.number(v);
  const valueText = (v: number) => (money ? f.mkr(v) : `${f.number(v)} ${f.fteUnit}`);
  const sorted = [...bars]
    .sort((a, b) => Math.abs(b.outputAtHigh - b.outputAtLow) - Math.abs(a.outputAtHigh - a.outputAtLow))
    .slice(0, options.top ?? 10);
  const width = options.width ?? 720;
  const room = labelRoom(
    sorted.map((b) => b.label),
    width,
  );
  // Two assumptions may wrap to the same text: keep the y values apart by their position.
  const labels = sorted.map((b, i) => `${room.fit(b.label)}${"\u200b".repeat(sorted.slice(0, i).filter((o) => room.fit(o.label) === room.fit(b.label)).length)}`);
  const base = options.base * scale;
  const segments = sorted.flatMap((b, i) => [
    { label: labels[i]!, name: b.label, side: t.low, from: base, to: b.outputAtLow * scale, value: b.outputAtLow },
    { label: labels[i]!, name: b.label, side: t.high, from: base, to: b.outputAtHigh * scale, value: b.outputAtHigh },
  ]);
  return {
    name: "tornado",
    title: t.titles.tornado,
    subtitle: subtitleOf(options, options.scenarioName ?? ""),
    caption: captionOf(options, [t.explain.tornado(options.output)]),
    legend: [
      { label: t.low, color: COLORS.cost },
      { label: t.high, color: COLORS.scenario },
    ],
    plot: {
      width,
      // A row high enough for its label's lines (12 px text, 14 px a line).
      height: 50 + Math.max(36, 10 + 14 * room.lines) * Math.max(1, sorted.length),
      marginLeft: room.margin,
      marginRight: 30,
      x: { label: money ? t.mkr : t.fte, grid: true, tickFormat: axis },
      y: { label: null, domain: labels, tickSize: 0 },
      color: { domain: [t.low, t.high], range: [COLORS.cost, COLORS.scenario] },
      marks: [
        Plot.barX(segments, { y: "label", x1: "from", x2: "to", fill: "side", insetTop: 5, insetBottom: 5 }),
        Plot.ruleX([base], { stroke: "#222222", strokeWidth: 1.5 }),
        Plot.tip(
          segments,
          Plot.pointer({
            y: "label",
            x: "to",
            title: (s: (typeof segments)[number]) => `${s.name}\n${s.side}: ${valueText(s.value)}`,
          }),
        ),
      ],
    },
  };
}
