/**
 * Age-band drivers from a package's population: the cohort projection run from the population's
 * base year, each band summed over both sexes, linked to the driver's own level in that year.
 */
import { type AgeBand, sumAgeBand } from "./age-bands.ts";
import { type CohortProjection, type CohortScales, NEUTRAL_SCALES, projectCohorts, totalByAge } from "./cohort.ts";
import type { Population } from "./parse-population.ts";

/**
 * The projection from the population's base year to `lastYear`; in-migrants per year are
 * `perYear + perDwelling × dwellings(year)` (homes built drive in-migration).
 *
 * @param dwellings the dwellings driver's value in a year (used only when the population has `perDwelling`).
 */
export function projectPopulation(
  population: Population,
  lastYear: number,
  dwellings: (year: number) => number,
  scales: CohortScales = NEUTRAL_SCALES,
): CohortProjection {
  const years = Math.max(0, lastYear - population.baseYear);
  const inMigrants = new Float64Array(years);
  for (let y = 0; y < years; y += 1) {
    const year = population.baseYear + 1 + y;
    inMigrants[y] = population.inMigrants.perYear + (population.inMigrants.perDwelling > 0 ? population.inMigrants.perDwelling * dwellings(year) : 0);
  }
  return projectCohorts(population.baseYear, population.base, population.assumptions, inMigrants, scales);
}

/**
 * Each band's path over the projection's years (index 0 = the population's base year). With a
 * `level` (the driver's value in the base year, from drivers.csv), the path is that level times
 * the band's growth in the projection, so that the projection's base (another source, or SCB's
 * noise) does not make the driver jump in the first year; without one, the band's sum itself.
 */
export function bandPaths(projection: CohortProjection, bands: { band: AgeBand; level?: number }[]): Float64Array[] {
  const years = projection.women.length;
  const byYear = Array.from({ length: years }, (_, y) => totalByAge(projection, y));
  return bands.map(({ band, level }) => {
    const sums = byYear.map((byAge) => sumAgeBand(byAge, band));
    const base = sums[0] ?? 0;
    const factor = level !== undefined && base > 0 ? level / base : 1;
    return Float64Array.from(sums, (sum) => sum * factor);
  });
}
