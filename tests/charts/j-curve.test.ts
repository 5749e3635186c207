import { describe, expect, it } from "vitest";
import { jCurveChart } from "../../charts/j-curve.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, scenario } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";
import { legendLabels, markData } from "./marks.ts";

// The step lever, worked out by hand in tests/model/evaluate.test.ts: 2021 builds (2 development
// FTE); 2022 frees 10 − 8 = 2 FTE, takes 0.5 upkeep and 2.5 transition FTE; from 2023 no transition.
const result = forecast(compile(stepLeverPackage(), scenario({ levers: ["robot"] })));

describe("jCurveChart", () => {
  it("puts what the levers free up and what development and transition take down, after the base year", () => {
    const spec = jCurveChart(result, { lang: "sv" });
    const bars = markData<{ year: number; part: string; fte: number }>(spec, "bar");
    expect(bars).toHaveLength(6 * 3); // 2021–2026, three parts
    const in2022 = Object.fromEntries(bars.filter((b) => b.year === 2022).map((b) => [b.part, b.fte]));
    expect(in2022["Frigjort i leveransen"]).toBeCloseTo(2, 6);
    expect(in2022["Utveckling"]).toBeCloseTo(-0.5, 6);
    expect(in2022["Omställning (J-kurvan)"]).toBeCloseTo(-2.5, 6);
    const net = markData<{ year: number; fte: number }>(spec, "line");
    // net = without levers − with: 2021 10 − 12 = −2; 2022 10 − 11 = −1; 2023 10 − 8.5 = 1.5
    expect(net.slice(0, 3).map((d) => [d.year, Number(d.fte.toFixed(6))])).toEqual([
      [2021, -2],
      [2022, -1],
      [2023, 1.5],
    ]);
  });

  it("labels the parts in English", () => {
    expect(legendLabels(jCurveChart(result, { lang: "en" }))).toEqual(["Freed in delivery", "Development", "Transition (the J-curve)", "Net"]);
  });
});
