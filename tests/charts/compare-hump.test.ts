/**
 * The hump on its own scale: a hand-made cumulative net with a 48 Mkr hump (deepest 2023, paid
 * back 2025) and 1,100 Mkr of savings by 2030 — the case, where the hump was a few pixels
 * deep on a 0–1,100 axis.
 */
import { describe, expect, it } from "vitest";
import type { CompareEntry } from "../../charts/chart-spec.ts";
import { compareHumpChart, compareHumpYearsChart, humpYears } from "../../charts/compare-hump.ts";
import type { ForecastResult } from "../../model/forecast.ts";
import { markData } from "./marks.ts";

const NET_MKR = [0, -10, -40, -48, -20, 5, 150, 400, 650, 900, 1100];
const years = NET_MKR.map((_, i) => 2020 + i);

function entry(scenarioId: string, investment: ForecastResult["investment"]): CompareEntry {
  const result = {
    baseYear: 2020,
    horizon: 2030,
    years,
    totals: years.map((year, i) => ({ year, cumulativeNet: NET_MKR[i]! * 1e6, totalFte: 100, baselineFte: 100 })),
    investment,
  } as unknown as ForecastResult;
  return { scenarioId, label: scenarioId, versionId: "abcdefabcdef", result };
}

const hump = { humpDepth: 48e6, humpYear: 2023, paybackYear: 2025, npv: 1, materialAmount: 1 } as ForecastResult["investment"];
const domainOf = (spec: { plot: { y?: { domain?: unknown } } }) => spec.plot.y!.domain as [number, number];

describe("compareHumpYearsChart", () => {
  it("covers the years from the base year to the year after payback", () => {
    expect(humpYears([entry("a", hump)])).toEqual({ from: 2020, to: 2026 });
    expect(humpYears([entry("a", null)])).toBeNull();
    expect(compareHumpYearsChart([entry("a", null)], { lang: "sv" })).toBeNull();
  });

  it("draws the hump on its own scale: at least a fifth of the axis, where the whole period leaves it under a twentieth", () => {
    const own = domainOf(compareHumpYearsChart([entry("a", hump)], { lang: "sv" })!);
    const whole = domainOf(compareHumpChart([entry("a", hump)], { lang: "sv" }));
    // Own scale: −48 to 150 (2026) and 15 % of that range as room each way → 48 / (198 × 1.3) = 0.186 of the axis.
    expect(48 / (own[1] - own[0])).toBeCloseTo(0.186, 3);
    // Whole period: −48 to 1,100 → 48 / (1,148 × 1.3) = 0.032.
    expect(48 / (whole[1] - whole[0])).toBeCloseTo(0.032, 3);
    // Zero is inside both, clear of the axis.
    expect(own[0]).toBeLessThan(-48);
    expect(whole[0]).toBeLessThan(-48);
  });

  it("labels the deepest point with its value and year, and names each line at its end", () => {
    const spec = compareHumpYearsChart([entry("a", hump)], { lang: "sv" })!;
    const texts = [markData<{ text: string }>(spec, "text", 0), markData<{ text: string }>(spec, "text", 1)].flat().map((d) => d.text);
    expect(texts).toContain("−48,0\u00a0Mkr (2023)");
    expect(texts).toContain("a: 150,0\u00a0Mkr");
    expect(spec.title).toBe("Investeringspuckeln 2020–2026: ackumulerat netto");
  });
});
