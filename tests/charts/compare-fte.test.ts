/** FTE per year compared: the base year's line clear of the x-axis, at most five lines, no legend entry without its line. */
import { describe, expect, it } from "vitest";
import type { CompareEntry } from "../../charts/chart-spec.ts";
import { compareFteChart, showsWithoutLevers } from "../../charts/compare-fte.ts";
import type { ForecastResult } from "../../model/forecast.ts";
import { legendLabels } from "./marks.ts";

/** FTE 100 in the base year 2020, growing by `step` a year to 2025, without levers growing by 2 × step. */
function entry(scenarioId: string, step: number, levers: boolean): CompareEntry {
  const years = [2020, 2021, 2022, 2023, 2024, 2025];
  const result = {
    baseYear: 2020,
    horizon: 2025,
    years,
    totals: years.map((year, i) => ({ year, totalFte: 100 + step * i, baselineFte: 100 + 2 * step * i, cumulativeNet: 0 })),
    investment: levers ? { humpDepth: 0, humpYear: null, paybackYear: null, npv: 0 } : null,
  } as unknown as ForecastResult;
  return { scenarioId, label: scenarioId, versionId: "abcdefabcdef", result };
}

describe("compareFteChart", () => {
  it("keeps the base year's line (100, the lowest value) clear of the x-axis", () => {
    const spec = compareFteChart([entry("a", 10, false)], { lang: "sv" });
    const [lo, hi] = spec.plot.y!.domain as [number, number];
    // Values 100–150, with a quarter of the range (12.5) below → the axis at 87.5, the line a fifth of the way up.
    expect(lo).toBeCloseTo(87.5, 6);
    expect((100 - lo) / (hi - lo)).toBeGreaterThan(0.15);
  });

  it("shows the dashed lines without levers only for versions with levers, and only within five lines", () => {
    expect(showsWithoutLevers([entry("a", 1, false), entry("b", 1, false)])).toBe(false);
    expect(showsWithoutLevers([entry("a", 1, true), entry("b", 1, true)])).toBe(true);
    // 3 versions with levers would be 6 lines.
    expect(showsWithoutLevers([entry("a", 1, true), entry("b", 1, true), entry("c", 1, true)])).toBe(false);
    expect(legendLabels(compareFteChart([entry("a", 1, false)], { lang: "sv" }))).not.toContain("Utan hävstänger");
    expect(legendLabels(compareFteChart([entry("a", 1, true)], { lang: "sv" }))).toContain("Utan hävstänger");
  });

  it("names each line at its end with its last value", () => {
    const spec = compareFteChart([entry("a", 10, false), entry("b", 20, false)], { lang: "sv" });
    const marks = ((spec.plot.marks ?? []) as { ariaLabel?: string; data?: { text?: string }[] }[]).filter((m) => m.ariaLabel === "text");
    const texts = marks.flatMap((m) => Array.from(m.data ?? []).map((d) => d.text)).filter(Boolean);
    expect(texts).toEqual(["a: 150", "b: 200"]);
  });
});
