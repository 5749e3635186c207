/**
 * Named driver sets (model/parse-driver-sets.ts) read with the whole package: a valid set, a
 * scenario that picks one, and the problems a planner can make, each with file, line and field.
 * The package is tests/model/package-files.ts (base year 2024, horizon 2027; residents actual to 2024).
 */
import { describe, expect, it } from "vitest";
import { errorsOf, type Files, parsed, validFiles } from "./package-files.ts";

const SETS = `{
  "sets": {
    "scb": { "name": { "sv": "SCB:s framskrivning", "en": "Statistics Sweden's projection" } },
    "egen": {
      "name": { "sv": "Kommunens prognos", "en": "The municipality's forecast" },
      "description": { "sv": "Bostadsbyggande", "en": "Housing" }
    }
  }
}
`;
const SCB = "year,driver,value\n2024,residents,1009\n2025,residents,1015\n2026,residents,1019\n2027,residents,1022\n";
const OWN = "year;driver;value\n2025;residents;1100\n2026;residents;1200\n2027;residents;1300\n2025;businesses;205\n2026;businesses;211\n2027;businesses;216\n";

function withSets(extra: Files = {}): Files {
  return { ...validFiles(), "driver-sets.json": SETS, "driver-sets/scb.csv": SCB, "driver-sets/egen.csv": OWN, ...extra };
}

describe("driver sets", () => {
  it("reads each set's name and values (a year of the driver's history included, as the file gives it)", () => {
    const pkg = parsed(withSets());
    expect(pkg.driverSets?.scb).toEqual({
      id: "scb",
      name: { sv: "SCB:s framskrivning", en: "Statistics Sweden's projection" },
      drivers: { residents: { firstYear: 2024, values: [1009, 1015, 1019, 1022] } },
    });
    expect(pkg.driverSets?.egen?.description).toEqual({ sv: "Bostadsbyggande", en: "Housing" });
    expect(pkg.driverSets?.egen?.drivers.businesses).toEqual({ firstYear: 2025, values: [205, 211, 216] });
  });

  it("a package without driver-sets.json has none", () => {
    expect(parsed(validFiles()).driverSets).toBeUndefined();
  });

  it("lets a scenario pick a set by id, and names an unknown one with the sets there are", () => {
    const pick = (set: string) => withSets({ "scenarios/baseline.json": `{ "name": { "sv": "A", "en": "A" }, "driverSet": "${set}" }` });
    expect(parsed(pick("egen")).scenarios.baseline?.driverSet).toBe("egen");
    expect(errorsOf(pick("kommun"))).toContainEqual({
      file: "scenarios/baseline.json",
      line: 1,
      field: "driverSet",
      message: 'unknown driver set "kommun": expected one of scb, egen',
    });
  });

  it("reports a set's problems with file, line and field", () => {
    const errors = errorsOf(
      withSets({
        // Line 3 skips 2026; line 4 is an unknown driver; line 5 a negative value.
        "driver-sets/scb.csv": "year,driver,value\n2025,residents,1015\n2027,residents,1022\n2025,resident,1\n2025,businesses,-3\n",
        // Businesses' history ends in 2024: a set must start by 2025, and go on to the horizon 2027.
        "driver-sets/egen.csv": "year,driver,value\n2026,businesses,211\n2027,businesses,216\n2025,residents,1100\n2026,residents,1200\n",
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: "driver-sets/scb.csv", line: 3, field: "year", message: "residents has no value for 2026: expected every year without gaps (2025 is followed by 2027)" },
        { file: "driver-sets/scb.csv", line: 4, field: "driver", message: 'unknown driver "resident": expected a driver of drivers.csv' },
        { file: "driver-sets/scb.csv", line: 5, field: "value", message: "-3 for businesses is outside the valid range from 0 to 1000000000000 (count)" },
        { file: "driver-sets/egen.csv", line: 2, field: "year", message: "businesses starts in 2026: expected every year after its history, from 2025" },
        { file: "driver-sets/egen.csv", line: 5, field: "year", message: "residents ends in 2026: expected values for every year up to the horizon 2027 (municipality.json)" },
      ]),
    );
  });

  it("needs a name for every set file and a file for every named set", () => {
    const unnamed = errorsOf({ ...validFiles(), "driver-sets/scb.csv": SCB });
    expect(unnamed).toContainEqual(expect.objectContaining({ file: "driver-sets/scb.csv", message: expect.stringContaining("a driver set needs its name in driver-sets.json") }));
    const unlisted = errorsOf(withSets({ "driver-sets/rufs.csv": SCB }));
    expect(unlisted).toContainEqual({ file: "driver-sets/rufs.csv", message: 'not listed in driver-sets.json: expected "rufs" among its sets (scb, egen)' });
    const { "driver-sets/egen.csv": _, ...withoutFile } = withSets();
    expect(errorsOf(withoutFile)).toContainEqual({
      file: "driver-sets.json",
      line: 4,
      field: "sets.egen",
      message: 'the driver set "egen" has no file driver-sets/egen.csv: expected its values there (year, driver, value)',
    });
  });
});
