/**
 * A plan's cohort projection reduced to what one run of the model reads: each age band's sum per
 * year, computed run after run in one workspace. The result is bit for bit `bandPaths` of
 * `projectCohorts` (via `populationDriverPaths`), which stay the readable specification; this is the
 * same arithmetic, the same operations in the same order for every value a band sum depends on,
 * without what the bands do not read, and in one pass over the ages per year:
 *
 * - no deaths, births or net-migration tallies per year, and no arrays or objects per year or run;
 * - the in-migrants of each year that come from data (per year, per dwelling) once per plan;
 * - the rates after the scale factors once per run;
 * - a year's moves, its band sums and the next year's ageing, deaths and births in the same pass:
 *   age x's population after the moves is all the next year's ageing needs of it (as age x + 1, or
 *   the open group), so no population row is ever stored, and the survivors of age x are replaced
 *   by the next year's as soon as the moves have read them;
 * - code generated for the plan (as the kernel's): the ages, the years and the bands as literals,
 *   each band's running sum in a local added age by age from its first age to its last (the order
 *   of `bandPaths`), the pass over the ages split where a band starts or ends.
 *
 * Every sum keeps its order: the people at the start of the year, the out-migrants and the births
 * are each added age by age from age 1 (age 0 first for the people), as `ageAndSurvive` in cohort.ts.
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

type Project = BandProjector["project"];

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
const HALF_F = 8; // fertility after this run's scale factor, times ½
const FIELDS = 9;

/**
 * The projector of a plan's population bands up to `horizon`, the dwellings driver's value in a
 * year given by `dwellings` (read once, here).
 */
export function bandProjector(population: PopulationPlan, horizon: number, dwellings: (year: number) => number): BandProjector {
  const { base, assumptions, inMigrants } = population.inputs;
  const ages = base.women.length;
  checkCohortLengths(ages, base, assumptions);
  const last = ages - 1;
  const bands = population.band.map((band) => {
    const problem = ageBandProblem(band, last);
    if (problem !== undefined) throw new Error(`age band ${formatAgeBand(band)}: ${problem}`);
    return { from: band.from, to: band.to ?? last };
  });
  const inFromData = inMigrantsPerYear(population.inputs, horizon, dwellings);
  const years = inFromData.length + 1;
  const cell = new Float64Array(ages * FIELDS);
  for (let x = 0; x < ages; x++) {
    cell[x * FIELDS + SHARE_W] = assumptions.inMigrationProfile.women[x]!;
    cell[x * FIELDS + SHARE_M] = assumptions.inMigrationProfile.men[x]!;
  }
  const baseW = Float64Array.from(base.women);
  const baseM = Float64Array.from(base.men);
  // The base year's sums are data (as bandPaths: women and men at each age, added from `from` on).
  const baseSums = Float64Array.from(bands, (b) => {
    let sum = 0;
    for (let x = b.from; x <= b.to; x++) sum += baseW[x]! + baseM[x]!;
    return sum;
  });
  const inputs = {
    cell,
    baseW,
    baseM,
    baseSums,
    inFromData,
    mortalityW: Float64Array.from(assumptions.mortality.women),
    mortalityM: Float64Array.from(assumptions.mortality.men),
    outRateW: Float64Array.from(assumptions.outMigrationRate.women),
    outRateM: Float64Array.from(assumptions.outMigrationRate.men),
    fertilityRates: Float64Array.from(assumptions.fertility),
    boyShare: assumptions.boysPerGirl / (1 + assumptions.boysPerGirl),
    perResident: inMigrants.perResident,
  };
  const source = projectSource(ages, years, bands);
  const names = Object.keys(inputs);
  const project = new Function(...names, source)(...names.map((name) => inputs[name as keyof typeof inputs])) as Project;
  return { years, project };
}

/**
 * The source of `project` for a plan: ages 0 … last, `years` years, the bands' ages, the share of
 * boys among the births and the in-migrants per resident as literals.
 */
export function projectSource(ages: number, years: number, bands: readonly { from: number; to: number }[]): string {
  const last = ages - 1;
  const at = (field: number, i = "i") => `cell[${i} + ${field}]`;
  /** The next year's ageing and deaths at age x (at `i`) from the aged people of each sex, and their births and out-migrants. */
  const ageing = (agedW: string, agedM: string) => `
      {
        const agedW = ${agedW}, agedM = ${agedM};
        const survivedW = agedW - agedW * ${at(Q_W)};
        const survivedM = agedM - agedM * ${at(Q_M)};
        ${at(S_W)} = survivedW;
        ${at(S_M)} = survivedM;
        births += ${at(HALF_F)} * (agedW + survivedW);
        leavingW += ${at(O_W)} * survivedW;
        leavingM += ${at(O_M)} * survivedM;
      }`;
  /** This year's population at age x (at `i`) after the moves into `w` and `m`, added to the bands that hold age x. */
  const move = (from: number, to: number) => {
    const sums = bands.flatMap((b, k) => (b.from <= from && to <= b.to ? [`band${k} += t;`] : []));
    return `
      const survivedW = ${at(S_W)}, shareW = ${at(SHARE_W)};
      const w = Math.max(0, survivedW + yearIn * shareW - ${at(O_W)} * survivedW + extra * shareW);
      const survivedM = ${at(S_M)}, shareM = ${at(SHARE_M)};
      const m = Math.max(0, survivedM + yearIn * shareM - ${at(O_M)} * survivedM + extra * shareM);
      ${sums.length > 0 ? `const t = w + m; ${sums.join(" ")}` : ""}`;
  };
  // Ages 1 … last − 1 in segments over which the same bands hold every age.
  const cuts = new Set<number>([1, last]);
  for (const b of bands) {
    if (b.from >= 1 && b.from < last) cuts.add(b.from);
    if (b.to + 1 >= 1 && b.to + 1 < last) cuts.add(b.to + 1);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  const segments: string[] = [];
  for (let s = 0; s + 1 < starts.length; s++) {
    const from = starts[s]!;
    const to = starts[s + 1]! - 1;
    segments.push(`
    for (let i = ${from * FIELDS}; i <= ${to * FIELDS}; i += ${FIELDS}) {
      ${move(from, to)}
      beforeW += w;
      beforeM += m;
      ${ageing("previousW", "previousM")}
      previousW = w;
      previousM = m;
    }`);
  }
  const bandNames = bands.map((_, k) => `band${k}`);
  return `"use strict";
return function project(out, at, stride, fertility, mortality, inMigration, outMigration, netMigration) {
  // As \`scaled\` in cohort.ts: rates times the scale factors, capped at 1; f · 0.5 as the
  // specification's \`fertility[x] * 0.5 * (A + S)\` (its cap at Infinity changes nothing).
  for (let x = 0, i = 0; x < ${ages}; x++, i += ${FIELDS}) {
    ${at(Q_W)} = Math.min(1, mortalityW[x] * mortality);
    ${at(Q_M)} = Math.min(1, mortalityM[x] * mortality);
    ${at(O_W)} = Math.min(1, outRateW[x] * outMigration);
    ${at(O_M)} = Math.min(1, outRateM[x] * outMigration);
    ${at(HALF_F)} = fertilityRates[x] * fertility * 0.5;
  }
  ${bands.map((_, k) => `out[at + ${k} * stride] = baseSums[${k}];`).join("\n  ")}
  // The first year's ageing, from the base population.
  let beforeW = baseW[0], beforeM = baseM[0], leavingW = 0, leavingM = 0, births = 0;
  for (let x = 1, i = ${FIELDS}; x < ${last}; x++, i += ${FIELDS}) {
    beforeW += baseW[x];
    beforeM += baseM[x];
    ${ageing("baseW[x - 1]", "baseM[x - 1]")}
  }
  {
    const i = ${last * FIELDS};
    beforeW += baseW[${last}];
    beforeM += baseM[${last}];
    ${ageing(`baseW[${last - 1}] + baseW[${last}]`, `baseM[${last - 1}] + baseM[${last}]`)}
  }
  for (let y = 1; y < ${years}; y++) {
    // Year y's newborns (age 0) and moves (as cohort.ts), from the sums of its ageing.
    const boys = births * boyShare;
    const girls = births - boys;
    const survivedGirls = girls - girls * cell[${Q_W}];
    const survivedBoys = boys - boys * cell[${Q_M}];
    cell[${S_W}] = survivedGirls;
    cell[${S_M}] = survivedBoys;
    const yearIn = (inFromData[y - 1] + perResident * (beforeW + beforeM)) * inMigration;
    const outTotal = leavingW + cell[${O_W}] * survivedGirls + leavingM + cell[${O_M}] * survivedBoys;
    const extra = (netMigration - 1) * (yearIn - outTotal);
    ${bandNames.length > 0 ? `let ${bandNames.map((b) => `${b} = 0`).join(", ")};` : ""}
    leavingW = 0;
    leavingM = 0;
    births = 0;
    let previousW, previousM;
    {
      const i = 0;
      ${move(0, 0)}
      beforeW = w;
      beforeM = m;
      previousW = w;
      previousM = m;
    }
    ${segments.join("")}
    {
      const i = ${last * FIELDS};
      ${move(last, last)}
      beforeW += w;
      beforeM += m;
      ${ageing("previousW + w", "previousM + m")}
    }
    ${bands.map((_, k) => `out[at + ${k} * stride + y] = band${k};`).join("\n    ")}
  }
};`;
}
