import { describe, expect, it } from "vitest";
import { backtestMapeChart } from "../../charts/backtest-mape.ts";
import type { BacktestResult, BacktestScore } from "../../model/backtest.ts";
import { legendLabels, markData } from "./marks.ts";

const score = (process: string, horizon: number | null, calibrated: number | null): BacktestScore => ({
  process,
  horizon,
  points: 3,
  model: 2,
  calibrated,
  calibratedPoints: calibrated === null ? 0 : 3,
  naiveFlat: 5,
  naiveResidents: 4,
});
// Only what the chart reads of a backtest.
const bt = {
  cutoffs: [2015, 2016, 2017],
  horizons: [1, 2, 3],
  mape: [score("cases", 1, 1), score("cases", null, 1.5), score("total", 1, null), score("total", null, null)],
} as unknown as BacktestResult;

describe("backtestMapeChart", () => {
  it("draws the errors over all horizons, per process and in total, leaving out a method that could not run", () => {
    const spec = backtestMapeChart(bt, { lang: "sv", processNames: { cases: "Ärenden" } });
    expect(legendLabels(spec)).toEqual(["Modellen", "Kalibrerad", "Oförändrad", "Invånare"]);
    const bars = markData<{ name: string; method: string; mape: number }>(spec, "bar");
    expect(bars.map((b) => [b.name, b.method, b.mape])).toEqual([
      ["Ärenden", "Modellen", 2],
      ["Ärenden", "Kalibrerad", 1.5],
      ["Ärenden", "Oförändrad", 5],
      ["Ärenden", "Invånare", 4],
      ["Totalt", "Modellen", 2],
      ["Totalt", "Oförändrad", 5],
      ["Totalt", "Invånare", 4],
    ]);
    expect(spec.caption).toBe("Medelabsolut procentfel per process och totalt, alla prognoshorisonter (1–3 år) från startåren 2015, 2016, 2017.");
  });
});
