import { describe, expect, it } from "vitest";
import { humpDepthHistogramChart } from "../../charts/hump-depth-histogram.ts";
import type { ForecastResult } from "../../model/forecast.ts";
import type { MonteCarloSummary } from "../../model/monte-carlo.ts";
import { legendLabels, markData } from "./marks.ts";

const draws = { humpDepth: Float64Array.from([50e6, 60e6, 70e6]) };
// Only what the chart reads of a summary and a forecast.
const summary = { scenario: "s", draws: 3, humpDepth: { p10: 52e6, p50: 60e6, p90: 68e6, mean: 60e6 } } as unknown as MonteCarloSummary;
const point = { investment: { humpDepth: 55e6 } } as unknown as ForecastResult;

describe("humpDepthHistogramChart", () => {
  it("counts the draws by depth in millions and marks P10, P50 and P90", () => {
    const spec = humpDepthHistogramChart(draws, summary, { lang: "sv" });
    expect(markData<{ mkr: number }>(spec, "rect").map((d) => d.mkr)).toEqual([50, 60, 70]);
    expect(markData(spec, "rule", 0)).toEqual([
      { label: "P10", mkr: 52 },
      { label: "P50", mkr: 60 },
      { label: "P90", mkr: 68 },
    ]);
    expect(legendLabels(spec)).toEqual(["Antal dragningar", "P10, P50, P90"]);
    expect(spec.plot.x).toMatchObject({ label: "Puckelns djup, Mkr" });
  });

  it("marks the deterministic forecast's hump when given", () => {
    const spec = humpDepthHistogramChart(draws, summary, { lang: "en", point });
    expect(markData(spec, "rule", 1)).toEqual([55]);
    expect(legendLabels(spec)).toEqual(["Number of draws", "P10, P50, P90", "Point values"]);
    expect(spec.plot.x).toMatchObject({ label: "Hump depth, MSEK" });
  });
});
