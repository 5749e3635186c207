import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { formatPackageError } from "../../model/package-error.ts";
import { forecast } from "../../model/forecast.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { packageParameters } from "../../model/parameters.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { compilePlan } from "../../model/plan.ts";
import { BASELINE, expectAllFinite, errorsOf, LEVERS, lineOf, onlyError, parsed, validFiles, withEdit } from "./package-files.ts";

describe("parseDataPackage: a valid package", () => {
  it("parses with the expected values (checked by hand against the texts of package-files.ts)", () => {
    const pkg = parsed(validFiles());
    expectAllFinite(pkg);
    expect(pkg.baseYear).toBe(2024);
    expect(pkg.municipality).toEqual({
      name: "Testby kommun",
      currency: "SEK",
      costPerFte: 800000,
      workingTime: { workingDays: 260, holidays: 10, leave: 25, sickness: 10, otherAbsence: 0, hoursPerDay: 8 },
      discountRate: 0.03,
      horizon: 2027,
    });
    expect(pkg.drivers).toEqual({
      residents: {
        id: "residents",
        name: { sv: "residents", en: "residents" },
        type: "stock",
        firstYear: 2023,
        values: [1000, 1010.5, 1020, 1030, 1040],
        actual: [true, true, false, false, false],
        estimated: [false, false, false, false, false],
      },
      // 2028 lies after the horizon 2027 and is left out.
      businesses: { id: "businesses", name: { sv: "businesses", en: "businesses" }, type: "stock", firstYear: 2024, values: [200, 210, 220, 230], actual: [true, false, false, false], estimated: [false, false, false, false] },
    });
    expect(pkg.headcount).toEqual({ permits: { 2023: 10, 2024: 12.5 }, support: { 2023: 4, 2024: 4.5 } });
    expect(pkg.processes).toEqual([
      {
        id: "permits",
        name: { sv: "Bygglov", en: "Building permits" },
        fixedShare: 0.2,
        supportShare: 0.1,
        individualAllowanceFte: 1,
        drift: 0,
        fixedDrivers: {},
        supports: [],
        activities: [
          {
            id: "cases",
            name: { sv: "Ärenden", en: "Cases" },
            workload: { kind: "bottom-up", volume: 1000, unitTimeHours: 6 },
            drivers: { residents: 1 },
          },
          {
            id: "inspections",
            name: { sv: "Tillsyn", en: "Inspections" },
            workload: { kind: "bottom-up", volume: 200, unitTimeHours: 3 },
            drivers: { businesses: 0.5, residents: 0.5 },
          },
        ],
      },
      {
        id: "support",
        name: { sv: "Stöd", en: "Support" },
        fixedShare: 0.3,
        supportShare: 0,
        individualAllowanceFte: 0,
        drift: 0,
        fixedDrivers: {},
        supports: ["permits"],
        activities: [
          { id: "hr", name: { sv: "HR", en: "HR" }, workload: { kind: "share", share: 0.75 }, drivers: { supported_fte: 0.8 } },
          { id: "finance", name: { sv: "Ekonomi", en: "Finance" }, workload: { kind: "share", share: 0.25 }, drivers: {} },
        ],
      },
    ]);
    expect(pkg.levers).toEqual([
      {
        id: "e_permits",
        name: { sv: "E-bygglov", en: "E-permits" },
        kind: "automation",
        targets: [{ process: "permits", activity: "cases", reach: 0.5 }],
        efficiency: 0.6,
        adoption: { curve: "logistic", startYear: 2025, midpoint: 2026, steepness: 1.5, ceiling: 0.9 },
        dip: 0.5,
        build: { startYear: 2025, years: 2, personYears: 2, capex: 100000 },
        upkeepFte: 0.5,
        licencesPerYear: 20000,
        systemSavingsPerYear: 0,
        distributions: {
          efficiency: { type: "pert", min: 0.4, mode: 0.6, max: 0.8 },
          "reach.permits.cases": { type: "uniform", min: 0.4, max: 0.6 },
        },
      },
      {
        id: "merge_systems",
        name: { sv: "Färre system", en: "Fewer systems" },
        kind: "consolidation",
        targets: [{ process: "support", activity: "fixed", reach: 0.4 }],
        efficiency: 0.25,
        adoption: { curve: "bass", startYear: 2026, p: 0.03, q: 0.4, ceiling: 1 },
        dip: 0,
        build: { startYear: 2026, years: 0, personYears: 0, capex: 0 },
        upkeepFte: 0,
        licencesPerYear: 0,
        systemSavingsPerYear: 50000,
        distributions: {},
      },
    ]);
    expect(pkg.scenarios).toEqual({
      baseline: {
        id: "baseline",
        name: { sv: "Nollalternativ", en: "Baseline" },
        description: { sv: "", en: "" },
        growthMultiplier: 1,
        driverGrowthRates: {},
        levers: [],
        set: {},
        uncertainty: {},
      },
      "grow-fast": {
        id: "grow-fast",
        name: { sv: "Snabb tillväxt", en: "Fast growth" },
        description: { sv: "Dubbel takt", en: "Double pace" },
        growthMultiplier: 2,
        driverGrowthRates: { businesses: 0.02 },
        levers: ["e_permits", "merge_systems"],
        set: { "levers.e_permits.efficiency": 0.55 },
        uncertainty: {
          growthMultiplier: { type: "triangular", min: 1.5, mode: 2.125, max: 2.3 },
          "levers.e_permits.dip": { type: "normal", mean: 0.5, sd: 0.1 },
          costPerFte: { type: "lognormal", mu: 13.6, sigma: 0.05 },
        },
      },
    });
  });

  it("reads a semicolon-separated file with decimal commas exactly like a comma-separated one with decimal points", () => {
    const swedish = validFiles();
    swedish["drivers.csv"] = `\uFEFFyear;driver;value;kind\r
2023;residents;1\u00A0000;actual\r
2024;residents;1 010,5;actual\r
2025;residents;1020;forecast\r
2026;residents;1\u202F030;forecast\r
2027;residents;1040,0;forecast\r
2024;businesses;200;actual\r
2025;businesses;210;forecast\r
2026;businesses;220;forecast\r
2027;businesses;230;forecast\r
2028;businesses;240;forecast\r
`;
    swedish["headcount.csv"] = "year;process;fte\n2023;permits;10\n2024;permits;12,5\n2023;support;4,0\n2024;support;4,5\n";
    expect(parsed(swedish)).toEqual(parsed(validFiles()));
  });

  it("needs no levers.json (no levers) and no scenarios", () => {
    const files = validFiles();
    delete files["levers.json"];
    delete files["scenarios/grow-fast.json"];
    const pkg = parsed(files);
    expect(pkg.levers).toEqual([]);
    expect(Object.keys(pkg.scenarios)).toEqual(["baseline"]);
  });

  it("accepts columns in any order and ignores files it does not know", () => {
    const files = validFiles();
    files["headcount.csv"] = "fte,process,year\n10,permits,2023\n12.5,permits,2024\n4,support,2023\n4.5,support,2024\n";
    files["SOURCES.md"] = "# Sources";
    expect(parsed(files)).toEqual(parsed(validFiles()));
  });

  it("resolves an explicit supports list and allows chains of support processes", () => {
    const files = withEdit("processes.json", '"supports": "all"', '"supports": ["permits"]');
    expect(parsed(files).processes[1]?.supports).toEqual(["permits"]);
  });
});

describe("parseDataPackage: files and syntax", () => {
  it("reports each missing required file", () => {
    const files = validFiles();
    delete files["drivers.csv"];
    delete files["processes.json"];
    const errors = errorsOf(files);
    expect(errors).toContainEqual({
      file: "drivers.csv",
      message: "required file is missing: a package needs municipality.json, drivers.csv, headcount.csv, processes.json",
    });
    expect(errors).toContainEqual(expect.objectContaining({ file: "processes.json", message: expect.stringContaining("required file is missing") }));
  });

  it("reports malformed JSON on the line of the syntax error", () => {
    const files = withEdit("processes.json", '"individualAllowanceFte": 0,\n', '"individualAllowanceFte": 0,,\n');
    const error = onlyError(files);
    expect(error).toEqual({
      file: "processes.json",
      line: lineOf(files["processes.json"], "0,,"),
      message: 'not valid JSON: expected a field name in double quotes (a comma before "}" is not allowed), found ","',
    });
  });

  it("reports a trailing comma on its line", () => {
    const files = withEdit("municipality.json", '"horizon": 2027\n', '"horizon": 2027,\n');
    const error = onlyError(files);
    expect(error.file).toBe("municipality.json");
    expect(error.line).toBe(14); // the closing brace after the trailing comma on line 13
    expect(error.message).toContain("not valid JSON");
  });

  it("reports a field that appears twice in one object, naming both lines", () => {
    const files = withEdit("municipality.json", '"discountRate": 0.03,', '"discountRate": 0.03,\n  "discountRate": 0.04,');
    expect(onlyError(files)).toEqual({
      file: "municipality.json",
      line: 13,
      field: "discountRate",
      message: '"discountRate" appears twice in the same object (lines 12 and 13): expected each field once',
    });
  });

  it("reports a scenario file name that is not an id", () => {
    const files = validFiles();
    files["scenarios/Fast Growth.json"] = BASELINE;
    expect(onlyError(files)).toEqual({
      file: "scenarios/Fast Growth.json",
      message: expect.stringContaining('"Fast Growth" is not a scenario id: expected a file name of lower-case letters'),
    });
  });
});

describe("parseDataPackage: municipality.json", () => {
  it("reports a missing field on the line of its object, naming the field", () => {
    const files = withEdit("municipality.json", '    "hoursPerDay": 8\n', "");
    files["municipality.json"] = (files["municipality.json"] ?? "").replace('"sickness": 10,', '"sickness": 10');
    expect(onlyError(files)).toEqual({
      file: "municipality.json",
      line: 5,
      field: "workingTime.hoursPerDay",
      message: '"hoursPerDay" is missing: expected a number',
    });
  });

  it("reports a value of the wrong type, quoting it", () => {
    expect(onlyError(withEdit("municipality.json", '"costPerFte": 800000', '"costPerFte": "800 000"'))).toEqual({
      file: "municipality.json",
      line: 4,
      field: "costPerFte",
      message: 'expected a number, found "800 000"',
    });
  });

  it("reports a misspelt field, listing the valid ones", () => {
    expect(onlyError(withEdit("municipality.json", '"sickness": 10,', '"sickness": 10,\n    "otherabsence": 5,'))).toEqual({
      file: "municipality.json",
      line: 10,
      field: "workingTime.otherabsence",
      message: 'unknown field "otherabsence": expected only the fields workingDays, holidays, leave, sickness, otherAbsence, hoursPerDay',
    });
  });

  it("reports a horizon that is not after the base year", () => {
    const errors = errorsOf(withEdit("municipality.json", '"horizon": 2027', '"horizon": 2024'));
    expect(errors).toContainEqual({
      file: "municipality.json",
      line: 13,
      field: "horizon",
      message: "horizon 2024 is not after the base year 2024 (the last year in headcount.csv): expected a later year",
    });
  });

  it("reports working time that leaves no available days", () => {
    expect(onlyError(withEdit("municipality.json", '"leave": 25,', '"leave": 250,'))).toEqual({
      file: "municipality.json",
      line: 6,
      field: "workingTime.workingDays",
      message: "expected workingDays − holidays − leave − sickness − otherAbsence to be positive, found -10 available days",
    });
  });
});

describe("parseDataPackage: every error at once, never a throw", () => {
  it("collects errors from several files in one pass", () => {
    const files = withEdit("drivers.csv", "2026,residents,1030,", "2026,residents,abc,");
    files["headcount.csv"] = (files["headcount.csv"] ?? "").replace("2023,permits,10", "2023,permits,-10");
    files["levers.json"] = (files["levers.json"] ?? "").replace('"kind": "consolidation"', '"kind": "merge"');
    files["scenarios/baseline.json"] = "{ nope }";
    const errors = errorsOf(files);
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set(["drivers.csv", "headcount.csv", "levers.json", "scenarios/baseline.json"]));
    expect(errors.map((e) => [e.file, e.line, e.field])).toEqual([
      ["drivers.csv", 5, "value"],
      ["headcount.csv", 2, "fte"],
      ["levers.json", lineOf(LEVERS, '"kind": "consolidation"'), "levers[1].kind"],
      ["scenarios/baseline.json", 1, undefined],
    ]);
  });

  it("never throws and never succeeds on arbitrary text in any file", () => {
    const keys = Object.keys(validFiles());
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.string({ unit: "binary", maxLength: 200 }), (key, garbage) => {
        const files = { ...validFiles(), [key]: garbage };
        const result = parseDataPackage(files);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const lines = garbage.split("\n").length;
        for (const error of result.errors) {
          expect(error.message).not.toContain("internal error");
          // "undefined" or "NaN" in a message is a bug, unless it quotes the garbage.
          if (!/undefined|NaN/.test(garbage)) expect(error.message).not.toMatch(/undefined|NaN/);
          if (error.file === key && error.line !== undefined) {
            expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= Math.max(lines, 2)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on valid JSON of the wrong shape", () => {
    fc.assert(
      fc.property(fc.constantFrom("municipality.json", "processes.json", "levers.json", "scenarios/grow-fast.json"), fc.jsonValue(), (key, value) => {
        const result = parseDataPackage({ ...validFiles(), [key]: JSON.stringify(value) });
        expect(result.ok).toBe(false);
        if (!result.ok) for (const error of result.errors) expect(error.message).not.toContain("internal error");
      }),
      { numRuns: 300 },
    );
  });
});

describe("the Nacka package", () => {
  it("data/nacka parses with no errors", async () => {
    const folder = await readPackageFolder(fileURLToPath(new URL("../../data/nacka", import.meta.url)));
    const result = parseDataPackage(folder.files, folder.findings);
    // Nacka's package is clean: no warnings or notes either.
    expect(result.report.map(formatPackageError)).toEqual([]);
    expect(result.ok ? [] : result.errors.map(formatPackageError)).toEqual([]);
    if (!result.ok) return;
    expectAllFinite(result.package);
    // Every driver runs from the base year to the horizon; every process has its base-year FTE.
    const { baseYear, municipality } = result.package;
    for (const series of Object.values(result.package.drivers)) {
      expect(series.firstYear).toBeLessThanOrEqual(baseYear);
      expect(series.firstYear + series.values.length - 1).toBe(municipality.horizon);
    }
    for (const process of result.package.processes) expect(result.package.headcount[process.id]?.[baseYear]).toBeGreaterThan(0);
  });
});

describe("no output holds a number that is not finite (fuzz)", () => {
  /** Numbers a planner's slip or an attacker may write: huge, tiny, negative, zero, ordinary. */
  const anyNumber = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e-300, -1e-300, 1e300, -1e300, 1e308, 5e-324, 1e9, 1e6, 50, -400, 10, -10, 0.5),
  );
  const jsonFiles = ["municipality.json", "processes.json", "levers.json", "scenarios/grow-fast.json"] as const;

  /** Every number in a JSON value with its path (keys and indices). */
  const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
    typeof value === "number"
      ? [path]
      : Array.isArray(value)
        ? value.flatMap((item, i) => leaves(item, [...path, i]))
        : value !== null && typeof value === "object"
          ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
          : [];

  it("a package that parses, with any number changed in any file and any set, computes to finite numbers for every scenario", () => {
    const pkgParameters = packageParameters(parsed(validFiles())).names;
    fc.assert(
      fc.property(
        fc.constantFrom(...jsonFiles, "drivers.csv", "headcount.csv"),
        fc.nat(),
        anyNumber,
        fc.dictionary(fc.constantFrom(...pkgParameters), anyNumber, { maxKeys: 4 }),
        anyNumber,
        (file, pick, number, set, growth) => {
          const files = validFiles();
          if (file.endsWith(".csv")) {
            const lines = files[file]!.trimEnd().split("\n");
            const line = 1 + (pick % (lines.length - 1));
            const cells = lines[line]!.split(",");
            cells[2] = String(number);
            lines[line] = cells.join(",");
            files[file] = `${lines.join("\n")}\n`;
          } else {
            const value = JSON.parse(files[file]!) as Record<string, unknown>;
            const paths = leaves(value);
            const path = paths[pick % paths.length]!;
            let at = value as Record<string | number, unknown>;
            for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
            at[path[path.length - 1]!] = number;
            files[file] = JSON.stringify(value, null, 2);
          }
          files["scenarios/fuzz.json"] = JSON.stringify({ name: { sv: "F", en: "F" }, growthMultiplier: growth, levers: ["e_permits", "merge_systems"], set });
          const result = parseDataPackage(files);
          if (!result.ok) {
            for (const error of result.errors) expect(error.message).not.toContain("internal error");
            return;
          }
          for (const scenario of Object.values(result.package.scenarios)) {
            const compiled = compilePlan(result.package, scenario);
            if (!compiled.ok) continue;
            expectAllFinite(forecast(compiled.plan), `forecast of ${scenario.id}`);
            if (compiled.plan.parameters.uncertain.length > 0) {
              const run = monteCarlo(compiled.plan, { draws: 5, seed: 1 });
              for (const column of [run.fte, run.baselineFte, run.net, run.cumulativeNet, run.npv, run.humpDepth]) expectAllFinite(Array.from(column), "draws");
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
