import { describe, expect, it } from "vitest";
import { driverIndexChart } from "../../charts/driver-index.ts";
import { series, tinyPackage } from "../model/fixtures.ts";
import { markData, svgOf } from "./marks.ts";

/** Base year 2020: residents 1,000 → 1,331 in 2023 (index 133.1), businesses 200 → 400 (index 200). */
const pkg = () =>
  tinyPackage({
    drivers: {
      residents: { ...series("residents", 2019, [900, 1000, 1100, 1210, 1331], 2), name: { sv: "Invånare", en: "Residents" } },
      businesses: { ...series("businesses", 2019, [150, 200, 220, 300, 400], 2), name: { sv: "Företag", en: "Businesses" } },
      dwellings: { ...series("dwellings", 2019, [10, 12, 8, 15, 9], 2, "flow"), name: { sv: "Bostäder", en: "Dwellings" } },
    },
  });

describe("driverIndexChart", () => {
  it("indexes each stock to the base year and names it with its value in the horizon year", () => {
    const spec = driverIndexChart(pkg(), { lang: "sv" });
    // the flow (a number per year, not a level that grows) is left out
    expect(new Set(markData<{ driver: string }>(spec, "line").map((d) => d.driver))).toEqual(new Set(["residents", "businesses"]));
    const businesses = markData<{ driver: string; year: number; index: number }>(spec, "line").filter((d) => d.driver === "businesses");
    // 200, 220, 300, 400 against 200 in 2020; 2019 is before the base year and left out
    expect(businesses.map((d) => [d.year, d.index])).toEqual([
      [2020, 100],
      [2021, 110],
      [2022, 150],
      [2023, 200],
    ]);
    const svg = svgOf(spec);
    expect(svg).toContain("Invånare 133");
    expect(svg).toContain("Företag 200");
    expect(spec.plot.y).toMatchObject({ label: "Index, 2020 = 100" });
  });

  it("draws only the drivers asked for, with dots on the actual years", () => {
    const spec = driverIndexChart(pkg(), { lang: "en", drivers: ["businesses"] });
    expect(new Set(markData<{ name: string }>(spec, "line").map((d) => d.name))).toEqual(new Set(["Businesses"]));
    expect(markData<{ year: number }>(spec, "dot").map((d) => d.year)).toEqual([2020]);
  });
});
