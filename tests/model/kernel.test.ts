/**
 * The generated kernel (model/kernel.ts) against the reference kernel (model/evaluate.ts, the
 * model's formulas as the specification): every output of every run, and every row a Monte Carlo
 * draw writes into the columns, identical to the last bit
 * (Object.is, so NaN and −0 count too), on Nacka's scenarios, a package ten times Nacka's with a
 * horizon of 2060, and random packages (fast-check) with drift, fixed work that follows drivers,
 * support, flows, Bass curves and levers on fixed work.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { allocateColumns, type MonteCarloColumns } from "../../model/draw-columns.ts";
import { createWorkspace, evaluate, type Workspace } from "../../model/evaluate.ts";
import { CHUNK_CHARACTERS, compileKernel, kernelSource, referenceKernel, type VariableParameters } from "../../model/kernel.ts";
import type { ModelPlan } from "../../model/plan.ts";
import { sampleParameters } from "../../model/sampling.ts";
import { compile, scenario } from "./fixtures.ts";
import { scaledPackage } from "./large-package.ts";
import { build, shapeArb } from "./random-packages.ts";

/** Every workspace output the kernel writes (it leaves the reference's intermediate rows alone). */
const ROWS = [
  "residents",
  "adoption",
  "baseline",
  "delivery",
  "development",
  "transition",
  "baselineTotal",
  "deliveryTotal",
  "developmentTotal",
  "buildTotal",
  "transitionTotal",
  "total",
  "capex",
  "licences",
  "systemSavings",
  "cost",
  "savings",
  "net",
  "cumulativeNet",
] as const;
const SCALARS = ["npv", "humpDepth", "humpYearIndex", "paybackYearIndex"] as const;

/** The first output where the two runs differ in any bit, or null. */
function difference(a: Workspace, b: Workspace): string | null {
  for (const row of ROWS) {
    const x = a[row];
    const y = b[row];
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${row}[${i}]: ${x[i]} vs ${y[i]}`;
  }
  for (const s of SCALARS) if (!Object.is(a[s], b[s])) return `${s}: ${a[s]} vs ${b[s]}`;
  return null;
}

/**
 * The first value where a draw's rows of the Monte Carlo columns differ in any bit from what the
 * columns mean (draw-columns.ts) computed from the reference's workspace, or null.
 */
function rowsDifference(plan: ModelPlan, reference: Workspace, columns: MonteCarloColumns, draw: number): string | null {
  const Y = plan.yearCount;
  const P = plan.processIds.length;
  const expected: [string, Float64Array, number, ArrayLike<number>][] = [
    ["fte", columns.fte, draw * (P + 1) * Y, [...reference.delivery.map((d, i) => d + reference.development[i]! + reference.transition[i]!), ...reference.total]],
    ["baselineFte", columns.baselineFte, draw * Y, reference.baselineTotal],
    ["net", columns.net, draw * Y, reference.net],
    ["cumulativeNet", columns.cumulativeNet, draw * Y, reference.cumulativeNet],
  ];
  for (const [name, column, at, values] of expected) {
    for (let i = 0; i < values.length; i++) if (!Object.is(column[at + i], values[i])) return `${name}[${at + i}]: ${column[at + i]} vs ${values[i]}`;
  }
  return null;
}

/**
 * Runs the reference and the kernel compiled for `variable` on each parameter vector, as a run into
 * a workspace and as a Monte Carlo draw into columns; the first difference or null.
 */
function compare(plan: ModelPlan, variable: VariableParameters, thetas: Iterable<Float64Array>, kernel = compileKernel(plan, variable)): string | null {
  const reference = createWorkspace(plan);
  const generated = createWorkspace(plan);
  // a dirty workspace must not leak into the next run
  generated.development.fill(7);
  generated.capex.fill(7);
  kernel.workspace().transition.fill(7);
  const columns = allocateColumns(plan, 3);
  for (const theta of thetas) {
    evaluate(plan, theta, reference);
    kernel.run(theta, generated);
    const found = difference(reference, generated) ?? difference(reference, kernel.runDraw(theta, columns, 1)) ?? rowsDifference(plan, reference, columns, 1);
    if (found) return found;
  }
  // the draws before and after are left alone
  if (columns.fte.some((v, i) => v !== 0 && (i < columns.fte.length / 3 || i >= (2 * columns.fte.length) / 3))) return "another draw's row written";
  return null;
}

/** Parameter vectors: the plan's point values with the uncertain parameters replaced by `draws` seeded draws. */
function* draws(plan: ModelPlan, count: number, seed: number): Generator<Float64Array> {
  const sample = sampleParameters(plan.parameters, count, seed);
  const theta = plan.parameters.values.slice();
  for (let i = 0; i < count; i++) {
    sample.parameters.forEach((p, j) => (theta[p] = sample.values[j * count + i]!));
    yield theta;
  }
}

const uncertainOf = (plan: ModelPlan) => plan.parameters.uncertain.map((u) => u.parameter);

function planOf(pkg: DataPackage, id: string): ModelPlan {
  return compile(pkg, pkg.scenarios[id]!);
}

describe("kernel: Nacka", async () => {
  const nacka = await loadPackageFolder("data/nacka");
  for (const id of Object.keys(nacka.scenarios)) {
    it(`${id}: identical to the reference for 200 Monte Carlo draws, and at the point values`, () => {
      const plan = planOf(nacka, id);
      expect(compare(plan, uncertainOf(plan), draws(plan, 200, 11))).toBeNull();
      expect(compare(plan, "all", draws(plan, 50, 12))).toBeNull();
      expect(compare(plan, [], [plan.parameters.values])).toBeNull();
    });
  }

  it("population certain (goal seek's kernel): its drivers are computed when the kernel is built, identical to the reference", () => {
    const plan = planOf(nacka, "vaxa-utan-att-vaxa");
    const population = plan.population!;
    const intensities = [0.5, 0.8, 1, 1.3].map((x) => {
      const theta = plan.parameters.values.slice();
      theta[plan.intensity] = x;
      return theta;
    });
    expect(compare(plan, [plan.intensity], intensities)).toBeNull();
    // nothing of the population or any driver is left to a run
    const source = kernelSource(plan, [plan.intensity]).chunks.join("\n");
    expect(source).not.toContain("F.population");
    expect(source).not.toContain("const m =");
    // the band sums certain, a population driver's own multiplier varying: that driver per run
    const multiplier = plan.driverMultiplier[population.driver[0]!]!;
    const moved = plan.parameters.values.slice();
    moved[multiplier] = 1.4;
    expect(compare(plan, [multiplier], [plan.parameters.values, moved])).toBeNull();
    expect(kernelSource(plan, [multiplier]).chunks.join("\n")).toContain("const m =");
  });

  it("levers that leave some processes alone: those processes' rows zeroed, the others added to; identical", () => {
    const full = nacka.scenarios["vaxa-utan-att-vaxa"]!;
    for (const levers of [["automated_permits"], ["e_services", "automated_decisions_fa"], ["stop_doing_non_core", "automated_permits"]]) {
      const plan = compile(nacka, { ...full, levers });
      expect([...plan.leverIds].sort()).toEqual([...levers].sort());
      expect(compare(plan, uncertainOf(plan), draws(plan, 20, 14))).toBeNull();
      expect(compare(plan, "all", draws(plan, 5, 15))).toBeNull();
    }
  });

  it("without code generation: the reference as the kernel, writing the same rows of the columns", () => {
    const plan = planOf(nacka, "vaxa-utan-att-vaxa");
    expect(compare(plan, "all", draws(plan, 5, 13), referenceKernel(plan))).toBeNull();
  });

  it("identical when every parameter varies at once (each scaled by a random factor)", () => {
    const plan = planOf(nacka, "vaxa-utan-att-vaxa");
    const values = plan.parameters.values;
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 1.5, noNaN: true }), { minLength: values.length, maxLength: values.length }), (factors) => {
        const theta = values.map((v, i) => v * factors[i]!);
        expect(compare(plan, "all", [theta])).toBeNull();
      }),
      { numRuns: 30 },
    );
  });
});

describe("kernel: a package ten times Nacka's, horizon 2060", async () => {
  const large = scaledPackage(await loadPackageFolder("data/nacka"), 10, 2060);
  const plan = planOf(large, "vaxa-utan-att-vaxa");

  it("has ten times the activities and runs to 2060", () => {
    expect(plan.horizon).toBe(2060);
    expect(plan.activityIds.length).toBe(500);
  });

  it("is generated in functions under the size limit, and identical to the reference", () => {
    const source = kernelSource(plan, uncertainOf(plan));
    expect(source.chunks.length).toBeGreaterThan(10);
    for (const chunk of source.chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_CHARACTERS + 1);
    expect(compare(plan, uncertainOf(plan), draws(plan, 20, 5))).toBeNull();
  });
});

/** A random package with more of the model switched on than `random-packages.ts` gives. */
const richArb = fc.record({
  shape: shapeArb,
  drift: fc.array(fc.double({ min: -0.03, max: 0.03, noNaN: true }), { minLength: 5, maxLength: 5 }),
  fixedElasticity: fc.array(fc.option(fc.double({ min: 0, max: 1.2, noNaN: true }), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  supportFollowsFixed: fc.boolean(),
  flowBusinesses: fc.boolean(),
  anchor: fc.integer({ min: 0, max: 4 }),
  fixedTargets: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  bass: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  factors: fc.array(fc.double({ min: 0.3, max: 1.7, noNaN: true }), { minLength: 80, maxLength: 80 }),
});

type Rich = typeof richArb extends fc.Arbitrary<infer T> ? T : never;

function richPackage(r: Rich): ModelPlan {
  const { pkg, leverIds } = build(r.shape);
  pkg.processes.forEach((p, i) => {
    p.drift = r.drift[i % 5]!;
    const e = r.fixedElasticity[i % 5];
    if (e !== undefined && p.fixedShare > 0) p.fixedDrivers = p.supports.length > 0 ? { supported_fte: e } : { residents: e };
    if (p.supports.length > 0 && r.supportFollowsFixed && p.fixedShare > 0) p.fixedDrivers = { supported_fte: 0.7 };
  });
  const businesses = pkg.drivers.businesses!;
  if (r.flowBusinesses) pkg.drivers.businesses = { ...businesses, type: "flow" };
  for (const series of Object.values(pkg.drivers)) {
    series.actual = series.values.map((_, i) => i <= r.anchor);
    series.estimated = series.values.map(() => false);
  }
  pkg.levers.forEach((l, i) => {
    if (r.fixedTargets[i]) l.targets = [{ ...l.targets[0]!, activity: "fixed" }];
    if (r.bass[i]) l.adoption = { curve: "bass", startYear: 2021, p: 0.03, q: 0.38, ceiling: 0.9 };
  });
  return compile(pkg, scenario({ levers: leverIds }));
}

describe("kernel: random packages", () => {
  it("identical to the reference at the point values and with every parameter moved", () => {
    fc.assert(
      fc.property(richArb, (r) => {
        const plan = richPackage(r);
        const values = plan.parameters.values;
        const moved = values.map((v, i) => v * r.factors[i % r.factors.length]!);
        expect(compare(plan, [], [values])).toBeNull();
        expect(compare(plan, "all", [values, moved])).toBeNull();
        // some parameters vary, the others are folded in as constants
        const some = Array.from(values.keys()).filter((i) => r.factors[i % r.factors.length]! > 1);
        const partly = values.slice();
        for (const i of some) partly[i] = moved[i]!;
        expect(compare(plan, some, [values, partly])).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});
