import { describe, expect, it } from "vitest";
import { COLORS } from "../../charts/frame.ts";
import { processGrowth, processGrowthChart } from "../../charts/process-growth.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, series, shareActivity, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, occurrences, svgOf } from "./marks.ts";

/**
 * Residents +10 % a year to 2023 (× 1.331). "slow" moves with residents at elasticity 0.5
 * (× 1.331^0.5 = 1.15369), "fast" at elasticity 2 (× 1.331² = 1.771561); no fixed work.
 */
const pkg = tinyPackage({
  headcount: { slow: { 2020: 10 }, fast: { 2020: 10 } },
  processes: [process("slow", [shareActivity("a", 1, { residents: 0.5 })]), process("fast", [shareActivity("b", 1, { residents: 2 })])],
});
const result = forecast(compile(pkg));

describe("processGrowth", () => {
  it("divides each process's FTE in the horizon year by its FTE in the base year", () => {
    const growth = processGrowth(result);
    expect(growth.map((g) => g.process)).toEqual(["slow", "fast"]);
    expect(growth[0]!.ratio).toBeCloseTo(Math.sqrt(1.331), 10);
    expect(growth[1]!.ratio).toBeCloseTo(1.771561, 10);
  });
});

describe("processGrowthChart", () => {
  it("colours a process red when it grows faster than residents", () => {
    const svg = svgOf(processGrowthChart(result, { lang: "sv" }));
    expect(svg).toContain("+77,2&#160;%");
    expect(svg).toContain("+15,4&#160;%");
    expect(svg).toContain("invånare +33&#160;%");
    // one bar and one legend swatch in each colour
    expect(occurrences(svg, `fill="${COLORS.growth}"`)).toBe(2);
    expect(occurrences(svg, `fill="${COLORS.forecast}"`)).toBe(2);
  });

  it("compares with nothing when the package has no residents", () => {
    const other = tinyPackage({
      drivers: { cases_filed: series("cases_filed", 2020, [10, 11, 12, 13]) },
      processes: [process("cases", [shareActivity("handling", 1, { cases_filed: 1 })])],
    });
    const spec = processGrowthChart(forecast(compile(other)), { lang: "sv" });
    expect(legendLabels(spec)).toEqual([]);
    expect(svgOf(spec)).not.toContain("invånare");
  });
});
