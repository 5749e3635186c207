/**
 * The one table of bounds (model/bounds.ts): finite everywhere, every number of a package covered,
 * every number past its range an error naming its field, and data/README.md's copy equal to it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NUMERIC_INPUTS, plausibleRange } from "../../model/bounds.ts";
import { fieldPath } from "../../model/json-source.ts";
import { formatPackageError } from "../../model/package-error.ts";
import { packageParameters } from "../../model/parameters.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { compilePlan } from "../../model/plan.ts";
import { numberText } from "../../model/ranges.ts";
import { defaultScenario } from "../../model/assumptions.ts";
import { parsed, validFiles } from "./package-files.ts";

/** Every number in a JSON value, with its path. */
function numbers(value: unknown, path: (string | number)[] = []): [(string | number)[], number][] {
  if (typeof value === "number") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => numbers(item, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => numbers(v, [...path, k]));
  return [];
}

/** The JSON value with the number at `path` replaced. */
function replaced(value: unknown, path: (string | number)[], by: number): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = by;
  return copy;
}

/** A table row's field as a pattern of a concrete path: `[]` any index, `<x>` any key. */
function matches(field: string, path: (string | number)[]): boolean {
  const tokens = field.split(".").flatMap((part) => (part.startsWith("<") ? ["*"] : part.endsWith("[]") ? [part.slice(0, -2), "[]"] : [part]));
  return tokens.length === path.length && tokens.every((t, i) => (t === "[]" ? typeof path[i] === "number" : t === "*" ? typeof path[i] === "string" : t === path[i]));
}

const JSON_FILES = { "municipality.json": "municipality.json", "processes.json": "processes.json", "levers.json": "levers.json", "scenarios/grow-fast.json": "scenarios/<id>.json" } as const;

describe("the table of bounds", () => {
  it("has finite valid ranges, and plausible ranges within them", () => {
    for (const { file, field, spec } of NUMERIC_INPUTS) {
      const [lo, hi] = spec.bounds;
      const [plo, phi] = plausibleRange(spec);
      expect(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi, `${file} ${field}`).toBe(true);
      expect(plo >= lo && phi <= hi && plo <= phi, `${file} ${field}`).toBe(true);
    }
    for (const i of packageParameters(parsed(validFiles())).lower.keys()) {
      const table = packageParameters(parsed(validFiles()));
      expect(Number.isFinite(table.lower[i]!) && Number.isFinite(table.upper[i]!), table.names[i]).toBe(true);
    }
  });

  it("covers every number of the package's JSON files, and a number past its range is an error naming its field", () => {
    for (const [file, tableFile] of Object.entries(JSON_FILES)) {
      const value = JSON.parse(validFiles()[file]!) as unknown;
      for (const [path] of numbers(value)) {
        // A distribution's parameters are checked against the parameter it describes, and `set`
        // by parameter path (the last test here).
        if (path.includes("distributions") || path[0] === "uncertainty" || path[0] === "set") continue;
        const row = NUMERIC_INPUTS.find((r) => r.file === tableFile && matches(r.field, path));
        expect(row, `${file} ${fieldPath(path)} is in the table`).toBeDefined();
        for (const extreme of [1e308, -1e308]) {
          const result = parseDataPackage({ ...validFiles(), [file]: JSON.stringify(replaced(value, path, extreme), null, 2) });
          expect(result.ok, `${file} ${fieldPath(path)} = ${extreme}`).toBe(false);
          if (!result.ok) expect(result.errors.map((e) => `${e.file} ${e.field}`)).toContain(`${file} ${fieldPath(path)}`);
        }
      }
    }
  });

  it("refuses a CSV value past its range, naming the line and column", () => {
    const files = validFiles();
    files["drivers.csv"] = files["drivers.csv"]!.replace("2024,residents,1010.5,", "2024,residents,1e13,");
    files["headcount.csv"] = files["headcount.csv"]!.replace("2023,permits,10", "2023,permits,2000000");
    const result = parseDataPackage(files);
    expect(result.ok ? [] : result.errors.map(formatPackageError)).toEqual([
      'drivers.csv line 3, field "value": 10000000000000 for residents is outside the valid range from 0 to 1000000000000 (count)',
      'headcount.csv line 2, field "fte": 2000000 for permits is outside the valid range from 0 to 1000000 (FTE)',
    ]);
  });

  it("refuses every parameter set past its range, naming the set field", () => {
    const pkg = parsed(validFiles());
    const table = packageParameters(pkg);
    const scenario = defaultScenario("x", { sv: "x", en: "x" }, pkg.levers.map((l) => l.id));
    for (const path of table.names) {
      for (const extreme of [1e308, -1e308]) {
        const compiled = compilePlan(pkg, { ...scenario, set: { [path]: extreme } });
        expect(compiled.ok, `set ${path} = ${extreme}`).toBe(false);
        if (!compiled.ok) expect(compiled.errors.map((e) => e.field)).toEqual([`set.${path}`]);
      }
    }
  });

  it("is printed in data/README.md exactly as the code has it", () => {
    const readme = readFileSync(new URL("../../data/README.md", import.meta.url), "utf8");
    const printed = /<!-- bounds-table[^>]*-->\n([\s\S]*?)<!-- \/bounds-table -->/.exec(readme)?.[1]?.trim().split("\n").slice(2);
    const range = ([a, b]: readonly [number, number]) => `${numberText(a)} to ${numberText(b)}`;
    const rows = NUMERIC_INPUTS.map(({ file, field, spec }) => `| ${file} | \`${field}\` | ${spec.unit} | ${range(spec.bounds)} | ${range(plausibleRange(spec))} |`);
    expect(printed).toEqual(rows);
  });
});
