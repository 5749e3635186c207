/**
 * How the package's drivers grow from the base year to the horizon, each as an index (base year =
 * 100) with its name and end value beside its last point; actuals as dots, one driver (residents
 * by default) drawn thicker.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import { driverName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { driverYearKind, driverYears } from "./driver-projection.ts";
import { captionOf, COLORS, labelRoom, spreadLabels, subtitleOf, yearFormat } from "./frame.ts";
import { TEXT } from "./texts.ts";

export interface DriverIndexOptions extends ChartOptions {
  /** The drivers to draw, in order; default every stock (a flow's yearly level is no growth path). */
  drivers?: string[];
  /** The driver drawn thicker, default "residents". */
  emphasis?: string;
}

export function driverIndexChart(pkg: DataPackage, options: DriverIndexOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const base = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const emphasis = options.emphasis ?? "residents";
  const ids = options.drivers ?? Object.values(pkg.drivers).filter((d) => d.type === "stock").map((d) => d.id);
  const names = ids.map((id) => driverName(pkg, id, options.lang));
  const indexed = ids.flatMap((id, i) => {
    const rows = driverYears(pkg, id).filter((d) => d.year >= base);
    const at = rows.find((d) => d.year === base)?.value ?? NaN;
    return rows.map((d) => ({ ...d, driver: id, name: names[i]!, index: (100 * d.value) / at }));
  });
  const ends = indexed.filter((d) => d.year === horizon);
  const low = Math.min(...indexed.map((d) => d.index));
  const high = Math.max(...indexed.map((d) => d.index));
  const height = 380;
  // Labels one text line (13 px) apart on a plot about 320 px high.
  const labelY = spreadLabels(
    ends.map((d) => d.index),
    ((high - low) * 13) / (height - 60),
  );
  const width = options.width ?? 720;
  const endLabels = ends.map((d) => `${d.name} ${f.number(d.index)}`);
  return {
    name: "driver-index",
    title: t.titles["driver-index"],
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain["driver-index"](base)]),
    legend: [],
    plot: {
      width,
      height,
      marginLeft: 60,
      marginRight: labelRoom(endLabels, width, 12, 0.3).margin,
      x: { label: t.year, tickFormat: yearFormat },
      y: { label: t.index(base), tickFormat: (v: number) => f.fixed(v, 0), grid: true },
      color: { scheme: "observable10", domain: names },
      marks: [
        Plot.ruleY([100], { stroke: COLORS.reference }),
        Plot.lineY(indexed, { x: "year", y: "index", stroke: "name", strokeWidth: (d: (typeof indexed)[number]) => (d.driver === emphasis ? 3 : 1.5) }),
        Plot.dot(
          indexed.filter((d) => d.actual),
          { x: "year", y: "index", fill: "name", r: 2.5 },
        ),
        Plot.text(ends, { x: "year", y: (_: unknown, i: number) => labelY[i], text: (_: unknown, i: number) => endLabels[i], fill: "name", dx: 6, textAnchor: "start" }),
        Plot.tip(
          indexed,
          Plot.pointer({
            x: "year",
            y: "index",
            title: (d: (typeof indexed)[number]) =>
              `${d.name} ${d.year}\n${f.number(d.value)} (index ${f.fixed(d.index, 1)})\n${driverYearKind(d, options.lang)}`,
          }),
        ),
      ],
    },
  };
}
