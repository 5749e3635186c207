/**
 * The rolling-origin backtest on a package small enough to compute by hand.
 *
 * History 2017–2020. Residents 100, 144, 144, 169 (square roots 10, 12, 12, 13); one process,
 * "cases", all variable work, elasticity 0.5 to residents, so the model moves with √residents.
 * Actual FTE 10, 12, 12.5, 13.
 */
import { describe, expect, it } from "vitest";
import { BACKTEST_TOTAL, backtest, meanAbsolutePercentageError } from "../../model/backtest.ts";
import { process, series, shareActivity, tinyPackage } from "./fixtures.ts";

const pkg = tinyPackage({
  drivers: { residents: series("residents", 2017, [100, 144, 144, 169, 180, 190, 200], 4) },
  headcount: { cases: { 2017: 10, 2018: 12, 2019: 12.5, 2020: 13 } },
  processes: [process("cases", [shareActivity("handling", 1, { residents: 0.5 })])],
});

const score = (result: ReturnType<typeof backtest>, horizon: number | null, process = "cases") =>
  result.mape.find((s) => s.process === process && s.horizon === horizon)!;

describe("rolling-origin backtest", () => {
  const result = backtest(pkg);

  it("forecasts from every cutoff to every later history year", () => {
    expect(result.cutoffs).toEqual([2017, 2018, 2019]);
    expect(result.horizons).toEqual([1, 2, 3]);
    expect(result.rows.map((r) => `${r.cutoff}→${r.year}`)).toEqual(["2017→2018", "2017→2019", "2017→2020", "2018→2019", "2018→2020", "2019→2020"]);
  });

  it("scores the model by hand", () => {
    // from 2017 (10 FTE): 10 · 12/10 = 12 (2018), 12 (2019), 13 (2020); from 2018 (12): 12, 13;
    // from 2019 (12.5): 12.5 · 13/12 = 13.5417. Errors: h1 0, 4 %, 4.1667 %; h2 4 %, 0; h3 0.
    expect(result.rows.map((r) => r.model)).toEqual([12, 12, 13, 12, 13, 12.5 * (13 / 12)].map((v) => expect.closeTo(v, 12)));
    const h1From2019 = (((12.5 * 13) / 12 - 13) / 13) * 100; // 4.1667 %
    expect(score(result, 1).model).toBeCloseTo((0 + 4 + h1From2019) / 3, 10);
    expect(score(result, 2).model).toBeCloseTo((4 + 0) / 2, 10);
    expect(score(result, 3).model).toBeCloseTo(0, 10);
    expect(score(result, null).model).toBeCloseTo((0 + 4 + h1From2019 + 4 + 0 + 0) / 6, 10);
    expect(score(result, 1).points).toBe(3);
  });

  it("scores the two naive forecasts by hand", () => {
    // flat: h1 |10 − 12|/12, |12 − 12.5|/12.5, |12.5 − 13|/13 → 16.667 %, 4 %, 3.846 %
    expect(score(result, 1).naiveFlat).toBeCloseTo((2 / 12 + 0.5 / 12.5 + 0.5 / 13) * 100 / 3, 10);
    expect(score(result, 3).naiveFlat).toBeCloseTo((3 / 13) * 100, 10);
    // residents: from 2017: 10 · 144/100 = 14.4, 14.4, 16.9; from 2018: 12, 12 · 169/144; from 2019: 12.5 · 169/144
    const residents = [14.4, 14.4, 16.9, 12, (12 * 169) / 144, (12.5 * 169) / 144];
    expect(result.rows.map((r) => r.naiveResidents)).toEqual(residents.map((v) => expect.closeTo(v, 12)));
    expect(score(result, null).naiveResidents).toBeCloseTo(
      meanAbsolutePercentageError(residents, [12, 12.5, 13, 12.5, 13, 13]),
      12,
    );
  });

  it("calibrates on the years up to each cutoff, where they can determine an elasticity and a drift", () => {
    // from 2017 and 2018 there are 0 and 1 points for 2 parameters: no fit. From 2019 two points
    // fit exactly: e·ln(R_t/R_2019) + g·(t − 2019) = ln(F_t/F_2019) for t = 2017, 2018 (Cramer's rule)
    const [x17, x18] = [Math.log(100 / 144), Math.log(144 / 144)];
    const [y17, y18] = [Math.log(10 / 12.5), Math.log(12 / 12.5)];
    const det = -2 * x18 + x17;
    const e = (-2 * y18 + y17) / det; // 0.38805
    const g = (x18 * y17 - x17 * y18) / det; // 0.040822, a drift of e^g − 1 = 4.17 % a year
    const expected = 12.5 * (169 / 144) ** e * Math.exp(g); // 13.857
    expect(result.rows.map((r) => r.calibrated)).toEqual([null, null, null, null, null, expect.closeTo(expected, 9)]);
    expect(score(result, 1).calibrated).toBeCloseTo((Math.abs(expected - 13) / 13) * 100, 8);
    expect(score(result, 1).calibratedPoints).toBe(1);
    expect(score(result, 2).calibrated).toBeNull();
  });

  it("says the history is too short to trust the fit", () => {
    expect(result.calibrationTrusted).toBe(false);
    expect(result.notes.join("\n")).toMatch(/too short to trust a fit from 2019: 2 points for 2 parameters per process \(3 degrees of freedom needed\) in cases/);
    expect(result.notes.join("\n")).toMatch(/the years up to 2017, 2018 are too few to fit anything/);
  });

  it("sums the processes into a total", () => {
    expect(score(result, 1, BACKTEST_TOTAL).model).toBeCloseTo(score(result, 1).model, 12);
  });

  it("honours a later first cutoff and a shorter horizon", () => {
    const short = backtest(pkg, { initial: 2, horizon: 1 });
    expect(short.cutoffs).toEqual([2018, 2019]);
    expect(short.rows.map((r) => `${r.cutoff}→${r.year}`)).toEqual(["2018→2019", "2019→2020"]);
    expect(() => backtest(pkg, { initial: 4 })).toThrow(/the first cutoff can come after 1 to 3 of them/);
  });
});

describe("MAPE", () => {
  it("computes by hand", () => {
    // |110 − 100| / 100 = 10 %, |45 − 50| / 50 = 10 %, |30 − 30| = 0 → 6.67 %
    expect(meanAbsolutePercentageError([110, 45, 30], [100, 50, 30])).toBeCloseTo(20 / 3, 12);
  });
});
