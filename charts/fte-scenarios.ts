/**
 * Total FTE of several runs of the model (the package's scenarios, or one scenario changed), each
 * as a line, after the headcount history when one is given, with the base year's level.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ChartOptions, ChartSpec, LegendItem } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, nthColor, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** A run of the model with its name in the chart's language. */
export interface LabelledRun {
  label: string;
  result: ForecastResult;
}

export interface FteScenariosOptions extends ChartOptions {
  /** The headcount history (process → year → FTE, as `headcount.csv`), drawn before the runs. */
  history?: DataPackage["headcount"];
  /** The history's name in the legend, default "Utfall" / "Actual". */
  historyLabel?: string;
  /** Draw the base year's level as a dashed line (default true). */
  baseLevel?: boolean;
  /** A logarithmic FTE axis, for runs far apart. */
  log?: boolean;
}

/** Total FTE per year of a headcount history. */
export function historyTotals(history: DataPackage["headcount"]): { year: number; fte: number }[] {
  const totals = new Map<number, number>();
  for (const years of Object.values(history)) {
    for (const [year, fte] of Object.entries(years)) totals.set(Number(year), (totals.get(Number(year)) ?? 0) + fte);
  }
  return [...totals].map(([year, fte]) => ({ year, fte })).sort((a, b) => a.year - b.year);
}

export function fteScenariosChart(runs: LabelledRun[], options: FteScenariosOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const first = runs[0]?.result;
  if (first === undefined) throw new Error("fteScenariosChart needs at least one run");
  const historyLabel = options.historyLabel ?? t.actual;
  const history = options.history ? historyTotals(options.history) : [];
  const rows = [
    ...history.map((h) => ({ ...h, series: historyLabel })),
    ...runs.flatMap((r) => r.result.totals.map((row) => ({ year: row.year, fte: row.totalFte, series: r.label }))),
  ];
  const items: LegendItem[] = [
    ...(history.length > 0 ? [{ label: historyLabel, color: COLORS.actual, shape: "line" as const }] : []),
    ...runs.map((r, i) => ({ label: r.label, color: nthColor(COLORS.runs, i), shape: "line" as const })),
  ];
  const { legend, color } = legendScale(items);
  const baseFte = first.totals[0]!.totalFte;
  const baseLevel = options.baseLevel ?? true;
  const marks: Plot.Markish[] = [];
  if (baseLevel) {
    marks.push(
      Plot.ruleY([baseFte], { stroke: COLORS.reference, strokeDasharray: "4,3" }),
      Plot.text([baseFte], { y: (d: number) => d, frameAnchor: "right", text: () => t.levelOf(first.baseYear), dy: -6, fill: COLORS.referenceText }),
    );
  }
  marks.push(
    Plot.lineY(rows, { x: "year", y: "fte", stroke: "series", strokeWidth: 2 }),
    Plot.dot(
      rows.filter((d) => d.series === historyLabel),
      { x: "year", y: "fte", fill: "series", r: 3 },
    ),
    Plot.tip(rows, Plot.pointer({ x: "year", y: "fte", stroke: "series", title: (d: (typeof rows)[number]) => `${d.series}\n${d.year}: ${f.fixed(d.fte, 1)} ${f.fteUnit}` })),
  );
  const sentences =
    history.length > 0
      ? [t.explain["fte-history"](history[0]!.year, first.baseYear, first.horizon)]
      : [t.explain["fte-scenarios"](first.baseYear, first.horizon)];
  if (baseLevel) sentences.push(t.explain["base-level"](first.baseYear));
  if (options.log) sentences.push(t.explain["log-scale"]);
  return {
    name: "fte-scenarios",
    title: t.titles["fte-scenarios"],
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, sentences),
    legend,
    plot: {
      ...yearFrame(options.width, 340, t.year),
      y: { label: options.log ? t.logScale(t.totalFte) : t.totalFte, type: options.log ? "log" : "linear", tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color,
      marks,
    },
  };
}
