/**
 * The model's boundary (model/finite.ts): a result that would hold a number that is not finite is
 * a clear error instead. The packages here are built in code, past the parser's bounds, since a
 * parsed package should never get this far (the corpus and fuzz tests of parse-package check that).
 */
import { describe, expect, it } from "vitest";
import { finiteColumns, finiteForecast, NonFiniteResultError } from "../../model/finite.ts";
import { forecast, forecastColumns } from "../../model/forecast.ts";
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

  it("names the first number that is not finite in row order, whichever column holds it, as the rows would be read", () => {
    // Two processes × two years: index p × 2 + y, so index 1 is process a in 2021 and index 2 process b in 2020.
    const columns = forecastColumns(compile(tinyPackage()));
    const result = {
      ...columns,
      years: [2020, 2021],
      processes: [{ ...columns.processes[0]!, id: "a" }, { ...columns.processes[0]!, id: "b" }],
      rows: {
        baselineFte: [1, 1, 1, Infinity],
        deliveryFte: [1, 1, NaN, 1],
        developmentFte: [0, 0, 0, 0],
        transitionFte: [0, -Infinity, 0, 0],
        totalFte: [1, 1, 1, 1],
      },
      totals: Object.fromEntries(Object.keys(columns.totals).map((field) => [field, [0, 0]])) as unknown as typeof columns.totals,
    };
    // transitionFte at index 1 comes before deliveryFte at 2 and baselineFte at 3, though its column is last of the three.
    expect(() => finiteForecast(result)).toThrow("transitionFte of a in 2021 is -Infinity");
    result.rows.transitionFte[1] = 0;
    expect(() => finiteForecast(result)).toThrow("deliveryFte of b in 2020 is NaN");
    // At the same row, the earlier column.
    result.rows.baselineFte[2] = Infinity;
    expect(() => finiteForecast(result)).toThrow("baselineFte of b in 2020 is Infinity");
    result.rows.baselineFte = [1, 1, 1, 1];
    result.rows.deliveryFte = [1, 1, 1, 1];
    // Totals: null ("none") and booleans pass; the first number that is not finite is named by its year.
    result.totals.residents = [null, null];
    result.totals.decouplingRatio = [null, Infinity];
    result.totals.net = [NaN, 0];
    expect(() => finiteForecast(result)).toThrow("net in 2020 is NaN");
    result.totals.net = [0, 0];
    expect(() => finiteForecast(result)).toThrow("decouplingRatio in 2021 is Infinity");
    result.totals.decouplingRatio = [null, 1];
    expect(finiteForecast(result)).toBe(result);
  });
});
