/**
 * The median rule: where a parameter has a distribution the deterministic forecast uses its
 * median; a point value given beside the distribution must equal the median or is refused.
 * Medians computed by hand: triangular(a, c, b) with c ≥ (a + b)/2 has median a + √((b − a)(c − a)/2);
 * uniform(a, b) has (a + b)/2; lognormal(μ, σ) has e^μ.
 */
import { describe, expect, it } from "vitest";
import { quantile } from "../../model/distributions.ts";
import { equalsMedian, median, medianMismatch } from "../../model/median-rule.ts";
import { compilePlan } from "../../model/plan.ts";
import { errorsOf, parsed } from "./package-files.ts";
import { smallPackage } from "./small-package.ts";
import { scenario } from "./fixtures.ts";

/** One automation lever on cases, its fields given as `fields` (merged over a complete lever). */
function withLever(fields: Record<string, unknown>, omit: string[] = []): Record<string, string> {
  const lever: Record<string, unknown> = {
    id: "robot",
    name: { sv: "Robot", en: "Robot" },
    kind: "automation",
    targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
    efficiency: 0.4,
    adoption: { curve: "logistic", startYear: 2021, midpoint: 2022, steepness: 1, ceiling: 1 },
    build: { startYear: 2021, years: 1, personYears: 2, capex: 1_000_000 },
    ...fields,
  };
  for (const key of omit) delete lever[key];
  return smallPackage({ "levers.json": JSON.stringify({ levers: [lever] }, null, 2) });
}

describe("the median rule in levers.json", () => {
  it("uses the median of a distribution when the point value is left out", () => {
    const pkg = parsed(
      withLever(
        {
          targets: [{ process: "cases", activity: "handling" }],
          distributions: {
            efficiency: { type: "triangular", min: 0, mode: 1, max: 1 }, // median √0.5 = 0.70711
            "reach.cases.handling": { type: "uniform", min: 0.2, max: 0.6 }, // median 0.4
          },
        },
        ["efficiency"],
      ),
    );
    const robot = pkg.levers[0]!;
    expect(robot.efficiency).toBeCloseTo(Math.SQRT1_2, 12);
    expect(robot.targets[0]!.reach).toBeCloseTo(0.4, 12);
  });

  it("accepts a point value equal to the median", () => {
    const pkg = parsed(withLever({ efficiency: 0.5, distributions: { efficiency: { type: "triangular", min: 0, mode: 0.5, max: 1 } } }));
    expect(pkg.levers[0]!.efficiency).toBe(0.5);
  });

  it("refuses a point value that is not the median, naming file, line, field, value and median", () => {
    // the mode 0.4 of triangular(0.2, 0.4, 1) is not its median 1 − √(0.8 × 0.6 / 2) = 0.51010
    const files = withLever({ distributions: { efficiency: { type: "triangular", min: 0.2, mode: 0.4, max: 1 } } });
    const errors = errorsOf(files);
    expect(errors).toHaveLength(1);
    const line = files["levers.json"]!.split("\n").findIndex((l) => l.includes('"efficiency": 0.4')) + 1;
    expect(errors[0]).toMatchObject({ file: "levers.json", field: "levers[0].efficiency", line });
    expect(errors[0]!.message).toBe(
      "efficiency is 0.4 but the median of its distribution (distributions.efficiency: triangular 0.2–0.4–1) is 0.5101020514: " +
        "the forecast uses the median, so a value given beside a distribution must equal it; remove efficiency or change the distribution",
    );
  });

  it("says what is missing when a required value has neither a number nor a distribution", () => {
    const errors = errorsOf(withLever({}, ["efficiency"]));
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["levers[0].efficiency", '"efficiency" is missing: expected a number, or a distribution "efficiency" in the lever\'s distributions'],
    ]);
  });

  it("refuses a median outside the parameter's range", () => {
    // A normal distribution (a bounded one reaching past the range is refused for that first, bounds.ts).
    const errors = errorsOf(withLever({ distributions: { efficiency: { type: "normal", mean: 1.2, sd: 0.1 } } }, ["efficiency"]));
    expect(errors.map((e) => e.message)).toEqual([
      "the median 1.2 of normal μ 1.2, σ 0.1 is outside the valid range of efficiency, 0 to 1",
    ]);
  });

  it("checks a logistic midpoint taken from a distribution against the start year", () => {
    const adoption = { curve: "logistic", startYear: 2021, steepness: 1, ceiling: 1 };
    const errors = errorsOf(withLever({ adoption, distributions: { "adoption.midpoint": { type: "uniform", min: 2018, max: 2022 } } }));
    expect(errors.map((e) => e.message)).toEqual([
      "expected the midpoint at or after startYear, found startYear 2021, midpoint 2020 (the median of its distribution), steepness 1, ceiling 1",
    ]);
  });
});

describe("the build's rule for the medians", () => {
  it("refuses build effort from a distribution when the build takes no years", () => {
    // personYears left to uniform 1–3, median 2; the build has 0 years
    const build = { startYear: 2021, years: 0, capex: 0 };
    const errors = errorsOf(withLever({ build, distributions: { "build.personYears": { type: "uniform", min: 1, max: 3 } } }));
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ["levers[0].build.years", "expected at least 1 year when personYears or capex is above 0, found personYears 2 (the median of its distribution), capex 0"],
    ]);
  });
});

describe("the median rule in scenarios", () => {
  const scenarioFile = (body: unknown) => smallPackage({ "scenarios/fast.json": JSON.stringify(body, null, 2) });
  const growth = { type: "triangular", min: 1, mode: 2, max: 2 }; // median 1 + √0.5 = 1.70711

  it("uses the median of an uncertain growth multiplier when none is given", () => {
    const pkg = parsed(scenarioFile({ name: { sv: "S", en: "S" }, uncertainty: { growthMultiplier: growth } }));
    expect(pkg.scenarios.fast!.growthMultiplier).toBeCloseTo(1 + Math.SQRT1_2, 12);
  });

  it("refuses a growth multiplier that is not its distribution's median, on its line", () => {
    const errors = errorsOf(scenarioFile({ name: { sv: "S", en: "S" }, growthMultiplier: 2, uncertainty: { growthMultiplier: growth } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "scenarios/fast.json", line: 6, field: "growthMultiplier" });
    expect(errors[0]!.message).toMatch(/^growthMultiplier is 2 but the median of its distribution \(uncertainty.growthMultiplier: triangular 1–2–2\) is 1.707106781/);
  });

  it("refuses a set value beside the scenario's own distribution that is not its median", () => {
    const errors = errorsOf(
      scenarioFile({ name: { sv: "S", en: "S" }, set: { costPerFte: 900_000 }, uncertainty: { costPerFte: { type: "lognormal", mu: Math.log(800_000), sigma: 0.1 } } }),
    );
    expect(errors.map((e) => [e.field, e.message.slice(0, 70)])).toEqual([
      ["set.costPerFte", "set.costPerFte is 900000 but the median of its distribution (uncertain"],
    ]);
  });

  it("runs an assumption the scenario makes uncertain at its median", () => {
    const pkg = parsed(smallPackage());
    const compiled = compilePlan(pkg, scenario({ uncertainty: { costPerFte: { type: "lognormal", mu: Math.log(800_000), sigma: 0.1 } } }));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const { values, index } = compiled.plan.parameters;
    expect(values[index.get("costPerFte")!]).toBeCloseTo(800_000, 6); // e^μ, not the package's 1,000,000
  });

  it("takes a lever parameter the scenario sets as decided: the set value, no longer uncertain", () => {
    const pkg = parsed(withLever({ efficiency: 0.5, distributions: { efficiency: { type: "triangular", min: 0, mode: 0.5, max: 1 } } }));
    const compiled = compilePlan(pkg, scenario({ levers: ["robot"], set: { "levers.robot.efficiency": 0.8 } }));
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const { values, index, uncertain } = compiled.plan.parameters;
    const i = index.get("levers.robot.efficiency")!;
    expect(values[i]).toBe(0.8);
    expect(uncertain.map((u) => u.parameter)).not.toContain(i);
  });
});

describe("equal to the median", () => {
  it("within a relative 1e-9, not beyond", () => {
    expect(equalsMedian(2 * (1 + 5e-10), 2)).toBe(true);
    expect(equalsMedian(2 * (1 + 2e-9), 2)).toBe(false);
    expect(equalsMedian(0, 0)).toBe(true);
    expect(medianMismatch("x", 0.5, "d", { type: "uniform", min: 0, max: 1 })).toBeUndefined();
  });
});

describe("a distribution's median", () => {
  it("is its quantile at one half, the same when asked again, and follows the distribution's numbers when they change", () => {
    // A symmetric triangle's median is its mode: 1; a PERT's is found by the beta quantile.
    expect(median({ type: "triangular", min: 0, mode: 1, max: 2 })).toBe(1);
    const pert = { type: "pert" as const, min: 0.4, mode: 0.7, max: 0.85 };
    const first = median(pert);
    expect(first).toBe(quantile(pert, 0.5));
    expect(median({ ...pert })).toBe(first);
    // Kept by content, not by object: the same object with other numbers has its own median.
    const changed = Object.assign(pert, { mode: 0.5 });
    expect(median(changed)).toBe(quantile({ type: "pert", min: 0.4, mode: 0.5, max: 0.85 }, 0.5));
    expect(median(changed)).not.toBe(first);
  });
});
