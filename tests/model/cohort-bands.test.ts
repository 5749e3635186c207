/**
 * The band sums of a run (model/cohort-bands.ts) against the readable specification, the cohort
 * projection and its bands (populationDriverPaths: projectCohorts, then bandPaths): identical to
 * the last bit (Object.is on every value, so NaN and −0 count too) on Nacka, on hand-made edge
 * cases (the max(0, …) clamp, in-migrants per resident, net-migration multipliers other than 1,
 * fertility at the open age group) and on random populations (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import type { AgeBand } from "../../model/age-bands.ts";
import { bandProjector } from "../../model/cohort-bands.ts";
import { populationDriverPaths, projectPopulation } from "../../model/cohort-drivers.ts";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { compileKernel } from "../../model/kernel.ts";
import type { PopulationPlan } from "../../model/plan.ts";
import { compile } from "./fixtures.ts";

/** The five scale factors of a run: fertility, mortality, in-migration, out-migration, net migration. */
type Scales = [number, number, number, number, number];

/** Where the first difference is, or null; the projector writes band k at offset 3 + k · stride (a row with room before and after). */
function difference(population: PopulationPlan, horizon: number, dwellings: (year: number) => number, scales: Scales): string | null {
  const theta = Float64Array.of(scales[0], scales[1], scales[2], scales[3]);
  const plan = { ...population, fertility: 0, mortality: 1, inMigration: 2, outMigration: 3 };
  const expected = populationDriverPaths(plan, horizon, theta, dwellings, scales[4]);
  const projector = bandProjector(plan, horizon, dwellings);
  const stride = projector.years + 2;
  const out = new Float64Array(3 + stride * population.band.length).fill(-7);
  // Twice, so that the second run starts from the buffers the first one left.
  for (let run = 0; run < 2; run++) {
    projector.project(out, 3, stride, ...scales);
    for (let k = 0; k < expected.length; k++) {
      const path = expected[k]!;
      if (path.length !== projector.years) return `band ${k}: ${projector.years} years, expected ${path.length}`;
      for (let j = 0; j < path.length; j++) {
        const actual = out[3 + k * stride + j]!;
        if (!Object.is(actual, path[j])) return `run ${run}, band ${k}, year ${j}: ${actual}, expected ${path[j]}`;
      }
    }
  }
  return null;
}

/** A population plan of `ages` ages from plain arrays (the fields the projection reads). */
function populationPlan(p: {
  base: { women: number[]; men: number[] };
  fertility: number[];
  mortality: { women: number[]; men: number[] };
  inShare: { women: number[]; men: number[] };
  outRate: { women: number[]; men: number[] };
  perYear: number;
  perDwelling: number;
  perResident: number;
  bands: AgeBand[];
}): PopulationPlan {
  return {
    inputs: {
      baseYear: 2024,
      base: p.base,
      assumptions: { fertility: p.fertility, boysPerGirl: 1.05, mortality: p.mortality, inMigrationProfile: p.inShare, outMigrationRate: p.outRate },
      inMigrants: { perYear: p.perYear, perDwelling: p.perDwelling, perResident: p.perResident },
    },
    startIndex: 0,
    driver: Int32Array.from(p.bands, (_, k) => k),
    band: p.bands,
    fertility: 0,
    mortality: 1,
    inMigration: 2,
    outMigration: 3,
    dwellings: p.perDwelling > 0 ? 0 : -1,
  };
}

const SMALL = { bands: [{ from: 0, to: null }, { from: 0, to: 1 }, { from: 2, to: null }] };
/** Ages 0, 1, 2, 3+: 100 people at each age and sex, births at ages 1–2. */
const small = (changes: Partial<Parameters<typeof populationPlan>[0]> = {}) =>
  populationPlan({
    base: { women: [100, 100, 100, 100], men: [100, 100, 100, 100] },
    fertility: [0, 0.3, 0.2, 0],
    mortality: { women: [0.01, 0.001, 0.01, 0.2], men: [0.01, 0.002, 0.02, 0.3] },
    inShare: { women: [0.1, 0.2, 0.1, 0.1], men: [0.1, 0.2, 0.1, 0.1] },
    outRate: { women: [0.05, 0.1, 0.05, 0.02], men: [0.05, 0.1, 0.05, 0.02] },
    perYear: 50,
    perDwelling: 2,
    perResident: 0.05,
    ...SMALL,
    ...changes,
  });
const dwellings = (year: number) => 10 + (year % 7);

describe("cohort band sums: Nacka", async () => {
  const nacka = await loadPackageFolder("data/nacka");
  const plan = compile(nacka, nacka.scenarios["vaxa-utan-att-vaxa"]!);
  const p = plan.population!;
  const Y = plan.yearCount;
  const nackaDwellings = (year: number) => plan.driverPath[p.dwellings * Y + year - plan.baseYear]!;

  it("has the package's seven bands, in-migrants per resident and per dwelling (what the cases below exercise)", () => {
    expect(p.band.length).toBe(7);
    expect(p.inputs.inMigrants.perResident).toBeGreaterThan(0);
    expect(p.dwellings).toBeGreaterThanOrEqual(0);
  });

  it("identical at the central values, at the ends of the triangles, and with the growth multiplier", () => {
    const cases: Scales[] = [
      [1, 1, 1, 1, 1],
      [0.85, 0.9, 0.85, 0.9, 1],
      [1.15, 1.1, 1.15, 1.1, 1],
      [1, 1, 1, 1, 2],
      [1, 1, 1, 1, 0.5],
      [1.1, 0.95, 1.05, 0.92, -1], // the net migration reversed: ages emptied, the clamp at 0 acts
    ];
    for (const scales of cases) expect(difference(p, plan.horizon, nackaDwellings, scales)).toBeNull();
  });

  it("identical with 60 bands (more than the generated pass keeps in locals: summed after the pass)", () => {
    const many: AgeBand[] = [...Array.from({ length: 50 }, (_, k) => ({ from: 2 * k, to: 2 * k + 1 })), ...Array.from({ length: 10 }, (_, k) => ({ from: 10 * k, to: null }))];
    const withMany = { ...p, band: many, driver: Int32Array.from(many, (_, k) => k) };
    expect(difference(withMany, plan.horizon, nackaDwellings, [1, 1, 1, 1, 1])).toBeNull();
    expect(difference(withMany, plan.horizon, nackaDwellings, [1.1, 0.95, 1.05, 0.92, 1.4])).toBeNull();
  });

  it("identical for random scale factors (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          fc.double({ min: 0, max: 3, noNaN: true }),
        ),
        (scales) => {
          expect(difference(p, plan.horizon, nackaDwellings, scales)).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("cohort band sums in the kernel", async () => {
  const nacka = await loadPackageFolder("data/nacka");
  const plan = compile(nacka, nacka.scenarios["vaxa-utan-att-vaxa"]!);
  const p = plan.population!;

  it("follow each run's scale factors, and stay right when a run repeats the last run's population inputs", () => {
    const base = plan.parameters.values;
    const withValues = (changes: [number, number][]) => {
      const theta = base.slice();
      for (const [i, v] of changes) theta[i] = v;
      return theta;
    };
    const runs = [
      base,
      withValues([[p.fertility, 1.1]]),
      withValues([[p.fertility, 1.1], [plan.intensity, 0.5]]), // the population's inputs as the run before
      withValues([[plan.growthMultiplier, 1.7]]),
      base,
    ];
    const kernel = compileKernel(plan, "all");
    const ws = createWorkspace(plan);
    const reference = createWorkspace(plan);
    for (const theta of runs) {
      kernel.run(theta, ws);
      evaluate(plan, theta, reference);
      expect(Array.from(ws.residents)).toEqual(Array.from(reference.residents));
      expect(Array.from(ws.total)).toEqual(Array.from(reference.total));
    }
  });
});

describe("cohort band sums: edge cases", () => {
  it("the clamp at 0: a net migration reversed three times over empties ages, and the sums still agree", () => {
    const population = small();
    const projection = projectPopulation(population.inputs, 2030, dwellings, { fertility: 1, mortality: 1, inMigration: 1, outMigration: 1, netMigration: -3 });
    // Some age is clamped: −3 × net in-migration removes more people of that age than it has.
    expect(projection.women.some((row) => row.includes(0))).toBe(true);
    expect(difference(population, 2030, dwellings, [1, 1, 1, 1, -3])).toBeNull();
  });

  it("death probabilities and out-migration rates capped at 1 by their scale factors", () => {
    expect(difference(small(), 2030, dwellings, [1, 40, 1, 30, 1.5])).toBeNull();
  });

  it("fertility at the open age group, no fertility at all, and a fertility scale of 0", () => {
    expect(difference(small({ fertility: [0, 0, 0.1, 0.4] }), 2030, dwellings, [1.2, 1, 1, 1, 1])).toBeNull();
    expect(difference(small({ fertility: [0, 0, 0, 0] }), 2030, dwellings, [1.2, 1, 1, 1, 1])).toBeNull();
    expect(difference(small(), 2030, dwellings, [0, 1, 1, 1, 1])).toBeNull();
  });

  it("two ages only (0 and 1+), a horizon at the base year, and a horizon before it", () => {
    const two = populationPlan({
      base: { women: [5, 50], men: [6, 40] },
      fertility: [0, 0.05],
      mortality: { women: [0.01, 0.02], men: [0.01, 0.03] },
      inShare: { women: [0.2, 0.3], men: [0.2, 0.3] },
      outRate: { women: [0.1, 0.05], men: [0.1, 0.05] },
      perYear: 3,
      perDwelling: 0,
      perResident: 0.01,
      bands: [{ from: 0, to: 0 }, { from: 1, to: null }],
    });
    for (const horizon of [2040, 2024, 2020]) expect(difference(two, horizon, dwellings, [1, 1, 1, 1, 1.3])).toBeNull();
  });

  it("inputs outside what a package allows (negative counts and rates, NaN, infinite scales) give the specification's values too", () => {
    expect(difference(small({ base: { women: [100, -50, 100, 100], men: [100, 100, 100, 100] } }), 2030, dwellings, [1, 1, 1, 1, 1])).toBeNull();
    expect(difference(small({ mortality: { women: [0.01, -0.5, 0.01, 0.2], men: [0.01, 0.002, 0.02, 0.3] } }), 2030, dwellings, [1, 1, 1, 1, 1])).toBeNull();
    expect(difference(small({ base: { women: [100, NaN, 100, 100], men: [100, 100, 100, 100] } }), 2030, dwellings, [1, 1, 1, 1, 1])).toBeNull();
    // Births skip no age here: the women aged 2+ give A + S = +Infinity, and 0 · Infinity makes the births NaN.
    expect(difference(small({ base: { women: [100, 100, 1e308, 100], men: [100, 100, 100, 100] }, fertility: [0, 0.3, 0, 0] }), 2030, dwellings, [1, 1, 1, 1, 1])).toBeNull();
    expect(difference(small(), 2030, dwellings, [Infinity, 1, 1, 1, 1])).toBeNull();
    expect(difference(small(), 2030, dwellings, [1, -1, 1, 1, 1])).toBeNull();
    expect(difference(small(), 2030, dwellings, [1, Infinity, 1, 1, 1])).toBeNull();
    expect(difference(small(), 2030, dwellings, [1, 1, NaN, 1, 1])).toBeNull();
  });

  it("the women passing 2^1022 in a later year: births over every age take over mid-run, where a skipped age's births are NaN", () => {
    // The open group (age 3, no fertility) starts at 4e307 women (their sum below 2^1022 ≈ 4.49e307,
    // so the run starts with births over the fertile ages 1–2 only) and grows by about 23 % a year
    // (in-migrants per resident, half of them to it) past 9e307: then A + S = Infinity at age 3 while
    // A is finite, and the specification's term 0 · ½ · (A + S) makes the births, and age 0, NaN.
    const population = small({
      base: { women: [100, 100, 100, 4e307], men: [100, 100, 100, 100] },
      mortality: { women: [0.01, 0.001, 0.01, 0.001], men: [0.01, 0.002, 0.02, 0.3] },
      inShare: { women: [0.1, 0.1, 0.1, 0.5], men: [0.1, 0.1, 0.1, 0] },
      perResident: 0.5,
    });
    const projection = projectPopulation(population.inputs, 2030, dwellings, { fertility: 1, mortality: 1, inMigration: 1, outMigration: 1, netMigration: 1 });
    expect(projection.women[0]!.reduce((a, b) => a + b)).toBeLessThan(2 ** 1022);
    expect(Number.isFinite(projection.births[1])).toBe(true);
    const nanYear = Array.from(projection.births).findIndex(Number.isNaN);
    expect(nanYear).toBeGreaterThan(1);
    expect(Number.isFinite(projection.women[nanYear - 1]![3])).toBe(true);
    expect(difference(population, 2030, dwellings, [1, 1, 1, 1, 1])).toBeNull();
  });

  it("a band of one age (0, 1, the last but one, the open group), the same band twice, every age, and bands that start or end with the fertile ages", () => {
    // Ages 0 … 11 (11+ open), births at ages 3–6 only.
    const ages = 12;
    const byAge = (f: (x: number) => number) => Array.from({ length: ages }, (_, x) => f(x));
    const wide = (bands: AgeBand[]) =>
      populationPlan({
        base: { women: byAge((x) => 100 + 7 * x), men: byAge((x) => 90 + 5 * x) },
        fertility: byAge((x) => (x >= 3 && x <= 6 ? 0.05 * x : 0)),
        mortality: { women: byAge((x) => 0.001 * (x + 1)), men: byAge((x) => 0.0015 * (x + 1)) },
        inShare: { women: byAge(() => 0.04), men: byAge(() => 0.04) },
        outRate: { women: byAge((x) => 0.01 * (x % 4)), men: byAge((x) => 0.012 * (x % 3)) },
        perYear: 40,
        perDwelling: 1,
        perResident: 0.02,
        bands,
      });
    const cases: AgeBand[][] = [
      [{ from: 0, to: 0 }],
      [{ from: 11, to: null }],
      [{ from: 1, to: 1 }, { from: 10, to: 10 }],
      [{ from: 0, to: null }],
      [{ from: 2, to: 7 }, { from: 2, to: 7 }],
      [{ from: 3, to: 6 }, { from: 0, to: 3 }, { from: 6, to: 9 }, { from: 4, to: 5 }],
      [{ from: 0, to: null }, { from: 1, to: 10 }, { from: 2, to: 9 }, { from: 5, to: 5 }, { from: 7, to: null }, { from: 0, to: 4 }],
    ];
    for (const bands of cases) {
      for (const scales of [[1, 1, 1, 1, 1], [1.1, 0.9, 1.2, 0.8, 1.6]] as Scales[]) expect(difference(wide(bands), 2040, dwellings, scales)).toBeNull();
    }
  });

  it("rejects a band beyond the open age group, as bandPaths does", () => {
    expect(() => bandProjector(small({ bands: [{ from: 2, to: 9 }] }), 2030, dwellings)).toThrow(/age band 2–9/);
  });
});

/** A random population: 2–101 ages, fertility zero outside a random span, rates 0–1, bands anywhere. */
const populationArb = fc.integer({ min: 2, max: 101 }).chain((ages) => {
  const row = (min: number, max: number) => fc.array(fc.double({ min, max, noNaN: true }), { minLength: ages, maxLength: ages });
  const bySex = (min: number, max: number) => fc.record({ women: row(min, max), men: row(min, max) });
  const band = fc
    .tuple(fc.integer({ min: 0, max: ages - 1 }), fc.integer({ min: 0, max: ages - 1 }), fc.boolean())
    .map(([a, b, open]): AgeBand => ({ from: Math.min(a, b), to: open || Math.max(a, b) === ages - 1 ? null : Math.max(a, b) }));
  const fertility = fc
    .tuple(row(0, 0.5), fc.integer({ min: 0, max: ages - 1 }), fc.integer({ min: 0, max: ages - 1 }))
    .map(([rates, a, b]) => rates.map((rate, x) => (x >= Math.min(a, b) && x <= Math.max(a, b) ? rate : 0)));
  return fc.record({
    base: bySex(0, 1e4),
    fertility,
    mortality: bySex(0, 1),
    inShare: bySex(0, 0.2),
    outRate: bySex(0, 1),
    perYear: fc.double({ min: 0, max: 1e3, noNaN: true }),
    perDwelling: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
    perResident: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
    bands: fc.array(band, { minLength: 1, maxLength: 5 }),
  });
});
const scalesArb = fc.tuple(
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.double({ min: 0, max: 3, noNaN: true }),
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.double({ min: 0, max: 3, noNaN: true }),
  fc.oneof(fc.constant(1), fc.double({ min: -2, max: 4, noNaN: true })),
);

describe("cohort band sums: random populations (fast-check)", () => {
  it("identical to projectCohorts + bandPaths", () => {
    fc.assert(
      fc.property(populationArb, scalesArb, fc.integer({ min: 2024, max: 2060 }), (p, scales, horizon) => {
        expect(difference(populationPlan(p), horizon, dwellings, scales)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
