import { describe, expect, it } from "vitest";
import { type Calibration, calibrate, calibrationToSet } from "../../model/calibrate.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, shareActivity, tinyPackage } from "./fixtures.ts";
import { BUSINESSES, RESIDENTS, synthetic } from "./history-fixture.ts";

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
