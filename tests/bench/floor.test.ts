/**
 * The bench's count of the draws' transcendental calls (bench/floor.ts), on a plan small enough
 * to count by hand: the small package (base year 2020, horizon 2023: Y = 4 years), one process
 * "cases" with one activity growing with residents, and one lever "robot" on it with a logistic
 * curve. Only the parameters a test names vary between draws; everything else is folded into the
 * kernel when it is built, so the calls left per draw are the ones the varying parameter drives.
 */
import { describe, expect, it } from "vitest";
import { adoptionCurveExp, countDraws, countTranscendentals, type RecordedArguments } from "../../bench/floor.ts";
import { defaultScenario } from "../../model/assumptions.ts";
import { compilePlan, type ModelPlan } from "../../model/plan.ts";
import type { ParameterDraws } from "../../model/sampling.ts";
import { parsed } from "../model/package-files.ts";
import { smallPackage } from "../model/small-package.ts";

function smallPlan(startYear: number): ModelPlan {
  const lever = {
    id: "robot",
    name: { sv: "Robot", en: "Robot" },
    kind: "automation",
    targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
    efficiency: 0.4,
    adoption: { curve: "logistic", startYear, midpoint: 2022, steepness: 1, ceiling: 1 },
    build: { startYear: 2021, years: 1, personYears: 2, capex: 1_000_000 },
  };
  const pkg = parsed(smallPackage({ "levers.json": JSON.stringify({ levers: [lever] }) }));
  const compiled = compilePlan(pkg, { ...defaultScenario("test", { sv: "T", en: "T" }), levers: ["robot"] });
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join("; "));
  return compiled.plan;
}

/** Draws in which only parameter `name` varies, taking `values` in turn. */
function drawsOf(plan: ModelPlan, name: string, values: number[]): ParameterDraws {
  const index = plan.parameters.names.indexOf(name);
  if (index < 0) throw new Error(`no parameter ${name}`);
  return { draws: values.length, seed: 0, parameters: Int32Array.of(index), names: [name], values: Float64Array.from(values) };
}

describe("countTranscendentals", () => {
  it("counts each function's calls, records their arguments and puts Math's functions back", () => {
    const { exp, log, pow } = Math;
    const record: RecordedArguments = { exp: [], log: [], pow: [] };
    const counts = countTranscendentals(() => {
      Math.exp(1);
      Math.exp(-2);
      Math.log(3);
      Math.pow(2, 10);
    }, record);
    expect(counts).toEqual({ exp: 2, log: 1, pow: 1 });
    expect(record).toEqual({ exp: [1, -2], log: [3], pow: [2, 10] });
    expect([Math.exp, Math.log, Math.pow]).toEqual([exp, log, pow]);
  });

  it("puts Math's functions back when the counted code throws", () => {
    const { exp } = Math;
    expect(() =>
      countTranscendentals(() => {
        throw new Error("stop");
      }),
    ).toThrow("stop");
    expect(Math.exp).toBe(exp);
  });
});

describe("countDraws on a hand-counted plan (Y = 4: 2020–2023)", () => {
  it("a logistic curve whose midpoint varies: one exp per year from the start year, none in the base year", () => {
    // the curve runs for years 1..Y−1 (the base year's adoption is 0); logisticAdoption calls exp
    // once for a year at or after the start year: 2021–2023 → 3, 2022–2023 → 2
    const from2021 = countDraws(smallPlan(2021), drawsOf(smallPlan(2021), "levers.robot.adoption.midpoint", [2022, 2022.5, 2023]));
    expect(from2021).toMatchObject({ draws: 3, exp: 3, log: 0, pow: 0, fewest: { exp: 3 }, most: { exp: 3 } });
    const plan = smallPlan(2022);
    expect(countDraws(plan, drawsOf(plan, "levers.robot.adoption.midpoint", [2022, 2023]))).toMatchObject({ exp: 2, log: 0, pow: 0 });
  });

  it("a varying drift: one pow per year of its process's drift factor (1 + drift)^y", () => {
    const plan = smallPlan(2021);
    expect(countDraws(plan, drawsOf(plan, "processes.cases.drift", [0.01, -0.01]))).toMatchObject({ exp: 0, log: 0, pow: 4 });
  });

  it("a varying elasticity: one exp per year of the activity's growth row, the base year included", () => {
    const plan = smallPlan(2021);
    expect(countDraws(plan, drawsOf(plan, "processes.cases.activities.handling.elasticity.residents", [0.8, 1.2]))).toMatchObject({ exp: 4, log: 0, pow: 0 });
  });

  it("a varying growth multiplier: one log per driver and year after the last actual year, one exp per growth year", () => {
    // both drivers (residents, dwellings) have their last actual year in 2020: 3 later years each
    // → 6 log; the activity's growth on residents in those 3 years → 3 exp
    const plan = smallPlan(2021);
    expect(countDraws(plan, drawsOf(plan, "growthMultiplier", [0.5, 1.5]))).toMatchObject({ exp: 3, log: 6, pow: 0 });
  });

  it("records the arguments of the first draws only", () => {
    const plan = smallPlan(2021);
    const record: RecordedArguments = { exp: [], log: [], pow: [] };
    countDraws(plan, drawsOf(plan, "levers.robot.adoption.midpoint", [2022, 2023]), record, 1);
    // logisticAdoption's argument −steepness · (year − midpoint), steepness 1, midpoint 2022, in
    // the first draw only: 2021 → 1, 2022 → −1 · 0 = −0, 2023 → −1
    expect(record.exp).toEqual([1, -0, -1]);
  });
});

describe("adoptionCurveExp", () => {
  it("finds the exp calls made inside the adoption curves", () => {
    const plan = smallPlan(2021);
    expect(adoptionCurveExp(plan, drawsOf(plan, "levers.robot.adoption.midpoint", [2022, 2023]), 2)).toBe(3);
    expect(adoptionCurveExp(plan, drawsOf(plan, "processes.cases.activities.handling.elasticity.residents", [0.8, 1.2]), 2)).toBe(0);
  });
});
