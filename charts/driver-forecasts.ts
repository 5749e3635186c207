/**
 * One driver's history and its forecasts side by side: the package's own forecast (drivers.csv,
 * or the cohort projection where the package has `population/`) and each named driver set that
 * has the driver (e.g. Statistics Sweden's projection and the municipality's own), the one a
 * scenario uses drawn heavier.
 */
import * as Plot from "@observablehq/plot";
import { type Lang, formats } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ChartSpec, LegendItem } from "./chart-spec.ts";
import { COLORS, nthColor, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** A line of the chart: values by year. */
export interface DriverLine {
  label: string;
  points: { year: number; value: number }[];
}

/** What the chart shows of one driver. */
export interface DriverForecasts {
  driver: string;
  /** The driver's name in the chart's language. */
  name: string;
  /** Actual and estimated years (the history no scenario changes). */
  history: DriverLine;
  /** The package's own forecast first, then each driver set that has the driver. */
  forecasts: (DriverLine & { setId: string | null })[];
  /** The driver in a scenario (its multipliers and driver set applied), from the last history year; drawn solid. */
  scenario?: DriverLine;
}

export interface DriverForecastsOptions {
  lang: Lang;
  municipality?: string;
  /** The driver set the scenario uses (its id), or null for the package's own forecast; drawn heavier. */
  chosen?: string | null;
  caption?: string;
  width?: number;
}

/**
 * A driver's history and forecasts from a package: history = the years marked actual (or
 * estimate); every forecast starts from the last history year, so that it joins the history,
 * except a driver set's own rows in history years, which it shows as the set gives them.
 */
export function driverForecasts(pkg: DataPackage, driver: string, lang: Lang): DriverForecasts {
  const series = pkg.drivers[driver];
  if (series === undefined) throw new RangeError(`unknown driver "${driver}"`);
  const t = TEXT[lang];
  const points = series.values.map((value, i) => ({ year: series.firstYear + i, value, history: series.actual[i] === true || series.estimated[i] === true }));
  const lastHistory = points.filter((p) => p.history).at(-1);
  const own = points.filter((p) => !p.history || p === lastHistory).map(({ year, value }) => ({ year, value }));
  const followsPopulation = pkg.population?.bands.some((b) => b.driver === driver) === true;
  const sets = Object.values(pkg.driverSets ?? {}).flatMap((set) => {
    const values = set.drivers[driver];
    if (values === undefined) return [];
    const setPoints = values.values.map((value, i) => ({ year: values.firstYear + i, value }));
    const joined = lastHistory !== undefined && setPoints[0]!.year > lastHistory.year ? [{ year: lastHistory.year, value: lastHistory.value }, ...setPoints] : setPoints;
    return [{ setId: set.id, label: set.name[lang], points: joined }];
  });
  return {
    driver,
    name: series.name?.[lang] ?? driver,
    history: { label: t.history, points: points.filter((p) => p.history).map(({ year, value }) => ({ year, value })) },
    forecasts: [{ setId: null, label: followsPopulation ? t.cohortProjection : t.ownForecast, points: own }, ...sets],
  };
}

/**
 * The drivers worth this chart in a package: those its population drives or a driver set has,
 * `residents` first; none in a package with neither.
 */
export function driversWithForecasts(pkg: DataPackage): string[] {
  const ids = new Set([...(pkg.population?.bands.map((b) => b.driver) ?? []), ...Object.values(pkg.driverSets ?? {}).flatMap((set) => Object.keys(set.drivers))]);
  return Object.keys(pkg.drivers).filter((id) => ids.has(id)).sort((a, b) => Number(b === "residents") - Number(a === "residents"));
}

/** The part of a driver's path from the last history year on, as a line (`values[0]` in `firstYear`). */
export function lineFrom(label: string, data: DriverForecasts, firstYear: number, values: readonly number[]): DriverLine {
  const from = data.history.points.at(-1)?.year ?? firstYear;
  return { label, points: values.map((value, i) => ({ year: firstYear + i, value })).filter((p) => p.year >= from) };
}

export function driverForecastsChart(data: DriverForecasts, options: DriverForecastsOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang);
  const fmt = (v: number) => f.number(v);
  const chosen = options.chosen ?? null;
  // The scenario's own line is drawn in the scenario colour; the forecasts take the other version colours.
  const colors = data.forecasts.map((_, i) => nthColor(COLORS.versions.slice(1), i));
  const rows = data.forecasts.flatMap((line, i) => line.points.map((p) => ({ ...p, line: line.label, index: i, chosen: line.setId === chosen })));
  const history = data.history.points.map((p) => ({ ...p, line: data.history.label }));
  const last = data.forecasts.map((line) => line.points.at(-1)).filter((p) => p !== undefined);
  const scenario = data.scenario === undefined ? [] : data.scenario.points.map((p) => ({ ...p, line: data.scenario!.label }));
  const legend: LegendItem[] = [
    { label: data.history.label, color: COLORS.baseline, shape: "line" },
    ...data.forecasts.map((line, i) => ({ label: line.setId === chosen ? `${line.label} (${t.chosen})` : line.label, color: colors[i]!, shape: "dashed" as const })),
    ...(data.scenario === undefined ? [] : [{ label: data.scenario.label, color: COLORS.scenario, shape: "line" as const }]),
  ];
  const horizon = last[0]?.year;
  return {
    name: "driver-forecasts",
    title: t.titles["driver-forecasts"](data.name),
    subtitle: options.municipality ?? "",
    caption:
      options.caption ??
      [t.explain["driver-forecasts"], ...data.forecasts.map((line) => (line.points.at(-1) === undefined || horizon === undefined ? "" : t.forecastAt(line.label, horizon, fmt(line.points.at(-1)!.value))))]
        .filter(Boolean)
        .join(" "),
    legend,
    plot: {
      ...yearFrame(options.width, 360, t.year),
      y: { label: data.name, grid: true, tickFormat: fmt, zero: false },
      marks: [
        Plot.lineY(history, { x: "year", y: "value", stroke: COLORS.baseline, strokeWidth: 2.5 }),
        ...data.forecasts.map((line, i) =>
          Plot.lineY(
            rows.filter((r) => r.index === i),
            { x: "year", y: "value", stroke: colors[i]!, strokeDasharray: "6 4", strokeWidth: line.setId === chosen ? 3 : 1.5 },
          ),
        ),
        Plot.lineY(scenario, { x: "year", y: "value", stroke: COLORS.scenario, strokeWidth: 2.5 }),
        Plot.tip([...history, ...rows, ...scenario], Plot.pointer({ x: "year", y: "value", title: (r: { line: string; year: number; value: number }) => `${r.line}\n${r.year}: ${fmt(r.value)}` })),
      ],
    },
  };
}
