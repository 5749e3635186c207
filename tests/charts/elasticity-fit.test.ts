import { describe, expect, it } from "vitest";
import type { ElasticityFit } from "../../charts/elasticities.ts";
import { elasticityFitChart, fitPoints } from "../../charts/elasticity-fit.ts";
import type { ProcessFit } from "../../model/calibrate.ts";
import { process, series, shareActivity, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markData } from "./marks.ts";

/** "cases" (1 FTE of individual allowances) 9, 10, 11 FTE in 2018–2020; "support" supports it, driven by its FTE. */
const pkg = tinyPackage({
  drivers: { residents: series("residents", 2018, [800, 900, 1000, 1100, 1200, 1300], 3) },
  headcount: { cases: { 2018: 9, 2019: 10, 2020: 11 }, support: { 2018: 2, 2019: 2, 2020: 2 } },
  processes: [
    process("cases", [shareActivity("a", 1, { residents: 1 })], { individualAllowanceFte: 1 }),
    process("support", [shareActivity("s", 1, { supported_fte: 1 })], { supports: ["cases"] }),
  ],
});

const fit = (extra: Partial<ElasticityFit>): ElasticityFit => ({
  process: "cases",
  name: "Ärenden",
  driver: "residents",
  driverName: "Invånare",
  estimate: 0.9,
  standardError: 0.1,
  plausible: true,
  packageElasticity: 0.8,
  stats: {} as ProcessFit,
  ...extra,
});

describe("fitPoints", () => {
  it("takes logarithms against the base year, of the FTE without allowances as the calibration does", () => {
    const points = fitPoints(pkg, fit({}));
    expect(points.map((p) => p.year)).toEqual([2018, 2019, 2020]);
    expect(points[0]!.x).toBeCloseTo(Math.log(800 / 1000), 12);
    expect(points[0]!.y).toBeCloseTo(Math.log((9 - 1) / (11 - 1)), 12);
    expect(points[2]).toEqual({ year: 2020, x: 0, y: 0 });
  });

  it("reads a support process's driver from the headcount of the processes it supports", () => {
    const points = fitPoints(pkg, fit({ process: "support", driver: "supported_fte" }));
    expect(points[0]!.x).toBeCloseTo(Math.log(9 / 11), 12);
    expect(points[0]!.y).toBe(0);
  });
});

describe("elasticityFitChart", () => {
  it("draws the estimated and the package's elasticity as lines through the origin", () => {
    const spec = elasticityFitChart(pkg, fit({}), { lang: "sv" });
    expect(legendLabels(spec)).toEqual(["Skattad: e = 0,90", "Paketets: e = 0,80"]);
    const lines = markData<{ x: number; y: number; series: string }>(spec, "line");
    // from the lowest point's x (ln 0.8) to 0, with the slope of each elasticity
    const estimated = lines.filter((l) => l.series.startsWith("Skattad"));
    expect(estimated.map((l) => l.x)).toEqual([Math.log(0.8), 0]);
    expect(estimated[0]!.y).toBeCloseTo(0.9 * Math.log(0.8), 12);
  });

  it("draws the package's line alone when nothing could be estimated", () => {
    expect(legendLabels(elasticityFitChart(pkg, fit({ estimate: null }), { lang: "en" }))).toEqual(["The package's: e = 0.80"]);
  });
});
