import { quantile as ssQuantile } from "simple-statistics";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../model/distributions.ts";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { forecast } from "../../model/forecast.ts";
import { type MonteCarloResult, monteCarlo, monteCarloBuffers, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { compile, scenario, series, tinyPackage } from "./fixtures.ts";
import { uncertainPackage, uncertainScenario } from "./uncertainty-fixtures.ts";

const COLUMNS = ["fte", "baselineFte", "net", "cumulativeNet", "npv", "humpDepth", "humpYear", "paybackYear", "holdsFlatFrom"] as const;

const identical = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe("Monte Carlo", () => {
  const plan = compile(uncertainPackage(), uncertainScenario());

  it("repeats every column to the last digit with the same seed", () => {
    const a = monteCarlo(plan, { draws: 400, seed: 2018 });
    const b = monteCarlo(plan, { draws: 400, seed: 2018 });
    for (const column of COLUMNS) expect(identical(a[column], b[column]), column).toBe(true);
    expect(identical(a.parameters.values, b.parameters.values)).toBe(true);
    expect(summariseMonteCarlo(a)).toEqual(summariseMonteCarlo(b));
  });

  it("writes into buffers it is given, run after run, with the same numbers as fresh arrays", () => {
    const buffers = monteCarloBuffers(plan, 300);
    for (const seed of [5, 6]) {
      const fresh = monteCarlo(plan, { draws: 300, seed });
      const reused = monteCarlo(plan, { draws: 300, seed, buffers });
      expect(reused.fte).toBe(buffers.columns.fte);
      expect(reused.parameters.values).toBe(buffers.parameters);
      for (const column of COLUMNS) expect(identical(fresh[column], reused[column]), column).toBe(true);
      expect(identical(fresh.parameters.values, reused.parameters.values)).toBe(true);
    }
    expect(() => monteCarlo(plan, { draws: 299, seed: 5, buffers })).toThrow(/buffers made for 300 draws/);
  });

  it("gives different draws with a different seed", () => {
    const a = monteCarlo(plan, { draws: 400, seed: 1 });
    const b = monteCarlo(plan, { draws: 400, seed: 2 });
    for (const column of ["fte", "npv", "humpDepth"] as const) expect(identical(a[column], b[column]), column).toBe(false);
    // the base year is the actual headcount in every draw
    expect(a.fte[2 * 6]).toBe(100);
  });

  it("keeps the first draws when more are asked for (each parameter's stream is its own)", () => {
    const few = monteCarlo(plan, { draws: 50, seed: 3 });
    const many = monteCarlo(plan, { draws: 200, seed: 3 });
    expect(identical(few.npv, many.npv.subarray(0, 50))).toBe(true);
  });

  it("equals the deterministic forecast in every draw when every distribution has zero width", () => {
    const values = plan.parameters.values;
    const at = (path: string) => values[plan.parameters.index.get(path)!]!;
    const zero: Record<string, Distribution> = {
      growthMultiplier: { type: "triangular", min: at("growthMultiplier"), mode: at("growthMultiplier"), max: at("growthMultiplier") },
      costPerFte: { type: "lognormal", mu: Math.log(at("costPerFte")), sigma: 0 },
      "processes.big.activities.cases.elasticity.residents": { type: "normal", mean: 1, sd: 0 },
      "processes.small.activities.licences.elasticity.businesses": { type: "uniform", min: 1, max: 1 },
      "levers.robot.efficiency": { type: "pert", min: 0.4, mode: 0.4, max: 0.4 },
    };
    const zeroPlan = compile(uncertainPackage(), uncertainScenario(zero));
    const result = monteCarlo(zeroPlan, { draws: 25, seed: 99 });
    // the lognormal's exp(ln(cost)) may differ from the cost in the last digit: compare with the plan at the drawn value
    const theta = zeroPlan.parameters.values.slice();
    result.parameters.parameters.forEach((p, j) => (theta[p] = result.parameters.values[j * 25]!));
    const expected = forecast(zeroPlan, theta);
    expectEveryDrawToBe(result, expected);
  });

  it("equals the deterministic forecast in every draw when nothing is uncertain", () => {
    const pkg = uncertainPackage();
    const plain = compile(pkg, scenario({ levers: ["robot"] }));
    plain.parameters.uncertain = [];
    const result = monteCarlo(plain, { draws: 10, seed: 1 });
    expect(result.parameters.names).toEqual([]);
    expectEveryDrawToBe(result, forecast(plain));
  });

  it("counts the draws that hold total FTE at or below the base year", () => {
    // one process of 10 FTE, residents move by m × 100 a year: FTE ≤ 10 exactly when m ≤ 0
    const pkg = tinyPackage({ drivers: { residents: series("residents", 2020, [1000, 1100, 1200, 1300]) } });
    // normal(1, 1.5): P(m ≤ 0) = Φ(−1 / 1.5) = Φ(−0.667) ≈ 0.252; draws below 0 are clamped to 0
    const m: Distribution = { type: "normal", mean: 1, sd: 1.5 };
    const result = monteCarlo(compile(pkg, scenario({ uncertainty: { growthMultiplier: m } })), { draws: 2000, seed: 4 });
    const summary = summariseMonteCarlo(result);
    const drawn = result.parameters.values;
    const flat = drawn.filter((v) => v <= 0).length / 2000; // growth multipliers are clamped to ≥ 0
    expect(flat).toBeGreaterThan(0.2); // P(m ≤ 0) ≈ 0.252
    expect(flat).toBeLessThan(0.3);
    expect(summary.years[2]!.probabilityHoldsFlat).toBe(flat);
    expect(summary.years[3]!.probabilityHoldsFlatFrom).toBe(flat);
    expect(summary.years[0]!.probabilityHoldsFlat).toBe(1);
    expect(summary.hasLevers).toBe(false);
  });

  it("summarises the hump, payback and NPV across the draws", () => {
    const summary = summariseMonteCarlo(monteCarlo(plan, { draws: 500, seed: 8 }));
    expect(summary.hasLevers).toBe(true);
    expect(summary.humpDepth.p10).toBeLessThanOrEqual(summary.humpDepth.p50);
    expect(summary.humpDepth.p50).toBeLessThanOrEqual(summary.humpDepth.p90);
    expect(summary.npv.p10).toBeLessThan(summary.npv.p90);
    expect(summary.parameters.map((p) => p.name)).toContain("levers.robot.efficiency");
    expect(summary.years).toHaveLength(6);
    expect(summary.processes).toHaveLength(12);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it("rejects draws and seeds it cannot use", () => {
    expect(() => monteCarlo(plan, { draws: 0 })).toThrow(/invalid draws: 0/);
    expect(() => monteCarlo(plan, { draws: 1.5 })).toThrow(/invalid draws/);
    expect(() => monteCarlo(plan, { seed: -3 })).toThrow(/invalid seed: -3/);
  });
});

function expectEveryDrawToBe(result: MonteCarloResult, expected: ReturnType<typeof forecast>): void {
  const Y = result.years.length;
  const P = result.processes.length;
  const inv = expected.investment!;
  for (let d = 0; d < result.draws; d++) {
    result.processes.forEach((process, p) => {
      const rows = expected.rows.filter((r) => r.process === process).map((r) => r.totalFte);
      expect(Array.from(result.fte.subarray((d * (P + 1) + p) * Y, (d * (P + 1) + p + 1) * Y))).toEqual(rows);
    });
    const total = Array.from(result.fte.subarray((d * (P + 1) + P) * Y, (d * (P + 1) + P + 1) * Y));
    expect(total).toEqual(expected.totals.map((t) => t.totalFte));
    expect(Array.from(result.baselineFte.subarray(d * Y, (d + 1) * Y))).toEqual(expected.totals.map((t) => t.baselineFte));
    expect(Array.from(result.cumulativeNet.subarray(d * Y, (d + 1) * Y))).toEqual(expected.totals.map((t) => t.cumulativeNet));
    expect(result.npv[d]).toBe(inv.npv);
    expect(result.humpDepth[d]).toBe(inv.humpDepth);
    expect(result.humpYear[d]).toBe(inv.humpYear ?? NaN);
    expect(result.paybackYear[d]).toBe(inv.paybackYear ?? NaN);
    expect(result.holdsFlatFrom[d]).toBe(expected.holdsFlatFrom ?? NaN);
  }
}

describe("the Monte Carlo summary's quantiles", () => {
  it("equal simple-statistics' quantiles of each year's and process's draws, computed draw by draw", () => {
    const plan = compile(uncertainPackage(), uncertainScenario());
    const result = monteCarlo(plan, { draws: 301, seed: 5 });
    const summary = summariseMonteCarlo(result);
    // recompute every draw from scratch with the kernel, without the columns
    const ws = createWorkspace(plan);
    const theta = plan.parameters.values.slice();
    const total: number[][] = plan.processIds.map(() => []);
    const totals: number[][] = result.years.map(() => []);
    for (let i = 0; i < result.draws; i++) {
      result.parameters.parameters.forEach((parameter, j) => {
        theta[parameter] = result.parameters.values[j * result.draws + i]!;
      });
      evaluate(plan, theta, ws);
      plan.processIds.forEach((_, p) => total[p]!.push(ws.delivery[p * plan.yearCount + 3]! + ws.development[p * plan.yearCount + 3]! + ws.transition[p * plan.yearCount + 3]!));
      result.years.forEach((_, y) => totals[y]!.push(ws.total[y]!));
    }
    const ps = [0.1, 0.5, 0.9];
    summary.years.forEach((row, y) => {
      const [p10, p50, p90] = ssQuantile(totals[y]!, ps);
      expect([row.totalFte_p10, row.totalFte_p50, row.totalFte_p90]).toEqual([p10, p50, p90]);
    });
    plan.processIds.forEach((id, p) => {
      const row = summary.processes.find((r) => r.process === id && r.year === 2023)!;
      expect([row.fte_p10, row.fte_p50, row.fte_p90]).toEqual(ssQuantile(total[p]!, ps));
    });
  });
});

describe("the headline beside its own range", () => {
  const plan = compile(uncertainPackage(), uncertainScenario());
  const result = monteCarlo(plan, { draws: 1000, seed: 3 });

  it("sets the deterministic forecast (every assumption at its median) beside P10–P90", () => {
    const summary = summariseMonteCarlo(result);
    const central = forecast(plan);
    expect(summary.central.estimate).toBe("every assumption at its median");
    const hump = summary.central.figures.find((f) => f.figure === "humpDepth")!;
    expect(hump.value).toBe(central.investment!.humpDepth);
    expect([hump.p10, hump.p50, hump.p90]).toEqual([summary.humpDepth.p10, summary.humpDepth.p50, summary.humpDepth.p90]);
    const fte2025 = summary.central.figures.find((f) => f.figure === "totalFte" && f.year === 2025)!;
    expect(fte2025.value).toBe(central.totals[5]!.totalFte);
    expect(fte2025.withinP10P90).toBe(fte2025.value! >= fte2025.p10! && fte2025.value! <= fte2025.p90!);
  });

  it("says so when a headline figure lies outside its P10–P90", () => {
    const p90 = summariseMonteCarlo(result).npv.p90;
    const summary = summariseMonteCarlo({ ...result, central: { ...result.central, npv: p90 + 1e6, paybackYear: null } });
    const npv = summary.central.figures.find((f) => f.figure === "npv")!;
    expect(npv.withinP10P90).toBe(false);
    expect(summary.notices.some((n) => n.startsWith("the headline npv (every assumption at its median) is ") && n.includes("outside its own Monte Carlo P10–P90"))).toBe(true);
    // no payback in the headline while every draw pays back: "none" is later than the P90 year
    const payback = summary.central.figures.find((f) => f.figure === "paybackYear")!;
    expect(payback.withinP10P90).toBe(summary.paybackYear.p90 === null);
  });
});
