/**
 * Imported values merged into drivers.csv (io/import/merge-drivers.ts): what an actual and a
 * forecast import change, keep and remove.
 */
import { describe, expect, it } from "vitest";
import type { ImportProblem } from "../../../io/import/import-types.ts";
import { mergeDrivers } from "../../../io/import/merge-drivers.ts";

const CSV = [
  "year,driver,value,kind",
  "2018,residents,100,actual",
  "2019,residents,110,actual",
  "2020,residents,120,forecast",
  "2021,residents,130,forecast",
  "2018,businesses,7,actual",
  "2018,residents_80plus,5,forecast",
  "2019,residents_80plus,6,forecast",
  "2020,residents_80plus,7,forecast",
  "2021,residents_80plus,8,forecast",
  "",
].join("\n");

const values = (id: string, entries: [number, number][]) => ({ id, values: new Map(entries) });

describe("mergeDrivers", () => {
  it("an actual import replaces its years and removes the estimates before them; other rows keep their text", () => {
    const problems: ImportProblem[] = [];
    const { text, changes } = mergeDrivers(CSV, [values("residents_80plus", [[2019, 6.5], [2020, 7.25]])], "actual", 2019, 2021, problems);
    expect(text.split("\n")).toEqual([
      "year,driver,value,kind",
      "2018,residents,100,actual",
      "2019,residents,110,actual",
      "2020,residents,120,forecast",
      "2021,residents,130,forecast",
      "2018,businesses,7,actual",
      "2019,residents_80plus,6.5,actual",
      "2020,residents_80plus,7.25,actual",
      "2021,residents_80plus,8,forecast",
      "",
    ]);
    expect(changes).toEqual([
      { driver: "residents_80plus", year: 2019, before: { value: "6", kind: "forecast" }, after: { value: "6.5", kind: "actual" } },
      { driver: "residents_80plus", year: 2020, before: { value: "7", kind: "forecast" }, after: { value: "7.25", kind: "actual" } },
      { driver: "residents_80plus", year: 2018, before: { value: "5", kind: "forecast" } },
    ]);
    expect(problems.map((p) => p.message.en)).toEqual(["residents_80plus: the estimates for 2018 are removed (actuals must come before forecasts)"]);
  });

  it("refuses to remove the base year's estimate: the file must start at the base year", () => {
    const problems: ImportProblem[] = [];
    mergeDrivers(CSV, [values("residents_80plus", [[2020, 7]])], "actual", 2018, 2021, problems);
    expect(problems[0]).toMatchObject({ severity: "error", field: "residents_80plus" });
    expect(problems[0]?.message.en).toMatch(/export from the base year 2018 or earlier/);
  });

  it("refuses an actual import with a missing year whose package value is an estimate between actuals", () => {
    const problems: ImportProblem[] = [];
    mergeDrivers(CSV, [values("residents_80plus", [[2018, 5], [2020, 7]])], "actual", 2018, 2021, problems);
    expect(problems).toMatchObject([{ severity: "error", field: "residents_80plus" }]);
    expect(problems[0]?.message.en).toMatch(/^residents_80plus: the file has no value for 2019, and the package's value there is an estimate/);
  });

  it("a forecast import never overwrites an actual, adds new years up to the horizon, and writes a new driver", () => {
    const problems: ImportProblem[] = [];
    const { text } = mergeDrivers(CSV, [values("residents", [[2019, 999], [2021, 131], [2022, 140]]), values("residents_90plus", [[2018, 1]])], "forecast", 2018, 2021, problems);
    expect(text).toContain("2019,residents,110,actual");
    expect(text).toContain("2021,residents,131,forecast");
    expect(text).not.toContain("2022,residents");
    expect(text.trimEnd().split("\n").at(-1)).toBe("2018,residents_90plus,1,forecast");
    expect(problems.map((p) => p.message.en)).toEqual([
      "residents: the years after the horizon 2021 are not written",
      "residents: past values kept for 2019 (a forecast never overwrites actuals)",
    ]);
  });

  it("writes a semicolon file with decimal commas, as a Swedish spreadsheet saved it", () => {
    const problems: ImportProblem[] = [];
    const { text } = mergeDrivers("year;driver;value;kind\n2018;residents;100,5;actual\n", [values("residents", [[2018, 101.25]])], "actual", 2018, 2018, problems);
    expect(text).toBe("year;driver;value;kind\n2018;residents;101,25;actual\n");
  });
});
