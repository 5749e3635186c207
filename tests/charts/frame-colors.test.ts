/**
 * The scenario colours: one per scenario id, the same in every comparison, never two alike in one;
 * each passes WCAG 1.4.11's 3:1 against white, and every pair stays apart (CIEDE2000 ≥ 20) in
 * normal vision and as deuteranopes and protanopes see them (culori's Machado et al. 2009 filters).
 */
import { type Color, differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { compareFteChart } from "../../charts/compare-fte.ts";
import { COLORS, scenarioColors } from "../../charts/frame.ts";
import type { ForecastResult } from "../../model/forecast.ts";

const palette = COLORS.versions;

describe("the scenario palette", () => {
  it("passes 3:1 contrast against white", () => {
    for (const c of palette) expect(wcagContrast(c, "#ffffff"), c).toBeGreaterThanOrEqual(3);
  });

  it("keeps every pair apart in normal, deuteranope and protanope vision", () => {
    const difference = differenceCiede2000();
    const visions: Record<string, (c: Color) => Color> = { normal: (c) => c, deuteranopia: filterDeficiencyDeuter(1), protanopia: filterDeficiencyProt(1) };
    for (const [name, see] of Object.entries(visions)) {
      for (let i = 0; i < palette.length; i++) {
        for (let j = i + 1; j < palette.length; j++) {
          const d = difference(see(parse(palette[i]!)!), see(parse(palette[j]!)!));
          expect(d, `${palette[i]} and ${palette[j]} in ${name}`).toBeGreaterThanOrEqual(20);
        }
      }
    }
  });

  it("keeps the base year's line and the reference ink apart from every scenario colour", () => {
    const difference = differenceCiede2000();
    for (const c of palette) expect(difference(parse(c)!, parse(COLORS.baseLine)!), c).toBeGreaterThan(20);
  });
});

describe("scenarioColors", () => {
  it("gives a scenario the same colour whatever it is compared with, and in whatever order", () => {
    const alone = scenarioColors(["vaxa-utan-att-vaxa"])[0];
    expect(scenarioColors(["baseline", "vaxa-utan-att-vaxa"])[1]).toBe(alone);
    expect(scenarioColors(["vaxa-utan-att-vaxa", "dubbel-tillvaxt", "baseline"])[0]).toBe(alone);
    const [a, b] = scenarioColors(["x1", "x2"]);
    expect(scenarioColors(["x2", "x1"])).toEqual([b, a]);
  });

  it("never gives two compared scenarios one colour (four ids, any four)", () => {
    for (let k = 0; k < 50; k++) {
      const ids = [0, 1, 2, 3].map((i) => `scenario-${k}-${i}`);
      expect(new Set(scenarioColors(ids)).size).toBe(4);
    }
  });

  it("is the colour the comparison charts draw a scenario in", () => {
    const result = { baseYear: 2020, horizon: 2021, years: [2020, 2021], totals: [2020, 2021].map((year) => ({ year, totalFte: 10, baselineFte: 10, cumulativeNet: 0 })), investment: null } as unknown as ForecastResult;
    const entries = ["baseline", "vaxa-utan-att-vaxa"].map((scenarioId) => ({ scenarioId, label: scenarioId, versionId: "abcdefabcdef", result }));
    const spec = compareFteChart(entries, { lang: "sv" });
    expect((spec.plot.color as { range: string[] }).range).toEqual(scenarioColors(["baseline", "vaxa-utan-att-vaxa"]));
    const reversed = compareFteChart([...entries].reverse(), { lang: "sv" });
    expect((reversed.plot.color as { range: string[] }).range).toEqual(scenarioColors(["vaxa-utan-att-vaxa", "baseline"]));
  });
});
