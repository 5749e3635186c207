/**
 * A driver that is a number per year (a flow, such as dwellings completed) as bars: its history
 * (actuals and estimates, which no scenario changes) darker than its forecast, and the base year's
 * level as a red line.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import { lastActualYear } from "../model/drivers.ts";
import { capitalize, driverName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { driverTip, driverYears } from "./driver-projection.ts";
import { captionOf, COLORS, subtitleOf, yearBandFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function driverPerYearChart(pkg: DataPackage, driverId: string, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const name = driverName(pkg, driverId, options.lang);
  const base = pkg.baseYear;
  const rows = driverYears(pkg, driverId);
  const baseValue = rows.find((d) => d.year === base)?.value ?? NaN;
  // Up to its last actual or estimate a driver is history, which no scenario changes (model/drivers.ts).
  const last = lastActualYear(pkg.drivers[driverId]!, base);
  return {
    name: "driver-per-year",
    title: t.titles["driver-per-year"](capitalize(name)),
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain["driver-per-year"](capitalize(name), last, base)]),
    legend: [
      { label: t.upTo(last), color: COLORS.pastBar },
      { label: t.after(last), color: COLORS.futureBar },
      { label: t.levelOf(base), color: COLORS.growth, shape: "dashed" },
    ],
    plot: {
      ...yearBandFrame(
        options.width,
        240,
        t.year,
        rows.map((d) => d.year).filter((y) => y % 5 === 0),
      ),
      y: {
        label: t.perYear(capitalize(name)),
        tickFormat: (v: number) => f.fixed(v, 0),
        grid: true,
        domain: [0, 1.1 * Math.max(...rows.map((d) => d.value))],
      },
      marks: [
        Plot.barY(rows, { x: "year", y: "value", fill: (d: (typeof rows)[number]) => (d.year <= last ? COLORS.pastBar : COLORS.futureBar) }),
        Plot.ruleY([baseValue], { stroke: COLORS.growth, strokeDasharray: "4,3" }),
        driverTip(pkg, driverId, rows, options.lang),
      ],
    },
  };
}
