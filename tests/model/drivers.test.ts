/**
 * Drivers under a scenario: stocks and flows, actual years kept, growth from the last actual year.
 * Expected values are computed by hand in the comments.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DataPackage, Scenario } from "../../model/data-package.ts";
import { driverPath, lastActualYear, scenarioDriver } from "../../model/drivers.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

const fteIn = (result: ReturnType<typeof forecast>, year: number) => result.totals.find((t) => t.year === year)!.baselineFte;

/**
 * Base year 2020, horizon 2023. Residents (a stock) are actual in 2020–2021: 1,000, 1,100, then
 * forecast 1,150, 1,200. Dwellings completed (a flow) are actual in 2020 only: 100, then forecast
 * 90, 120, 150. One process of 10 FTE: 5 FTE on residents (elasticity 1), 5 on dwellings (elasticity 1).
 */
function homes(): DataPackage {
  return tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1150, 1200], 2),
      dwellings: series("dwellings", 2020, [100, 90, 120, 150], 1, "flow"),
    },
    processes: [
      process("planning", [shareActivity("people", 0.5, { residents: 1 }), shareActivity("homes", 0.5, { dwellings: 1 })]),
    ],
    headcount: { planning: { 2020: 10 } },
  });
}

describe("a stock's change and a flow's level", () => {
  it("doubles the homes built, and the growth of residents since their last actual year, under ×2", () => {
    const result = forecast(compile(homes(), scenario({ growthMultiplier: 2 })));
    // 2021: residents actual (1,100); dwellings forecast: 2 × 90 = 180 → 5 × 1.1 + 5 × 1.8 = 14.5
    expect(fteIn(result, 2021)).toBeCloseTo(5 * 1.1 + 5 * 1.8, 12);
    // 2022: residents 1,100 + 2 × (1,150 − 1,100) = 1,200; dwellings 2 × 120 = 240 → 5 × 1.2 + 5 × 2.4 = 18
    expect(fteIn(result, 2022)).toBeCloseTo(18, 12);
    expect(result.totals[2]!.residents).toBeCloseTo(1200, 9);
    // 2023: residents 1,100 + 2 × 100 = 1,300; dwellings 300 → 5 × 1.3 + 5 × 3 = 21.5
    expect(fteIn(result, 2023)).toBeCloseTo(21.5, 12);
  });

  it("never gives fewer homes under double growth, even when the forecast of homes falls", () => {
    // the flow falls from 100 to 90 in 2021; ×2 of its change would give 80, ×2 of its level 180
    const pkg = homes();
    const one = forecast(compile(pkg, scenario({ growthMultiplier: 1 })));
    const two = forecast(compile(pkg, scenario({ growthMultiplier: 2 })));
    for (const year of [2021, 2022, 2023]) expect(fteIn(two, year)).toBeGreaterThan(fteIn(one, year));
  });

  it("applies the formulas of drivers.ts", () => {
    // stock: D(t_a) + m · (D(t) − D(t_a)) = 100 + 2 × (90 − 100) = 80; flow: m · D(t) = 180
    expect(scenarioDriver("stock", true, 100, 90, 2, 100)).toBe(80);
    expect(scenarioDriver("flow", true, 100, 90, 2, 100)).toBe(180);
    // not a forecast year: the package's value, whatever the multiplier
    expect(scenarioDriver("flow", false, 100, 90, 2, 100)).toBe(90);
    // never below a billionth of the base value
    expect(scenarioDriver("stock", true, 100, 10, 3, 100)).toBe(100 * 1e-9);
    expect(scenarioDriver("flow", true, 100, 0, 2, 100)).toBe(100 * 1e-9);
  });
});

describe("actual years are never rewritten", () => {
  const scenarios: [string, Partial<Scenario>][] = [
    ["a growth multiplier", { growthMultiplier: 3 }],
    ["a driver's own multiplier", { set: { "drivers.residents.growthMultiplier": 0 } }],
    ["constant growth rates", { driverGrowthRates: { residents: 0.5, dwellings: -0.5 } }],
    ["an uncertain multiplier", { growthMultiplier: 2, uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 3 } } }],
  ];
  it.each(scenarios)("keeps the actual years under %s", (_, extra) => {
    const result = forecast(compile(homes(), scenario(extra)));
    // residents actual 2020–2021; dwellings actual 2020 only, so 2021's FTE may move, 2020's never
    expect(result.totals[0]!.residents).toBe(1000);
    expect(result.totals[1]!.residents).toBe(1100);
    expect(fteIn(result, 2020)).toBe(10);
  });

  it("starts constant growth from the last actual year", () => {
    // residents actual to 2021 (1,100): 2022 = 1,100 × 1.1 = 1,210, 2023 = 1,331
    const path = driverPath(series("residents", 2020, [1000, 1100, 1150, 1200], 2), 2020, 2023, 0.1);
    expect(Array.from(path)).toEqual([1000, 1100, 1100 * 1.1, 1100 * 1.1 * 1.1]);
  });

  it("treats estimated past years like actuals", () => {
    const estimated = { ...series("dwellings", 2020, [100, 90, 120, 150], 1, "flow"), estimated: [false, true, false, false] };
    expect(lastActualYear(estimated, 2020)).toBe(2021);
    const pkg = { ...homes(), drivers: { ...homes().drivers, dwellings: estimated } };
    const result = forecast(compile(pkg, scenario({ growthMultiplier: 2 })));
    // 2021 is history for both drivers now: 5 × 1.1 + 5 × 0.9 = 10
    expect(fteIn(result, 2021)).toBeCloseTo(10, 12);
  });

  it("scales from the base year a driver whose last actual year is before it", () => {
    // actuals end in 2019, base year 2020: the multiplier acts from 2021, relative to 2020
    const s = series("residents", 2019, [950, 1000, 1100, 1200], 1);
    expect(lastActualYear(s, 2020)).toBe(2020);
  });
});

/** Yearly growth factors ≥ 1 → a growing path from `start`. */
const growing = (start: number, years: number) =>
  fc.array(fc.double({ min: 1, max: 1.1, noNaN: true }), { minLength: years - 1, maxLength: years - 1 }).map((g) => {
    const values = [start];
    for (const f of g) values.push(values[values.length - 1]! * f);
    return values;
  });

describe("properties of scenario growth", () => {
  const YEARS = 8; // 2020–2027
  interface Shape {
    residents: number[];
    dwellings: number[];
    actualYears: number;
    elasticities: number[];
    fixedShare: number;
    multiplier: number;
    rate: number;
  }
  const arb: fc.Arbitrary<Shape> = fc.record({
    residents: growing(1000, YEARS),
    dwellings: fc.array(fc.double({ min: 1, max: 500, noNaN: true }), { minLength: YEARS, maxLength: YEARS }),
    actualYears: fc.integer({ min: 1, max: YEARS }),
    elasticities: fc.array(fc.double({ min: 0, max: 1.5, noNaN: true }), { minLength: 2, maxLength: 2 }),
    fixedShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    multiplier: fc.double({ min: 0, max: 4, noNaN: true }),
    rate: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
  });
  const build = (a: Shape): DataPackage => {
    const pkg = tinyPackage({
      drivers: {
        residents: series("residents", 2020, a.residents, a.actualYears),
        dwellings: series("dwellings", 2020, a.dwellings, a.actualYears, "flow"),
      },
      processes: [
        process("planning", [shareActivity("work", 1, { residents: a.elasticities[0]!, dwellings: a.elasticities[1]! })], {
          fixedShare: a.fixedShare,
        }),
        process("support", [shareActivity("admin", 1, { supported_fte: 0.8 })], { supports: ["planning"], fixedShare: 0.2 }),
      ],
      headcount: { planning: { 2020: 50 }, support: { 2020: 10 } },
    });
    pkg.municipality.horizon = 2020 + YEARS - 1;
    return pkg;
  };

  it("double growth never gives fewer baseline FTE than ×1 in a process whose drivers all grow", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const pkg = build(a);
        const one = forecast(compile(pkg, scenario({ growthMultiplier: 1 }))).rows;
        const two = forecast(compile(pkg, scenario({ growthMultiplier: 2 }))).rows;
        one.forEach((row, i) => expect(two[i]!.baselineFte).toBeGreaterThanOrEqual(row.baselineFte * (1 - 1e-12)));
      }),
    );
  });

  it("actual years are identical across scenarios", () => {
    fc.assert(
      fc.property(arb, (a) => {
        const pkg = build(a);
        const reference = forecast(compile(pkg)).rows;
        const others = [
          scenario({ growthMultiplier: a.multiplier }),
          scenario({ driverGrowthRates: { residents: a.rate, dwellings: a.rate } }),
          scenario({ set: { "drivers.dwellings.growthMultiplier": a.multiplier } }),
        ].map((s) => forecast(compile(pkg, s)).rows);
        for (const rows of others) {
          rows.forEach((row, i) => {
            if (row.year < 2020 + a.actualYears) expect(row.baselineFte).toBe(reference[i]!.baselineFte);
          });
        }
      }),
    );
  });
});
