import { describe, expect, it } from "vitest";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

const totalIn = (result: ReturnType<typeof forecast>, process: string, year: number) =>
  result.rows.find((r) => r.process === process && r.year === year)!.totalFte;

describe("forecast: drivers → workload → FTE, computed by hand", () => {
  it("moves the variable work with the driver to the power of the elasticity and keeps fixed work", () => {
    // actual 10 FTE, fixedShare 0.2 → 2 fixed + 8 variable; residents +10 % a year, elasticity 0.5
    const pkg = tinyPackage({
      processes: [process("cases", [shareActivity("handling", 1, { residents: 0.5 })], { fixedShare: 0.2 })],
    });
    const result = forecast(compile(pkg));
    expect(totalIn(result, "cases", 2020)).toBe(10);
    expect(totalIn(result, "cases", 2021)).toBeCloseTo(2 + 8 * Math.sqrt(1.1), 12); // 10.3905
    expect(totalIn(result, "cases", 2022)).toBeCloseTo(2 + 8 * 1.1, 12); // 10.8
    expect(totalIn(result, "cases", 2023)).toBeCloseTo(2 + 8 * 1.1 ** 1.5, 12); // 11.2295
  });

  it("multiplies the drivers of an activity and splits variable work by share", () => {
    // 10 FTE: 6 on residents (elasticity 1), 4 on businesses (elasticity 0.5; businesses 50 → 72)
    const pkg = tinyPackage({
      drivers: {
        residents: series("residents", 2020, [1000, 1100, 1210, 1331]),
        businesses: series("businesses", 2020, [50, 60, 72, 72]),
      },
      processes: [
        process("cases", [
          shareActivity("residents_cases", 0.6, { residents: 1 }),
          shareActivity("business_cases", 0.4, { businesses: 0.5, residents: 0 }),
        ]),
      ],
    });
    const result = forecast(compile(pkg));
    expect(totalIn(result, "cases", 2022)).toBeCloseTo(6 * 1.21 + 4 * 1.2, 12); // 12.06
  });

  it("drives a support process by the delivery FTE of the processes it supports, in dependency order", () => {
    // support listed first on purpose; it has 4 FTE: 2 fixed, 2 moving with supported FTE^0.8
    const pkg = tinyPackage({
      headcount: { support: { 2020: 4 }, cases: { 2020: 10 } },
      processes: [
        process("support", [shareActivity("hr", 1, { supported_fte: 0.8 })], { fixedShare: 0.5, supports: ["cases"] }),
        process("cases", [shareActivity("handling", 1, { residents: 1 })]),
      ],
    });
    const result = forecast(compile(pkg));
    expect(totalIn(result, "cases", 2021)).toBeCloseTo(11, 12);
    expect(totalIn(result, "support", 2021)).toBeCloseTo(2 + 2 * 1.1 ** 0.8, 12); // 4.1583
    expect(result.totals[1]!.totalFte).toBeCloseTo(11 + 2 + 2 * 1.1 ** 0.8, 12);
  });

  it("scales every driver's change from the base year by the growth multiplier", () => {
    const result = forecast(compile(tinyPackage(), scenario({ growthMultiplier: 2 })));
    // residents 1000 + 2 × (1100 − 1000) = 1200, elasticity 1 → 12 FTE
    expect(totalIn(result, "cases", 2021)).toBeCloseTo(12, 12);
    expect(result.totals[3]!.residents).toBeCloseTo(1000 + 2 * 331, 9);
  });

  it("replaces forecast years by constant growth when a scenario gives a growth rate", () => {
    const result = forecast(compile(tinyPackage(), scenario({ driverGrowthRates: { residents: 0.05 } })));
    expect(result.totals[1]!.residents).toBeCloseTo(1050, 9);
    expect(result.totals[2]!.residents).toBeCloseTo(1102.5, 9);
    expect(totalIn(result, "cases", 2022)).toBeCloseTo(11.025, 12);
  });

  it("reports the decoupling ratio and whether FTE holds flat", () => {
    const result = forecast(compile(tinyPackage()));
    expect(result.totals[0]!.decouplingRatio).toBeNull();
    expect(result.totals[1]!.decouplingRatio).toBeCloseTo(1, 12); // FTE grows in step with residents
    expect(result.totals[0]!.holdsFlat).toBe(true);
    expect(result.totals[1]!.holdsFlat).toBe(false);
    expect(result.holdsFlatFrom).toBeNull();
    expect(result.investment).toBeNull();
  });

  it("gives a row for every process and year from the base year to the horizon", () => {
    const pkg = tinyPackage({
      headcount: { a: { 2020: 3 }, b: { 2020: 7 } },
      processes: [
        process("a", [shareActivity("x", 1, { residents: 1 })]),
        process("b", [shareActivity("y", 1, { residents: 0 })]),
      ],
    });
    const result = forecast(compile(pkg));
    expect(result.rows.map((r) => `${r.process}${r.year}`)).toEqual([
      "a2020", "a2021", "a2022", "a2023", "b2020", "b2021", "b2022", "b2023",
    ]);
    expect(result.totals[0]!.totalFte).toBe(10);
  });
});
