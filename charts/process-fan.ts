/**
 * Small multiples, one per process: its FTE from a Monte Carlo run as an index (base year = 100),
 * the P10–P90 band and the P50 line, three processes to a row.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { MonteCarloSummary } from "../model/monte-carlo.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, subtitleOf, yearFormat } from "./frame.ts";
import { TEXT } from "./texts.ts";

const COLUMNS = 3;

/** A process's FTE in one year of a Monte Carlo run as an index (its base year's P50 = 100): P10, P50 and P90. */
export interface ProcessIndexBand {
  process: string;
  year: number;
  fte_p10: number;
  fte_p50: number;
  fte_p90: number;
  lo: number;
  mid: number;
  hi: number;
}

/** Every process's FTE per year as an index band, in the order of the summary. */
export function processIndexBands(summary: MonteCarloSummary): ProcessIndexBand[] {
  const baseOf = new Map(summary.processes.filter((r) => r.year === summary.baseYear).map((r) => [r.process, r.fte_p50]));
  return summary.processes.map((r) => {
    const base = baseOf.get(r.process) ?? NaN;
    return { ...r, lo: (100 * r.fte_p10) / base, mid: (100 * r.fte_p50) / base, hi: (100 * r.fte_p90) / base };
  });
}

export function processFanChart(summary: MonteCarloSummary, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const fte = (v: number) => f.fixed(v, 1);
  const order = [...new Set(summary.processes.map((r) => r.process))];
  const rows = processIndexBands(summary).map((r) => {
    const i = order.indexOf(r.process);
    return { ...r, name: options.processNames?.[r.process] ?? r.process, col: i % COLUMNS, row: Math.floor(i / COLUMNS) };
  });
  const facet = { fx: "col", fy: "row" } as const;
  const tens = summary.years.map((y) => y.year).filter((y) => y % 10 === 0);
  return {
    name: "process-fan",
    title: t.titles["process-fan"],
    subtitle: subtitleOf(options, summary.scenario),
    caption: captionOf(options, [t.explain["process-fan"](summary.baseYear, f.number(summary.draws), summary.seed)]),
    legend: [
      { label: t.band, color: COLORS.levers },
      { label: t.p50, color: COLORS.levers, shape: "line" },
    ],
    plot: {
      width: options.width ?? 720,
      height: 70 + 160 * Math.ceil(order.length / COLUMNS),
      marginLeft: 48,
      x: { label: t.year, tickFormat: yearFormat, ticks: tens },
      y: { label: t.index(summary.baseYear), tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      fx: { axis: null },
      fy: { axis: null },
      marks: [
        Plot.ruleY([100], { stroke: COLORS.reference }),
        Plot.areaY(rows, { ...facet, x: "year", y1: "lo", y2: "hi", fill: COLORS.levers, fillOpacity: 0.25 }),
        Plot.lineY(rows, { ...facet, x: "year", y: "mid", stroke: COLORS.levers, strokeWidth: 1.5 }),
        Plot.text(rows, Plot.selectFirst({ ...facet, z: "process", text: "name", frameAnchor: "top-left", dx: 4, dy: 4, fontWeight: "bold", lineWidth: 18 })),
        Plot.tip(
          rows,
          Plot.pointerX({
            ...facet,
            x: "year",
            y: "mid",
            title: (d: (typeof rows)[number]) => `${d.name}, ${d.year}\n${t.quantiles(fte(d.fte_p10), fte(d.fte_p50), fte(d.fte_p90))} ${f.fteUnit}`,
          }),
        ),
      ],
    },
  };
}
