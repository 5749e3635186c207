/** The probability of holding flat is a chart only when it says more than a sentence. */
import { describe, expect, it } from "vitest";
import { holdFlatInformative } from "../../charts/compare-hold-flat.ts";
import type { ForecastResult } from "../../model/forecast.ts";

const result = { baseYear: 2020 } as ForecastResult;
const entry = (ps: number[]) => ({ scenarioId: "a", label: "a", versionId: "abcdefabcdef", result, holdFlat: ps.map((probability, i) => ({ year: 2020 + i, probability })) });

describe("holdFlatInformative", () => {
  it("is false when every probability after the base year is near 0 % or 100 % (Nacka's 0 % throughout)", () => {
    expect(holdFlatInformative([entry([1, 0, 0, 0])])).toBe(false);
    expect(holdFlatInformative([entry([1, 0, 0.01, 1]), entry([1, 0.99, 1, 1])])).toBe(false);
    expect(holdFlatInformative([{ ...entry([]), holdFlat: undefined }])).toBe(false);
  });

  it("is true when some version's probability lies between 2 % and 98 % in some year", () => {
    expect(holdFlatInformative([entry([1, 0, 0, 0]), entry([1, 0, 0.12, 0.4])])).toBe(true);
  });
});
