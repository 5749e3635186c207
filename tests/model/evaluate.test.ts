/**
 * One run of the model (model/evaluate.ts): hand-computed cases, then invariants on random packages
 * (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { forecast } from "../../model/forecast.ts";
import type { Process } from "../../model/data-package.ts";
import { compilePlan } from "../../model/plan.ts";
import { compile, lever, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";
import { build, shapeArb, YEARS } from "./random-packages.ts";
import { stepLeverPackage } from "./step-lever-package.ts";

/**
 * The kernel computes the growth of activities with the same drivers and elasticities once and
 * reuses it: these cases check that reuse never crosses activities whose elasticities differ.
 */
describe("evaluate: activities that grow alike", () => {
  const pkg = tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1210, 1331]),
      businesses: series("businesses", 2020, [50, 60, 72, 72]),
    },
    processes: [
      process("cases", [
        shareActivity("a", 0.25, { residents: 0.5, businesses: 1 }),
        shareActivity("b", 0.25, { residents: 0.5, businesses: 1 }),
        shareActivity("c", 0.25, { residents: 1, businesses: 1 }),
        shareActivity("d", 0.25, { businesses: 1, residents: 0.5 }),
      ]),
    ],
  });
  // 2022: residents × 1.21, businesses × 1.44; each activity 2.5 FTE
  const expected = (e: number[]) => e.reduce((s, ea) => s + 2.5 * 1.21 ** ea * 1.44, 0);

  it("gives each activity its own elasticities' growth, shared or not", () => {
    const total = forecast(compile(pkg)).totals[2]!.totalFte;
    expect(total).toBeCloseTo(expected([0.5, 0.5, 1, 0.5]), 12);
  });

  it("stops sharing when a scenario changes one of two equal activities", () => {
    const set = { "processes.cases.activities.b.elasticity.residents": 2 };
    const total = forecast(compile(pkg, scenario({ set }))).totals[2]!.totalFte;
    expect(total).toBeCloseTo(expected([0.5, 2, 1, 0.5]), 12);
  });
});

describe("a one-lever package computed by hand", () => {
  const result = forecast(compile(stepLeverPackage(), scenario({ levers: ["robot"] })));
  const year = (y: number) => result.totals.find((t) => t.year === y)!;

  it("splits FTE into delivery, development and transition", () => {
    // 2021: building (2 person-years in one year), nothing adopted yet
    expect(year(2021).deliveryFte).toBeCloseTo(10, 6);
    expect(year(2021).developmentFte).toBeCloseTo(2, 6);
    // 2022: adopted: delivery 10 × (1 − 0.5 × 0.4) = 8; upkeep 0.5; transition 0.5 × (0.5 × 10) × 1 = 2.5
    expect(year(2022).deliveryFte).toBeCloseTo(8, 6);
    expect(year(2022).developmentFte).toBeCloseTo(0.5, 6);
    expect(year(2022).transitionFte).toBeCloseTo(2.5, 6);
    expect(year(2022).totalFte).toBeCloseTo(11, 6);
    // 2023: adoption no longer rises, so no transition
    expect(year(2023).transitionFte).toBeCloseTo(0, 6);
    expect(year(2023).totalFte).toBeCloseTo(8.5, 6);
  });

  it("prices the hump: depth, year, payback, NPV", () => {
    // net: 2021 −(1 capex + 2 build) = −3 M; 2022 2 saved − (0.2 licences + 3 FTE) = −1.2 M;
    // from 2023 2 − (0.2 + 0.5) = +1.3 M a year. Cumulative: −3, −4.2, −2.9, −1.6, −0.3, +1.0.
    expect(year(2021).net).toBeCloseTo(-3_000_000, 0);
    expect(year(2022).net).toBeCloseTo(-1_200_000, 0);
    expect(year(2023).net).toBeCloseTo(1_300_000, 0);
    expect(year(2025).cumulativeNet).toBeCloseTo(-300_000, 0);
    const inv = result.investment!;
    expect(inv.humpDepth).toBeCloseTo(4_200_000, 0);
    expect(inv.humpYear).toBe(2022);
    expect(inv.paybackYear).toBe(2026);
    const npv =
      -3_000_000 / 1.05 - 1_200_000 / 1.05 ** 2 + 1_300_000 * (1 / 1.05 ** 3 + 1 / 1.05 ** 4 + 1 / 1.05 ** 5 + 1 / 1.05 ** 6);
    expect(inv.npv).toBeCloseTo(npv, 0); // ≈ 200,010 SEK
    // one-off investment: 1 M capex + 2 build FTE + 2.5 transition FTE = 5.5 M; 1.5 FTE avoided in 2026
    expect(inv.investment).toBeCloseTo(5_500_000, 0);
    expect(inv.fteAvoided).toBeCloseTo(1.5, 6);
    expect(inv.investmentPerFteAvoided).toBeCloseTo(5_500_000 / 1.5, 0);
    expect(inv.irr).not.toBeNull();
    expect(result.holdsFlatFrom).toBe(2023);
  });

  it("reports no payback when the horizon ends before the hump is paid back", () => {
    const pkg = stepLeverPackage();
    pkg.municipality.horizon = 2025;
    pkg.drivers.residents!.values.pop();
    pkg.drivers.residents!.actual.pop();
    const short = forecast(compile(pkg, scenario({ levers: ["robot"] })));
    expect(short.investment!.paybackYear).toBeNull();
  });

  it("reports no hump and no payback when cumulative net never goes below zero", () => {
    const pkg = stepLeverPackage();
    const free = { dip: 0, upkeepFte: 0, licencesPerYear: 0, build: { startYear: 2021, years: 1, personYears: 0, capex: 0 } };
    pkg.levers = [{ ...pkg.levers[0]!, ...free }];
    const inv = forecast(compile(pkg, scenario({ levers: ["robot"] }))).investment!;
    expect(Object.is(inv.humpDepth, 0)).toBe(true);
    expect(inv.humpYear).toBeNull();
    expect(inv.paybackYear).toBeNull();
    expect(inv.npv).toBeGreaterThan(0);
  });

  it("calls a misspelt parameter of an active lever unknown, not inactive", () => {
    const compiled = compilePlan(stepLeverPackage(), scenario({ levers: ["robot"], set: { "levers.robot.efficency": 0.3 } }));
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.errors[0]!.message).toMatch(/^unknown parameter "levers.robot.efficency"; similar parameters: levers.robot./);
  });

  it("combines two levers on the same work multiplicatively", () => {
    const pkg = stepLeverPackage();
    pkg.levers.push(lever({ ...pkg.levers[0]!, id: "self", kind: "self_service", efficiency: 0.5 }));
    const both = forecast(compile(pkg, scenario({ levers: ["robot", "self"] })));
    // 10 × (1 − 0.5 × 0.4) × (1 − 0.5 × 0.5) = 6
    expect(both.totals.find((t) => t.year === 2023)!.deliveryFte).toBeCloseTo(6, 6);
  });

  it("removes fixed work with a consolidation lever and counts its system savings", () => {
    const pkg = stepLeverPackage();
    pkg.processes[0]!.fixedShare = 0.3; // 3 FTE fixed
    pkg.levers = [
      lever({
        id: "merge",
        kind: "consolidation",
        targets: [{ process: "cases", activity: "fixed", reach: 1 }],
        efficiency: 0.5,
        adoption: { curve: "logistic", startYear: 2021, midpoint: 2021.5, steepness: 50, ceiling: 1 },
        systemSavingsPerYear: 400_000,
      }),
    ];
    const merged = forecast(compile(pkg, scenario({ levers: ["merge"] })));
    const y2023 = merged.totals.find((t) => t.year === 2023)!;
    expect(y2023.deliveryFte).toBeCloseTo(10 - 1.5, 6);
    expect(y2023.systemSavings).toBeCloseTo(400_000, 0);
    expect(y2023.savings).toBeCloseTo(1_500_000 + 400_000, 0);
  });
});

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
        // the same levers at zero intensity: delivery equals the baseline to the last digit, except
        // in support, which carries the load of the levers' development FTE
        const off = forecast(compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": 0 } }))).rows;
        off.forEach((row, i) => {
          if (row.process === "support") expect(row.deliveryFte).toBeGreaterThanOrEqual(none[i]!.baselineFte * (1 - 1e-12));
          else expect(row.deliveryFte).toBe(none[i]!.baselineFte);
        });
      }),
    );
  });

  it("savings never exceed the work they act on", () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const { pkg, leverIds } = build(shape);
        const plan = compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": 5 } }));
        const ws = evaluate(plan, plan.parameters.values, createWorkspace(plan));
        // support's work also follows the change effort it carries, so only core processes' activities are bounded
        const core = plan.processActivityStart[shape.processes.length]!;
        for (let i = 0; i < core * plan.yearCount; i++) {
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
});

describe("evaluate: support carries the load of change", () => {
  // residents flat: no growth; cases 10 FTE; support 4 FTE, half fixed, half moving with the
  // supported FTE (elasticity 1). A lever on cases builds for one year (2021) with 2 person-years
  // and saves nothing (efficiency 0), so its only effect is 2 development FTE in cases in 2021.
  const pkg = tinyPackage({
    drivers: { residents: series("residents", 2020, [1000, 1000, 1000, 1000]) },
    headcount: { cases: { 2020: 10 }, support: { 2020: 4 } },
    processes: [
      process("cases", [shareActivity("handling", 1, { residents: 1 })]),
      process("support", [shareActivity("hr", 1, { supported_fte: 1 })], { fixedShare: 0.5, supports: ["cases"] }),
    ],
    levers: [
      lever({
        id: "portal",
        targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
        efficiency: 0,
        build: { startYear: 2021, years: 1, personYears: 2, capex: 0 },
      }),
    ],
  });
  const result = forecast(compile(pkg, scenario({ levers: ["portal"] })));
  const row = (process: string, year: number) => result.rows.find((r) => r.process === process && r.year === year)!;

  it("drives support by the supported processes' delivery + development + transition FTE", () => {
    // 2021: cases 10 delivery + 2 development = 12 → support 2 fixed + 2 × (12 / 10) = 4.4
    expect(row("cases", 2021).developmentFte).toBeCloseTo(2, 12);
    expect(row("support", 2021).deliveryFte).toBeCloseTo(4.4, 12);
    expect(row("support", 2021).baselineFte).toBeCloseTo(4, 12);
    // 2022: the build is over, nothing left to support
    expect(row("support", 2022).deliveryFte).toBeCloseTo(4, 12);
  });

  it("counts the extra support as a cost, not a saving", () => {
    // savings = (baseline − delivery) × 1 Mkr = (14 − 14.4) × 1e6; cost = 2 development FTE × 1e6
    const year = result.totals[1]!;
    expect(year.fteSavings).toBeCloseTo(-0.4e6, 3);
    expect(year.net).toBeCloseTo(-0.4e6 - 2e6, 3);
  });
});

describe("evaluate: drift and fixed work that follows a driver", () => {
  // 10 FTE: 2 fixed, 8 on residents (elasticity 1); residents +10 % a year
  const pkg = (extra: Partial<Process>) =>
    tinyPackage({ processes: [process("cases", [shareActivity("handling", 1, { residents: 1 })], { fixedShare: 0.2, ...extra })] });
  const fte = (result: ReturnType<typeof forecast>, y: number) => result.totals[y]!.baselineFte;

  it("multiplies fixed work and activities by (1 + drift)^(t − base year)", () => {
    const result = forecast(compile(pkg({ drift: 0.02 })));
    expect(fte(result, 0)).toBe(10);
    // 2022: (2 + 8 × 1.21) × 1.02² = 11.68 × 1.0404 = 12.151872
    expect(fte(result, 2)).toBeCloseTo((2 + 8 * 1.21) * 1.02 ** 2, 12);
  });

  it("leaves individual allowances out of the drift", () => {
    const result = forecast(compile(pkg({ drift: 0.02, individualAllowanceFte: 1 })));
    // 1 allowance + 2 fixed + 7 variable: 2022 = 1 + (2 + 7 × 1.21) × 1.0404
    expect(fte(result, 2)).toBeCloseTo(1 + (2 + 7 * 1.21) * 1.02 ** 2, 12);
  });

  it("moves fixed work with its drivers when the package says so", () => {
    const result = forecast(compile(pkg({ fixedDrivers: { residents: 0.5 } })));
    // 2022: 2 × 1.21^0.5 + 8 × 1.21 = 2.2 + 9.68
    expect(fte(result, 2)).toBeCloseTo(2 * 1.1 + 8 * 1.21, 12);
  });

  it("lets a scenario set and a lever reach the moving fixed work", () => {
    const set = { "processes.cases.drift": 0.01, "processes.cases.fixed.elasticity.residents": 1 };
    const consolidation = lever({
      id: "merge",
      kind: "consolidation",
      targets: [{ process: "cases", activity: "fixed", reach: 0.5 }],
      efficiency: 1,
      dip: 1,
      adoption: { curve: "logistic", startYear: 2021, midpoint: 2021, steepness: 50, ceiling: 1 },
    });
    const result = forecast(compile({ ...pkg({ fixedDrivers: { residents: 0 } }), levers: [consolidation] }, scenario({ levers: ["merge"], set })));
    // 2021: fixed 2 × 1.1 × 1.01 = 2.222; adoption ≈ 1 from 2021 (midpoint 2021, steep): half removed
    const fixed2021 = 2 * 1.1 * 1.01;
    const s = result.levers[0]!.adoption[1]!;
    expect(result.totals[1]!.baselineFte).toBeCloseTo(fixed2021 + 8 * 1.1 * 1.01, 12);
    expect(result.totals[1]!.deliveryFte).toBeCloseTo(fixed2021 * (1 - 0.5 * s) + 8 * 1.1 * 1.01, 12);
    // transition = dip × reached (0.5 × fixed) × rise in adoption (s − 0)
    expect(result.totals[1]!.transitionFte).toBeCloseTo(0.5 * fixed2021 * s, 12);
  });
});
