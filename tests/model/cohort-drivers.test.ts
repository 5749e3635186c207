/**
 * Age-band drivers from a cohort projection (model/cohort-drivers.ts), and what a scenario's growth
 * multiplier does to them when it scales net in-migration.
 */
import { describe, expect, it } from "vitest";
import { bandPaths, projectPopulation } from "../../model/cohort-drivers.ts";
import { NEUTRAL_SCALES } from "../../model/cohort.ts";
import type { Population } from "../../model/data-package.ts";

const AGES = 101; // 0 … 100+
const flat = (value: number) => new Float64Array(AGES).fill(value);
/** An ageing municipality in miniature: 100 people of each sex at every age, in-migrants aged 20–39. */
function population(perDwelling = 0): Population {
  const fertility = new Float64Array(AGES);
  for (let x = 20; x <= 44; x += 1) fertility[x] = 0.06;
  const mortality = Float64Array.from({ length: AGES }, (_, x) => (x < 60 ? 0.001 : Math.min(1, 0.005 * 1.1 ** (x - 60))));
  const profile = Float64Array.from({ length: AGES }, (_, x) => (x >= 20 && x <= 39 ? 1 / 40 : 0));
  return {
    baseYear: 2024,
    maxAge: 100,
    base: { women: flat(100), men: flat(100) },
    assumptions: { fertility, boysPerGirl: 1.05, mortality: { women: mortality, men: mortality }, inMigrationProfile: { women: profile, men: profile }, outMigrationRate: { women: flat(0.05), men: flat(0.05) } },
    inMigrants: { perYear: perDwelling > 0 ? 0 : 1500, perDwelling, ...(perDwelling > 0 ? { dwellingsDriver: "dwellings_completed" } : {}) },
    distributions: {},
    bands: [],
  };
}

describe("age-band drivers from the cohort projection", () => {
  it("doubling net migration raises young adults far more than people aged 80+", () => {
    const pop = population();
    const bands = [{ band: { from: 20, to: 64 } }, { band: { from: 80, to: null } }];
    const once = bandPaths(projectPopulation(pop, 2040, () => 0), bands);
    const twice = bandPaths(projectPopulation(pop, 2040, () => 0, { ...NEUTRAL_SCALES, netMigration: 2 }), bands);
    const growth = (paths: Float64Array[], i: number) => paths[i]![16]! / paths[i]![0]! - 1;
    const youngGain = growth(twice, 0) - growth(once, 0);
    const oldGain = growth(twice, 1) - growth(once, 1);
    expect(youngGain).toBeGreaterThan(0.05);
    // 80+ in 2040 were 64+ in 2024: they follow their cohorts; migration at those ages is only the 5 % moving out.
    expect(youngGain).toBeGreaterThan(10 * Math.abs(oldGain));
  });

  it("links a band to the driver's own level in the base year and keeps its growth", () => {
    const projection = projectPopulation(population(), 2026, () => 0);
    const [raw] = bandPaths(projection, [{ band: { from: 80, to: null } }]);
    const [linked] = bandPaths(projection, [{ band: { from: 80, to: null }, level: 4200 }]);
    // Base year: 21 ages (80–100+) × 2 sexes × 100 = 4,200, so the level 4,200 leaves the path unchanged.
    expect(raw![0]).toBe(4200);
    expect(Array.from(linked!)).toEqual(Array.from(raw!));
    const [half] = bandPaths(projection, [{ band: { from: 80, to: null }, level: 2100 }]);
    expect(half![2]).toBeCloseTo(raw![2]! / 2, 9);
  });

  it("lets homes built drive in-migration: in-migrants = perDwelling × dwellings of the year", () => {
    const projection = projectPopulation(population(2), 2026, (year) => (year === 2025 ? 500 : 1000));
    expect(Array.from(projection.inMigrants)).toEqual([0, 1000, 2000]);
  });
});
