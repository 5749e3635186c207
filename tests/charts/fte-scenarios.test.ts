import { describe, expect, it } from "vitest";
import { COLORS } from "../../charts/frame.ts";
import { fteScenariosChart, historyTotals } from "../../charts/fte-scenarios.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, scenario, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markCount, markData } from "./marks.ts";

const pkg = tinyPackage();
const base = forecast(compile(pkg));
const doubled = forecast(compile(pkg, scenario({ growthMultiplier: 2 })));
const runs = [
  { label: "Nollalternativ", result: base },
  { label: "Dubbel tillväxt", result: doubled },
];

describe("historyTotals", () => {
  it("sums the processes' headcount per year", () => {
    expect(historyTotals({ a: { 2019: 8, 2020: 10 }, b: { 2019: 2, 2020: 3 } })).toEqual([
      { year: 2019, fte: 10 },
      { year: 2020, fte: 13 },
    ]);
  });
});

describe("fteScenariosChart", () => {
  it("draws the history first, then each run in its own colour, with the base year's level", () => {
    const spec = fteScenariosChart(runs, { lang: "sv", history: pkg.headcount, historyLabel: "Utfall (antaget)" });
    expect(spec.legend.map((l) => [l.label, l.color])).toEqual([
      ["Utfall (antaget)", COLORS.actual],
      ["Nollalternativ", COLORS.runs[0]],
      ["Dubbel tillväxt", COLORS.runs[1]],
    ]);
    // tinyPackage: 8 FTE in 2019 and 10 in 2020; the base year's level is the runs' 10
    expect(markData(spec, "rule")).toEqual([10]);
    const lines = markData<{ year: number; series: string }>(spec, "line");
    expect(lines.filter((d) => d.series === "Utfall (antaget)").map((d) => d.year)).toEqual([2019, 2020]);
    expect(lines.filter((d) => d.series === "Dubbel tillväxt")).toHaveLength(4);
    expect(spec.caption).toBe(
      "Kontorsorganisationens årsarbetare: historik 2019–2020 och modellens prognos till 2023. Streckat: 2020 års nivå (”hålla nollan”).",
    );
  });

  it("without a history or a base level, on a logarithmic axis", () => {
    const spec = fteScenariosChart(runs, { lang: "en", baseLevel: false, log: true });
    expect(legendLabels(spec)).toEqual(["Nollalternativ", "Dubbel tillväxt"]);
    expect(markCount(spec, "rule")).toBe(0);
    expect(spec.plot.y).toMatchObject({ type: "log", label: "Total FTE (log scale)" });
    expect(spec.caption).toBe("The office organisation's FTE 2020–2023. Logarithmic scale.");
  });

  it("needs a run", () => {
    expect(() => fteScenariosChart([], { lang: "sv" })).toThrow("at least one run");
  });
});
