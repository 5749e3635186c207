import { describe, expect, it } from "vitest";
import { driverProjectionChart, driverYears } from "../../charts/driver-projection.ts";
import { series, tinyPackage } from "../model/fixtures.ts";
import { legendLabels, markData } from "./marks.ts";

/** Residents 2019–2024 with 2019 and 2020 actual; the package's horizon is 2023. */
const pkg = () =>
  tinyPackage({
    drivers: {
      residents: { ...series("residents", 2019, [900, 1000, 1100, 1210, 1331, 1464.1], 2), name: { sv: "Invånare", en: "Residents" } },
    },
  });

describe("driverYears", () => {
  it("reads a driver's series to the horizon, saying which years are actual", () => {
    expect(driverYears(pkg(), "residents")).toEqual([
      { year: 2019, value: 900, actual: true, estimated: false },
      { year: 2020, value: 1000, actual: true, estimated: false },
      { year: 2021, value: 1100, actual: false, estimated: false },
      { year: 2022, value: 1210, actual: false, estimated: false },
      { year: 2023, value: 1331, actual: false, estimated: false },
    ]);
  });

  it("names the package's drivers when asked for another", () => {
    expect(() => driverYears(pkg(), "births")).toThrow('unknown driver "births"; the package\'s drivers are residents');
  });
});

describe("driverProjectionChart", () => {
  const doubled = { label: "Dubbel tillväxt (m = 2)", values: [{ year: 2021, value: 1200 }] };

  it("draws the actuals, the forecast from the last actual year on, and each scenario", () => {
    const spec = driverProjectionChart(pkg(), "residents", { lang: "sv", scenarios: [doubled] });
    expect(legendLabels(spec)).toEqual(["Utfall", "Kommunens prognos (m = 1)", "Dubbel tillväxt (m = 2)"]);
    const years = (nth: number) => markData<{ year: number }>(spec, "line", nth).map((d) => d.year);
    expect(years(0)).toEqual([2020, 2021, 2022, 2023]); // the forecast, joined to the last actual
    expect(years(1)).toEqual([2021]); // the scenario
    expect(years(2)).toEqual([2019, 2020]); // the actuals
    expect(markData(spec, "rule")).toEqual([2020]); // the base year
  });

  it("counts estimates of past years as history, which the forecast and the scenarios start from", () => {
    const estimated = pkg();
    estimated.drivers.residents!.estimated = [false, false, true, false, false, false]; // 2021 estimated
    const spec = driverProjectionChart(estimated, "residents", { lang: "sv", scenarios: [doubled] });
    expect(legendLabels(spec)[0]).toBe("Utfall och uppskattningar");
    expect(markData<{ year: number }>(spec, "line", 0).map((d) => d.year)).toEqual([2021, 2022, 2023]);
    expect(markData<{ year: number }>(spec, "line", 2).map((d) => d.year)).toEqual([2019, 2020, 2021]);
    expect(markData<{ year: number }>(spec, "dot").map((d) => d.year)).toEqual([2019, 2020]); // dots on actuals only
    expect(spec.caption).toContain("efter 2021, det sista året med utfall eller uppskattning");
  });

  it("names the driver from the package in the chosen language", () => {
    const sv = driverProjectionChart(pkg(), "residents", { lang: "sv", scenarios: [doubled] });
    expect(sv.title).toBe("Invånare: utfall, prognos och scenarier");
    expect(sv.caption).toBe(
      "Invånare 2019–2023. Punkter: utfall; streckat: kommunens prognos; i färg: scenarier där tillväxtmultiplikatorn skalar förändringen efter 2020, det sista året med utfall eller uppskattning.",
    );
    const en = driverProjectionChart(pkg(), "residents", { lang: "en" });
    expect(en.title).toBe("Residents: actuals, forecast and scenarios");
    expect(en.caption).toBe("Residents 2019–2023. Dots: actuals; dashed: the municipality's forecast.");
  });
});
