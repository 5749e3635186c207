import { describe, expect, it } from "vitest";
import { decodeArrow, drawsTable, encodeArrow, float64Column, trajectoriesTable } from "../../io/arrow.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { compile } from "../model/fixtures.ts";
import { uncertainPackage, uncertainScenario } from "../model/uncertainty-fixtures.ts";

describe("Monte Carlo results as Arrow IPC streams", () => {
  const result = monteCarlo(compile(uncertainPackage(), uncertainScenario()), { draws: 200, seed: 6 });

  it("round-trip the FTE paths: every value, process and year, in draw, process, year order", () => {
    const table = decodeArrow(encodeArrow(trajectoriesTable(result)));
    expect(table.numRows).toBe(200 * 3 * 6);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["draw", "process", "year", "fte"]);
    expect(float64Column(table, "fte")).toEqual(result.fte);
    const row = table.get(3 * 6 + 6 + 2)!.toJSON(); // draw 1, second series (small), third year
    expect(row).toEqual({ draw: 1, process: "small", year: 2022, fte: result.fte[(1 * 3 + 1) * 6 + 2] });
    expect(table.get(17)!.toJSON().process).toBe("total");
    expect(Object.fromEntries(table.schema.metadata)).toEqual({
      "vaxa.table": "trajectories",
      scenario: "test",
      seed: "6",
      draws: "200",
      baseYear: "2020",
      horizon: "2025",
    });
  });

  it("round-trip the draws: outcomes, years with nulls for none, and the parameter values", () => {
    const withNone = { ...result, paybackYear: result.paybackYear.slice() };
    withNone.paybackYear[3] = NaN;
    const table = decodeArrow(encodeArrow(drawsTable(withNone)));
    expect(table.numRows).toBe(200);
    expect(float64Column(table, "npv")).toEqual(result.npv);
    expect(float64Column(table, "humpDepth")).toEqual(result.humpDepth);
    const payback = table.getChild("paybackYear")!;
    expect(payback.get(3)).toBeNull();
    expect(payback.get(4)).toBe(result.paybackYear[4]);
    result.parameters.names.forEach((name, j) => {
      expect(float64Column(table, name)).toEqual(result.parameters.values.subarray(j * 200, (j + 1) * 200));
    });
    expect(table.schema.metadata.get("vaxa.table")).toBe("draws");
  });
});
