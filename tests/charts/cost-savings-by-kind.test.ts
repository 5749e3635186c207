import { describe, expect, it } from "vitest";
import { costSavingsByKindChart } from "../../charts/cost-savings-by-kind.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, scenario } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";
import { legendLabels, markData } from "./marks.ts";

// The step lever (tests/model/evaluate.test.ts), 1 M SEK per FTE: 2021 capex 1 M; 2022 saves
// 2 FTE (2 M), pays 0.2 M licences and 0.5 + 2.5 = 3 development and transition FTE (3 M).
const result = forecast(compile(stepLeverPackage(), scenario({ levers: ["robot"] })));

describe("costSavingsByKindChart", () => {
  it("stacks savings up and costs down, by kind, after the base year", () => {
    const spec = costSavingsByKindChart(result, { lang: "sv" });
    expect(legendLabels(spec)).toEqual(["Sparade årsarbetare", "Sparade systemkostnader", "Investering", "Licenser", "Utvecklings- och omställningsårsarbetare"]);
    const money = markData<{ year: number; part: string; value: number }>(spec, "bar");
    expect(money).toHaveLength(6 * 5);
    const of = (year: number, part: string) => money.find((m) => m.year === year && m.part === part)!.value;
    expect(of(2021, "Investering")).toBeCloseTo(-1_000_000, 0);
    expect(of(2022, "Sparade årsarbetare")).toBeCloseTo(2_000_000, 0);
    expect(of(2022, "Licenser")).toBeCloseTo(-200_000, 0);
    expect(of(2022, "Utvecklings- och omställningsårsarbetare")).toBeCloseTo(-3_000_000, 0);
    expect(spec.plot.y).toMatchObject({ label: "Mkr per år" });
  });

  it("writes millions of the currency in English", () => {
    expect(costSavingsByKindChart(result, { lang: "en" }).plot.y).toMatchObject({ label: "MSEK per year" });
  });
});
