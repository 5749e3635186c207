/**
 * Invariants of the model on random packages (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DataPackage, Lever } from "../../model/data-package.ts";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { forecast } from "../../model/forecast.ts";
import { goalSeek } from "../../model/goal-seek.ts";
import { compile, lever, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

const YEARS = 11; // 2020–2030

/** Yearly growth factors → a path starting at `start`. */
const pathArb = (start: number, min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: YEARS - 1, maxLength: YEARS - 1 }).map((g) => {
    const values = [start];
    for (const f of g) values.push(values[values.length - 1]! * f);
    return values;
  });

const share = fc.double({ min: 0.05, max: 1, noNaN: true });
const elasticity = fc.double({ min: 0, max: 1.5, noNaN: true });

interface Shape {
  residents: number[];
  businesses: number[];
  processes: { fte: number; fixedShare: number; weights: number[]; residentE: number[]; businessE: number[] }[];
  support: { fte: number; elasticity: number } | null;
  levers: { process: number; activity: number; reach: number; efficiency: number; midpoint: number; dip: number }[];
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  residents: pathArb(100_000, 0.97, 1.05),
  businesses: pathArb(10_000, 0.95, 1.08),
  processes: fc.array(
    fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.record({
        fte: fc.double({ min: 1, max: 300, noNaN: true }),
        fixedShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
        weights: fc.array(share, { minLength: n, maxLength: n }),
        residentE: fc.array(elasticity, { minLength: n, maxLength: n }),
        businessE: fc.array(elasticity, { minLength: n, maxLength: n }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  support: fc.option(fc.record({ fte: fc.double({ min: 1, max: 80, noNaN: true }), elasticity }), { nil: null }),
  levers: fc.array(
    fc.record({
      process: fc.nat(),
      activity: fc.nat(),
      reach: fc.double({ min: 0, max: 1, noNaN: true }),
      efficiency: fc.double({ min: 0, max: 1, noNaN: true }),
      midpoint: fc.double({ min: 2021, max: 2032, noNaN: true }),
      dip: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 4 },
  ),
});

function build(shape: Shape): { pkg: DataPackage; leverIds: string[] } {
  const processes = shape.processes.map((p, i) => {
    const sum = p.weights.reduce((s, w) => s + w, 0);
    return process(
      `p${i}`,
      p.weights.map((w, a) => shareActivity(`a${a}`, w / sum, { residents: p.residentE[a]!, businesses: p.businessE[a]! })),
      { fixedShare: p.fixedShare },
    );
  });
  const headcount: DataPackage["headcount"] = Object.fromEntries(shape.processes.map((p, i) => [`p${i}`, { 2020: p.fte }]));
  if (shape.support) {
    processes.push(
      process("support", [shareActivity("admin", 1, { supported_fte: shape.support.elasticity })], {
        fixedShare: 0.2,
        supports: processes.map((p) => p.id),
      }),
    );
    headcount.support = { 2020: shape.support.fte };
  }
  const levers: Lever[] = shape.levers.map((l, i) => {
    const p = processes[l.process % shape.processes.length]!;
    const a = p.activities[l.activity % p.activities.length]!;
    return lever({
      id: `l${i}`,
      targets: [{ process: p.id, activity: a.id, reach: l.reach }],
      efficiency: l.efficiency,
      adoption: { curve: "logistic", startYear: 2021, midpoint: l.midpoint, steepness: 0.8, ceiling: 0.95 },
      dip: l.dip,
      build: { startYear: 2021, years: 2, personYears: 3, capex: 2e6 },
      upkeepFte: 0.5,
    });
  });
  const pkg = tinyPackage({
    drivers: {
      residents: series("residents", 2020, shape.residents),
      businesses: series("businesses", 2020, shape.businesses),
    },
    headcount,
    processes,
    levers,
  });
  pkg.municipality.horizon = 2020 + YEARS - 1;
  return { pkg, leverIds: levers.map((l) => l.id) };
}

describe("model invariants on random packages", () => {
  it("base-year FTE equals the actual, per process, with or without levers", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { pkg, leverIds } = build(shape);
        const result = forecast(compile(pkg, scenario({ levers: leverIds })));
        for (const row of result.rows.filter((r) => r.year === 2020)) {
          expect(row.totalFte).toBeCloseTo(pkg.headcount[row.process]![2020]!, 9);
        }
      }),
    );
  });

  it("zero growth keeps FTE flat", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const flat = { ...shape, residents: shape.residents.map(() => 100_000), businesses: shape.businesses.map(() => 10_000) };
        const result = forecast(compile(build(flat).pkg));
        for (const t of result.totals) expect(t.totalFte).toBeCloseTo(result.totals[0]!.totalFte, 9);
      }),
    );
  });

  it("more residents never give fewer baseline FTE, in any process or year", () => {
    fc.assert(
      fc.property(shapeArb, fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: YEARS, maxLength: YEARS }), (shape, extra) => {
        const more = { ...shape, residents: shape.residents.map((r, y) => (y === 0 ? r : r + extra[y]!)) };
        const a = forecast(compile(build(shape).pkg)).rows;
        const b = forecast(compile(build(more).pkg)).rows;
        a.forEach((row, i) => expect(b[i]!.baselineFte).toBeGreaterThanOrEqual(row.baselineFte - 1e-9));
      }),
    );
  });

  it("processes and components sum to the totals", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { pkg, leverIds } = build(shape);
        const result = forecast(compile(pkg, scenario({ levers: leverIds })));
        for (const t of result.totals) {
          const rows = result.rows.filter((r) => r.year === t.year);
          const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
          expect(sum((r) => r.totalFte)).toBeCloseTo(t.totalFte, 8);
          expect(sum((r) => r.baselineFte)).toBeCloseTo(t.baselineFte, 8);
          expect(t.deliveryFte + t.developmentFte + t.transitionFte).toBeCloseTo(t.totalFte, 8);
        }
      }),
    );
  });

  it("levers off gives the baseline exactly", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { pkg, leverIds } = build(shape);
        const none = forecast(compile(pkg)).rows;
        for (const row of none) {
          expect(row.deliveryFte).toBe(row.baselineFte);
          expect(row.developmentFte + row.transitionFte).toBe(0);
        }
        // the same levers at zero intensity: delivery equals the baseline to the last digit
        const off = forecast(compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": 0 } }))).rows;
        off.forEach((row, i) => expect(row.deliveryFte).toBe(none[i]!.baselineFte));
      }),
    );
  });

  it("savings never exceed the work they act on", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { pkg, leverIds } = build(shape);
        const plan = compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": 5 } }));
        const ws = evaluate(plan, plan.parameters.values, createWorkspace(plan));
        for (let i = 0; i < ws.activityDelivery.length; i++) {
          expect(ws.activityDelivery[i]!).toBeGreaterThanOrEqual(0);
          expect(ws.activityDelivery[i]!).toBeLessThanOrEqual(ws.activityBaseline[i]! + 1e-9);
        }
      }),
    );
  });

  it("more reach never gives more delivery FTE", () => {
    fc.assert(
      fc.property(shapeArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (shape, low, more) => {
        const { pkg, leverIds } = build(shape);
        const at = (intensity: number) =>
          forecast(compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": intensity } }))).rows;
        const a = at(low);
        const b = at(low + more);
        a.forEach((row, i) => expect(b[i]!.deliveryFte).toBeLessThanOrEqual(row.deliveryFte + 1e-9));
      }),
    );
  });

  it("goal seek: the answer holds the target and a slightly smaller intensity does not", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 2025, max: 2030 }), (shape, targetYear) => {
        const { pkg, leverIds } = build(shape);
        const plan = compile(pkg, scenario({ levers: leverIds }));
        const result = goalSeek(plan, targetYear);
        const holdsAt = (intensity: number) => {
          const f = forecast(compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": intensity } })));
          return f.totals.filter((t) => t.year >= targetYear).every((t) => t.holdsFlat);
        };
        if (!result.reachable) {
          expect(holdsAt(result.fullIntensity)).toBe(false);
          return;
        }
        expect(holdsAt(result.intensity!)).toBe(true);
        if (result.intensity! > 0) expect(holdsAt(result.intensity! * (1 - 1e-4))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
