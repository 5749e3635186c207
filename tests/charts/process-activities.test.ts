import { describe, expect, it } from "vitest";
import { ALLOWANCES, processActivitiesChart, type ProcessPartYear } from "../../charts/process-activities.ts";
import { FIXED_WORK } from "../../model/data-package.ts";
import { process, shareActivity, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markData } from "./marks.ts";

const pkg = tinyPackage({
  processes: [
    process("cases", [
      { ...shareActivity("apply", 0.5, { residents: 1 }), name: { sv: "Ansökan", en: "Application" } },
      { ...shareActivity("decide", 0.5, { residents: 1 }), name: { sv: "Beslut", en: "Decision" } },
    ]),
    process("other", [shareActivity("x", 1, { residents: 1 })]),
  ],
});
const parts: ProcessPartYear[] = [2020, 2021].flatMap((year) => [
  ...["apply", "decide", FIXED_WORK, ALLOWANCES].map((part) => ({ process: "cases", part, year, baselineFte: 1 })),
  { process: "other", part: "x", year, baselineFte: 5 },
]);

describe("processActivitiesChart", () => {
  it("stacks the chosen process's activities, then its allowances and fixed work", () => {
    const spec = processActivitiesChart(pkg, parts, "cases", { lang: "sv" });
    expect(legendLabels(spec)).toEqual(["Ansökan", "Beslut", "Individuella tillägg", "Fast arbete"]);
    expect(markData(spec, "area")).toHaveLength(8); // four parts × two years, none of "other"
    expect(spec.caption).toBe("cases (cases) utan hävstänger: årsarbetare per aktivitet, individuella tillägg och fast arbete.");
  });

  it("names the parts in English", () => {
    const spec = processActivitiesChart(pkg, parts, "cases", { lang: "en" });
    expect(legendLabels(spec)).toEqual(["Application", "Decision", "Individual allowances", "Fixed work"]);
  });

  it("refuses a process the package does not have", () => {
    expect(() => processActivitiesChart(pkg, parts, "permits", { lang: "sv" })).toThrow('unknown process "permits"');
  });
});
