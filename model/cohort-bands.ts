/**
 * A plan's cohort projection reduced to what one run of the model reads: each age band's sum per
 * year, computed run after run in one workspace. The result is bit for bit `bandPaths` of
 * `projectCohorts` (via `populationDriverPaths`), which stay the readable specification; this is the
 * same arithmetic, the same operations in the same order for every value a band sum depends on,
 * without what the bands do not read:
 *
 * - no deaths, births or net-migration tallies per year, and no arrays or objects per year or run:
 *   every value by age in one array kept with the projector, where two population rows take turns
 *   as the year before and the year after;
 * - the in-migrants of each year that come from data (per year, per dwelling) once per plan;
 * - the rates after the scale factors once per run;
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

/*
 * The workspace: every value by age in one array, age x's values at x · FIELDS + field, so that a
 * pass over the ages reads one array rather than a dozen (each array costs its own loads per age).
 */
const Q_W = 0; // death probability after this run's scale factor (women; men next)
const Q_M = 1;
const O_W = 2; // out-migration rate after this run's scale factor
const O_M = 3;
const SHARE_W = 4; // share of the year's in-migrants
const SHARE_M = 5;
const S_W = 6; // the year's survivors
const S_M = 7;
const L_W = 8; // the year's out-migrants among them
const L_M = 9;
const P_W = 10; // population at the end of a year: two rows, P_W/P_M and P_W + 2/P_M + 2, taking turns
const P_M = 11;
const TOTAL = 14; // women and men together
const HALF_F = 15; // fertility after this run's scale factor, times ½
const FIELDS = 16;

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
  const [mortalityW, mortalityM, outRateW, outRateM, fertility] = [
    assumptions.mortality.women,
    assumptions.mortality.men,
    assumptions.outMigrationRate.women,
    assumptions.outMigrationRate.men,
    assumptions.fertility,
  ].map((rates) => Float64Array.from(rates)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const cell = new Float64Array(ages * FIELDS);
  for (let x = 0; x < ages; x++) {
    cell[x * FIELDS + SHARE_W] = assumptions.inMigrationProfile.women[x]!;
    cell[x * FIELDS + SHARE_M] = assumptions.inMigrationProfile.men[x]!;
    cell[x * FIELDS + TOTAL] = base.women[x]! + base.men[x]!;
  }
  const baseW = Float64Array.from(base.women);
  const baseM = Float64Array.from(base.men);
  const fertile = fertileAges(fertility);
  const skipAllowed = baseW.every((v) => v >= 0 && v < Infinity) && mortalityW.every((q) => q >= 0 && q < Infinity);
  const bands = population.band.map((band) => {
    const problem = ageBandProblem(band, last);
    if (problem !== undefined) throw new Error(`age band ${formatAgeBand(band)}: ${problem}`);
    return { from: band.from, to: band.to ?? last };
  });
  const from = Int32Array.from(bands, (b) => b.from);
  const to = Int32Array.from(bands, (b) => b.to);
  // The base year's sums are data.
  const baseSums = Float64Array.from(bands, (b) => bandSum(cell, b.from, b.to));
  const sums: YearSums = { leavingW: 0, leavingM: 0, beforeW: 0, beforeM: 0 };

  return {
    years,
    project(out, at, stride, fertilityScale, mortalityScale, inMigrationScale, outMigrationScale, netMigration) {
      const skip = skipAllowed && mortalityScale >= 0 && mortalityScale < Infinity && Number.isFinite(fertilityScale);
      const lo = skip ? fertile.lo : 1;
      const hi = skip ? fertile.hi : last;
      for (let x = 0, i = 0; x < ages; x++, i += FIELDS) {
        // As `scaled` in cohort.ts: rates times the scale factors, capped at 1; f · 0.5 as the
        // specification's `fertility[x] * 0.5 * (A + S)` (its cap at Infinity changes nothing).
        cell[i + Q_W] = Math.min(1, mortalityW[x]! * mortalityScale);
        cell[i + Q_M] = Math.min(1, mortalityM[x]! * mortalityScale);
        cell[i + O_W] = Math.min(1, outRateW[x]! * outMigrationScale);
        cell[i + O_M] = Math.min(1, outRateM[x]! * outMigrationScale);
        cell[i + HALF_F] = fertility[x]! * fertilityScale * 0.5;
        cell[i + P_W] = baseW[x]!;
        cell[i + P_M] = baseM[x]!;
      }
      for (let k = 0; k < from.length; k++) out[at + k * stride] = baseSums[k]!;

      for (let y = 1; y < years; y++) {
        // The population of the year before in row `previous`, of this year into `next`.
        const previous = (y & 1) === 1 ? 0 : 2;
        const next = 2 - previous;
        ageAndSurvive(cell, ages, previous, sums);
        // Births to mid-year women (the cohort before and after the year's deaths).
        const skipping = skip && sums.beforeW < 2 ** 1022;
        let births = 0;
        for (let x = skipping ? lo : 1, end = skipping ? hi : last; x <= end; x++) {
          const aged = x < last ? cell[(x - 1) * FIELDS + P_W + previous]! : cell[(last - 1) * FIELDS + P_W + previous]! + cell[last * FIELDS + P_W + previous]!;
          births += cell[x * FIELDS + HALF_F]! * (aged + cell[x * FIELDS + S_W]!);
        }
        const boys = births * boyShare;
        bornAndSurvive(cell, births - boys, 0);
        bornAndSurvive(cell, boys, 1);

        const residents = sums.beforeW + sums.beforeM;
        const yearIn = (inFromData[y - 1]! + perResident * residents) * inMigrationScale;
        const outTotal = sums.leavingW + cell[L_W]! + sums.leavingM + cell[L_M]!;
        const extra = (netMigration - 1) * (yearIn - outTotal);
        move(cell, ages, next, yearIn, extra);
        for (let k = 0; k < from.length; k++) out[at + k * stride + y] = bandSum(cell, from[k]!, to[k]!);
      }
    },
  };
}

/** A year's sums, by sex: out-migrants aged 1 and over, and the people at the start of the year. */
interface YearSums {
  leavingW: number;
  leavingM: number;
  beforeW: number;
  beforeM: number;
}

/**
 * Ages 1 and over of both sexes (as `ageAndSurvive` in cohort.ts, without deaths and births) from
 * population row `previous`: the survivors and out-migrants by age, their sums, and the people at
 * the start of the year.
 */
function ageAndSurvive(cell: Float64Array, ages: number, previous: number, sums: YearSums): void {
  const last = ages - 1;
  let leavingW = 0;
  let leavingM = 0;
  let beforeW = cell[P_W + previous]!;
  let beforeM = cell[P_M + previous]!;
  for (let x = 1, i = FIELDS; x <= last; x++, i += FIELDS) {
    beforeW += cell[i + P_W + previous]!;
    beforeM += cell[i + P_M + previous]!;
    // The open group keeps its members and takes in the age below it.
    const agedW = x < last ? cell[i - FIELDS + P_W + previous]! : cell[i - FIELDS + P_W + previous]! + cell[i + P_W + previous]!;
    const agedM = x < last ? cell[i - FIELDS + P_M + previous]! : cell[i - FIELDS + P_M + previous]! + cell[i + P_M + previous]!;
    const survivedW = agedW - agedW * cell[i + Q_W]!;
    const survivedM = agedM - agedM * cell[i + Q_M]!;
    cell[i + S_W] = survivedW;
    cell[i + S_M] = survivedM;
    const outW = cell[i + O_W]! * survivedW;
    const outM = cell[i + O_M]! * survivedM;
    cell[i + L_W] = outW;
    cell[i + L_M] = outM;
    leavingW += outW;
    leavingM += outM;
  }
  sums.leavingW = leavingW;
  sums.leavingM = leavingM;
  sums.beforeW = beforeW;
  sums.beforeM = beforeM;
}

/** The year's newborns of one sex (0 women, 1 men): the survivors among them and their out-migrants (age 0). */
function bornAndSurvive(cell: Float64Array, born: number, sex: number): void {
  const survived = born - born * cell[Q_W + sex]!;
  cell[S_W + sex] = survived;
  cell[L_W + sex] = cell[O_W + sex]! * survived;
}

/** The population at the end of the year after moving, into row `next`, and both sexes' total (as `move` in cohort.ts). */
function move(cell: Float64Array, ages: number, next: number, yearIn: number, extra: number): void {
  for (let i = 0; i < ages * FIELDS; i += FIELDS) {
    const survivedW = cell[i + S_W]!;
    const shareW = cell[i + SHARE_W]!;
    const w = Math.max(0, survivedW + yearIn * shareW - cell[i + L_W]! + extra * shareW);
    const survivedM = cell[i + S_M]!;
    const shareM = cell[i + SHARE_M]!;
    const m = Math.max(0, survivedM + yearIn * shareM - cell[i + L_M]! + extra * shareM);
    cell[i + P_W + next] = w;
    cell[i + P_M + next] = m;
    cell[i + TOTAL] = w + m;
  }
}

/** Σ of women and men over ages from … to, in that order (as `bandPaths`). */
function bandSum(cell: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from * FIELDS + TOTAL; i <= to * FIELDS + TOTAL; i += FIELDS) sum += cell[i]!;
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
