import { describe, expect, it } from "vitest";
import { errorsOf, GROW_FAST, lineOf, onlyError, validFiles, withEdit } from "./package-files.ts";

describe("parseDataPackage: scenarios", () => {
  const text = GROW_FAST;

  it("reports an unknown lever id, listing the valid ones", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"merge_systems"]', '"merge_system"]'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"levers": ['),
      field: "levers[1]",
      message: 'unknown lever "merge_system": expected one of e_permits, merge_systems',
    });
  });

  it("reports an unknown driver in driverGrowthRates", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '{ "businesses": 0.02 }', '{ "companies": 0.02 }'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"driverGrowthRates"'),
      field: "driverGrowthRates.companies",
      message: 'unknown driver "companies": expected one of the drivers in drivers.csv (residents, businesses)',
    });
  });

  it("reports a `set` path that is not a parameter, and one whose value is out of range, on their lines", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"levers.e_permits.efficiency": 0.55', '"levers.e_permits.efficency": 0.55'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"set"'),
      field: 'set["levers.e_permits.efficency"]',
      message: expect.stringMatching(/^unknown parameter "levers.e_permits.efficency"; similar parameters: levers.e_permits./),
    });
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"levers.e_permits.efficiency": 0.55', '"levers.e_permits.efficiency": 7'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"set"'),
      field: 'set["levers.e_permits.efficiency"]',
      message: "7 is outside the valid range from 0 to 1 (share)",
    });
  });

  it("reports a distribution on a parameter of a lever the scenario does not use", () => {
    const files = withEdit("scenarios/grow-fast.json", '"levers": ["e_permits", "merge_systems"]', '"levers": ["merge_systems"]');
    const errors = errorsOf(files).filter((e) => e.field?.startsWith("set") || e.field?.startsWith("uncertainty"));
    expect(errors.map((e) => e.message)).toEqual([
      '"levers.e_permits.efficiency" belongs to a lever that is not active in scenario "grow-fast"',
      '"levers.e_permits.dip" belongs to a lever that is not active in scenario "grow-fast"',
    ]);
  });

  it("reports a negative growthMultiplier", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"growthMultiplier": 2,', '"growthMultiplier": -1,'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"growthMultiplier": 2,'),
      field: "growthMultiplier",
      message: "expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor), found -1",
    });
  });

  it("reports an unknown key, with the key as the field", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"growthMultiplier": 2,', '"growthMultipler": 2,'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"growthMultiplier": 2,'),
      field: "growthMultipler",
      message:
        'unknown field "growthMultipler": expected only the fields name, description, growthMultiplier, driverGrowthRates, levers, set, uncertainty, driverSet',
    });
  });

  it("reports a set value that is not a number and an invalid distribution", () => {
    const files = withEdit("scenarios/grow-fast.json", '"levers.e_permits.efficiency": 0.55', '"levers.e_permits.efficiency": "55%"');
    files["scenarios/grow-fast.json"] = (files["scenarios/grow-fast.json"] ?? "").replace('"sd": 0.1', '"sd": -0.1');
    expect(errorsOf(files)).toEqual([
      {
        file: "scenarios/grow-fast.json",
        line: lineOf(text, '"set"'),
        field: 'set["levers.e_permits.efficiency"]',
        message: 'expected a number, found "55%"',
      },
      {
        file: "scenarios/grow-fast.json",
        line: lineOf(text, '"levers.e_permits.dip"'),
        field: 'uncertainty["levers.e_permits.dip"].sd',
        message: "expected a standard deviation ≥ 0, found -0.1",
      },
    ]);
  });

  it("reports a missing name", () => {
    expect(onlyError({ ...validFiles(), "scenarios/baseline.json": "{}" })).toEqual({
      file: "scenarios/baseline.json",
      line: 1,
      field: "name",
      message: '"name" is missing: expected an object { … }',
    });
  });
});
