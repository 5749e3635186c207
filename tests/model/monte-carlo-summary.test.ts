import { quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { holdsFlat } from "../../model/decoupling.ts";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { compile } from "./fixtures.ts";

/** P10, P50, P90 by the readable definition: sort the column, then simple-statistics' quantileSorted. */
const bySorting = (column: number[]) => {
  const sorted = [...column].sort((a, b) => a - b);
  return [0.1, 0.5, 0.9].map((p) => quantileSorted(sorted, p));
};

describe("Monte Carlo summary of a fixed-seed Nacka run", async () => {
  const nacka = await loadPackageFolder("data/nacka");
  const result = monteCarlo(compile(nacka, nacka.scenarios["vaxa-utan-att-vaxa"]!), { draws: 2000, seed: 42 });
  const summary = summariseMonteCarlo(result);
  const N = result.draws;
  const Y = result.years.length;
  const S = result.processes.length + 1;
  const draws = Array.from({ length: N }, (_, i) => i);
  const fte = (series: number, y: number) => draws.map((i) => result.fte[(i * S + series) * Y + y]!);

  it("has every process's and the total's FTE quantiles of sorting each column", () => {
    result.processes.forEach((process, p) => {
      for (let y = 0; y < Y; y++) {
        const row = summary.processes[p * Y + y]!;
        expect(row.process).toBe(process);
        expect([row.fte_p10, row.fte_p50, row.fte_p90]).toEqual(bySorting(fte(p, y)));
      }
    });
    summary.years.forEach((row, y) => {
      expect([row.totalFte_p10, row.totalFte_p50, row.totalFte_p90]).toEqual(bySorting(fte(S - 1, y)));
    });
  });

  it("has the baseline's and the cumulative net's quantiles of sorting each year", () => {
    summary.years.forEach((row, y) => {
      expect([row.baselineFte_p10, row.baselineFte_p50, row.baselineFte_p90]).toEqual(bySorting(draws.map((i) => result.baselineFte[i * Y + y]!)));
      expect([row.cumulativeNet_p10, row.cumulativeNet_p50, row.cumulativeNet_p90]).toEqual(bySorting(draws.map((i) => result.cumulativeNet[i * Y + y]!)));
    });
  });

  it("has the total's mean (draws added in order) and the share of draws holding flat, year by year", () => {
    summary.years.forEach((row, y) => {
      const total = fte(S - 1, y);
      expect(row.totalFte_mean).toBe(total.reduce((sum, v) => sum + v, 0) / N);
      expect(row.probabilityHoldsFlat).toBe(total.filter((v) => holdsFlat(v, summary.baseYearFte)).length / N);
    });
  });

  it("has the share of draws holding flat from each year on, counted draw by draw", () => {
    summary.years.forEach((row) => {
      expect(row.probabilityHoldsFlatFrom).toBe(draws.filter((i) => result.holdsFlatFrom[i]! <= row.year).length / N);
    });
  });

  it("has the NPV's and the hump's quantiles of sorting and their means, and the years by sorting with none last", () => {
    for (const name of ["npv", "humpDepth"] as const) {
      const column = Array.from(result[name]);
      const [p10, p50, p90] = bySorting(column);
      expect(summary[name]).toEqual({ p10, p50, p90, mean: column.reduce((sum, v) => sum + v, 0) / N });
    }
    for (const name of ["humpYear", "paybackYear"] as const) {
      const sorted = Float64Array.from(result[name]).sort(); // NaN ("none") last
      // type 1: the ⌈pN⌉-th smallest
      const [p10, p50, p90] = [0.1, 0.5, 0.9].map((p) => sorted[Math.ceil(p * N) - 1]!).map((year) => (Number.isNaN(year) ? null : year));
      expect(summary[name]).toEqual({ p10, p50, p90, probability: result[name].filter((v) => !Number.isNaN(v)).length / N });
    }
  });

  it("has every uncertain parameter's quantiles of sorting its draws", () => {
    const { names, values } = result.parameters;
    expect(summary.parameters.map((p) => p.name)).toEqual(names);
    summary.parameters.forEach((p, j) => {
      expect([p.p10, p.p50, p.p90]).toEqual(bySorting(Array.from(values.subarray(j * N, (j + 1) * N))));
    });
  });
});

describe("Monte Carlo summaries one after another", async () => {
  const nacka = await loadPackageFolder("data/nacka");
  const run = (scenario: string, draws: number, seed: number) => monteCarlo(compile(nacka, nacka.scenarios[scenario]!), { draws, seed });

  // the summaries keep their working memory from one to the next: a large run, then smaller and
  // other-shaped ones (the baseline scenario has no levers), then a large one again
  it.each([
    ["vaxa-utan-att-vaxa", 1200, 1],
    ["baseline", 37, 2],
    ["dubbel-tillvaxt", 501, 3],
    ["vaxa-utan-att-vaxa", 9, 4],
    ["vaxa-utan-att-vaxa", 1199, 5],
  ] as const)("each have the quantiles of sorting, whatever was summarised before: %s, %i draws", (scenario, draws, seed) => {
    const result = run(scenario, draws, seed);
    const summary = summariseMonteCarlo(result);
    const Y = result.years.length;
    const S = result.processes.length + 1;
    const column = (series: number, y: number) => Array.from({ length: draws }, (_, i) => result.fte[(i * S + series) * Y + y]!);
    result.processes.forEach((_, p) => {
      for (let y = 0; y < Y; y++) {
        const row = summary.processes[p * Y + y]!;
        expect([row.fte_p10, row.fte_p50, row.fte_p90]).toEqual(bySorting(column(p, y)));
      }
    });
    summary.years.forEach((row, y) => {
      expect([row.totalFte_p10, row.totalFte_p50, row.totalFte_p90]).toEqual(bySorting(column(S - 1, y)));
      expect([row.baselineFte_p10, row.baselineFte_p50, row.baselineFte_p90]).toEqual(bySorting(Array.from({ length: draws }, (_, i) => result.baselineFte[i * Y + y]!)));
    });
    expect([summary.npv.p10, summary.npv.p50, summary.npv.p90]).toEqual(bySorting(Array.from(result.npv)));
  });
});
