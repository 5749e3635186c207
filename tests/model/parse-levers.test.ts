import { describe, expect, it } from "vitest";
import { ADOPTION_CURVE_NAMES } from "../../model/adoption.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { errorsOf, LEVERS, lineOf, onlyError, withEdit } from "./package-files.ts";

describe("parseDataPackage: levers.json", () => {
  const text = LEVERS;

  it("reports a duplicate lever id", () => {
    const files = withEdit("levers.json", '"id": "merge_systems"', '"id": "e_permits"');
    expect(errorsOf(files)).toContainEqual({
      file: "levers.json",
      line: lineOf(text, '"id": "merge_systems"'),
      field: "levers[1].id",
      message: 'lever id "e_permits" is used twice (also levers[0]): expected unique ids',
    });
  });

  it("reports an unknown target process and activity, listing the valid ones", () => {
    const files = withEdit("levers.json", '"process": "permits", "activity": "cases"', '"process": "permits", "activity": "case"');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"process": "support"', '"process": "suport"');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"activity": "cases"'),
        field: "levers[0].targets[0].activity",
        message: 'unknown activity "case" of permits: expected one of cases, inspections',
      },
      // The distribution of the reach now names a target the lever does not have.
      {
        file: "levers.json",
        line: lineOf(text, '"reach.permits.cases":'),
        field: 'levers[0].distributions["reach.permits.cases"]',
        message: expect.stringMatching(/^"reach.permits.cases" is not a parameter of e_permits: expected one of .*, reach.permits.case$/),
      },
      {
        file: "levers.json",
        line: lineOf(text, '"process": "support"'),
        field: "levers[1].targets[0].process",
        message: 'unknown process "suport": expected one of permits, support',
      },
    ]);
  });

  it("reports an automation lever targeting fixed work and a consolidation lever targeting an activity", () => {
    const files = withEdit("levers.json", '"activity": "cases"', '"activity": "fixed"');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"activity": "fixed", "reach": 0.4', '"activity": "hr", "reach": 0.4');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"activity": "cases"'),
        field: "levers[0].targets[0].activity",
        message: "a automation lever acts on activities, not on fixed work: expected an activity id of permits",
      },
      expect.objectContaining({ field: 'levers[0].distributions["reach.permits.cases"]' }),
      {
        file: "levers.json",
        line: lineOf(text, '"process": "support"'),
        field: "levers[1].targets[0].activity",
        message: 'a consolidation lever acts on fixed work: expected "activity": "fixed", found "hr"',
      },
    ]);
  });

  it("accepts a stop_doing lever on fixed work or on an activity", () => {
    const files = withEdit("levers.json", '"kind": "automation"', '"kind": "stop_doing"');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"kind": "consolidation"', '"kind": "stop_doing"');
    expect(parseDataPackage(files).ok).toBe(true);
  });

  it("reports reach, efficiency and ceiling outside their ranges, quoting the values", () => {
    const files = withEdit("levers.json", '"reach": 0.5', '"reach": 1.5');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"efficiency": 0.6,', '"efficiency": -0.1,').replace('"ceiling": 1 }', '"ceiling": 0 }');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"reach": 0.5'),
        field: "levers[0].targets[0].reach",
        message: "expected a reach from 0 to 1 (share), found 1.5",
      },
      { file: "levers.json", line: lineOf(text, '"efficiency": 0.6,'), field: "levers[0].efficiency", message: "expected an efficiency from 0 to 1 (share), found -0.1" },
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.ceiling",
        message: "expected a ceiling from 0.001 to 1 (share), found 0",
      },
    ]);
  });

  it("reports a logistic steepness below 0.001 and a midpoint before the start", () => {
    const files = withEdit("levers.json", '"steepness": 1.5', '"steepness": 0');
    expect(onlyError(files)).toEqual({
      file: "levers.json",
      line: lineOf(text, '"curve": "logistic"'),
      field: "levers[0].adoption.steepness",
      message: "expected a steepness from 0.001 to 100 (per year), found 0",
    });
    // With a valid steepness the midpoint check runs.
    const midpoint = withEdit("levers.json", '"midpoint": 2026', '"midpoint": 2024');
    expect(onlyError(midpoint)).toEqual({
      file: "levers.json",
      line: lineOf(text, '"curve": "logistic"'),
      field: "levers[0].adoption.midpoint",
      message: "expected the midpoint at or after startYear",
    });
  });

  it("reports bass p below 10⁻⁶ and q below 0", () => {
    const files = withEdit("levers.json", '"p": 0.03, "q": 0.4', '"p": 0, "q": -0.1');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.p",
        message: "expected a coefficient of innovation p from 0.000001 to 1 (per year), found 0",
      },
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.q",
        message: "expected a coefficient of imitation q from 0 to 10 (per year), found -0.1",
      },
    ]);
  });

  it("reports a lever that starts in the base year", () => {
    const files = withEdit("levers.json", '"curve": "logistic", "startYear": 2025', '"curve": "logistic", "startYear": 2024');
    expect(onlyError(files)).toEqual({
      file: "levers.json",
      line: lineOf(text, '"curve": "logistic"'),
      field: "levers[0].adoption.startYear",
      message:
        "a lever must start after the base year 2024: the base year's headcount already includes what was done before (found 2024)",
    });
  });

  it("reports build years < 1 with effort or capex, and a negative amount", () => {
    const files = withEdit("levers.json", '"years": 2, "personYears": 2', '"years": 0, "personYears": 2');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"licencesPerYear": 20000', '"licencesPerYear": -20000');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"build": { "startYear": 2025'),
        field: "levers[0].build.years",
        message: "expected at least 1 year when personYears or capex is above 0",
      },
      {
        file: "levers.json",
        line: lineOf(text, '"licencesPerYear": 20000'),
        field: "levers[0].licencesPerYear",
        message: "expected licences per year from 0 to 1000000000000000 (currency per year), found -20000",
      },
    ]);
  });

  it("reports an unknown adoption curve, listing the valid ones", () => {
    expect(onlyError(withEdit("levers.json", '"curve": "bass"', '"curve": "nonesuch"'))).toEqual({
      file: "levers.json",
      line: lineOf(text, '"curve": "bass"'),
      field: "levers[1].adoption.curve",
      // The valid curves are the registry's (model/adoption.ts), so that adding one changes nothing here.
      message: `unknown curve "nonesuch": expected one of ${ADOPTION_CURVE_NAMES.join(", ")}`,
    });
  });

  it("reports an unknown lever kind, listing the valid ones", () => {
    expect(onlyError(withEdit("levers.json", '"kind": "consolidation"', '"kind": "robots"'))).toEqual({
      file: "levers.json",
      line: lineOf(text, '"kind": "consolidation"'),
      field: "levers[1].kind",
      message: '"robots" is not valid: expected one of automation, self_service, failure_demand, consolidation, stop_doing',
    });
  });

  it("reports a distribution key that is not a parameter of the lever, listing the valid ones", () => {
    const files = withEdit("levers.json", '"reach.permits.cases":', '"reach.permits.inspections":');
    expect(onlyError(files)).toEqual({
      file: "levers.json",
      line: lineOf(text, '"reach.permits.cases":'),
      field: 'levers[0].distributions["reach.permits.inspections"]',
      message:
        '"reach.permits.inspections" is not a parameter of e_permits: expected one of efficiency, dip, upkeepFte, licencesPerYear, systemSavingsPerYear, adoption.startYear, adoption.midpoint, adoption.steepness, adoption.ceiling, build.personYears, build.capex, reach.permits.cases',
    });
    // p and q belong to the bass curve, not to a logistic one.
    expect(onlyError(withEdit("levers.json", '"reach.permits.cases":', '"adoption.p":')).message).toContain('"adoption.p" is not a parameter of e_permits');
  });

  it("reports a distribution with min > mode, and an unknown distribution type", () => {
    const files = withEdit("levers.json", '"min": 0.4, "mode": 0.6', '"min": 0.7, "mode": 0.6');
    files["levers.json"] = (files["levers.json"] ?? "").replace('"type": "uniform"', '"type": "beta"');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"efficiency": { "type": "pert"'),
        field: "levers[0].distributions.efficiency.mode",
        message: "expected min ≤ mode ≤ max, found min 0.7, mode 0.6, max 0.8",
      },
      {
        file: "levers.json",
        line: lineOf(text, '"type": "uniform"'),
        field: 'levers[0].distributions["reach.permits.cases"].type',
        message: 'unknown type "beta": expected one of triangular, pert, normal, lognormal, uniform',
      },
    ]);
  });
});
