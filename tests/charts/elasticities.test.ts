import { describe, expect, it } from "vitest";
import { elasticitiesChart, elasticityFits } from "../../charts/elasticities.ts";
import { calibrate } from "../../model/calibrate.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, process, series, shareActivity, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markData } from "./marks.ts";

/**
 * "cases": 10 FTE in 2020, a fifth fixed, two activities of half the rest each (4 FTE), elasticity 1
 * and 0 to residents: the package's elasticity for the whole process is (4 × 1 + 4 × 0) ÷ 10 = 0.4.
 * Its history grows as residents^1.5 (800 → 1,000 residents), so the estimate is 1.5.
 * "flat" never changed while residents grew: its estimate is 0.
 */
function pkg() {
  const years = [2017, 2018, 2019, 2020];
  const residents = [800, 850, 920, 1000];
  const grown = (i: number) => 10 * (residents[i]! / 1000) ** 1.5;
  return tinyPackage({
    drivers: { residents: series("residents", 2017, [...residents, 1100, 1200, 1300], 4) },
    headcount: {
      cases: Object.fromEntries(years.map((y, i) => [y, grown(i)])),
      flat: Object.fromEntries(years.map((y) => [y, 5])),
    },
    processes: [
      process("cases", [shareActivity("a", 0.5, { residents: 1 }), shareActivity("b", 0.5, { residents: 0 })], { fixedShare: 0.2 }),
      process("flat", [shareActivity("c", 1, { residents: 1 })]),
    ],
  });
}

describe("elasticityFits", () => {
  it("sets each process's estimate beside the package's activity-weighted elasticity", () => {
    const p = pkg();
    const fits = elasticityFits(p, calibrate(p, { drift: false }), forecast(compile(p)), "sv");
    const cases = fits.find((f) => f.process === "cases")!;
    expect(cases.driver).toBe("residents");
    expect(cases.packageElasticity).toBeCloseTo(0.4, 10);
    expect(cases.estimate).toBeCloseTo(1.5, 6);
    expect(cases.plausible).toBe(true);
    expect(fits.find((f) => f.process === "flat")!.estimate).toBeCloseTo(0, 6);
  });
});

describe("elasticitiesChart", () => {
  it("draws a dot per estimate and a diamond per process, on an axis that holds 0, 1 and every estimate", () => {
    const p = pkg();
    const fits = elasticityFits(p, calibrate(p, { drift: false }), forecast(compile(p)), "sv");
    fits[1] = { ...fits[1]!, estimate: null, plausible: false }; // as if "flat" could not be fitted
    const spec = elasticitiesChart(p, fits, { lang: "sv" });
    expect(legendLabels(spec)).toEqual(["Skattad ur historiken (± 2 medelfel)", "Paketets (vägd)"]);
    expect(markData<{ process: string }>(spec, "dot", 0).map((d) => d.process)).toEqual(["cases"]);
    expect(markData<{ process: string }>(spec, "dot", 1).map((d) => d.process)).toEqual(["cases", "flat"]);
    const [low, high] = (spec.plot.x as { domain: [number, number] }).domain;
    expect(low).toBeCloseTo(-0.2, 10); // 0 is the lowest value
    expect(high).toBeGreaterThan(1.5); // the estimate (its standard error is 0 on an exact fit)
    expect(spec.caption).toContain("skattad ur historiken 2017–2020");
  });
});
