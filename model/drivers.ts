/**
 * Driver projection: each driver's path from the base year to the horizon under a scenario.
 */
import type { DriverSeries } from "./data-package.ts";

/**
 * The driver's values for the base year to the horizon, as the package gives them or, with a
 * yearly `growthRate`, with every forecast year after the base year replaced by constant growth
 * from the year before.
 */
export function driverPath(series: DriverSeries, baseYear: number, horizon: number, growthRate?: number): Float64Array {
  const path = new Float64Array(horizon - baseYear + 1);
  for (let y = 0; y < path.length; y++) {
    const i = baseYear + y - series.firstYear;
    const given = series.values[i] ?? NaN;
    const previous = y > 0 ? (path[y - 1] ?? NaN) : NaN;
    path[y] = growthRate !== undefined && y > 0 && series.actual[i] === false ? previous * (1 + growthRate) : given;
  }
  return path;
}

/**
 * A driver's value under a growth multiplier: D(t) = D(base) + m·(path(t) − D(base)), the
 * year-on-year changes of the path scaled by m (m = 2 doubles the growth). Never below a
 * billionth of the base value, so that growth ratios keep a finite logarithm when a large
 * multiplier meets a falling driver.
 */
export function scaledDriver(base: number, pathValue: number, multiplier: number): number {
  const value = base + multiplier * (pathValue - base);
  const floor = base * 1e-9;
  return value > floor ? value : floor;
}
