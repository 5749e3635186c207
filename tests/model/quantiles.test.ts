import fc from "fast-check";
import { quantile as ssQuantile } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { gather, quantiles, yearQuantiles } from "../../model/quantiles.ts";
import { compile } from "./fixtures.ts";
import { uncertainPackage, uncertainScenario } from "./uncertainty-fixtures.ts";

describe("quantiles", () => {
  it("match R's type 7 on a known sample", () => {
    // R: quantile(c(2, 4, 4, 5, 7, 9, 10, 12, 15, 21), c(0.1, 0.5, 0.9)) → 3.8, 8.0, 15.6
    const sample = Float64Array.of(21, 4, 9, 2, 15, 4, 12, 5, 10, 7);
    const [p10, p50, p90] = quantiles(sample, [0.1, 0.5, 0.9]);
    expect(p10).toBeCloseTo(3.8, 12);
    expect(p50).toBeCloseTo(8, 12);
    expect(p90).toBeCloseTo(15.6, 12);
    expect(Array.from(sample)).toEqual([21, 4, 9, 2, 15, 4, 12, 5, 10, 7]); // not reordered
  });

  it("match simple-statistics on random samples", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const ps = [0, 0.1, 0.25, 0.5, 0.9, 1];
        expect(quantiles(Float64Array.from(values), ps)).toEqual(ssQuantile([...values], ps));
      }),
    );
  });

  it("read year quantiles as years that occurred, with NaN (none) after every year", () => {
    // type 1: the smallest year with at least p of the draws at or before it
    expect(yearQuantiles(Float64Array.of(2026, 2024, 2025, 2027, 2025), [0.1, 0.5, 0.9])).toEqual([2024, 2025, 2027]);
    expect(yearQuantiles(Float64Array.of(2025, NaN, 2026, NaN), [0.1, 0.5, 0.9])).toEqual([2025, 2026, null]);
  });

  it("refuse NaN and empty samples instead of returning nonsense", () => {
    expect(() => quantiles(Float64Array.of(1, NaN), [0.5])).toThrow(/NaN at position 1/);
    expect(() => quantiles(new Float64Array(0), [0.5])).toThrow(/empty/);
  });

  it("gather strided columns", () => {
    expect(Array.from(gather([0, 1, 2, 3, 4, 5, 6, 7], 1, 3, 3))).toEqual([1, 4, 7]);
  });
});

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
