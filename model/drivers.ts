/**
 * Driver projection: each driver's path from the base year to the horizon under a scenario.
 *
 * A scenario changes only a driver's forecast years: the years after its last actual (or estimated)
 * year t_a, or after the base year when the base year is later. Years up to t_a are what happened
 * and are the same in every scenario.
 */
import type { DriverSeries, DriverSet, DriverType } from "./data-package.ts";

/**
 * The year after which a scenario may change a driver, t_a: its last year of history (kind
 * `actual` or `estimate`), or the base year when that is later (a driver with no history after the
 * base year is a forecast from the base year on). Every year up to t_a keeps the package's value
 * in every scenario.
 */
export function lastActualYear(series: DriverSeries, baseYear: number): number {
  let last = baseYear;
  series.values.forEach((_, i) => {
    if (series.actual[i] || series.estimated[i]) last = Math.max(last, series.firstYear + i);
  });
  return last;
}

/** The message for a scenario's driver set that the package does not have. */
export function unknownDriverSet(id: string, driverSets: Readonly<Record<string, DriverSet>>): string {
  const known = Object.keys(driverSets);
  return `unknown driver set "${id}": ${known.length === 0 ? "the package has no driver sets (driver-sets.json)" : `expected one of ${known.join(", ")}`}`;
}

/**
 * The series with its forecast replaced by a driver set's values from `from` on (the year after
 * the driver's history: the set never changes what happened).
 */
export function withDriverSet(series: DriverSeries, set: DriverSet["drivers"][string], from: number): DriverSeries {
  const values = series.values.map((value, i) => {
    const year = series.firstYear + i;
    return year >= from ? (set.values[year - set.firstYear] ?? value) : value;
  });
  return { ...series, values };
}

/**
 * The driver's values for the base year to the horizon, as the package gives them or, with a
 * yearly `growthRate`, with every year after {@link lastActualYear} replaced by constant growth
 * from the year before: D(t) = D(t_a) · (1 + rate)^(t − t_a).
 */
export function driverPath(series: DriverSeries, baseYear: number, horizon: number, growthRate?: number): Float64Array {
  const path = new Float64Array(horizon - baseYear + 1);
  const anchor = lastActualYear(series, baseYear);
  for (let y = 0; y < path.length; y++) {
    const year = baseYear + y;
    const given = series.values[year - series.firstYear] ?? NaN;
    path[y] = growthRate !== undefined && year > anchor ? path[y - 1]! * (1 + growthRate) : given;
  }
  return path;
}

/**
 * A driver's value in one year under a growth multiplier m. Up to its last actual year t_a the
 * value is the package's (`forecastYear` false). After t_a:
 *
 * - a stock's change since t_a is scaled: D'(t) = D(t_a) + m · (D(t) − D(t_a));
 * - a flow's level is scaled: D'(t) = m · D(t);
 *
 * so that m = 2 means twice the growth of residents and twice the homes built. In every year the
 * value is at least a billionth of the base-year value `base`, so that growth ratios keep a finite
 * logarithm when a large multiplier meets a falling stock, or a flow is zero.
 */
export function scenarioDriver(
  type: DriverType,
  forecastYear: boolean,
  anchor: number,
  pathValue: number,
  multiplier: number,
  base: number,
): number {
  const value = !forecastYear ? pathValue : type === "flow" ? multiplier * pathValue : anchor + multiplier * (pathValue - anchor);
  const floor = base * 1e-9;
  return value > floor ? value : floor;
}
