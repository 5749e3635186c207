import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPackageFolder, readPackageFolder } from "../../io/read-package-folder.ts";
import { ADOPTION_CURVE_NAMES } from "../../model/adoption.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { formatPackageError, type PackageError, PackageValidationError } from "../../model/package-error.ts";
import { fieldPath, parseDataPackage } from "../../model/parse-package.ts";

// ---------------------------------------------------------------------------------------------
// A small valid package, written out so that every line number in the tests can be read off it.
// Base year 2024 (the last year in headcount.csv), horizon 2027.

const MUNICIPALITY = `{
  "name": "Testby kommun",
  "currency": "SEK",
  "costPerFte": 800000,
  "workingTime": {
    "workingDays": 260,
    "holidays": 10,
    "leave": 25,
    "sickness": 10,
    "hoursPerDay": 8
  },
  "discountRate": 0.03,
  "horizon": 2027
}
`;

const DRIVERS = `year,driver,value,kind
2023,residents,1000,actual
2024,residents,1010.5,actual
2025,residents,1020,forecast
2026,residents,1030,forecast
2027,residents,1040,forecast
2024,businesses,200,actual
2025,businesses,210,forecast
2026,businesses,220,forecast
2027,businesses,230,forecast
2028,businesses,240,forecast
`;

const HEADCOUNT = `year,process,fte
2023,permits,10
2024,permits,12.5
2023,support,4
2024,support,4.5
`;

const PROCESSES = `{
  "processes": [
    {
      "id": "permits",
      "name": { "sv": "Bygglov", "en": "Building permits" },
      "fixedShare": 0.2,
      "supportShare": 0.1,
      "individualAllowanceFte": 1,
      "activities": [
        {
          "id": "cases",
          "name": { "sv": "Ärenden", "en": "Cases" },
          "volume": 1000,
          "unitTimeHours": 6,
          "drivers": { "residents": 1 }
        },
        {
          "id": "inspections",
          "name": { "sv": "Tillsyn", "en": "Inspections" },
          "volume": 200,
          "unitTimeHours": 3,
          "drivers": { "businesses": 0.5, "residents": 0.5 }
        }
      ]
    },
    {
      "id": "support",
      "name": { "sv": "Stöd", "en": "Support" },
      "supports": "all",
      "fixedShare": 0.3,
      "supportShare": 0,
      "individualAllowanceFte": 0,
      "activities": [
        {
          "id": "hr",
          "name": { "sv": "HR", "en": "HR" },
          "share": 0.75,
          "drivers": { "supported_fte": 0.8 }
        },
        {
          "id": "finance",
          "name": { "sv": "Ekonomi", "en": "Finance" },
          "share": 0.25,
          "drivers": {}
        }
      ]
    }
  ]
}
`;

const LEVERS = `{
  "levers": [
    {
      "id": "e_permits",
      "name": { "sv": "E-bygglov", "en": "E-permits" },
      "kind": "automation",
      "targets": [
        { "process": "permits", "activity": "cases", "reach": 0.5 }
      ],
      "efficiency": 0.6,
      "adoption": { "curve": "logistic", "startYear": 2025, "midpoint": 2026, "steepness": 1.5, "ceiling": 0.9 },
      "dip": 0.5,
      "build": { "startYear": 2025, "years": 2, "personYears": 2, "capex": 100000 },
      "upkeepFte": 0.5,
      "licencesPerYear": 20000,
      "distributions": {
        "efficiency": { "type": "pert", "min": 0.4, "mode": 0.6, "max": 0.8 },
        "reach.permits.cases": { "type": "uniform", "min": 0.3, "max": 0.6 }
      }
    },
    {
      "id": "merge_systems",
      "name": { "sv": "Färre system", "en": "Fewer systems" },
      "kind": "consolidation",
      "targets": [
        { "process": "support", "activity": "fixed", "reach": 0.4 }
      ],
      "efficiency": 0.25,
      "adoption": { "curve": "bass", "startYear": 2026, "p": 0.03, "q": 0.4, "ceiling": 1 },
      "build": { "startYear": 2026, "years": 0, "personYears": 0, "capex": 0 },
      "systemSavingsPerYear": 50000
    }
  ]
}
`;

const BASELINE = `{
  "name": { "sv": "Nollalternativ", "en": "Baseline" }
}
`;

const GROW_FAST = `{
  "name": { "sv": "Snabb tillväxt", "en": "Fast growth" },
  "description": { "sv": "Dubbel takt", "en": "Double pace" },
  "growthMultiplier": 2,
  "driverGrowthRates": { "businesses": 0.02 },
  "levers": ["e_permits", "merge_systems"],
  "set": { "levers.e_permits.efficiency": 0.55 },
  "uncertainty": {
    "growthMultiplier": { "type": "triangular", "min": 1.5, "mode": 2, "max": 2.3 },
    "levers.e_permits.dip": { "type": "normal", "mean": 0.5, "sd": 0.1 },
    "costPerFte": { "type": "lognormal", "mu": 13.6, "sigma": 0.05 }
  }
}
`;

type Files = Record<string, string>;

/** A fresh valid package; each bad case changes one file. */
function validFiles(): Files {
  return {
    "municipality.json": MUNICIPALITY,
    "drivers.csv": DRIVERS,
    "headcount.csv": HEADCOUNT,
    "processes.json": PROCESSES,
    "levers.json": LEVERS,
    "scenarios/baseline.json": BASELINE,
    "scenarios/grow-fast.json": GROW_FAST,
  };
}

/** The package with `search` replaced by `replacement` in one file (the search text must occur exactly once). */
function withEdit(file: string, search: string, replacement: string): Files {
  const files = validFiles();
  const text = files[file];
  if (text === undefined) throw new Error(`no file ${file}`);
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`"${search}" must occur exactly once in ${file}`);
  files[file] = text.slice(0, at) + replacement + text.slice(at + search.length);
  return files;
}

/** 1-based line of the only occurrence of `needle` in `text`. */
function lineOf(text: string | undefined, needle: string): number {
  if (text === undefined) throw new Error("no text");
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`"${needle}" must occur exactly once`);
  return text.slice(0, at).split("\n").length;
}

function errorsOf(files: Files): PackageError[] {
  const result = parseDataPackage(files);
  if (result.ok) throw new Error("expected the package to have errors, but it parsed");
  return result.errors;
}

function parsed(files: Files): DataPackage {
  const result = parseDataPackage(files);
  if (!result.ok) throw new Error(`expected no errors, found:\n${result.errors.map(formatPackageError).join("\n")}`);
  return result.package;
}

/** Asserts that no number anywhere in the value is NaN or infinite. */
function expectAllFinite(value: unknown, path = "package"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, index) => expectAllFinite(item, `${path}[${index}]`));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) expectAllFinite(item, `${path}.${key}`);
}

/** Asserts the package has exactly one error, and returns it. */
function onlyError(files: Files): PackageError {
  const errors = errorsOf(files);
  expect(errors.map(formatPackageError)).toHaveLength(1);
  return errors[0] as PackageError;
}

// ---------------------------------------------------------------------------------------------

describe("parseDataPackage: a valid package", () => {
  it("parses with the expected values (checked by hand against the texts above)", () => {
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
        firstYear: 2023,
        values: [1000, 1010.5, 1020, 1030, 1040],
        actual: [true, true, false, false, false],
      },
      // 2028 lies after the horizon 2027 and is left out.
      businesses: { id: "businesses", firstYear: 2024, values: [200, 210, 220, 230], actual: [true, false, false, false] },
    });
    expect(pkg.headcount).toEqual({ permits: { 2023: 10, 2024: 12.5 }, support: { 2023: 4, 2024: 4.5 } });
    expect(pkg.processes).toEqual([
      {
        id: "permits",
        name: { sv: "Bygglov", en: "Building permits" },
        fixedShare: 0.2,
        supportShare: 0.1,
        individualAllowanceFte: 1,
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
          "reach.permits.cases": { type: "uniform", min: 0.3, max: 0.6 },
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
          growthMultiplier: { type: "triangular", min: 1.5, mode: 2, max: 2.3 },
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

// ---------------------------------------------------------------------------------------------

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
      { file: "drivers.csv", line: 8, field: "value", message: "-210 for businesses is negative: expected zero or a positive number" },
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
      message: '"prognos" is not a kind: expected actual or forecast',
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
      message: '"Företag" is not a driver id: expected lower-case letters, digits and _, starting with a letter',
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
      message: "residents 2026 is an actual but 2025 (line 4) is a forecast: expected actuals before forecasts",
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

describe("parseDataPackage: headcount.csv", () => {
  it("reports a process that is not in processes.json, listing the valid ones", () => {
    const files = validFiles();
    files["headcount.csv"] += "2023,permitz,1\n2024,permitz,1\n";
    expect(onlyError(files)).toEqual({
      file: "headcount.csv",
      line: 6,
      field: "process",
      message: 'unknown process "permitz": expected one of the processes in processes.json (permits, support)',
    });
  });

  it("reports a process without the base year (the last year in the file)", () => {
    const files = withEdit("headcount.csv", "2024,support,4.5\n", "");
    const errors = errorsOf(files);
    expect(errors).toEqual([
      {
        file: "headcount.csv",
        line: 4,
        field: "year",
        message: "support ends in 2023: expected its actual FTE for the base year 2024 (the last year in the file), the same last year for every process",
      },
    ]);
  });

  it("reports a gap in a process's years and a negative FTE", () => {
    const files = validFiles();
    files["headcount.csv"] = "year,process,fte\n2021,permits,9\n2023,permits,10\n2024,permits,12.5\n2023,support,4\n2024,support,-4.5\n";
    // Sorted by line.
    expect(errorsOf(files)).toEqual([
      {
        file: "headcount.csv",
        line: 3,
        field: "year",
        message: "permits has no value for 2022: expected every year without gaps (2021 is followed by 2023)",
      },
      { file: "headcount.csv", line: 6, field: "fte", message: "-4.5 for support is negative: expected zero or a positive number of FTE" },
    ]);
  });

  it("reports a duplicate year and process, naming both lines", () => {
    const files = validFiles();
    files["headcount.csv"] += "2024,permits,13\n";
    expect(onlyError(files)).toEqual({
      file: "headcount.csv",
      line: 6,
      field: "year",
      message: "permits 2024 appears twice, on lines 3 and 6: expected one row per year and process",
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

describe("parseDataPackage: processes.json", () => {
  const text = PROCESSES;

  it("reports a duplicate process id", () => {
    const files = withEdit("processes.json", '"id": "support"', '"id": "permits"');
    const errors = errorsOf(files);
    expect(errors).toContainEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "support"'),
      field: "processes[1].id",
      message: 'process id "permits" is used twice (also processes[0]): expected unique ids',
    });
  });

  it("reports an unknown driver, listing the valid ones", () => {
    expect(onlyError(withEdit("processes.json", '"drivers": { "residents": 1 }', '"drivers": { "resident": 1 }'))).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "residents": 1 }'),
      field: "processes[0].activities[0].drivers.resident",
      message: 'unknown driver "resident": expected one of the drivers in drivers.csv (residents, businesses)',
    });
  });

  it("reports supported_fte in a process that is not a support process", () => {
    expect(onlyError(withEdit("processes.json", '"drivers": { "residents": 1 }', '"drivers": { "supported_fte": 1 }'))).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "residents": 1 }'),
      field: "processes[0].activities[0].drivers.supported_fte",
      message: '"supported_fte" is only for support processes: expected permits to have "supports" ("all" or a list of process ids), or another driver',
    });
  });

  it("reports a driver an activity uses that is 0 in the base year", () => {
    const files = withEdit("drivers.csv", "2024,businesses,200,actual", "2024,businesses,0,actual");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"drivers": { "businesses": 0.5, "residents": 0.5 }'),
      field: "processes[0].activities[1].drivers.businesses",
      message:
        "driver businesses is 0 in the base year 2024 (drivers.csv line 7): a driver an activity uses must be positive in the base year, since growth is measured against it",
    });
  });

  it("reports a process that mixes bottom-up and share activities", () => {
    const files = withEdit("processes.json", '"volume": 200,\n          "unitTimeHours": 3,', '"share": 0.5,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"individualAllowanceFte": 1,') + 1,
      field: "processes[0].activities",
      message:
        "permits mixes bottom-up activities (cases) and share activities (inspections): expected every activity to have volume and unitTimeHours, or every activity a share",
    });
  });

  it("reports an activity with only half of a bottom-up workload", () => {
    const files = withEdit("processes.json", '"volume": 200,\n', "");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "inspections"') - 1,
      field: "processes[0].activities[1].volume",
      message: '"volume" is missing: a bottom-up activity needs both volume and unitTimeHours',
    });
  });

  it("reports shares that do not sum to 1", () => {
    const files = withEdit("processes.json", '"share": 0.25,', '"share": 0.2,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"share": 0.75,') - 4,
      field: "processes[1].activities",
      message: "the activities' shares of support sum to 0.95: expected them to sum to 1",
    });
  });

  it("accepts shares that sum to 1 within 1e-6", () => {
    const files = withEdit("processes.json", '"share": 0.25,', '"share": 0.2500005,');
    expect(parseDataPackage(files).ok).toBe(true);
  });

  it("reports fixedShare and supportShare outside [0, 1), quoting the value", () => {
    const files = withEdit("processes.json", '"fixedShare": 0.2,', '"fixedShare": 1,');
    files["processes.json"] = (files["processes.json"] ?? "").replace('"supportShare": 0,', '"supportShare": -0.1,');
    expect(errorsOf(files)).toEqual([
      {
        file: "processes.json",
        line: lineOf(text, '"fixedShare": 0.2,'),
        field: "processes[0].fixedShare",
        message: "expected a share from 0 up to (not including) 1, found 1",
      },
      {
        file: "processes.json",
        line: lineOf(text, '"supportShare": 0,'),
        field: "processes[1].supportShare",
        message: "expected a share from 0 up to (not including) 1, found -0.1",
      },
    ]);
  });

  it("reports fixed work and individual allowances exceeding the base-year actual", () => {
    const files = withEdit("processes.json", '"individualAllowanceFte": 1,', '"individualAllowanceFte": 10.5,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"individualAllowanceFte": 1,'),
      field: "processes[0].individualAllowanceFte",
      // 0.2 × 12.5 + 10.5 = 13 > 12.5
      message:
        "fixedShare 0.2 × the base-year FTE 12.5 + individualAllowanceFte 10.5 = 13 exceeds the actual FTE 12.5 in 2024 (headcount.csv line 3): expected fixed work and individual allowances to fit within the actual",
    });
  });

  it("reports a process without headcount", () => {
    const files = withEdit("headcount.csv", "2023,support,4\n2024,support,4.5\n", "");
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"id": "support"'),
      field: "processes[1].id",
      message: "process support has no rows in headcount.csv: expected its actual FTE for the history years",
    });
  });

  it("reports supports naming an unknown process or the process itself", () => {
    const files = withEdit("processes.json", '"supports": "all"', '"supports": ["permits", "support", "licences"]');
    expect(errorsOf(files)).toEqual([
      {
        file: "processes.json",
        line: lineOf(text, '"supports": "all"'),
        field: "processes[1].supports[1]",
        message: "support cannot support itself: expected the ids of other processes",
      },
      {
        file: "processes.json",
        line: lineOf(text, '"supports": "all"'),
        field: "processes[1].supports[2]",
        message: 'unknown process "licences": expected one of permits',
      },
    ]);
  });

  it("reports two processes that support each other, both with supports: all", () => {
    const files = withEdit("processes.json", '"id": "permits",', '"id": "permits",\n      "supports": "all",');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(files["processes.json"], '"supports": "all",\n      "name": { "sv": "Bygglov"'),
      field: "processes[0].supports",
      message:
        "support processes form a cycle: permits → support → permits; expected a support process not to support, directly or through others, a process that supports it",
    });
  });

  it("reports a longer support cycle once", () => {
    const files = validFiles();
    const process = (id: string, supports: string) =>
      `{ "id": "${id}", "name": { "sv": "${id}", "en": "${id}" }, "supports": ["${supports}"], "fixedShare": 0, "supportShare": 0, "individualAllowanceFte": 0,
        "activities": [{ "id": "work", "name": { "sv": "a", "en": "a" }, "share": 1, "drivers": { "supported_fte": 1 } }] }`;
    files["processes.json"] = `{ "processes": [\n${process("it", "hr")},\n${process("hr", "finance")},\n${process("finance", "it")}\n] }`;
    files["headcount.csv"] = "year,process,fte\n2024,it,3\n2024,hr,2\n2024,finance,1\n";
    files["levers.json"] = '{ "levers": [] }';
    files["scenarios/grow-fast.json"] = BASELINE;
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: 2,
      field: "processes[0].supports",
      message:
        "support processes form a cycle: it → hr → finance → it; expected a support process not to support, directly or through others, a process that supports it",
    });
  });

  it("reports an unknown field in an activity, with its path", () => {
    const files = withEdit("processes.json", '"unitTimeHours": 6,', '"unitTimeHours": 6,\n          "unitTime": 6,');
    expect(onlyError(files)).toEqual({
      file: "processes.json",
      line: lineOf(text, '"unitTimeHours": 6,') + 1,
      field: "processes[0].activities[0].unitTime",
      message: 'unknown field "unitTime": expected only the fields id, name, volume, unitTimeHours, share, drivers',
    });
  });
});

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
        message: "expected a share from 0 to 1, found 1.5",
      },
      { file: "levers.json", line: lineOf(text, '"efficiency": 0.6,'), field: "levers[0].efficiency", message: "expected a share from 0 to 1, found -0.1" },
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.ceiling",
        message: "expected a ceiling above 0, at most 1, found 0",
      },
    ]);
  });

  it("reports a logistic steepness ≤ 0 and a midpoint before the start", () => {
    const files = withEdit("levers.json", '"steepness": 1.5', '"steepness": 0');
    expect(onlyError(files)).toEqual({
      file: "levers.json",
      line: lineOf(text, '"curve": "logistic"'),
      field: "levers[0].adoption.steepness",
      message: "expected a steepness per year above 0, found 0",
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

  it("reports bass p ≤ 0 and q < 0", () => {
    const files = withEdit("levers.json", '"p": 0.03, "q": 0.4', '"p": 0, "q": -0.1');
    expect(errorsOf(files)).toEqual([
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.p",
        message: "expected a coefficient of innovation p above 0, found 0",
      },
      {
        file: "levers.json",
        line: lineOf(text, '"curve": "bass"'),
        field: "levers[1].adoption.q",
        message: "expected a coefficient of imitation q ≥ 0, found -0.1",
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
        message: "expected zero or a positive number, found -20000",
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
      message: "7 is outside the valid range 0 to 1",
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
      message: "expected a growth multiplier ≥ 0 (1 = the forecast growth), found -1",
    });
  });

  it("reports an unknown key, with the key as the field", () => {
    expect(onlyError(withEdit("scenarios/grow-fast.json", '"growthMultiplier": 2,', '"growthMultipler": 2,'))).toEqual({
      file: "scenarios/grow-fast.json",
      line: lineOf(text, '"growthMultiplier": 2,'),
      field: "growthMultipler",
      message:
        'unknown field "growthMultipler": expected only the fields name, description, growthMultiplier, driverGrowthRates, levers, set, uncertainty',
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

describe("fieldPath", () => {
  it("writes array indices in brackets and quotes keys that are not plain names", () => {
    expect(fieldPath(["processes", 2, "activities", 0, "share"])).toBe("processes[2].activities[0].share");
    expect(fieldPath(["set", "levers.x.dip"])).toBe('set["levers.x.dip"]');
    expect(fieldPath(["growth-rate"])).toBe("growth-rate");
  });
});

describe("readPackageFolder and loadPackageFolder", () => {
  it("reads the known files and scenarios/*.json, and loads them into a package", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-package-"));
    try {
      await mkdir(join(folder, "scenarios"));
      for (const [name, text] of Object.entries(validFiles())) await writeFile(join(folder, name), text);
      await writeFile(join(folder, "scenarios", "notes.txt"), "not a scenario");
      const files = await readPackageFolder(folder);
      expect(Object.keys(files).sort()).toEqual(Object.keys(validFiles()).sort());
      expect(await loadPackageFolder(folder)).toEqual(parsed(validFiles()));

      await writeFile(join(folder, "municipality.json"), "{");
      const error = await loadPackageFolder(folder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackageValidationError);
      expect((error as PackageValidationError).errors[0]).toMatchObject({ file: "municipality.json", line: 1 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("throws a clear error for a folder that does not exist", async () => {
    await expect(readPackageFolder("/no/such/vaxa/package")).rejects.toThrow("The data package folder /no/such/vaxa/package does not exist");
  });
});

describe("the Nacka package", () => {
  it("data/nacka parses with no errors", async () => {
    const result = parseDataPackage(await readPackageFolder(fileURLToPath(new URL("../../data/nacka", import.meta.url))));
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
