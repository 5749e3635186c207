/**
 * One driver of the package over the years: its history (actuals as dots, and estimates), the
 * package's own forecast (dashed) and the same driver in scenarios that scale its growth after the
 * history (in colour), with the base year marked. The scenarios' values come from the model (a run's totals for residents).
 */
import * as Plot from "@observablehq/plot";
import { formats, type Lang } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import { lastActualYear } from "../model/drivers.ts";
import { capitalize, driverName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec, LegendItem } from "./chart-spec.ts";
import { captionOf, COLORS, legendScale, lowerCase, nthColor, subtitleOf, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** A driver's value per year in one scenario, with the scenario's name in the chart's language. */
export interface ScenarioValues {
  label: string;
  values: { year: number; value: number }[];
}

export interface DriverProjectionOptions extends ChartOptions {
  /** Scenarios that change the driver's growth, drawn in colour. */
  scenarios?: ScenarioValues[];
}

/** A driver's value in one year, and what it is: an actual, an estimate of the past, or a forecast. */
export interface DriverYear {
  year: number;
  value: number;
  actual: boolean;
  estimated: boolean;
}

/** One row per year of a driver from the package, to the horizon. */
export function driverYears(pkg: DataPackage, driverId: string): DriverYear[] {
  const series = pkg.drivers[driverId];
  if (series === undefined) throw new Error(`unknown driver "${driverId}"; the package's drivers are ${Object.keys(pkg.drivers).join(", ")}`);
  return series.values
    .map((value, i) => ({ year: series.firstYear + i, value, actual: series.actual[i] ?? false, estimated: series.estimated[i] ?? false }))
    .filter((d) => d.year <= pkg.municipality.horizon);
}

/** What a driver's value is, in words: "utfall", "uppskattning" or "prognos". */
export function driverYearKind(d: DriverYear, lang: Lang): string {
  const t = TEXT[lang];
  return d.actual ? t.actualTip : d.estimated ? t.estimateTip : t.forecastTip;
}

/** The tip over a driver's years: the year, the value in the driver's unit, and what the value is. */
export function driverTip(pkg: DataPackage, driverId: string, rows: DriverYear[], lang: Lang): Plot.Markish {
  const f = formats(lang);
  const unit = pkg.drivers[driverId]?.unit?.[lang] ?? lowerCase(driverName(pkg, driverId, lang), lang);
  return Plot.tip(rows, Plot.pointerX({ x: "year", y: "value", title: (d: DriverYear) => `${d.year}: ${f.number(d.value)} ${unit} (${driverYearKind(d, lang)})` }));
}

export function driverProjectionChart(pkg: DataPackage, driverId: string, options: DriverProjectionOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const name = driverName(pkg, driverId, options.lang);
  const rows = driverYears(pkg, driverId);
  // The years a scenario cannot change end with the last actual or estimate (model/drivers.ts).
  const last = lastActualYear(pkg.drivers[driverId]!, pkg.baseYear);
  // A driver a population drives has the cohort projection as its forecast, not the municipality's.
  const forecastLabel = pkg.population?.bands.some((b) => b.driver === driverId) === true ? t.cohortProjection : t.packageForecast;
  const history = rows.filter((d) => d.year <= last);
  const actuals = rows.filter((d) => d.actual);
  const historyLabel = history.some((d) => d.estimated) ? t.actualAndEstimate : t.actual;
  const scenarios = options.scenarios ?? [];
  const items: LegendItem[] = [
    { label: historyLabel, color: COLORS.actual, shape: "line" },
    { label: forecastLabel, color: COLORS.forecast, shape: "dashed" },
    ...scenarios.map((s, i) => ({ label: s.label, color: nthColor(COLORS.runs, i + 1), shape: "line" as const })),
  ];
  const { legend, color } = legendScale(items);
  const first = rows[0]?.year ?? pkg.baseYear;
  return {
    name: "driver-projection",
    title: t.titles["driver-projection"](capitalize(name)),
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [
      t.explain["driver-projection"](capitalize(name), first, pkg.municipality.horizon, last, scenarios.length > 0, pkg.drivers[driverId]!.type === "flow"),
    ]),
    legend,
    plot: {
      ...yearFrame(options.width, 340, t.year),
      y: { label: capitalize(name), tickFormat: (v: number) => f.number(v), grid: true },
      color,
      marks: [
        Plot.ruleX([pkg.baseYear], { stroke: COLORS.reference, strokeDasharray: "2,3" }),
        Plot.text([pkg.baseYear], { x: (d: number) => d, frameAnchor: "top", text: () => t.baseYearMark, dx: 4, textAnchor: "start", fill: COLORS.referenceText }),
        Plot.lineY(
          rows.filter((d) => d.year >= last),
          { x: "year", y: "value", stroke: () => forecastLabel, strokeDasharray: "6,3", strokeWidth: 2 },
        ),
        ...scenarios.map((s) => Plot.lineY(s.values, { x: "year", y: "value", stroke: () => s.label, strokeWidth: 2 })),
        Plot.lineY(history, { x: "year", y: "value", stroke: () => historyLabel, strokeWidth: 2.5 }),
        Plot.dot(actuals, { x: "year", y: "value", fill: () => historyLabel, r: 3 }),
        driverTip(pkg, driverId, rows, options.lang),
      ],
    },
  };
}
