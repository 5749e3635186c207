/**
 * Small data packages built in code, with numbers simple enough to compute by hand.
 */
import type { Activity, DataPackage, DriverSeries, DriverType, Lever, Process, Scenario } from "../../model/data-package.ts";
import { defaultScenario } from "../../model/assumptions.ts";
import { pointOrMedian } from "../../model/median-rule.ts";
import { compilePlan, type ModelPlan } from "../../model/plan.ts";

/** 250 working days − 50 days off = 200 days × 8 h = 1,600 available hours per FTE. */
export const HOURS_PER_FTE = 1600;

export function series(id: string, firstYear: number, values: number[], actualYears = 1, type: DriverType = "stock"): DriverSeries {
  const actual = values.map((_, i) => i < actualYears);
  return { id, name: { sv: id, en: id }, type, firstYear, values, actual, estimated: values.map(() => false) };
}

export function shareActivity(id: string, share: number, drivers: Record<string, number>): Activity {
  return { id, name: { sv: id, en: id }, workload: { kind: "share", share }, drivers };
}

export function process(id: string, activities: Activity[], extra: Partial<Process> = {}): Process {
  return {
    id,
    name: { sv: id, en: id },
    fixedShare: 0,
    supportShare: 0,
    individualAllowanceFte: 0,
    drift: 0,
    fixedDrivers: {},
    supports: [],
    activities,
    ...extra,
  };
}

/** A scenario; without a growth multiplier it takes the median of an uncertain one, else 1 (as a scenario file does). */
export function scenario(extra: Partial<Scenario> = {}): Scenario {
  const growthMultiplier = pointOrMedian(extra.growthMultiplier, extra.uncertainty?.growthMultiplier, 1);
  return { ...defaultScenario("test", { sv: "test", en: "test" }), ...extra, growthMultiplier };
}

export function lever(extra: Partial<Lever> & Pick<Lever, "id" | "targets">): Lever {
  return {
    name: { sv: extra.id, en: extra.id },
    kind: "automation",
    efficiency: 0.5,
    adoption: { curve: "logistic", startYear: 2021, midpoint: 2023, steepness: 1, ceiling: 1 },
    dip: 0,
    build: { startYear: 2021, years: 1, personYears: 0, capex: 0 },
    upkeepFte: 0,
    licencesPerYear: 0,
    systemSavingsPerYear: 0,
    distributions: {},
    ...extra,
  };
}

/**
 * Base year 2020, horizon 2023, residents 1,000 → 1,100 → 1,210 → 1,331 (+10 % a year); one
 * process "cases" with 10 FTE in 2020 (8 in 2019), fully driven by residents (elasticity 1).
 */
export function tinyPackage(extra: Partial<DataPackage> = {}): DataPackage {
  return {
    municipality: {
      name: "Test",
      currency: "SEK",
      costPerFte: 1_000_000,
      workingTime: { workingDays: 250, holidays: 10, leave: 25, sickness: 10, otherAbsence: 5, hoursPerDay: 8 },
      discountRate: 0.05,
      horizon: 2023,
    },
    baseYear: 2020,
    drivers: { residents: series("residents", 2020, [1000, 1100, 1210, 1331]) },
    headcount: { cases: { 2019: 8, 2020: 10 } },
    processes: [process("cases", [shareActivity("handling", 1, { residents: 1 })])],
    levers: [],
    scenarios: {},
    ...extra,
  };
}

export function compile(pkg: DataPackage, s: Scenario = scenario()): ModelPlan {
  const compiled = compilePlan(pkg, s);
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("; "));
  return compiled.plan;
}
