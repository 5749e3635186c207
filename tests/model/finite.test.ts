/**
 * The model's boundary (model/finite.ts): a result that would hold a number that is not finite is
 * a clear error instead. The packages here are built in code, past the parser's bounds, since a
 * parsed package should never get this far (the corpus and fuzz tests of parse-package check that).
 */
import { describe, expect, it } from "vitest";
import { finiteColumns, NonFiniteResultError } from "../../model/finite.ts";
import { forecast } from "../../model/forecast.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

/** Residents 1,000 then 10^300: with elasticity 2 the work is 10^594 times the base year's, past the largest double (1.8 × 10^308). */
const overflowing = tinyPackage({
  drivers: { residents: series("residents", 2020, [1000, 1e300, 1e300, 1e300]) },
  processes: [process("cases", [shareActivity("handling", 1, { residents: 2 })])],
});

describe("the model's boundary", () => {
  it("a forecast that overflows is an error naming the first number, never a result with Infinity", () => {
    expect(() => forecast(compile(overflowing))).toThrow(NonFiniteResultError);
    expect(() => forecast(compile(overflowing))).toThrow(
      /^the results cannot be computed: baselineFte of cases in 2021 is Infinity, not a finite number\. Some input is far larger or smaller than a municipality's figures can be/,
    );
  });

  it("a Monte Carlo run that overflows is an error naming the column and draw", () => {
    const plan = compile(overflowing, scenario({ uncertainty: { costPerFte: { type: "uniform", min: 900_000, max: 1_100_000 } } }));
    expect(() => monteCarlo(plan, { draws: 5 })).toThrow(/^the results cannot be computed: fte in draw 1 is Infinity/);
  });

  it("a finite forecast passes unchanged", () => {
    const result = forecast(compile(tinyPackage()));
    expect(result.rows.at(-1)!.totalFte).toBeCloseTo(13.31, 9); // 10 FTE × 1.1³ (elasticity 1)
  });

  it("finiteColumns checks the outcome columns but not the years that are NaN for 'none'", () => {
    const columns = {
      fte: Float64Array.of(1, 2, 3, 4),
      baselineFte: Float64Array.of(1, 2),
      net: Float64Array.of(0, 0),
      cumulativeNet: Float64Array.of(0, 0),
      npv: Float64Array.of(0, 0),
      humpDepth: Float64Array.of(0, 0),
      humpYear: Float64Array.of(NaN, NaN),
      paybackYear: Float64Array.of(NaN, NaN),
      holdsFlatFrom: Float64Array.of(NaN, NaN),
    };
    expect(finiteColumns(columns, 2)).toBe(columns);
    columns.npv[1] = -Infinity;
    expect(() => finiteColumns(columns, 2)).toThrow("npv in draw 2 is -Infinity");
  });
});
