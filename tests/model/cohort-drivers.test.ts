/**
 * Age-band drivers from a cohort projection (model/cohort-drivers.ts), and what a scenario's growth
 * multiplier does to them when it scales net in-migration.
 */
import { describe, expect, it } from "vitest";
import { bandPaths, projectPopulation } from "../../model/cohort-drivers.ts";
import { NEUTRAL_SCALES } from "../../model/cohort.ts";
import type { DataPackage, Population, Scenario } from "../../model/data-package.ts";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { parameterLabel } from "../../model/parameter-labels.ts";
import { compilePlan } from "../../model/plan.ts";
import { tornado } from "../../model/sensitivity.ts";
import { defaultScenario } from "../../model/assumptions.ts";
import { parsed, populationFiles } from "./package-files.ts";

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
    inMigrants: { perYear: perDwelling > 0 ? 0 : 1500, perDwelling, perResident: 0, ...(perDwelling > 0 ? { dwellingsDriver: "dwellings_completed" } : {}) },
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

/** Each driver's values per year (base year 2024 … horizon 2027) in a scenario's run. */
function driverValues(pkg: DataPackage, scenario: Partial<Scenario> = {}): Record<string, number[]> {
  const compiled = compilePlan(pkg, { ...defaultScenario("test", { sv: "T", en: "T" }), ...scenario });
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("; "));
  const { plan } = compiled;
  const ws = evaluate(plan, plan.parameters.values, createWorkspace(plan));
  return Object.fromEntries(plan.driverIds.map((d, i) => [d, Array.from({ length: plan.yearCount }, (_, y) => plan.driverBase[i]! * Math.exp(ws.driverLogRatio[i * plan.yearCount + y]!))]));
}

describe("a package with population/", () => {
  it("continues its age bands by the projection after the population's base year", () => {
    const pkg = parsed(populationFiles());
    expect(pkg.population?.bands.map((b) => b.driver)).toEqual(["residents", "residents_20_64", "residents_80plus"]);
    // By hand, 2025: everyone ages; 20–64 gains the 19-year-olds (20) and loses the 64-year-olds
    // (20), and gains the 100 in-migrants aged 25–34: 900 + 100 = 1,000. 80+ gains the
    // 79-year-olds (20); those reaching 90–100+ (11 ages, 20 each, with 100+ holding 40) lose half:
    // 420 + 20 − ½ · (10 · 20 + 40) = 320. Births: 20 ages · 10 women · 0.05 = 10 (no deaths under 90).
    expect(pkg.drivers.residents_20_64?.values[1]).toBeCloseTo(1000, 9);
    expect(pkg.drivers.residents_80plus?.values[1]).toBeCloseTo(320, 9);
    // Residents: 2,020 + 10 births − 120 deaths + 100 in-migrants = 2,010, linked to the package's own 2024 level (2,020 = the base).
    expect(pkg.drivers.residents?.values[2]).toBeCloseTo(2010, 9);
    expect(pkg.drivers.residents?.actual).toEqual([true, true, false, false, false]);
    // The model's run at the central estimates gives the same drivers as the package.
    expect(driverValues(pkg).residents_80plus![1]).toBeCloseTo(320, 9);
  });

  it("double growth raises young adults more than people aged 80+: the multiplier scales net in-migration", () => {
    const pkg = parsed(populationFiles());
    const once = driverValues(pkg);
    const twice = driverValues(pkg, { growthMultiplier: 2 });
    const gain = (d: string) => twice[d]![3]! / once[d]![3]! - 1;
    // 2027: three years of 100 extra in-migrants aged 25–34 (and their births): 20–64 gains 300 of about 1,200.
    expect(twice.residents_20_64![3]! - once.residents_20_64![3]!).toBeCloseTo(300, 9);
    expect(gain("residents_20_64")).toBeGreaterThan(0.2);
    // Nobody moves in aged 80+, so the 80+ follow their cohorts whatever the multiplier.
    expect(gain("residents_80plus")).toBe(0);
  });

  it("takes fertility, mortality and migration as parameters: set moves the drivers, a driver's own multiplier scales its change", () => {
    const pkg = parsed(populationFiles());
    const base = driverValues(pkg);
    const deadlier = driverValues(pkg, { set: { "population.mortality": 2 } });
    // Mortality × 2 at 90+: q = 1, so in 2025 80+ = 420 + 20 − 240 = 200.
    expect(deadlier.residents_80plus![1]).toBeCloseTo(200, 9);
    expect(driverValues(pkg, { set: { "population.inMigration": 0 } }).residents_20_64![1]).toBeCloseTo(900, 9);
    const damped = driverValues(pkg, { set: { "drivers.residents_80plus.growthMultiplier": 0.5 } });
    expect(damped.residents_80plus![1]).toBeCloseTo(420 + 0.5 * (320 - 420), 9);
    expect(base.residents_80plus![0]).toBe(420);
  });

  it("lets a scenario's driver set or growth rate take a band over from the projection", () => {
    const files = {
      ...populationFiles(),
      "driver-sets.json": '{ "sets": { "egen": { "name": { "sv": "Egen", "en": "Own" } } } }',
      "driver-sets/egen.csv": "year,driver,value\n2025,residents_80plus,430\n2026,residents_80plus,440\n2027,residents_80plus,450\n",
    };
    const pkg = parsed(files);
    driverValues(pkg, { driverSet: "egen" }).residents_80plus!.forEach((value, y) => expect(value).toBeCloseTo([420, 430, 440, 450][y]!, 9));
    expect(driverValues(pkg, { driverGrowthRates: { residents_80plus: 0.1 } }).residents_80plus![1]).toBeCloseTo(462, 9);
    expect(driverValues(pkg, { driverSet: "egen" }).residents_20_64![1]).toBeCloseTo(1000, 9);
  });
});

describe("the population's uncertainty, as every other parameter's", () => {
  /** The test package with a distribution on in-migration in population.json. */
  function uncertainPackage(inMigration: object): DataPackage {
    const files = populationFiles();
    files["population/population.json"] = JSON.stringify({ baseYear: 2024, inMigrants: { perYear: 100 }, distributions: { inMigration } });
    return parsed(files);
  }

  it("runs at the median of its distribution (the median rule) and names it in words", () => {
    // Uniform 0 to 1: median 0.5, so 50 in-migrants a year; 2025: 900 + 50 = 950 aged 20–64.
    const pkg = uncertainPackage({ type: "uniform", min: 0, max: 1 });
    expect(pkg.drivers.residents_20_64?.values[1]).toBeCloseTo(950, 9);
    expect(driverValues(pkg).residents_20_64![1]).toBeCloseTo(950, 9);
    expect(parameterLabel(pkg, "population.inMigration", "sv")).toBe("Inflyttning ×");
    expect(parameterLabel(pkg, "population.mortality", "en")).toBe("Mortality ×");
  });

  it("is drawn in Monte Carlo and swung in the tornado", () => {
    const pkg = uncertainPackage({ type: "uniform", min: 0.5, max: 1.5 });
    const compiled = compilePlan(pkg, { ...defaultScenario("test", { sv: "T", en: "T" }), levers: ["e_permits"] });
    if (!compiled.ok) throw new Error("does not compile");
    const run = monteCarlo(compiled.plan, { draws: 200, seed: 7 });
    const withoutLevers2027 = Array.from({ length: 200 }, (_, draw) => run.baselineFte[draw * compiled.plan.yearCount + 3]!);
    // The only uncertain assumptions are the levers' and in-migration; without levers, only
    // in-migration moves the FTE that follow residents: the draws differ.
    expect(Math.max(...withoutLevers2027) - Math.min(...withoutLevers2027)).toBeGreaterThan(0);
    const bars = tornado(compiled.plan, { kind: "fte", year: 2027 }).bars;
    const bar = bars.find((b) => b.parameter === "population.inMigration");
    expect(bar?.lowValue).toBeCloseTo(0.6, 12);
    expect(bar?.highValue).toBeCloseTo(1.4, 12);
    expect(bar!.outcomeAtHigh).toBeGreaterThan(bar!.outcomeAtLow);
  });
});

describe("the projection kept in the workspace", () => {
  it("is computed again when a population parameter or the growth multiplier changes, and reused otherwise", () => {
    const pkg = parsed(populationFiles());
    const compiled = compilePlan(pkg, { ...defaultScenario("test", { sv: "T", en: "T" }), levers: ["e_permits"] });
    if (!compiled.ok) throw new Error("does not compile");
    const { plan } = compiled;
    const shared = createWorkspace(plan);
    const at = (path: string, value: number) => {
      const theta = plan.parameters.values.slice();
      theta[plan.parameters.index.get(path)!] = value;
      return theta;
    };
    const runs = [at("growthMultiplier", 2), at("population.mortality", 1.5), at("levers.intensity", 0.5), at("growthMultiplier", 2)];
    for (const theta of runs) {
      const fresh = evaluate(plan, theta, createWorkspace(plan));
      const again = evaluate(plan, theta, shared);
      expect(Array.from(again.driverLogRatio)).toEqual(Array.from(fresh.driverLogRatio));
      expect(Array.from(again.total)).toEqual(Array.from(fresh.total));
    }
  });
});
