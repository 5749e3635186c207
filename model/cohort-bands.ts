/**
 * A plan's cohort projection reduced to what one run of the model reads: each age band's sum per
 * year, computed run after run in one workspace. The result is bit for bit `bandPaths` of
 * `projectCohorts` (via `populationDriverPaths`), which stay the readable specification; this is the
 * same arithmetic, the same operations in the same order for every value a band sum depends on,
 * without what the bands do not read:
 *
 * - no deaths, births or net-migration tallies per year, and no arrays or objects per year or run:
 *   two population rows per sex take turns as the year before and the year after;
 * - the in-migrants of each year that come from data (per year, per dwelling) once per plan;
 * - the rates after the scale factors once per run, into buffers kept with the projector;
 * - births summed only over the ages whose fertility is not zero, where every skipped term is
 *   exactly zero (see `fertileAges`); otherwise over every age, as the specification.
 *
 * tests/model/cohort-bands.test.ts checks the equality on Nacka and on random populations.
 */
import { ageBandProblem, formatAgeBand } from "./age-bands.ts";
import { checkCohortLengths } from "./cohort.ts";
import { inMigrantsPerYear } from "./cohort-drivers.ts";
import type { PopulationPlan } from "./plan.ts";

/** Each band's sums for one run's scale factors. */
export interface BandProjector {
  /** Years of each band's path: the population's base year to the horizon. */
  readonly years: number;
  /**
   * Writes band k's sum in year j (j = 0: the population's base year) to `out[at + k · stride + j]`,
   * the projection with these scale factors (see `CohortScales`; netMigration: the growth
   * multiplier).
   */
  project(
    out: Float64Array,
    at: number,
    stride: number,
    fertility: number,
    mortality: number,
    inMigration: number,
    outMigration: number,
    netMigration: number,
  ): void;
}

/** One sex's rates after this run's scale factors, the year's survivors and out-migrants by age, and its two population rows. */
interface SexWorkspace {
  baseMortality: ArrayLike<number>;
  baseOutRate: ArrayLike<number>;
  mortality: Float64Array;
  outRate: Float64Array;
  inShare: Float64Array;
  survivors: Float64Array;
  leaving: Float64Array;
  base: Float64Array;
  rows: [Float64Array, Float64Array];
  /** Σ out-migrants aged 1 and over, and the people at the start of the year (set by `ageAndSurvive`). */
  leavingTotal: number;
  before: number;
}

/**
 * The projector of a plan's population bands up to `horizon`, the dwellings driver's value in a
 * year given by `dwellings` (read once, here).
 */
export function bandProjector(population: PopulationPlan, horizon: number, dwellings: (year: number) => number): BandProjector {
  const { base, assumptions, inMigrants } = population.inputs;
  const ages = base.women.length;
  checkCohortLengths(ages, base, assumptions);
  const last = ages - 1;
  const inFromData = inMigrantsPerYear(population.inputs, horizon, dwellings);
  const years = inFromData.length + 1;
  const perResident = inMigrants.perResident;
  const boyShare = assumptions.boysPerGirl / (1 + assumptions.boysPerGirl);
  const women = sexWorkspace(base.women, assumptions.mortality.women, assumptions.outMigrationRate.women, assumptions.inMigrationProfile.women);
  const men = sexWorkspace(base.men, assumptions.mortality.men, assumptions.outMigrationRate.men, assumptions.inMigrationProfile.men);
  const rawFertility = assumptions.fertility;
  const halfFertility = new Float64Array(ages);
  const fertile = fertileAges(rawFertility);
  const skipAllowed = women.base.every((v) => v >= 0 && v < Infinity) && Array.from(assumptions.mortality.women).every((q) => q >= 0 && q < Infinity);
  const total = new Float64Array(ages);
  const bands = population.band.map((band) => {
    const problem = ageBandProblem(band, last);
    if (problem !== undefined) throw new Error(`age band ${formatAgeBand(band)}: ${problem}`);
    return { from: band.from, to: band.to ?? last };
  });
  const from = Int32Array.from(bands, (b) => b.from);
  const to = Int32Array.from(bands, (b) => b.to);
  // The base year's sums are data.
  for (let x = 0; x < ages; x++) total[x] = women.base[x]! + men.base[x]!;
  const baseSums = Float64Array.from(bands, (b) => bandSum(total, b.from, b.to));

  return {
    years,
    project(out, at, stride, fertilityScale, mortalityScale, inMigrationScale, outMigrationScale, netMigration) {
      scaleRates(women, mortalityScale, outMigrationScale);
      scaleRates(men, mortalityScale, outMigrationScale);
      const skip = skipAllowed && mortalityScale >= 0 && mortalityScale < Infinity && Number.isFinite(fertilityScale);
      const lo = skip ? fertile.lo : 1;
      const hi = skip ? fertile.hi : last;
      // f · 0.5 as the specification's `fertility[x] * 0.5 * (A + S)` (its cap at Infinity changes nothing).
      for (let x = lo; x <= hi; x++) halfFertility[x] = rawFertility[x]! * fertilityScale * 0.5;
      for (let k = 0; k < from.length; k++) out[at + k * stride] = baseSums[k]!;

      let previousW = women.base;
      let previousM = men.base;
      for (let y = 1; y < years; y++) {
        const nextW = women.rows[y & 1]!;
        const nextM = men.rows[y & 1]!;
        ageAndSurvive(previousW, women);
        ageAndSurvive(previousM, men);
        // Births to mid-year women (the cohort before and after the year's deaths).
        const skipping = skip && women.before < 2 ** 1022;
        let births = 0;
        for (let x = skipping ? lo : 1, end = skipping ? hi : last; x <= end; x++) {
          const aged = x < last ? previousW[x - 1]! : previousW[last - 1]! + previousW[last]!;
          births += halfFertility[x]! * (aged + women.survivors[x]!);
        }
        const boys = births * boyShare;
        bornAndSurvive(births - boys, women);
        bornAndSurvive(boys, men);

        const residents = women.before + men.before;
        const yearIn = (inFromData[y - 1]! + perResident * residents) * inMigrationScale;
        const outTotal = women.leavingTotal + women.leaving[0]! + men.leavingTotal + men.leaving[0]!;
        const extra = (netMigration - 1) * (yearIn - outTotal);
        for (let x = 0; x < ages; x++) {
          const survivedW = women.survivors[x]!;
          const shareW = women.inShare[x]!;
          const w = Math.max(0, survivedW + yearIn * shareW - women.leaving[x]! + extra * shareW);
          const survivedM = men.survivors[x]!;
          const shareM = men.inShare[x]!;
          const m = Math.max(0, survivedM + yearIn * shareM - men.leaving[x]! + extra * shareM);
          nextW[x] = w;
          nextM[x] = m;
          total[x] = w + m;
        }
        for (let k = 0; k < from.length; k++) out[at + k * stride + y] = bandSum(total, from[k]!, to[k]!);
        previousW = nextW;
        previousM = nextM;
      }
    },
  };
}

function sexWorkspace(base: ArrayLike<number>, mortality: ArrayLike<number>, outRate: ArrayLike<number>, inShare: ArrayLike<number>): SexWorkspace {
  const ages = base.length;
  return {
    baseMortality: mortality,
    baseOutRate: outRate,
    mortality: new Float64Array(ages),
    outRate: new Float64Array(ages),
    inShare: Float64Array.from(inShare),
    survivors: new Float64Array(ages),
    leaving: new Float64Array(ages),
    base: Float64Array.from(base),
    rows: [new Float64Array(ages), new Float64Array(ages)],
    leavingTotal: 0,
    before: 0,
  };
}

/** The rates times this run's scale factors, capped at 1 (as `scaled` in cohort.ts). */
function scaleRates(sex: SexWorkspace, mortalityScale: number, outMigrationScale: number): void {
  const { baseMortality, baseOutRate, mortality, outRate } = sex;
  for (let x = 0; x < mortality.length; x++) {
    mortality[x] = Math.min(1, baseMortality[x]! * mortalityScale);
    outRate[x] = Math.min(1, baseOutRate[x]! * outMigrationScale);
  }
}

/**
 * Ages 1 and over (as `ageAndSurvive` in cohort.ts, without deaths and births): the survivors and
 * out-migrants by age into the workspace, their sum, and the people at the start of the year.
 */
function ageAndSurvive(previous: Float64Array, sex: SexWorkspace): void {
  const { mortality, outRate, survivors, leaving } = sex;
  const last = previous.length - 1;
  let leavingTotal = 0;
  let before = previous[0]!;
  for (let x = 1; x < last; x++) {
    before += previous[x]!;
    const aged = previous[x - 1]!;
    const survived = aged - aged * mortality[x]!;
    survivors[x] = survived;
    const out = outRate[x]! * survived;
    leaving[x] = out;
    leavingTotal += out;
  }
  before += previous[last]!;
  const aged = previous[last - 1]! + previous[last]!;
  const survived = aged - aged * mortality[last]!;
  survivors[last] = survived;
  const out = outRate[last]! * survived;
  leaving[last] = out;
  sex.leavingTotal = leavingTotal + out;
  sex.before = before;
}

/** The year's newborns of one sex: the survivors among them and their out-migrants (age 0). */
function bornAndSurvive(born: number, sex: SexWorkspace): void {
  const survived = born - born * sex.mortality[0]!;
  sex.survivors[0] = survived;
  sex.leaving[0] = sex.outRate[0]! * survived;
}

/** Σ total[from … to], in that order (as `bandPaths`). */
function bandSum(total: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let x = from; x <= to; x++) sum += total[x]!;
  return sum;
}

/**
 * The ages 1 … maxAge between the first and last nonzero fertility rate (lo > hi if none).
 *
 * Why the births may skip the others: a skipped term is
 * (0 · scale) · 0.5 · (A + S), exactly ±0 when the fertility scale is finite and A + S is finite,
 * and adding ±0 leaves the sum as it is (the sum starts at +0 and, rounding to nearest, never becomes
 * −0). A + S is finite when every woman's count of the year before is finite and at least 0 (the
 * base population is; later years are max(0, …)), their sum (`before`, computed anyway) is below
 * 2^1022, and each death probability is in [0, 1]: then 0 ≤ S ≤ A ≤ before, so A + S < 2^1023.
 */
function fertileAges(fertility: ArrayLike<number>): { lo: number; hi: number } {
  let lo = fertility.length;
  let hi = 0;
  for (let x = 1; x < fertility.length; x++) {
    if (fertility[x] !== 0) {
      lo = Math.min(lo, x);
      hi = x;
    }
  }
  return { lo, hi };
}
