/**
 * The optional population/ folder (model/parse-population.ts): a small valid folder, and the
 * problems a planner can make in it, each with file, line and field.
 */
import { describe, expect, it } from "vitest";
import type { PackageError } from "../../model/package-error.ts";
import { parsePopulation } from "../../model/parse-population.ts";

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
    expect(population!.inMigrants).toEqual({ perYear: 100, perDwelling: 0 });
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
    expect(errors).toContainEqual({ file: "population/base.csv", line: 5, field: "value", message: "-1 is out of range: expected zero or more" });
    expect(errors).toContainEqual(expect.objectContaining({ file: "population/population.json", field: "inMigrants.dwellingsDriver" }));
    const missingFile = parsePopulation({ "population/base.csv": valid["population/base.csv"]! }, (errors.length = 0, errors));
    expect(missingFile).toBeUndefined();
    expect(errors.map((e) => e.file)).toEqual(["population/population.json", "population/fertility.csv", "population/mortality.csv", "population/migration.csv"]);
  });
});
