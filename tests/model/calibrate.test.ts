import { describe, expect, it } from "vitest";
import { backtest, meanAbsolutePercentageError } from "../../model/backtest.ts";
import { type Calibration, calibrate, calibrationToSet } from "../../model/calibrate.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];
// two drivers that do not move in step (residents grow steadily, businesses go up and down)
const RESIDENTS = [800, 830, 870, 900, 925, 950, 980, 1000];
const BUSINESSES = [60, 58, 55, 57, 52, 54, 51, 50];

/** A package whose headcount history is generated in the test from known elasticities. */
function synthetic(fte: (t: number) => number, extra: Partial<DataPackage> = {}): DataPackage {
  const firstYear = YEARS[0]!;
  const residents = series("residents", firstYear, [...RESIDENTS, 1050, 1100], RESIDENTS.length);
  const businesses = series("businesses", firstYear, [...BUSINESSES, 50, 50], BUSINESSES.length);
  return tinyPackage({
    drivers: { residents, businesses },
    headcount: { cases: Object.fromEntries(YEARS.map((year, t) => [year, fte(t)])) },
    processes: [process("cases", [shareActivity("handling", 1, { residents: 1, businesses: 1 })])],
    ...extra,
  });
}

/** Seeded noise (a fixed list) so the test is reproducible. */
const NOISE = [0.004, -0.006, 0.003, 0.005, -0.002, -0.004, 0.006, 0];

describe("calibration", () => {
  it("recovers known elasticities of two drivers from history generated with them", () => {
    // F_t = 100 · (R_t / R_2020)^0.7 · (B_t / B_2020)^0.3
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.7 * (BUSINESSES[t]! / 50) ** 0.3);
    const c = calibrate(pkg, { drivers: { cases: ["residents", "businesses"] } });
    expect(c.method).toBe("log-log least squares through the origin");
    expect(c.elasticities.cases!.residents).toBeCloseTo(0.7, 10);
    expect(c.elasticities.cases!.businesses).toBeCloseTo(0.3, 10);
    expect(c.fitStats.cases!.points).toBe(7);
    expect(c.fitStats.cases!.rSquared).toBeCloseTo(1, 12);
    expect(c.fitStats.cases!.residualSd).toBeCloseTo(0, 10);
  });

  it("recovers one driver's elasticity within its standard error when the history is noisy", () => {
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.8 * Math.exp(NOISE[t]!));
    const c = calibrate(pkg, { drivers: { cases: ["residents"] } });
    const fit = c.fitStats.cases!;
    const e = c.elasticities.cases!.residents!;
    expect(Math.abs(e - 0.8)).toBeLessThan(3 * fit.standardErrors.residents!);
    expect(Math.abs(e - 0.8)).toBeLessThan(0.1);
    expect(fit.residualSd).toBeGreaterThan(0);
  });

  it("fits through the origin: the base year anchors the fit", () => {
    // with an intercept this history would fit exactly with slope 1; through the origin it cannot
    const pkg = synthetic((t) => (t === 7 ? 100 : 110 * (RESIDENTS[t]! / 1000)));
    const e = calibrate(pkg, { drivers: { cases: ["residents"] } }).elasticities.cases!.residents!;
    const x = RESIDENTS.slice(0, 7).map((r) => Math.log(r / 1000));
    const y = RESIDENTS.slice(0, 7).map((r) => Math.log((110 * (r / 1000)) / 100));
    expect(e).toBeCloseTo(x.reduce((s, xi, i) => s + xi * y[i]!, 0) / x.reduce((s, xi) => s + xi * xi, 0), 12);
  });

  it("returns plain data that round-trips through JSON", () => {
    const c = calibrate(synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.7));
    const copy: Calibration = JSON.parse(JSON.stringify(c));
    expect(copy).toEqual(c);
    expect(calibrationToSet(tinyPackage(), copy)).toEqual(calibrationToSet(tinyPackage(), c));
  });

  it("defaults to each process's main driver and says when the history cannot determine it", () => {
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.7);
    expect(calibrate(pkg).fitStats.cases!.drivers).toEqual(["residents"]); // residents and businesses tie at 1: the first
    const short = synthetic((t) => 100 + t, { headcount: { cases: { 2020: 100 } } });
    const c = calibrate(short);
    expect(c.elasticities.cases).toBeUndefined();
    expect(c.fitStats.cases!.warnings.join(" ")).toMatch(/0 history points besides the base year cannot determine 1 elasticity/);
    expect(() => calibrate(pkg, { drivers: { cases: ["dwellings"] } })).toThrow(/unknown driver "dwellings"/);
  });

  it("applies as scenario `set` paths so that the model moves as fitted", () => {
    // 20 % fixed work: the activity's elasticity must be the process's divided by the variable share
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.6, {
      processes: [process("cases", [shareActivity("handling", 1, { residents: 1, businesses: 0.5 })], { fixedShare: 0.2 })],
    });
    const c = calibrate(pkg, { drivers: { cases: ["residents"] } });
    const set = calibrationToSet(pkg, c);
    expect(set).toEqual({
      "processes.cases.activities.handling.elasticity.residents": c.elasticities.cases!.residents! / 0.8,
      "processes.cases.activities.handling.elasticity.businesses": 0,
    });
    // to first order the process now moves with residents^0.6: 2021 residents +5 %
    const result = forecast(compile(pkg, scenario({ set })));
    const growth = result.totals[1]!.totalFte / result.totals[0]!.totalFte;
    expect(Math.log(growth) / Math.log(1.05)).toBeCloseTo(0.6, 2);
  });
});

describe("backtest", () => {
  it("scores a model that generated the history with no error, and the naive forecast with some", () => {
    // history generated by the model itself: 20 % fixed, 80 % moving with residents^0.5
    const history = (t: number) => 20 + 80 * (RESIDENTS[t]! / RESIDENTS[5]!) ** 0.5;
    const pkg = synthetic((t) => history(t), {
      processes: [process("cases", [shareActivity("handling", 1, { residents: 0.5 })], { fixedShare: 0.2 })],
    });
    // the model is anchored at the last kept year (2018), with 100 FTE there
    const result = backtest(pkg, { holdout: 2 });
    expect(result.cutoffYear).toBe(2018);
    expect(result.heldOutYears).toEqual([2019, 2020]);
    const cases = result.mape.find((s) => s.process === "cases")!;
    expect(cases.model).toBeCloseTo(0, 9);
    const naive = [2019, 2020].map((_, i) => 100 * (RESIDENTS[6 + i]! / RESIDENTS[5]!));
    const actual = [history(6), history(7)];
    expect(cases.naive).toBeCloseTo(meanAbsolutePercentageError(naive, actual), 12);
    expect(cases.naive!).toBeGreaterThan(1);
    expect(result.mape.at(-1)!.process).toBe("total");
  });

  it("computes MAPE by hand", () => {
    // |110 − 100| / 100 = 10 %, |45 − 50| / 50 = 10 %, |30 − 30| = 0 → 6.67 %
    expect(meanAbsolutePercentageError([110, 45, 30], [100, 50, 30])).toBeCloseTo(20 / 3, 12);
  });

  it("refuses a holdout that leaves no year to start from", () => {
    const pkg = synthetic((t) => 100 + t);
    expect(() => backtest(pkg, { holdout: 8 })).toThrow(/hold out 1 to 7/);
  });
});
