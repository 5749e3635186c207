/**
 * Inside one process: its FTE without levers per activity, individual allowances and fixed work,
 * as stacked areas over the years.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { type DataPackage, FIXED_WORK } from "../model/data-package.ts";
import { activityName, processName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, nthColor, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** The part of a process's work that is its individual allowances. */
export const ALLOWANCES = "allowance";

/** FTE of one part of a process in one year: an activity (by id), {@link FIXED_WORK} or {@link ALLOWANCES}. */
export interface ProcessPartYear {
  process: string;
  part: string;
  year: number;
  /** FTE without levers. */
  baselineFte: number;
}

export function processActivitiesChart(pkg: DataPackage, parts: readonly ProcessPartYear[], processId: string, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const process = pkg.processes.find((p) => p.id === processId);
  if (process === undefined) throw new Error(`unknown process "${processId}"`);
  const partName = (part: string) =>
    part === FIXED_WORK ? t.fixedWork : part === ALLOWANCES ? t.allowances : activityName(pkg, processId, part, options.lang);
  const order = [...process.activities.map((a) => a.id), ALLOWANCES, FIXED_WORK].map(partName);
  const colors = order.map((_, i) => nthColor(COLORS.processes, i));
  const rows = parts.filter((r) => r.process === processId).map((r) => ({ year: r.year, fte: r.baselineFte, name: partName(r.part) }));
  const name = processName(pkg, processId, options.lang);
  return {
    name: "process-activities",
    title: t.titles["process-activities"](name),
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain["process-activities"](name, processId)]),
    legend: order.map((label, i) => ({ label, color: colors[i]! })),
    plot: {
      ...yearFrame(options.width, 360, t.year),
      y: { label: t.fte, tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color: { domain: order, range: colors },
      marks: [
        Plot.areaY(rows, { x: "year", y: "fte", fill: "name", order, fillOpacity: 0.85 }),
        Plot.tip(
          rows,
          Plot.pointer(
            Plot.stackY2({ x: "year", y: "fte", fill: "name", order, title: (d: (typeof rows)[number]) => `${d.name}\n${d.year}: ${f.fixed(d.fte, 1)} ${f.fteUnit}` }),
          ),
        ),
      ],
    },
  };
}
