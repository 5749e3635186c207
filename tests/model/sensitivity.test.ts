import { describe, expect, it } from "vitest";
import { type Distribution, quantile } from "../../model/distributions.ts";
import { tornado } from "../../model/sensitivity.ts";
import { compile, lever, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

/**
 * Residents 1,000 → 1,331 (+10 % a year, horizon 2023). Process "big" has 90 FTE moving with
 * residents, "small" 10 FTE moving with businesses (flat). By construction:
 * - the elasticity of "big" (triangular 0.5–1.5) moves total FTE in 2023 by 90 × 1.331^e;
 * - the growth multiplier (uniform 0.9–1.1) moves it a little;
 * - the elasticity of "small" moves nothing (businesses do not change);
 * - the lever's efficiency moves it through "small" only, which is 10 FTE.
 */
function pkg() {
  const p = tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1210, 1331]),
      businesses: series("businesses", 2020, [50, 50, 50, 50]),
    },
    headcount: { big: { 2020: 90 }, small: { 2020: 10 } },
    processes: [
      process("big", [shareActivity("cases", 1, { residents: 1 })]),
      process("small", [shareActivity("licences", 1, { businesses: 1 })]),
    ],
  });
  p.levers = [
    lever({
      id: "forms",
      targets: [{ process: "small", activity: "licences", reach: 1 }],
      efficiency: 0.2,
      adoption: { curve: "logistic", startYear: 2021, midpoint: 2021, steepness: 50, ceiling: 1 },
      distributions: { efficiency: { type: "uniform", min: 0.1, max: 0.3 } },
    }),
  ];
  return p;
}

const elasticity: Distribution = { type: "triangular", min: 0.5, mode: 1, max: 1.5 };
const growth: Distribution = { type: "uniform", min: 0.9, max: 1.1 };

describe("tornado", () => {
  const plan = compile(
    pkg(),
    scenario({
      levers: ["forms"],
      uncertainty: {
        "processes.big.activities.cases.elasticity.residents": elasticity,
        "processes.small.activities.licences.elasticity.businesses": { type: "normal", mean: 1, sd: 0.3 },
        growthMultiplier: growth,
      },
    }),
  );
  const result = tornado(plan, { kind: "fte", year: 2023 });

  it("puts the assumption that matters most by construction first, and the one that cannot matter last", () => {
    expect(result.bars.map((b) => b.parameter)).toEqual([
      "processes.big.activities.cases.elasticity.residents",
      "growthMultiplier",
      "levers.forms.efficiency",
      "processes.small.activities.licences.elasticity.businesses",
    ]);
    expect(result.bars[3]!.swing).toBe(0);
  });

  it("swings each bar between the outcome at the assumption's P10 and P90, the others at their medians", () => {
    const lowE = quantile(elasticity, 0.1); // 0.5 + √(0.1 · 1 · 0.5) = 0.7236
    const highE = quantile(elasticity, 0.9);
    expect(lowE).toBeCloseTo(0.5 + Math.sqrt(0.05), 12);
    const growthMedian = 1; // uniform 0.9–1.1; residents 1000 + 1 × 331
    const small = 10 * (1 - 1 * 0.2 * 1); // lever fully adopted in 2023 (steepness 50), median efficiency 0.2
    const bar = result.bars[0]!;
    expect(bar.lowValue).toBeCloseTo(lowE, 12);
    expect(bar.outcomeAtLow).toBeCloseTo(90 * (1 + growthMedian * 0.331) ** lowE + small, 9);
    expect(bar.outcomeAtHigh).toBeCloseTo(90 * 1.331 ** highE + small, 9);
    expect(bar.swing).toBeCloseTo(90 * (1.331 ** highE - 1.331 ** lowE), 9);
    expect(result.base).toBeCloseTo(90 * 1.331 + small, 9);
    // the growth multiplier: residents 1000 + m × 331 at m = 0.92 and 1.08, elasticity at its median 1
    expect(result.bars[1]!.swing).toBeCloseTo(90 * (0.16 * 0.331), 9);
    // efficiency 0.12 to 0.28 on 10 FTE: 1.6 FTE
    expect(result.bars[2]!.swing).toBeCloseTo(1.6, 6);
  });

  it("measures money outcomes and one process's FTE, and refuses unknown ones", () => {
    expect(tornado(plan, { kind: "npv" }).unit).toBe("currency");
    expect(tornado(plan, { kind: "humpDepth" }).bars).toHaveLength(4);
    const small = tornado(plan, { kind: "fte", year: 2023, process: "small" });
    expect(small.bars[0]!.parameter).toBe("levers.forms.efficiency");
    expect(() => tornado(plan, { kind: "fte", year: 2031 })).toThrow(/invalid year: 2031; the plan runs from 2020 to 2023/);
    expect(() => tornado(plan, { kind: "fte", year: 2022, process: "nope" })).toThrow(/invalid process: "nope"/);
    expect(() => tornado(plan, { kind: "irr" } as never)).toThrow(/invalid outcome: "irr" \(expected one of fte, humpDepth, npv\)/);
  });
});
