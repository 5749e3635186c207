import { describe, expect, it } from "vitest";
import { MonteCarloPool, monteCarloParallel } from "../../io/parallel-monte-carlo.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { compile } from "../model/fixtures.ts";
import { uncertainPackage, uncertainScenario } from "../model/uncertainty-fixtures.ts";

const COLUMNS = ["fte", "baselineFte", "net", "cumulativeNet", "npv", "humpDepth", "humpYear", "paybackYear", "holdsFlatFrom"] as const;

describe("Monte Carlo over worker threads", () => {
  const plan = compile(uncertainPackage(), uncertainScenario());

  it("gives the same numbers on two threads as on one, to the last digit", async () => {
    const single = monteCarlo(plan, { draws: 501, seed: 77 });
    const progress: number[] = [];
    const parallel = await monteCarloParallel(plan, { draws: 501, seed: 77, threads: 2, onProgress: (done) => progress.push(done) });
    for (const column of COLUMNS) {
      expect(parallel[column].every((v, i) => Object.is(v, single[column][i])), column).toBe(true);
    }
    expect(Array.from(parallel.parameters.values)).toEqual(Array.from(single.parameters.values));
    expect(progress.at(-1)).toBe(501);
  }, 30_000);

  it("runs one job after another on a pool and refuses work once closed", async () => {
    const pool = await MonteCarloPool.start(2);
    try {
      const [a, b] = await Promise.all([pool.run(plan, { draws: 40, seed: 1 }), pool.run(plan, { draws: 40, seed: 2 })]);
      expect(Array.from(a.npv)).toEqual(Array.from(monteCarlo(plan, { draws: 40, seed: 1 }).npv));
      expect(Array.from(b.npv)).not.toEqual(Array.from(a.npv));
      await expect(pool.run(plan, { draws: 0 })).rejects.toThrow(/invalid draws/);
    } finally {
      await pool.close();
    }
    await expect(pool.run(plan, { draws: 10 })).rejects.toThrow(/closed/);
  }, 30_000);
});
