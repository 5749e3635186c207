import { describe, expect, it } from "vitest";
import { decouplingChart, decouplingRows } from "../../charts/decoupling.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, lever, scenario, tinyPackage } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";
import { legendLabels } from "./marks.ts";

/** tinyPackage (residents +10 % a year, FTE with elasticity 1) and a lever on its only activity. */
function withLever() {
  const pkg = tinyPackage();
  pkg.levers = [lever({ id: "robot", targets: [{ process: "cases", activity: "handling", reach: 0.5 }] })];
  return forecast(compile(pkg, scenario({ levers: ["robot"] })));
}

describe("decouplingRows", () => {
  it("without levers FTE grow in step with residents (ratio 1); with them the forecast's ratio", () => {
    const result = withLever();
    const rows = decouplingRows(result, "med", "utan");
    const without = rows.filter((r) => r.series === "utan");
    expect(without.map((r) => r.year)).toEqual([2021, 2022, 2023]); // none in the base year
    for (const r of without) expect(r.ratio).toBeCloseTo(1, 10);
    const withLevers = rows.filter((r) => r.series === "med");
    expect(withLevers.map((r) => r.ratio)).toEqual(result.totals.slice(1).map((t) => t.decouplingRatio));
  });

  it("has no ratio while residents do not grow", () => {
    const flat = forecast(compile(stepLeverPackage(), scenario({ levers: ["robot"] })));
    expect(decouplingRows(flat, "med", "utan")).toEqual([]);
  });
});

describe("decouplingChart", () => {
  it("names the two lines in the chosen language", () => {
    expect(legendLabels(decouplingChart(withLever(), { lang: "sv" }))).toEqual(["Utan hävstänger", "Med hävstänger"]);
    expect(legendLabels(decouplingChart(withLever(), { lang: "en" }))).toEqual(["Without levers", "With levers"]);
  });
});
