/**
 * Age-band drivers from a package's population: the cohort projection run from the population's
 * base year, each band summed over both sexes, linked to the driver's own level in that year.
 */
import { type AgeBand, ageBandProblem, formatAgeBand } from "./age-bands.ts";
import { type CohortProjection, type CohortScales, NEUTRAL_SCALES, projectCohorts } from "./cohort.ts";
import { type DriverSeries, type Population, POPULATION_SCALES } from "./data-package.ts";
import { quantile } from "./distributions.ts";
import type { PopulationPlan } from "./plan.ts";

/** What a projection needs of a population. */
type ProjectionInputs = Pick<Population, "baseYear" | "base" | "assumptions" | "inMigrants">;

/**
 * The projection from the population's base year to `lastYear`; in-migrants per year are
 * `perYear + perDwelling × dwellings(year) + perResident × residents(year − 1)` (homes built and
 * homes vacated drive in-migration).
 *
 * @param dwellings the dwellings driver's value in a year (used only when the population has `perDwelling`).
 */
export function projectPopulation(
  population: ProjectionInputs,
  lastYear: number,
  dwellings: (year: number) => number,
  scales: CohortScales = NEUTRAL_SCALES,
): CohortProjection {
  const inMigrants = inMigrantsPerYear(population, lastYear, dwellings);
  return projectCohorts(population.baseYear, population.base, population.assumptions, inMigrants, scales, population.inMigrants.perResident);
}

/**
 * The in-migrants of each year after the population's base year up to `lastYear` that come from
 * data, `perYear + perDwelling × dwellings(year)` (index 0 = base year + 1); the projection adds
 * those per resident.
 */
export function inMigrantsPerYear(population: Pick<Population, "baseYear" | "inMigrants">, lastYear: number, dwellings: (year: number) => number): Float64Array {
  const years = Math.max(0, lastYear - population.baseYear);
  const inMigrants = new Float64Array(years);
  for (let y = 0; y < years; y += 1) {
    const year = population.baseYear + 1 + y;
    inMigrants[y] = population.inMigrants.perYear + (population.inMigrants.perDwelling > 0 ? population.inMigrants.perDwelling * dwellings(year) : 0);
  }
  return inMigrants;
}

/**
 * Each band's path over the projection's years (index 0 = the population's base year). With a
 * `level` (the driver's value in the base year, from drivers.csv), the path is that level times
 * the band's growth in the projection, so that the projection's base (another source, or SCB's
 * noise) does not make the driver jump in the first year; without one, the band's sum itself.
 */
export function bandPaths(projection: CohortProjection, bands: { band: AgeBand; level?: number }[]): Float64Array[] {
  const years = projection.women.length;
  return bands.map(({ band, level }) => {
    const problem = ageBandProblem(band, projection.maxAge);
    if (problem !== undefined) throw new Error(`age band ${formatAgeBand(band)}: ${problem}`);
    const last = band.to ?? projection.maxAge;
    const sums = new Float64Array(years);
    for (let y = 0; y < years; y += 1) {
      const women = projection.women[y]!;
      const men = projection.men[y]!;
      let sum = 0;
      for (let x = band.from; x <= last; x += 1) sum += women[x]! + men[x]!;
      sums[y] = sum;
    }
    const base = sums[0] ?? 0;
    const factor = level !== undefined && base > 0 ? level / base : 1;
    return factor === 1 ? sums : sums.map((sum) => sum * factor);
  });
}

/**
 * The central estimate of the population's scale factors: the median of each one's distribution
 * (the median rule), 1 without one; the net-migration multiplier 1 (no scenario).
 */
export function centralScales(population: Pick<Population, "distributions">): CohortScales {
  const scales: CohortScales = { ...NEUTRAL_SCALES };
  for (const name of POPULATION_SCALES) {
    const distribution = population.distributions[name];
    if (distribution !== undefined) scales[name] = quantile(distribution, 0.5);
  }
  return scales;
}

/**
 * The package's driver series with each driver the population drives continued from the
 * population's base year to the horizon by the projection at the central estimates, as forecasts.
 * Homes built are read from the package's own dwellings driver.
 */
export function withPopulationForecast(drivers: Record<string, DriverSeries>, population: Population, horizon: number): Record<string, DriverSeries> {
  const dwellings = population.inMigrants.dwellingsDriver === undefined ? undefined : drivers[population.inMigrants.dwellingsDriver];
  const projection = projectPopulation(population, horizon, (year) => (dwellings?.values[year - dwellings.firstYear] ?? 0), centralScales(population));
  const linked = population.bands.map(({ driver, band }) => {
    const series = drivers[driver]!;
    return { band, level: series.values[population.baseYear - series.firstYear] ?? Number.NaN };
  });
  const paths = bandPaths(projection, linked);
  const result = { ...drivers };
  population.bands.forEach(({ driver }, i) => {
    const series = drivers[driver]!;
    const kept = population.baseYear - series.firstYear + 1;
    const future = Array.from(paths[i]!.subarray(1));
    result[driver] = {
      ...series,
      values: [...series.values.slice(0, kept), ...future],
      actual: [...series.actual.slice(0, kept), ...future.map(() => false)],
      estimated: [...series.estimated.slice(0, kept), ...future.map(() => false)],
    };
  });
  return result;
}

/**
 * The raw band sums of a plan's projection for one run (index 0 = the population's base year):
 * the scale factors read from the run's parameter values, the growth multiplier on net migration.
 * A pure function of its arguments, so that a run whose population parameters are certain can
 * compute it once.
 */
export function populationDriverPaths(
  population: PopulationPlan,
  horizon: number,
  theta: Float64Array,
  dwellings: (year: number) => number,
  growthMultiplier: number,
): Float64Array[] {
  const scales: CohortScales = {
    fertility: theta[population.fertility]!,
    mortality: theta[population.mortality]!,
    inMigration: theta[population.inMigration]!,
    outMigration: theta[population.outMigration]!,
    netMigration: growthMultiplier,
  };
  const projection = projectPopulation(population.inputs, horizon, dwellings, scales);
  return bandPaths(projection, population.band.map((band) => ({ band })));
}
