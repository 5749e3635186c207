import { describe, expect, it } from "vitest";
import { ftePerProcessChart } from "../../charts/fte-per-process.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, tinyPackage } from "../model/fixtures.ts";
import { markCount, markData } from "./marks.ts";

// tinyPackage: one process "cases", 8 FTE in 2019 and 10 in the base year 2020, forecast to 2023.
const pkg = tinyPackage();
const result = forecast(compile(pkg));

describe("ftePerProcessChart", () => {
  it("stacks the forecast per process from the base year", () => {
    const spec = ftePerProcessChart(result, { lang: "sv", processNames: { cases: "Ärenden" } });
    expect(markData<{ year: number; process: string }>(spec, "area").map((d) => [d.year, d.process])).toEqual([
      [2020, "Ärenden"],
      [2021, "Ärenden"],
      [2022, "Ärenden"],
      [2023, "Ärenden"],
    ]);
    expect(markCount(spec, "rule")).toBe(1); // the zero line only
  });

  it("draws the history's years before the base year, and marks the base year", () => {
    const spec = ftePerProcessChart(result, { lang: "sv", history: pkg.headcount });
    const area = markData<{ year: number; fte: number }>(spec, "area");
    // 2019 from the history; 2020 once, from the forecast
    expect(area.map((d) => d.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(area[0]!.fte).toBe(8);
    expect(markData(spec, "rule", 1)).toEqual([2020]);
    expect(spec.caption).toContain("Före basåret: historik 2019; vit linje: basåret 2020.");
  });
});
