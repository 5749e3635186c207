/** Reading a chart's spec in a test: the data of its marks, and its legend's labels. */
import type { ChartSpec } from "../../charts/chart-spec.ts";
import { renderSvg } from "../../io/svg.ts";

/**
 * The data of the `nth` mark of one kind in a chart, by Plot's aria label of the mark ("line",
 * "area", "bar", "rect", "rule", "dot", "text", "tip").
 */
export function markData<T = Record<string, unknown>>(spec: ChartSpec, kind: string, nth = 0): T[] {
  const marks = ((spec.plot.marks ?? []) as unknown[]).flat(Infinity) as { ariaLabel?: string; data?: Iterable<T> | null }[];
  const mark = marks.filter((m) => m?.ariaLabel === kind)[nth];
  if (mark === undefined) throw new Error(`${spec.name} has no ${kind} mark number ${nth + 1}`);
  return Array.from(mark.data ?? []);
}

/** How many marks of one kind a chart has. */
export function markCount(spec: ChartSpec, kind: string): number {
  return ((spec.plot.marks ?? []) as unknown[]).flat(Infinity).filter((m) => (m as { ariaLabel?: string })?.ariaLabel === kind).length;
}

export const legendLabels = (spec: ChartSpec): string[] => spec.legend.map((item) => item.label);

/** The chart as the server's SVG file. */
export const svgOf = (spec: ChartSpec): string => renderSvg(spec, "");

/** How often an attribute value occurs in an SVG text, e.g. `fill="#d62728"`. */
export const occurrences = (svg: string, text: string): number => svg.split(text).length - 1;
