import { describe, expect, it } from "vitest";
import { processFanChart, processIndexBands } from "../../charts/process-fan.ts";
import type { MonteCarloProcessYear, MonteCarloSummary } from "../../model/monte-carlo.ts";
import { markData } from "./marks.ts";

/** A summary with four processes, each with P50 10 FTE in 2020 and 9 / 12 / 15 FTE (P10/P50/P90) in 2030. */
function summary(): MonteCarloSummary {
  const processes: MonteCarloProcessYear[] = ["a", "b", "c", "d"].flatMap((process) => [
    { process, year: 2020, fte_p10: 10, fte_p50: 10, fte_p90: 10 },
    { process, year: 2030, fte_p10: 9, fte_p50: 12, fte_p90: 15 },
  ]);
  const years = [2020, 2030].map((year) => ({ year }));
  // Only what the chart reads; the rest of a summary does not matter here.
  return { scenario: "s", seed: 1, draws: 100, baseYear: 2020, horizon: 2030, processes, years } as unknown as MonteCarloSummary;
}

describe("processIndexBands", () => {
  it("divides each quantile by the process's median in the base year", () => {
    const end = processIndexBands(summary()).find((r) => r.process === "a" && r.year === 2030)!;
    expect([end.lo, end.mid, end.hi]).toEqual([90, 120, 150]);
  });
});

describe("processFanChart", () => {
  it("lays the processes out three to a row", () => {
    const spec = processFanChart(summary(), { lang: "sv", processNames: { d: "Fjärde" } });
    const d = markData<{ process: string; col: number; row: number; name: string }>(spec, "area").find((r) => r.process === "d")!;
    expect([d.col, d.row, d.name]).toEqual([0, 1, "Fjärde"]);
    expect(spec.plot.height).toBe(70 + 160 * 2);
    expect(spec.caption).toBe("Årsarbetare per process, som index (2020 = 100): band P10–P90, linje P50 av 100 dragningar (seed 1).");
  });
});

