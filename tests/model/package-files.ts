/**
 * A small valid data package, written out so that every line number in the parser's tests can be
 * read off it (base year 2024, the last year in headcount.csv; horizon 2027), and helpers that
 * change one file of it and read the errors. Used by the tests of `model/parse-*.ts` and
 * `io/read-package-folder.ts`.
 */
import { expect } from "vitest";
import type { DataPackage } from "../../model/data-package.ts";
import { formatPackageError, type PackageError } from "../../model/package-error.ts";
import { parseDataPackage } from "../../model/parse-package.ts";

export const MUNICIPALITY = `{
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

export const DRIVERS = `year,driver,value,kind
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

export const HEADCOUNT = `year,process,fte
2023,permits,10
2024,permits,12.5
2023,support,4
2024,support,4.5
`;

export const PROCESSES = `{
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

export const LEVERS = `{
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
        "reach.permits.cases": { "type": "uniform", "min": 0.4, "max": 0.6 }
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

export const BASELINE = `{
  "name": { "sv": "Nollalternativ", "en": "Baseline" }
}
`;

export const GROW_FAST = `{
  "name": { "sv": "Snabb tillväxt", "en": "Fast growth" },
  "description": { "sv": "Dubbel takt", "en": "Double pace" },
  "growthMultiplier": 2,
  "driverGrowthRates": { "businesses": 0.02 },
  "levers": ["e_permits", "merge_systems"],
  "set": { "levers.e_permits.efficiency": 0.55 },
  "uncertainty": {
    "growthMultiplier": { "type": "triangular", "min": 1.5, "mode": 2.125, "max": 2.3 },
    "levers.e_permits.dip": { "type": "normal", "mean": 0.5, "sd": 0.1 },
    "costPerFte": { "type": "lognormal", "mu": 13.6, "sigma": 0.05 }
  }
}
`;

export type Files = Record<string, string>;

/** A fresh valid package; each bad case changes one file. */
export function validFiles(): Files {
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

/**
 * A whole package with population/ (the parser's test package, tests/model/package-files.ts, with
 * its residents split into bands): 10 people of each sex at every age 0–100+ at the end of 2024,
 * 0.05 births per woman aged 20–39, deaths only at 90+ (half a year), 100 in-migrants a year aged
 * 25–34, no out-migration.
 */
export function populationFiles(): Files {
  const ages = Array.from({ length: 101 }, (_, x) => x);
  const age = (x: number) => (x === 100 ? "100+" : String(x));
  return {
    ...validFiles(),
    "drivers.csv": [
      "year,driver,value,kind",
      "2023,residents,2000,actual",
      "2024,residents,2020,actual",
      "2024,residents_20_64,900,actual",
      "2024,residents_80plus,420,actual",
      "2024,businesses,200,actual",
      "2025,businesses,210,forecast",
      "2026,businesses,220,forecast",
      "2027,businesses,230,forecast",
      "",
    ].join("\n"),
    "processes.json": validFiles()["processes.json"]!.replace('"drivers": { "businesses": 0.5, "residents": 0.5 }', '"drivers": { "residents_80plus": 1 }'),
    "population/population.json": JSON.stringify({ baseYear: 2024, inMigrants: { perYear: 100 } }),
    "population/base.csv": ["age,sex,value", ...ages.flatMap((x) => [`${age(x)},women,10`, `${age(x)},men,10`]), ""].join("\n"),
    "population/fertility.csv": ["age,rate", ...ages.filter((x) => x >= 20 && x <= 39).map((x) => `${x},0.05`), ""].join("\n"),
    "population/mortality.csv": ["age,sex,rate", ...ages.filter((x) => x >= 90).flatMap((x) => [`${age(x)},women,0.5`, `${age(x)},men,0.5`]), ""].join("\n"),
    "population/migration.csv": ["age,sex,in_share,out_rate", ...ages.filter((x) => x >= 25 && x <= 34).flatMap((x) => [`${x},women,1,0`, `${x},men,1,0`]), ""].join("\n"),
  };
}

/** The package with `search` replaced by `replacement` in one file (the search text must occur exactly once). */
export function withEdit(file: string, search: string, replacement: string): Files {
  const files = validFiles();
  const text = files[file];
  if (text === undefined) throw new Error(`no file ${file}`);
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`"${search}" must occur exactly once in ${file}`);
  files[file] = text.slice(0, at) + replacement + text.slice(at + search.length);
  return files;
}

/** 1-based line of the only occurrence of `needle` in `text`. */
export function lineOf(text: string | undefined, needle: string): number {
  if (text === undefined) throw new Error("no text");
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`"${needle}" must occur exactly once`);
  return text.slice(0, at).split("\n").length;
}

export function errorsOf(files: Files): PackageError[] {
  const result = parseDataPackage(files);
  if (result.ok) throw new Error("expected the package to have errors, but it parsed");
  return result.errors;
}

export function parsed(files: Files): DataPackage {
  const result = parseDataPackage(files);
  if (!result.ok) throw new Error(`expected no errors, found:\n${result.errors.map(formatPackageError).join("\n")}`);
  return result.package;
}

/** Asserts that no number anywhere in the value is NaN or infinite. */
export function expectAllFinite(value: unknown, path = "package"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((item, index) => expectAllFinite(item, `${path}[${index}]`));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) expectAllFinite(item, `${path}.${key}`);
}

/** Asserts the package has exactly one error, and returns it. */
export function onlyError(files: Files): PackageError {
  const errors = errorsOf(files);
  expect(errors.map(formatPackageError)).toHaveLength(1);
  return errors[0] as PackageError;
}
