import { describe, expect, it } from "vitest";
import { COLORS } from "../../charts/frame.ts";
import { fteFanChart } from "../../charts/fte-fan.ts";
import { forecast } from "../../model/forecast.ts";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { compile, scenario } from "../model/fixtures.ts";
import { UNCERTAINTY, uncertainPackage, uncertainScenario } from "../model/uncertainty-fixtures.ts";
import { legendLabels, markCount, markData } from "./marks.ts";

const pkg = uncertainPackage();
const leverPlan = compile(pkg, uncertainScenario());
const withLevers = summariseMonteCarlo(monteCarlo(leverPlan, { draws: 50, seed: 7 }));
const withoutLevers = summariseMonteCarlo(monteCarlo(compile(pkg, scenario({ uncertainty: UNCERTAINTY })), { draws: 50, seed: 7 }));
const runs = [
  { label: "Utan hävstänger", summary: withoutLevers },
  { label: "Med hävstänger", summary: withLevers },
];

describe("fteFanChart", () => {
  it("draws each run's band and median, red without levers and green with them", () => {
    const spec = fteFanChart(runs, { lang: "sv" });
    expect(spec.legend.map((l) => [l.label, l.color])).toEqual([
      ["Utan hävstänger", COLORS.growth],
      ["Med hävstänger", COLORS.levers],
    ]);
    // 2020–2025 for each run
    expect(markData(spec, "area")).toHaveLength(2 * 6);
    expect(markData(spec, "rule")).toEqual([withLevers.baseYearFte]);
    expect(spec.caption).toBe(
      "Totala årsarbetare: band P10–P90 och linje P50 av 50 dragningar (seed 7). Prickat: den deterministiska prognosen med scenariots antaganden. Streckat: 2020 års nivå.",
    );
  });

  it("adds the deterministic forecast when given", () => {
    const spec = fteFanChart(runs, { lang: "en", point: forecast(leverPlan) });
    expect(legendLabels(spec)).toEqual(["Utan hävstänger", "Med hävstänger", "The scenario's assumptions"]);
    expect(markCount(spec, "line")).toBe(2);
  });

  it("needs a run", () => {
    expect(() => fteFanChart([], { lang: "sv" })).toThrow("at least one Monte Carlo run");
  });
});
