import { describe, expect, it } from "vitest";
import { paybackShares, paybackYearsChart } from "../../charts/payback-years.ts";

// Four draws: paid back in 2027, not within the horizon (NaN), 2025 and 2027.
const draws = { paybackYear: Float64Array.from([2027, Number.NaN, 2025, 2027]), draws: 4, horizon: 2030, scenario: "s" };

describe("paybackShares", () => {
  it("gives the share of draws per payback year, in order, and then of those without payback", () => {
    expect(paybackShares(draws)).toEqual([
      { year: 2025, share: 0.25 },
      { year: 2027, share: 0.5 },
      { year: null, share: 0.25 },
    ]);
  });
});

describe("paybackYearsChart", () => {
  it("names the draws without payback after the horizon in the chosen language", () => {
    expect(paybackYearsChart(draws, { lang: "sv" }).plot.x).toMatchObject({ domain: ["2025", "2027", "inte före 2030"] });
    expect(paybackYearsChart(draws, { lang: "en" }).plot.x).toMatchObject({ domain: ["2025", "2027", "not by 2030"] });
  });
});
