/**
 * A one-process package with eight years of headcount history generated in the test from known
 * elasticities, for the calibration and backtest tests.
 */
import type { DataPackage } from "../../model/data-package.ts";
import { process, series, shareActivity, tinyPackage } from "./fixtures.ts";

export const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];
// two drivers that do not move in step (residents grow steadily, businesses go up and down)
export const RESIDENTS = [800, 830, 870, 900, 925, 950, 980, 1000];
export const BUSINESSES = [60, 58, 55, 57, 52, 54, 51, 50];

/** A package whose headcount history is generated in the test from known elasticities. */
export function synthetic(fte: (t: number) => number, extra: Partial<DataPackage> = {}): DataPackage {
  const firstYear = YEARS[0]!;
  const residents = series("residents", firstYear, [...RESIDENTS, 1050, 1100], RESIDENTS.length);
  const businesses = series("businesses", firstYear, [...BUSINESSES, 50, 50], BUSINESSES.length);
  return tinyPackage({
    drivers: { residents, businesses },
    headcount: { cases: Object.fromEntries(YEARS.map((year, t) => [year, fte(t)])) },
    processes: [process("cases", [shareActivity("handling", 1, { residents: 1, businesses: 1 })])],
    ...extra,
  });
}
