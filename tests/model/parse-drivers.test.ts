import { describe, expect, it } from "vitest";
import { errorsOf, onlyError, parsed, validFiles, withEdit } from "./package-files.ts";
import { smallPackage } from "./small-package.ts";

describe("parseDataPackage: drivers.csv", () => {
  it("reports unknown and missing columns on line 1", () => {
    const errors = errorsOf(withEdit("drivers.csv", "year,driver,value,kind", "year,driver,värde,kind"));
    expect(errors).toEqual([
      { file: "drivers.csv", line: 1, field: "värde", message: 'unknown column "värde": expected the columns year, driver, value, kind' },
      {
        file: "drivers.csv",
        line: 1,
        field: "value",
        message: 'missing column "value": the header must name the columns year, driver, value, kind (separated by ",")',
      },
    ]);
  });

  it("reports a value that is not a number, quoting it, with line and column", () => {
    expect(onlyError(withEdit("drivers.csv", "2026,residents,1030,", "2026,residents,12 3a,"))).toEqual({
      file: "drivers.csv",
      line: 5,
      field: "value",
      message: '"12 3a" for residents is not a number: expected a number such as 1234.5, 1234,5 or 1 234,5',
    });
  });

  it("reports an ambiguous number with both a point and a comma", () => {
    const error = onlyError(withEdit("drivers.csv", "2026,residents,1030,", '2026,residents,"1.030,0",'));
    expect(error).toMatchObject({ file: "drivers.csv", line: 5, field: "value" });
    expect(error.message).toContain('"1.030,0" for residents is not a number');
    expect(error.message).toContain("unclear which is the decimal mark");
  });

  it("reports a negative value and an empty value", () => {
    const files = withEdit("drivers.csv", "2025,businesses,210,", "2025,businesses,-210,");
    files["drivers.csv"] = (files["drivers.csv"] ?? "").replace("2026,businesses,220,", "2026,businesses,,");
    expect(errorsOf(files)).toEqual([
      { file: "drivers.csv", line: 8, field: "value", message: "-210 for businesses is outside the valid range from 0 to 1000000000000 (count)" },
      {
        file: "drivers.csv",
        line: 9,
        field: "value",
        message: '"" for businesses is not a number: expected a number such as 1234.5, 1234,5 or 1 234,5, not an empty field',
      },
    ]);
  });

  it("reports a kind that is not actual or forecast", () => {
    expect(onlyError(withEdit("drivers.csv", "2025,residents,1020,forecast", "2025,residents,1020,prognos"))).toEqual({
      file: "drivers.csv",
      line: 4,
      field: "kind",
      message: '"prognos" is not a kind: expected actual, estimate, forecast',
    });
  });

  it("reports a year that is not a whole year, and a driver id that is not an id", () => {
    const files = withEdit("drivers.csv", "2025,residents,1020,", "2025.5,residents,1020,");
    files["drivers.csv"] = (files["drivers.csv"] ?? "").replace("2027,businesses", "2027,Företag");
    const errors = errorsOf(files);
    expect(errors).toContainEqual({ file: "drivers.csv", line: 4, field: "year", message: '"2025.5" is not a year: expected a whole year such as 2024' });
    expect(errors).toContainEqual({
      file: "drivers.csv",
      line: 10,
      field: "driver",
      message: '"Företag" is not a driver id: expected lower-case letters, digits and _, starting with a letter, at most 64 characters',
    });
  });

  it("reports a duplicate year and driver, naming both lines", () => {
    const files = validFiles();
    files["drivers.csv"] += "2025,residents,1021,forecast\n";
    expect(onlyError(files)).toEqual({
      file: "drivers.csv",
      line: 12,
      field: "year",
      message: "residents 2025 appears twice, on lines 4 and 12: expected one row per year and driver",
    });
  });

  it("reports a gap in a driver's years", () => {
    const files = withEdit("drivers.csv", "2025,residents,1020,forecast\n2026,residents,1030,forecast\n", "");
    expect(onlyError(files)).toEqual({
      file: "drivers.csv",
      line: 4,
      field: "year",
      message: "residents has no value for 2025–2026: expected every year without gaps (2024 is followed by 2027)",
    });
  });

  it("reports an actual after a forecast", () => {
    expect(onlyError(withEdit("drivers.csv", "2026,residents,1030,forecast", "2026,residents,1030,actual"))).toEqual({
      file: "drivers.csv",
      line: 5,
      field: "kind",
      message: "residents 2026 is an actual but 2025 (line 4) is a forecast: expected actuals and estimates before forecasts",
    });
  });

  it("reports a driver that does not reach the horizon", () => {
    expect(onlyError(withEdit("drivers.csv", "2027,residents,1040,forecast\n", ""))).toEqual({
      file: "drivers.csv",
      line: 5,
      field: "year",
      message: "residents ends in 2026: expected values for every year up to the horizon 2027 (municipality.json)",
    });
  });

  it("reports a driver without the base year", () => {
    expect(onlyError(withEdit("drivers.csv", "2024,businesses,200,actual\n", ""))).toEqual({
      file: "drivers.csv",
      line: 7,
      field: "year",
      message: "businesses starts in 2025: expected a value for the base year 2024 (the last year in headcount.csv)",
    });
  });

  it("reports a line with too many fields, hinting at an unquoted decimal comma", () => {
    expect(errorsOf(withEdit("drivers.csv", "2024,residents,1010.5,actual", "2024,residents,1010,5,actual"))).toEqual([
      {
        file: "drivers.csv",
        line: 3,
        message:
          'expected 4 fields (year,driver,value,kind) but found 5 (a decimal comma in a comma-separated file must be quoted, e.g. "1,5", or use ";" as the separator)',
      },
      // The line cannot be read at all, so its year is missing too.
      {
        file: "drivers.csv",
        line: 4,
        field: "year",
        message: "residents has no value for 2024: expected every year without gaps (2023 is followed by 2025)",
      },
    ]);
  });

  it("reports a driver id reserved for support processes", () => {
    const files = validFiles();
    files["drivers.csv"] += "2024,supported_fte,1,actual\n";
    expect(onlyError(files)).toMatchObject({ file: "drivers.csv", line: 12, field: "driver", message: expect.stringContaining('"supported_fte" is reserved') });
  });
});

const driversJson = (drivers: unknown) => JSON.stringify({ drivers }, null, 2);

describe("drivers.json", () => {
  it("is optional: without it every driver is a stock named by its id", () => {
    const pkg = parsed(smallPackage());
    expect(pkg.drivers.dwellings!.type).toBe("stock");
    expect(pkg.drivers.dwellings!.name).toEqual({ sv: "dwellings", en: "dwellings" });
    expect(pkg.drivers.dwellings!.unit).toBeUndefined();
  });

  it("declares a driver's type, name and unit; an unlisted driver keeps the defaults", () => {
    const pkg = parsed(
      smallPackage({
        "drivers.json": driversJson({
          dwellings: { name: { sv: "Färdigställda bostäder", en: "Dwellings completed" }, type: "flow", unit: { sv: "bostäder per år", en: "dwellings per year" } },
        }),
      }),
    );
    expect(pkg.drivers.dwellings).toMatchObject({ type: "flow", name: { sv: "Färdigställda bostäder", en: "Dwellings completed" }, unit: { en: "dwellings per year" } });
    expect(pkg.drivers.residents).toMatchObject({ type: "stock", name: { sv: "residents", en: "residents" } });
  });

  it("refuses a driver that drivers.csv does not have, naming the line", () => {
    const errors = errorsOf(smallPackage({ "drivers.json": driversJson({ dwelings: { type: "flow" } }) }));
    expect(errors).toEqual([
      {
        file: "drivers.json",
        line: 3,
        field: "drivers.dwelings",
        message: 'unknown driver "dwelings": expected one of the drivers in drivers.csv (residents, dwellings)',
      },
    ]);
  });

  it("refuses a type that is neither stock nor flow", () => {
    const errors = errorsOf(smallPackage({ "drivers.json": driversJson({ dwellings: { type: "flöde" } }) }));
    expect(errors).toEqual([{ file: "drivers.json", line: 4, field: "drivers.dwellings.type", message: '"flöde" is not valid: expected one of stock, flow' }]);
  });
});

describe("drivers.csv kinds", () => {
  it("reads an estimate as a past value that is not an actual", () => {
    const files = smallPackage();
    files["drivers.csv"] = files["drivers.csv"]!.replace("2021,dwellings,100,forecast", "2021,dwellings,100,estimate");
    const pkg = parsed(files);
    expect(pkg.drivers.dwellings!.actual).toEqual([true, false, false, false]);
    expect(pkg.drivers.dwellings!.estimated).toEqual([false, true, false, false]);
  });

  it("refuses an estimate after a forecast", () => {
    const files = smallPackage();
    files["drivers.csv"] = files["drivers.csv"]!.replace("2022,dwellings,100,forecast", "2022,dwellings,100,estimate");
    expect(errorsOf(files)).toEqual([
      {
        file: "drivers.csv",
        line: 8,
        field: "kind",
        message: "dwellings 2022 is an estimate but 2021 (line 7) is a forecast: expected actuals and estimates before forecasts",
      },
    ]);
  });
});
