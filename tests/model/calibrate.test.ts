import { describe, expect, it } from "vitest";
import { type Calibration, calibrate, calibrationToSet } from "../../model/calibrate.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";
import { BUSINESSES, RESIDENTS, synthetic, YEARS } from "./history-fixture.ts";

/** Seeded noise (a fixed list) so the test is reproducible. */
const NOISE = [0.004, -0.006, 0.003, 0.005, -0.002, -0.004, 0.006, 0];

describe("calibration", () => {
  it("recovers known elasticities of two drivers from history generated with them", () => {
    // F_t = 100 · (R_t / R_2020)^0.7 · (B_t / B_2020)^0.3
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.7 * (BUSINESSES[t]! / 50) ** 0.3);
    const c = calibrate(pkg, { drivers: { cases: ["residents", "businesses"] }, drift: false });
    expect(c.method).toBe("log-log least squares through the origin, with a yearly drift term");
    expect(c.elasticities.cases!.residents).toBeCloseTo(0.7, 10);
    expect(c.elasticities.cases!.businesses).toBeCloseTo(0.3, 10);
    expect(c.fitStats.cases!.points).toBe(7);
    expect(c.fitStats.cases!.rSquared).toBeCloseTo(1, 12);
    expect(c.fitStats.cases!.residualSd).toBeCloseTo(0, 10);
  });

  it("recovers one driver's elasticity within its standard error when the history is noisy", () => {
    const pkg = synthetic((t) => 100 * (RESIDENTS[t]! / 1000) ** 0.8 * Math.exp(NOISE[t]!));
    const c = calibrate(pkg, { drivers: { cases: ["residents"] }, drift: false });
    const fit = c.fitStats.cases!;
    const e = c.elasticities.cases!.residents!;
    expect(Math.abs(e - 0.8)).toBeLessThan(3 * fit.standardErrors.residents!);
    expect(Math.abs(e - 0.8)).toBeLessThan(0.1);
    expect(fit.residualSd).toBeGreaterThan(0);
  });

  it("fits through the origin: the base year anchors the fit", () => {
    // with an intercept this history would fit exactly with slope 1; through the origin it cannot
    const pkg = synthetic((t) => (t === 7 ? 100 : 110 * (RESIDENTS[t]! / 1000)));
    const e = calibrate(pkg, { drivers: { cases: ["residents"] }, drift: false }).elasticities.cases!.residents!;
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
    const c = calibrate(pkg, { drivers: { cases: ["residents"] }, drift: false });
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

describe("calibration with a drift", () => {
  // F_t = 100 · (B_t / B_2020)^0.6 · 1.03^(t − 2020): generated in the test with a known elasticity and
  // drift; businesses go up and down, so they do not move in step with time
  const history = (t: number) => 100 * (BUSINESSES[t]! / 50) ** 0.6 * 1.03 ** (YEARS[t]! - 2020);

  it("recovers a drift and an elasticity from synthetic history", () => {
    const c = calibrate(synthetic(history), { drivers: { cases: ["businesses"] } });
    expect(c.elasticities.cases!.businesses).toBeCloseTo(0.6, 10);
    expect(c.drift.cases).toBeCloseTo(0.03, 12);
    const fit = c.fitStats.cases!;
    expect(fit.fitsDrift).toBe(true);
    expect(fit.points).toBe(7);
    expect(fit.degreesOfFreedom).toBe(5);
    expect(fit.driftStandardError).toBeCloseTo(0, 10);
    expect(fit.trusted).toBe(true);
  });

  it("recovers them within their standard errors from noisy history", () => {
    const c = calibrate(synthetic((t) => history(t) * Math.exp(NOISE[t]!)), { drivers: { cases: ["businesses"] } });
    const fit = c.fitStats.cases!;
    expect(Math.abs(c.drift.cases! - 0.03)).toBeLessThan(3 * fit.driftStandardError!);
    expect(Math.abs(c.elasticities.cases!.businesses! - 0.6)).toBeLessThan(3 * fit.standardErrors.businesses!);
    expect(fit.driftStandardError!).toBeGreaterThan(0);
  });

  it("leaves the individual allowances out of the moving FTE", () => {
    // 10 FTE of allowances on top of work that grows 3 % a year: (F_t − 10) = 100 · 1.03^(t − 2020)
    const pkg = synthetic((t) => 10 + 100 * 1.03 ** (YEARS[t]! - 2020), {
      processes: [process("cases", [shareActivity("handling", 1, { residents: 0 })], { individualAllowanceFte: 10 })],
    });
    const c = calibrate(pkg, { drivers: { cases: ["businesses"] } });
    expect(c.drift.cases).toBeCloseTo(0.03, 12);
    expect(c.elasticities.cases!.businesses).toBeCloseTo(0, 10);
  });

  it("carries the drift to a scenario's set, and the model reproduces the history it came from", () => {
    const pkg = synthetic(history, { processes: [process("cases", [shareActivity("handling", 1, { businesses: 1 })])] });
    const set = calibrationToSet(pkg, calibrate(pkg, { drivers: { cases: ["businesses"] } }));
    expect(set["processes.cases.drift"]).toBeCloseTo(0.03, 12);
    expect(set["processes.cases.activities.handling.elasticity.businesses"]).toBeCloseTo(0.6, 10);
    // the model from 2020 with the fitted elasticity and drift: businesses stay at 50, so 100 · 1.03² in 2022
    const result = forecast(compile(pkg, scenario({ set })));
    expect(result.totals[2]!.totalFte).toBeCloseTo(100 * 1.03 ** 2, 8);
  });

  it("says when the history is too short to trust, and when drift and a driver move in step", () => {
    // four years of residents growing by the same amount each year: ln ratios almost linear in time
    const pkg = tinyPackage({
      drivers: { residents: series("residents", 2017, [940, 960, 980, 1000, 1100, 1210, 1331], 4) },
      headcount: { cases: { 2017: 90, 2018: 93, 2019: 97, 2020: 100 } },
    });
    const fit = calibrate(pkg).fitStats.cases!;
    expect(fit.trusted).toBe(false);
    expect(fit.degreesOfFreedom).toBe(1);
    expect(fit.warnings.join(" ")).toMatch(/history too short to trust the fit: 3 points for 1 elasticity and a drift leave 1 degree of freedom/);
    expect(fit.warnings.join(" ")).toMatch(/residents and time \(the drift\) moved almost in step/);
  });
});
