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
 * - births summed only over the ages whose fertility is not zero, where every skipped term is
 *   exactly zero (see `fertileAges`); otherwise over every age, as the specification;
 * - code generated for the plan (as the kernel's, which alone uses this and falls back to the
 *   reference where code generation is forbidden): the ages, the years and the bands as literals,
 *   each band's running sum in a local added age by age from its first age to its last (the order
 *   of `bandPaths`), the pass over the ages split where a band, or the fertile ages, start or end.
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

/*
 * The workspace: every value by age in one array, age x's values at x · FIELDS + field, so that a
 * pass over the ages reads one array rather than a dozen (each array costs its own loads per age).
 * A plain array of doubles rather than a Float64Array: once any ArrayBuffer in the process has been
 * detached (V8's protector is global; seen in processes started with tsx after the model's modules
 * load), optimised code checks the buffer at every typed-array access, and this pass makes eleven
 * per age; the plain array's accesses check only the bounds (about 1.3× faster, paired on Nacka).
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
const TOTAL = 9; // women and men together after the moves (where the bands are summed after the pass)
const FIELDS = 10;

/**
 * At most this many segments of ages with the bands' running sums in locals: each segment is its
 * own loop, and past about 38 the generated function would exceed what V8 optimises (61,440 bytes
 * of bytecode; Nacka's, 7 segments, is about 14,000). Beyond it the pass stores each age's total
 * and each band is summed after it, age by age from its first age, in the same order.
 */
const MAX_SEGMENTS = 24;

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
  const cell: number[] = Array.from({ length: ages * FIELDS }, () => 0.5); // doubles from the start, never holes
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
    bandFrom: Int32Array.from(bands, (b) => b.from),
    bandTo: Int32Array.from(bands, (b) => b.to),
    boyShare: assumptions.boysPerGirl / (1 + assumptions.boysPerGirl),
    perResident: inMigrants.perResident,
  };
  const names = Object.keys(inputs);
  const compile = (births: AgeSpan | null) =>
    new Function(...names, projectSource(ages, years, bands, births))(...names.map((name) => inputs[name as keyof typeof inputs])) as Generated;
  const fertileOnly = baseW.every((v) => v >= 0 && v < Infinity) && inputs.mortalityW.every((q) => q >= 0 && q < Infinity) ? compile(fertileAges(inputs.fertilityRates)) : null;
  let everyAge: Generated | null = null;
  return {
    years,
    project(out, at, stride, fertility, mortality, inMigration, outMigration, netMigration) {
      const exact = fertileOnly !== null && mortality >= 0 && mortality < Infinity && Number.isFinite(fertility);
      if (!exact || !fertileOnly(out, at, stride, fertility, mortality, inMigration, outMigration, netMigration)) {
        everyAge ??= compile(null);
        everyAge(out, at, stride, fertility, mortality, inMigration, outMigration, netMigration);
      }
    },
  };
}

/** Ages from … to (none if from > to). */
interface AgeSpan {
  from: number;
  to: number;
}

/** A generated projection: with births summed over the fertile ages only, false where that is not exact (see `fertileAges`). */
type Generated = (...args: Parameters<BandProjector["project"]>) => boolean;

/**
 * The source of a projection for a plan: ages 0 … last, `years` years and the bands' ages as
 * literals. Age x's values are at `cell[i + field]`, i = x · FIELDS. Births are summed over every
 * age 1 … last as the specification, or with `fertile` over those ages only, returning false
 * (before the births would be used) where that is not exact.
 */
function projectSource(ages: number, years: number, bands: readonly AgeSpan[], fertile: AgeSpan | null): string {
  const last = ages - 1;
  const birthAges = fertile ?? { from: 1, to: last };
  // Ages 1 … last − 1 in segments over which the same bands, and births or none, hold every age.
  const cutsAt = (spans: readonly AgeSpan[]) => {
    const cuts = new Set<number>([1, last]);
    for (const b of spans) {
      if (b.from > 1 && b.from < last) cuts.add(b.from);
      if (b.to + 1 > 1 && b.to + 1 < last) cuts.add(b.to + 1);
    }
    return [...cuts].sort((a, b) => a - b);
  };
  const summedAfter = cutsAt([...bands, birthAges]).length - 1 > MAX_SEGMENTS;
  const starts = cutsAt(summedAfter ? [birthAges] : [...bands, birthAges]);
  const holds = (span: AgeSpan, from: number, to: number) => span.from <= from && to <= span.to;
  const at = (field: number) => `cell[i + ${field}]`;
  /** Age x's rates after this run's scale factors (as `scaled` in cohort.ts), kept for the years after. */
  const scaleRates = `
    const qW = Math.min(1, mortalityW[x] * mortality), qM = Math.min(1, mortalityM[x] * mortality);
    const outW = Math.min(1, outRateW[x] * outMigration), outM = Math.min(1, outRateM[x] * outMigration);
    const halfF = fertilityRates[x] * fertility * 0.5;
    ${at(Q_W)} = qW;
    ${at(Q_M)} = qM;
    ${at(O_W)} = outW;
    ${at(O_M)} = outM;
    ${at(HALF_F)} = halfF;`;
  const rates = `const qW = ${at(Q_W)}, qM = ${at(Q_M)}, outW = ${at(O_W)}, outM = ${at(O_M)}, halfF = ${at(HALF_F)};`;
  /** The next year's ageing and deaths at age x from the aged people of each sex, its births and out-migrants (as `ageAndSurvive` in cohort.ts). */
  const ageing = (agedW: string, agedM: string, fertile: boolean | string) => `
      {
        const agedW = ${agedW}, agedM = ${agedM};
        const survivedW = agedW - agedW * qW;
        const survivedM = agedM - agedM * qM;
        ${at(S_W)} = survivedW;
        ${at(S_M)} = survivedM;
        ${fertile === false ? "" : `${fertile === true ? "" : `if (${fertile}) `}births += halfF * (agedW + survivedW);`}
        leavingW += outW * survivedW;
        leavingM += outM * survivedM;
      }`;
  /**
   * The year's population at the ages from … to after the moves into `w` and `m` (as `move` in
   * cohort.ts; \`moved <= 0 ? 0 : moved\` is Math.max(0, moved), −0 and NaN included), added to the
   * bands that hold these ages (or kept, where the bands are summed after the pass).
   */
  const move = (from: number, to: number) => {
    const sums = summedAfter ? [] : bands.flatMap((b, k) => (holds(b, from, to) ? [`band${k} += t;`] : []));
    return `
      const survivedW = ${at(S_W)}, shareW = ${at(SHARE_W)};
      const movedW = survivedW + yearIn * shareW - outW * survivedW + extra * shareW;
      const w = movedW <= 0 ? 0 : movedW;
      const survivedM = ${at(S_M)}, shareM = ${at(SHARE_M)};
      const movedM = survivedM + yearIn * shareM - outM * survivedM + extra * shareM;
      const m = movedM <= 0 ? 0 : movedM;
      ${summedAfter ? `${at(TOTAL)} = w + m;` : sums.length > 0 ? `const t = w + m; ${sums.join(" ")}` : ""}`;
  };
  /** A year's pass over the ages: its moves and band sums, and with `ageing` the next year's ageing. */
  const pass = (ageing: (agedW: string, agedM: string, fertile: boolean) => string) => {
    const segments = starts.slice(0, -1).map((from, s) => {
      const to = starts[s + 1]! - 1;
      return `
    for (let i = ${from * FIELDS}; i <= ${to * FIELDS}; i += ${FIELDS}) {
      ${rates}
      ${move(from, to)}
      beforeW += w;
      beforeM += m;
      ${ageing("previousW", "previousM", holds(birthAges, from, to))}
      previousW = w;
      previousM = m;
    }`;
    });
    return `${fertile === null ? "" : `
    // The births of the ages skipped are each exactly ±0 only while the women are this few (see fertileAges).
    if (!(beforeW < 2 ** 1022)) return false;`}
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
    ${summedAfter ? "" : bands.map((_, k) => `let band${k} = 0;`).join(" ")}
    leavingW = 0;
    leavingM = 0;
    births = 0;
    let previousW, previousM;
    {
      const i = 0;
      ${rates}
      ${move(0, 0)}
      beforeW = w;
      beforeM = m;
      previousW = w;
      previousM = m;
    }
    ${segments.join("")}
    {
      const i = ${last * FIELDS};
      ${rates}
      ${move(last, last)}
      beforeW += w;
      beforeM += m;
      ${ageing("previousW + w", "previousM + m", holds(birthAges, last, last))}
    }
    ${
      summedAfter
        ? `for (let k = 0; k < ${bands.length}; k++) {
      let sum = 0;
      for (let i = bandFrom[k] * ${FIELDS}, end = bandTo[k] * ${FIELDS}; i <= end; i += ${FIELDS}) sum += ${at(TOTAL)};
      out[at + k * stride + y] = sum;
    }`
        : bands.map((_, k) => `out[at + ${k} * stride + y] = band${k};`).join("\n    ")
    }`;
  };
  return `"use strict";
return function project(out, at, stride, fertility, mortality, inMigration, outMigration, netMigration) {
  ${bands.map((_, k) => `out[at + ${k} * stride] = baseSums[${k}];`).join("\n  ")}
  // The rates, and the first year's ageing from the base population.
  {
    const x = 0, i = 0;
    ${scaleRates}
  }
  let beforeW = baseW[0], beforeM = baseM[0], leavingW = 0, leavingM = 0, births = 0;
  for (let x = 1, i = ${FIELDS}; x < ${last}; x++, i += ${FIELDS}) {
    ${scaleRates}
    beforeW += baseW[x];
    beforeM += baseM[x];
    ${ageing("baseW[x - 1]", "baseM[x - 1]", `x >= ${birthAges.from} && x <= ${birthAges.to}`)}
  }
  {
    const x = ${last}, i = ${last * FIELDS};
    ${scaleRates}
    beforeW += baseW[x];
    beforeM += baseM[x];
    ${ageing(`baseW[${last - 1}] + baseW[${last}]`, `baseM[${last - 1}] + baseM[${last}]`, holds(birthAges, last, last))}
  }
  let y = 1;
  for (; y < ${years - 1}; y++) {
    ${pass(ageing)}
  }
  // The last year: its moves only.
  if (y < ${years}) {
    ${pass(() => "")}
  }
  return true;
};`;
}

/**
 * The ages 1 … maxAge between the first and last nonzero fertility rate (from > to if none).
 *
 * Why the births may skip the others: a skipped term is
 * (0 · scale) · 0.5 · (A + S), exactly ±0 when the fertility scale is finite and A + S is finite,
 * and adding ±0 leaves the sum as it is (the sum starts at +0 and, rounding to nearest, never becomes
 * −0). A + S is finite when every woman's count of the year before is finite and at least 0 (the
 * base population is; later years are max(0, …)), their sum (`before`, computed anyway) is below
 * 2^1022, and each death probability is in [0, 1]: then 0 ≤ S ≤ A ≤ before, so A + S < 2^1023.
 */
function fertileAges(fertility: ArrayLike<number>): AgeSpan {
  let from = fertility.length;
  let to = 0;
  for (let x = 1; x < fertility.length; x++) {
    if (fertility[x] !== 0) {
      from = Math.min(from, x);
      to = x;
    }
  }
  return { from, to };
}
