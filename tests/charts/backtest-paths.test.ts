import { describe, expect, it } from "vitest";
import { backtestPaths, backtestPathsChart } from "../../charts/backtest-paths.ts";
import type { BacktestResult, BacktestRow } from "../../model/backtest.ts";
import { legendLabels } from "./marks.ts";

const history = { a: { 2018: 10, 2019: 11, 2020: 12 }, b: { 2018: 5, 2019: 5, 2020: 6 } };
const row = (cutoff: number, year: number, process: string, model: number): BacktestRow => ({
  cutoff,
  year,
  horizon: year - cutoff,
  process,
  actual: 0,
  model,
  calibrated: null,
  naiveFlat: 0,
  naiveResidents: null,
});
// Only what the chart reads of a backtest: from 2018 the model says 10.5 + 5.2 in 2019 and 11 + 5.4 in 2020; from 2019, 11.8 + 5.1.
const bt = {
  historyYears: [2018, 2019, 2020],
  cutoffs: [2018, 2019],
  rows: [row(2018, 2019, "a", 10.5), row(2018, 2019, "b", 5.2), row(2018, 2020, "a", 11), row(2018, 2020, "b", 5.4), row(2019, 2020, "a", 11.8), row(2019, 2020, "b", 5.1)],
} as unknown as BacktestResult;

describe("backtestPaths", () => {
  it("starts each cutoff's path at the actual total and sums the processes' forecasts after it", () => {
    const paths = backtestPaths(bt, history).map((p) => [p.cutoff, p.year, Number(p.fte.toFixed(6))]);
    expect(paths).toEqual([
      [2018, 2018, 15],
      [2018, 2019, 15.7],
      [2018, 2020, 16.4],
      [2019, 2019, 16],
      [2019, 2020, 16.9],
    ]);
  });
});

describe("backtestPathsChart", () => {
  it("names the history and each cutoff's forecast", () => {
    expect(legendLabels(backtestPathsChart(bt, history, { lang: "sv", historyLabel: "Utfall (antaget)" }))).toEqual([
      "Utfall (antaget)",
      "Modellen från 2018",
      "Modellen från 2019",
    ]);
    expect(legendLabels(backtestPathsChart(bt, history, { lang: "en" }))).toEqual(["Actual", "The model from 2018", "The model from 2019"]);
  });
});
