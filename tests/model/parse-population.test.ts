/**
 * The optional population/ folder (model/parse-population.ts): a small valid folder, and the
 * problems a planner can make in it, each with file, line and field.
 */
import { describe, expect, it } from "vitest";
import type { PackageError, PackageFinding } from "../../model/package-error.ts";
import { parsePopulation } from "../../model/parse-population.ts";
import { errorsOf, parsed, populationFiles, validFiles } from "./package-files.ts";

const valid: Record<string, string> = {
  "population/population.json": JSON.stringify({ baseYear: 2024, inMigrants: { perYear: 100 } }),
  "population/base.csv": "age,sex,value\n0,women,10\n0,men,11\n1,women,20\n1,men,21\n2+,women,30\n2+,men,31\n",
  "population/fertility.csv": "age;rate\n1;0,5\n",
  "population/mortality.csv": "age,sex,rate\n2,women,0.5\n2,men,0.6\n",
  "population/migration.csv": "age,sex,in_share,out_rate\n1,women,3,0\n1,men,1,0.1\n",
};

describe("parsePopulation", () => {
  it("is undefined, without problems, for a package without population/", () => {
    const errors: PackageError[] = [];
    expect(parsePopulation({ "drivers.csv": "" }, errors)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it("reads the base, the rates and the settings; in_share weights are scaled to sum to 1", () => {
    const errors: PackageError[] = [];
    const population = parsePopulation(valid, errors);
    expect(errors).toEqual([]);
    expect(population?.maxAge).toBe(2);
    expect(Array.from(population!.base.men)).toEqual([11, 21, 31]);
    expect(Array.from(population!.assumptions.fertility)).toEqual([0, 0.5, 0]);
    expect(population!.assumptions.boysPerGirl).toBe(1.05);
    expect(Array.from(population!.assumptions.mortality.men)).toEqual([0, 0, 0.6]);
    // Weights 3 and 1 → 0.75 and 0.25.
    expect(Array.from(population!.assumptions.inMigrationProfile.women)).toEqual([0, 0.75, 0]);
    expect(Array.from(population!.assumptions.inMigrationProfile.men)).toEqual([0, 0.25, 0]);
    expect(population!.inMigrants).toEqual({ perYear: 100, perDwelling: 0, perResident: 0 });
  });

  it("names file, line and field of each problem", () => {
    const errors: PackageError[] = [];
    const files = {
      ...valid,
      "population/base.csv": "age,sex,value\n0,women,10\n0,men,11\n1,kvinnor,20\n1,men,-1\n2+,women,30\n2+,men,31\n",
      "population/mortality.csv": "age,sex,rate\n3,women,0.5\n2,men,1.5\n",
      "population/population.json": JSON.stringify({ baseYear: 2024, inMigrants: { perDwelling: 2 } }),
    };
    expect(parsePopulation(files, errors)).toBeUndefined();
    expect(errors).toContainEqual({ file: "population/base.csv", line: 4, field: "sex", message: '"kvinnor" is not a sex: expected women or men' });
    expect(errors).toContainEqual({ file: "population/base.csv", line: 5, field: "value", message: "-1 for age 1 men is outside the valid range from 0 to 1000000000 (count)" });
    expect(errors).toContainEqual(expect.objectContaining({ file: "population/population.json", field: "inMigrants.dwellingsDriver" }));
    const missingFile = parsePopulation({ "population/base.csv": valid["population/base.csv"]! }, (errors.length = 0, errors));
    expect(missingFile).toBeUndefined();
    expect(errors.map((e) => e.file)).toEqual(["population/population.json", "population/fertility.csv", "population/mortality.csv", "population/migration.csv"]);
  });
});

describe("the population's numbers and the table of bounds (model/bounds.ts)", () => {
  it("refuses a number past its valid range, naming file, line and field", () => {
    const errors: PackageError[] = [];
    const files = {
      ...valid,
      "population/base.csv": valid["population/base.csv"]!.replace("0,women,10", "0,women,1e300"),
      "population/population.json": JSON.stringify({ baseYear: 2024, boysPerGirl: 0, inMigrants: { perYear: 1e300 } }),
    };
    expect(parsePopulation(files, errors)).toBeUndefined();
    expect(errors).toContainEqual({ file: "population/base.csv", line: 2, field: "value", message: "1e+300 for age 0 women is outside the valid range from 0 to 1000000000 (count)" });
    expect(errors).toContainEqual(expect.objectContaining({ file: "population/population.json", field: "boysPerGirl" }));
    expect(errors).toContainEqual(expect.objectContaining({ file: "population/population.json", field: "inMigrants.perYear" }));
    // A probability past 1 (the rates are read once the base population is).
    const rates: PackageError[] = [];
    expect(parsePopulation({ ...valid, "population/mortality.csv": "age,sex,rate\n2,women,0.5\n2,men,1.5\n" }, rates)).toBeUndefined();
    expect(rates).toEqual([{ file: "population/mortality.csv", line: 3, field: "rate", message: "1.5 for age 2 men is outside the valid range from 0 to 1 (share)" }]);
  });

  it("warns of a valid but implausible number, and parses", () => {
    const errors: PackageError[] = [];
    const warnings: PackageFinding[] = [];
    const files = {
      ...valid,
      "population/fertility.csv": "age;rate\n1;0,1\n",
      "population/mortality.csv": valid["population/mortality.csv"]!.replace("2,women,0.5", "2,women,0.9"),
      "population/population.json": JSON.stringify({ baseYear: 2024, boysPerGirl: 1.5, inMigrants: { perYear: 100 } }),
    };
    expect(parsePopulation(files, errors, warnings)).toBeDefined();
    expect(errors).toEqual([]);
    // 0.9 is a probability (valid to 1) but above the 0.8 a municipality's oldest reach; 1.5 boys per girl is no real sex ratio at birth.
    expect(warnings.map((w) => [w.file, w.field, w.severity])).toEqual([
      ["population/population.json", "boysPerGirl", "warning"],
      ["population/mortality.csv", "rate", "warning"],
    ]);
    expect(warnings[1]?.message).toMatch(/^0\.9 is valid but outside the plausible range/);
  });
});

describe("population/ in a package, against drivers.csv", () => {
  it("names each problem with file, line and field", () => {
    const files = populationFiles();
    files["drivers.csv"] = files["drivers.csv"]!.replace("2024,residents_80plus,420,actual", "2024,residents_80plus,420,forecast\n2025,residents_80plus,430,forecast");
    files["population/population.json"] = JSON.stringify({ baseYear: 2024, inMigrants: { perDwelling: 1, dwellingsDriver: "homes" } });
    const errors = errorsOf(files);
    expect(errors).toContainEqual({
      file: "drivers.csv",
      line: 5,
      field: "kind",
      message: "residents_80plus follows the population projection from 2024 (population/population.json baseYear): expected residents_80plus 2024 as an actual or an estimate",
    });
    expect(errors).toContainEqual({
      file: "drivers.csv",
      line: 6,
      field: "year",
      message: "residents_80plus follows the population projection (population/) after 2024: expected no rows after 2024 (move a forecast of your own to a driver set, driver-sets/)",
    });
    expect(errors).toContainEqual({ file: "population/population.json", field: "inMigrants.dwellingsDriver", message: 'unknown driver "homes": expected a driver of drivers.csv (homes built)' });
  });

  it("needs its base year within the package's years, and people in every band it drives", () => {
    const files = populationFiles();
    files["population/population.json"] = JSON.stringify({ baseYear: 2027, inMigrants: { perYear: 100 } });
    files["population/base.csv"] = files["population/base.csv"]!.replace(/^(8\d|9\d|100\+),(women|men),10$/gm, "$1,$2,0");
    const errors = errorsOf(files);
    expect(errors).toContainEqual({
      file: "population/population.json",
      field: "baseYear",
      message: "2027 is outside the package's years: expected a year from the base year 2024 (headcount.csv) to 2026, before the horizon",
    });
    expect(errors).toContainEqual({
      file: "population/base.csv",
      field: "value",
      message: "nobody is aged 80+: residents_80plus follows the band's growth, so expected people of those ages in the base population",
    });
  });

  it("drives a driver drivers.json declares an age band, whatever its id", () => {
    const files = populationFiles();
    files["drivers.csv"] = files["drivers.csv"]!.replace("2024,residents_80plus,420,actual", "2024,elderly,420,actual");
    files["processes.json"] = files["processes.json"]!.replace('"residents_80plus": 1', '"elderly": 1');
    files["drivers.json"] = JSON.stringify({ drivers: { elderly: { name: { sv: "Äldre", en: "Elderly" }, ages: [80, null] } } });
    const pkg = parsed(files);
    expect(pkg.population?.bands).toContainEqual({ driver: "elderly", band: { from: 80, to: null } });
    // As residents_80plus in the test above: 420 + 20 − 120 = 320 in 2025.
    expect(pkg.drivers.elderly?.values[1]).toBeCloseTo(320, 9);
    files["drivers.json"] = JSON.stringify({ drivers: { elderly: { ages: [80, 70] } } });
    expect(errorsOf(files)).toContainEqual(expect.objectContaining({ file: "drivers.json", field: "drivers.elderly.ages", message: expect.stringContaining("expected the last age at or above the first") }));
  });

  it("a package without population/ has none, and its drivers are as drivers.csv gives them", () => {
    const pkg = parsed(validFiles());
    expect(pkg.population).toBeUndefined();
    expect(pkg.drivers.residents?.values).toEqual([1000, 1010.5, 1020, 1030, 1040]);
  });
});
