import { describe, expect, it } from "vitest";
import { driverPerYearChart } from "../../charts/driver-per-year.ts";
import { COLORS } from "../../charts/frame.ts";
import { series, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markData, occurrences, svgOf } from "./marks.ts";

/** Dwellings completed 2019–2023 (base year 2020): 100, 120, 80, 150, 90; actual to 2020, 2021 estimated. */
const pkg = () =>
  tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1210, 1331]),
      dwellings: {
        ...series("dwellings", 2019, [100, 120, 80, 150, 90], 2, "flow"),
        estimated: [false, false, true, false, false],
        name: { sv: "Färdigställda bostäder", en: "Dwellings completed" },
      },
    },
  });

describe("driverPerYearChart", () => {
  it("draws a bar a year, darker to the last actual or estimate, and the base year's level", () => {
    const spec = driverPerYearChart(pkg(), "dwellings", { lang: "sv" });
    expect(spec.title).toBe("Färdigställda bostäder per år");
    expect(legendLabels(spec)).toEqual(["Till och med 2021", "Efter 2021", "2020 års nivå"]);
    expect(markData(spec, "rule")).toEqual([120]);
    // room above the highest bar: 1.1 × 150
    expect(spec.plot.y).toMatchObject({ domain: [0, 165] });
    // three darker bars (2019–2021) and the legend's swatch
    expect(occurrences(svgOf(spec), `fill="${COLORS.pastBar}"`)).toBe(4);
  });

  it("labels the axis in English when asked", () => {
    const spec = driverPerYearChart(pkg(), "dwellings", { lang: "en" });
    expect(spec.plot.y).toMatchObject({ label: "Dwellings completed per year" });
    expect(legendLabels(spec)).toEqual(["Up to 2021", "After 2021", "2020 level"]);
  });
});
