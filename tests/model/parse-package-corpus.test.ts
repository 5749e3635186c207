/**
 * A corpus of odd and bad data packages, each the Nacka package with one change: every one must end
 * in a clear error naming file, line and field, or in a result that is right (with the warning or
 * note that says what the reader did) — never a crash, a hang, a message quoting megabytes, or a
 * result holding a number that is not finite. It holds every finding of issue 11 about data
 * packages (the folder reader's own findings — links, pipes, letter case, file size — are in
 * tests/io/read-package-folder.test.ts), and more of their kind.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { forecast } from "../../model/forecast.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { formatPackageError, type PackageFinding } from "../../model/package-error.ts";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { compilePlan } from "../../model/plan.ts";
import { decodeFiles } from "../../model/text-encoding.ts";

type Files = Record<string, string>;

interface Case {
  name: string;
  /** The change, to the texts or (for encodings) to the bytes of one file. */
  edit?: (files: Files) => void;
  bytes?: (files: Files) => Record<string, Uint8Array>;
  /** Expected: an error, or a package that parses with these warnings and notes (none when omitted). */
  error?: string | RegExp;
  findings?: (string | RegExp)[];
  /** A check of the parsed package, for cases that must read a value right. */
  check?: (pkg: Extract<ReturnType<typeof parseDataPackage>, { ok: true }>["package"]) => void;
}

let nacka: Files;
beforeAll(async () => {
  nacka = (await readPackageFolder(fileURLToPath(new URL("../../data/nacka", import.meta.url)))).files;
});

/** `search` replaced by `replacement` in `file` (which must hold it exactly once). */
const replace = (file: string, search: string, replacement: string) => (files: Files) => {
  const text = files[file]!;
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`"${search}" must occur once in ${file}`);
  files[file] = text.slice(0, at) + replacement + text.slice(at + search.length);
};
const scenario = (body: object) => (files: Files) => {
  files["scenarios/odd.json"] = JSON.stringify({ name: { sv: "Udda", en: "Odd" }, ...body });
};
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBytes = (file: string, bytes: (text: string) => Uint8Array) => (files: Files) => {
  const all: Record<string, Uint8Array> = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, utf8(text)]));
  all[file] = bytes(files[file]!);
  return all;
};
/** The text in Windows-1252 (every character of these files is in Latin-1, which Windows-1252 contains). */
const windows1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);

const cases: Case[] = [
  // Issue 11's findings: silently wrong numbers
  {
    name: '"103,656" (an English thousands separator) as a driver value',
    edit: replace("drivers.csv", "2018,residents,103656,", '2018,residents,"103,656",'),
    error: 'drivers.csv line 5, field "value": "103,656" is ambiguous: a comma followed by exactly three digits may be a thousands separator (103656) or a decimal comma (103.656); write 103656 or 103 656 for the whole number, 103.656 for the decimal',
  },
  {
    name: "a base-year driver of 1e-300",
    edit: replace("drivers.csv", "2018,residents,103656,", "2018,residents,1e-300,"),
    error: /^drivers\.csv line 5, field "value": residents is 1e-300 in the base year 2018, less than a millionth of its largest value \(112112 in 2024, line 11\)/,
  },
  {
    name: "a base-year driver of 1e300",
    edit: replace("drivers.csv", "2018,residents,103656,", "2018,residents,1e300,"),
    error: 'drivers.csv line 5, field "value": 1e+300 for residents is outside the valid range from 0 to 1000000000000 (count)',
  },
  ...[50, 1e6, -400].map((e) => ({
    name: `an elasticity of ${e}`,
    edit: replace("processes.json", '"unitTimeHours": 3500,\n          "drivers": { "dwellings_completed": 0.4, "residents": 0.6 }', `"unitTimeHours": 3500,\n          "drivers": { "dwellings_completed": 0.4, "residents": ${e} }`),
    error: `processes.json line 14, field "processes[0].activities[0].drivers.residents": expected an elasticity from −10 to 10 (elasticity), found ${e}`,
  })),
  {
    name: "a volume of 1e308",
    edit: replace("processes.json", '"volume": 20,', '"volume": 1e308,'),
    error: /^processes\.json line \d+, field "processes\[0\]\.activities\[0\]\.volume": expected a volume per year from 0 to 1000000000 \(count per year\), found 1e\+308$/,
  },
  {
    name: "a cost per FTE of 1e308",
    edit: replace("municipality.json", '"costPerFte": 780000', '"costPerFte": 1e308'),
    error: 'municipality.json line 8, field "costPerFte": expected the cost of one FTE per year from 1 to 10000000000 (currency per FTE), found 1e+308',
  },
  {
    name: "build years 1e9",
    edit: replace("levers.json", '"build": { "startYear": 2019, "years": 2, "personYears": 4 }', '"build": { "startYear": 2019, "years": 1e9, "personYears": 4 }'),
    error: /^levers\.json line \d+, field "levers\[0\]\.build\.years": expected a number of years from 0 to 50 \(years\), a whole number, found 1000000000$/,
  },
  {
    name: "a scenario's growth multiplier of 1e300",
    edit: scenario({ growthMultiplier: 1e300 }),
    error: 'scenarios/odd.json line 1, field "growthMultiplier": expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor), found 1e+300',
  },
  {
    name: "a driver growth rate of 1e6",
    edit: scenario({ driverGrowthRates: { residents: 1e6 } }),
    error: 'scenarios/odd.json line 1, field "driverGrowthRates.residents": expected a yearly growth rate from −0.5 to 0.5 (per year), found 1000000',
  },
  {
    name: '"set": {"__proto__": 5}, refused rather than dropped',
    edit: (files) => {
      files["scenarios/odd.json"] = '{ "name": { "sv": "Udda", "en": "Odd" }, "set": { "__proto__": 5 } }';
    },
    error: 'scenarios/odd.json line 1, field "set.__proto__": a field named "__proto__" is not allowed: it is not a field of any package file (JavaScript would drop it)',
  },
  {
    name: "a set value of 1e308",
    edit: scenario({ set: { costPerFte: 1e308 } }),
    error: 'scenarios/odd.json line 1, field "set.costPerFte": 1e+308 is outside the valid range from 1 to 10000000000 (currency per FTE)',
  },

  // Encodings
  {
    name: "processes.json in Windows-1252 (Swedish Excel, Notepad's ANSI)",
    bytes: withBytes("processes.json", windows1252),
    findings: [/^note: processes\.json line 24: the file is not UTF-8 \(byte 0xE4 on this line is not valid UTF-8\): read as Windows-1252, .* the line reads ""name": \{ "sv": "Utbyggnad av gator, parker och allmän plats…/],
    check: (pkg) => expect(pkg.processes[1]!.name.sv).toBe("Bygglov och miljö"),
  },
  {
    name: "drivers.csv in UTF-16 LE with a byte-order mark",
    bytes: withBytes("drivers.csv", utf16le),
    findings: ["note: drivers.csv: read as UTF-16 LE text, since it starts with a UTF-16 LE byte-order mark"],
  },
  { name: "drivers.csv in UTF-8 with a byte-order mark", bytes: withBytes("drivers.csv", (t) => utf8(`\uFEFF${t}`)) },
  {
    name: "an Excel workbook saved as headcount.csv",
    bytes: withBytes("headcount.csv", () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])),
    error: "headcount.csv: the file is a ZIP archive (an Excel workbook saved under this name?), not text: save it from the spreadsheet as CSV (UTF-8) or as text",
  },
  {
    name: "a binary file as levers.json",
    bytes: withBytes("levers.json", () => Uint8Array.from([0x7b, 0x0a, 0x00, 0x01, 0x02, 0x03, 0x7d])),
    error: "levers.json line 2: the file has a NUL byte (at byte 3) and is not text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)",
  },

  // Sizes and nesting
  {
    name: "JSON nested 100,000 deep (never a stack overflow)",
    edit: (files) => {
      files["levers.json"] = `{ "levers": ${"[".repeat(100_000)}${"]".repeat(100_000)} }`;
    },
    error: `levers.json line 1: objects and lists are nested more than ${PACKAGE_LIMITS.jsonDepth} deep here: expected the package's own shapes, which nest at most 5 deep`,
  },
  {
    name: "a headcount.csv of 200,000 rows (never a stack overflow)",
    edit: (files) => {
      files["headcount.csv"] = `year,process,fte\n${"2018,support,1\n".repeat(200_000)}`;
    },
    error: `headcount.csv: the file has 200001 lines, more than the limit of ${PACKAGE_LIMITS.csvRows} data lines for a package file: expected a package's own figures (yearly values, a few thousand lines at most)`,
  },
  {
    name: "a 1 MB field, quoted as an excerpt",
    edit: replace("drivers.csv", "2018,residents,103656,", `2018,residents,${"9".repeat(1_000_000)}x,`),
    error: /^drivers\.csv line 5, field "value": "9{40}… \(1000001 characters\)" for residents is not a number/,
  },
  {
    name: "a driver id of 10,000 characters",
    edit: replace("drivers.csv", "2018,residents,103656,", `2018,${"r".repeat(10_000)},103656,`),
    error: /^drivers\.csv line 5, field "driver": "r{40}… \(10000 characters\)" is not a driver id/,
  },

  // Numbers and texts that are not numbers
  ...["NaN", "Infinity", "1e400", "-", "12 3a"].map((text) => ({
    name: `a driver value of ${JSON.stringify(text)}`,
    edit: replace("drivers.csv", "2018,residents,103656,", `2018,residents,${text},`),
    error: new RegExp(`^drivers\\.csv line 5, field "value": "${text.replace("+", "\\+")}" for residents is not a number: expected a number such as 1234\\.5`),
  })),
  {
    name: "a negative FTE",
    edit: replace("headcount.csv", "2018,building_permits,76.0", "2018,building_permits,-76"),
    error: 'headcount.csv line 30, field "fte": -76 for building_permits is outside the valid range from 0 to 1000000 (FTE)',
  },
  {
    name: "FTE with three decimals in a column that writes decimal commas",
    edit: (files) => {
      files["headcount.csv"] = files["headcount.csv"]!.replaceAll(",", ";").replace("2018;building_permits;76.0", "2018;building_permits;76,125").replace("2017;building_permits;70.0", "2017;building_permits;70,5");
    },
    check: (pkg) => expect(pkg.headcount.building_permits?.[2018]).toBe(76.125),
  },

  // Valid but implausible: warnings, never silent
  {
    name: "a driver jumping thousandfold in a year",
    edit: replace("drivers.csv", "2019,residents,105189,", "2019,residents,105.189,"),
    findings: [
      // 103656 / 105.189 = 985.426 (to six digits); the bands still sum to 105189, and 106505 / 105.189 = 1012.51
      /^warning: drivers\.csv line 6, field "value": residents goes from 103656 in 2018 \(line 5\) to 105\.189 in 2019, 985\.426 times smaller/,
      /^warning: drivers\.csv line 6, field "value": the bands of residents \(residents_0_5, .*\) sum to 105189 in 2019, more than residents itself \(105\.189\)/,
      /^warning: drivers\.csv line 7, field "value": residents goes from 105\.189 in 2019 \(line 6\) to 106505 in 2020, 1012\.51 times larger/,
    ],
  },
  {
    name: "an elasticity of 5",
    edit: replace("processes.json", '"unitTimeHours": 3500,\n          "drivers": { "dwellings_completed": 0.4, "residents": 0.6 }', '"unitTimeHours": 3500,\n          "drivers": { "dwellings_completed": 0.4, "residents": 5 }'),
    findings: [
      /^warning: processes\.json line \d+, field "processes\[0\]\.activities\[0\]\.drivers\.residents": 5 is valid but outside the plausible range from −1 to 2 \(elasticity\) of elasticity to/,
    ],
  },
  {
    name: "a cost per FTE of 50",
    edit: replace("municipality.json", '"costPerFte": 780000', '"costPerFte": 50'),
    findings: [
      'warning: municipality.json line 8, field "costPerFte": 50 is valid but outside the plausible range from 10000 to 1000000000 (currency per FTE) of cost per FTE: most likely a mistake (a misplaced decimal mark, a digit too many, another unit); check it',
    ],
  },

  // Structure
  { name: "an empty drivers.csv", edit: (files) => void (files["drivers.csv"] = ""), error: 'drivers.csv line 1: the file is empty: expected a header line "year,driver,value,kind" and data lines' },
  { name: "municipality.json that is a list", edit: (files) => void (files["municipality.json"] = "[]"), error: "municipality.json line 1: expected an object { … }, found a list" },
  { name: "a trailing comma in JSON", edit: replace("municipality.json", '"horizon": 2040', '"horizon": 2040,'), error: /^municipality\.json line \d+: not valid JSON: expected a field name in double quotes/ },
  { name: "a field twice", edit: replace("municipality.json", '"horizon": 2040', '"horizon": 2040, "horizon": 2041'), error: /^municipality\.json line \d+, field "horizon": "horizon" appears twice in the same object/ },
  { name: "a horizon before the base year", edit: replace("municipality.json", '"horizon": 2040', '"horizon": 2010'), error: /^municipality\.json line \d+, field "horizon": horizon 2010 is not after the base year 2018/ },
  {
    name: "a reach of 1.5",
    edit: replace("levers.json", '"activity": "needs_assessments", "reach": 0.3 }', '"activity": "needs_assessments", "reach": 1.5 }'),
    error: /^levers\.json line \d+, field "levers\[\d\]\.targets\[\d+\]\.reach": expected a reach from 0 to 1 \(share\), found 1\.5$/,
  },
  {
    name: "a lognormal cost per FTE with sigma 2000",
    edit: scenario({ uncertainty: { costPerFte: { type: "lognormal", mu: 13.6, sigma: 2000 } } }),
    error: 'scenarios/odd.json line 1, field "uncertainty.costPerFte": sigma 2000 is more than 2: the distribution spreads over more than a hundredfold',
  },
];

/** The report as lines: `severity: file line N, field "f": message`. */
const lines = (report: PackageFinding[]) => report.map((f) => `${f.severity}: ${formatPackageError(f)}`);

describe("a corpus of odd data packages", () => {
  for (const c of cases) {
    it(c.name, () => {
      const files = { ...nacka };
      c.edit?.(files);
      const decoded = c.bytes ? decodeFiles(c.bytes(files)) : { files, findings: [] };
      const result = parseDataPackage(decoded.files, decoded.findings);
      for (const finding of result.report) {
        // (a message may quote the input, "NaN" or "undefined" as typed)
        expect(finding.message).not.toMatch(/internal error|(?<!")undefined(?!")|(?<!")NaN(?!")|Maximum call stack/);
        expect(formatPackageError(finding).length).toBeLessThan(1000);
      }
      if (c.error !== undefined) {
        expect(result.ok).toBe(false);
        const errors = result.report.filter((f) => f.severity === "error").map(formatPackageError);
        if (typeof c.error === "string") expect(errors).toContain(c.error);
        else expect(errors.some((e) => (c.error as RegExp).test(e)), errors.join("\n")).toBe(true);
        return;
      }
      expect(result.ok ? [] : result.errors.map(formatPackageError)).toEqual([]);
      if (!result.ok) return;
      expect(lines(result.report)).toEqual((c.findings ?? []).map((f) => (typeof f === "string" ? f : expect.stringMatching(f))));
      c.check?.(result.package);
      // A package that parses computes, for every scenario, deterministic and Monte Carlo, to finite numbers.
      for (const s of Object.values(result.package.scenarios)) {
        const compiled = compilePlan(result.package, s);
        expect(compiled.ok).toBe(true);
        if (!compiled.ok) continue;
        expect(() => forecast(compiled.plan)).not.toThrow();
        if (compiled.plan.parameters.uncertain.length > 0) expect(() => monteCarlo(compiled.plan, { draws: 20 })).not.toThrow();
      }
    }, 60_000);
  }
});
