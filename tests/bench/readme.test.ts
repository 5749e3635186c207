/**
 * README's speed table (bench/readme.ts) from a results.json: the floor's row (bench/floor.ts) is
 * there when the results have one, with its figures; the committed results.json stands in for the
 * rest of a run's figures.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { speedTable } from "../../bench/readme.ts";

const committed = JSON.parse(readFileSync(new URL("../../bench/results.json", import.meta.url), "utf8"));

/** A floor as bench/run.ts writes it, with round figures. */
const floor = {
  pairs: 7,
  callsPerDraw: { plan: { draws: 10000, exp: 703, log: 190, pow: 0 } },
  transcendentalsMs: 120,
  transcendentalsCpuMs: 115,
  transcendentalsBestMs: 110,
  cohortProjectionMs: 90,
  cohortProjectionCpuMs: 85,
  cohortProjectionBestMs: 80,
  drawsToFloorRatio: 2.75,
};

const floorRows = (lines: string[]) => lines.filter((l) => l.includes("the floor"));

describe("speedTable's floor row", () => {
  it("shows the draws' calls, the floor's times and the sum with sampling against the target", () => {
    const results = { ...committed, monteCarlo: { ...committed.monteCarlo, floor, singleThread: { ...committed.monteCarlo.singleThread, samplingMs: 40 } } };
    const [row] = floorRows(speedTable(results));
    expect(row).toContain("120 ms for 703 exp + 190 log a draw (CPU 115 ms; fastest 110 ms; the draws 2.75× it, median of 7 pairs)");
    expect(row).toContain("the projection 90 ms (CPU 85 ms; fastest 80 ms)");
    // 120 + 90 + 40 = 250 ms, above the target of 100 ms
    expect(row).toContain("with sampling 250 ms before any other arithmetic: above ≤ 100 ms");
  });

  it("says within the target when the floor and sampling fit, and leaves out the projection without a population", () => {
    const small = { ...floor, transcendentalsMs: 50, cohortProjectionMs: null, cohortProjectionCpuMs: null, cohortProjectionBestMs: null, callsPerDraw: { plan: { exp: 12.5, log: 3, pow: 4 } } };
    const results = { ...committed, monteCarlo: { ...committed.monteCarlo, floor: small, singleThread: { ...committed.monteCarlo.singleThread, samplingMs: 40 } } };
    const [row] = floorRows(speedTable(results));
    expect(row).toContain("50 ms for 12.5 exp + 3 log + 4 pow a draw");
    expect(row).not.toContain("projection");
    expect(row).toContain("the floor: the draws' exp and log alone, each in pairs with the draws");
    expect(row).toContain("with sampling 90 ms before any other arithmetic: within ≤ 100 ms");
  });

  it("has no floor row for results without a floor", () => {
    const { floor: _none, ...monteCarlo } = committed.monteCarlo;
    expect(floorRows(speedTable({ ...committed, monteCarlo }))).toEqual([]);
  });
});
