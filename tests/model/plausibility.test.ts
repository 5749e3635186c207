/**
 * Plausibility warnings (model/plausibility.ts), through the parser on the small package of
 * package-files.ts: a warning names the file, line and field, and never stops the package.
 */
import { describe, expect, it } from "vitest";
import { formatPackageError } from "../../model/package-error.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { lineOf, LEVERS, validFiles, withEdit } from "./package-files.ts";

function warnings(files: Record<string, string>): string[] {
  const result = parseDataPackage(files);
  expect(result.ok, result.ok ? "" : result.errors.map(formatPackageError).join("\n")).toBe(true);
  return result.report.map((f) => `${f.severity}: ${formatPackageError(f)}`);
}

describe("plausibility warnings", () => {
  it("the small package has none", () => {
    expect(warnings(validFiles())).toEqual([]);
  });

  it("a driver changing more than tenfold between two years: on the later year's line", () => {
    // 1010.5 in 2024 → 1.02 in 2025: 990.7 times smaller (1010.5 / 1.02, to six digits).
    const files = withEdit("drivers.csv", "2025,residents,1020,", "2025,residents,1.02,");
    expect(warnings(files)).toEqual([
      "warning: drivers.csv line 4, field \"value\": residents goes from 1010.5 in 2024 (line 3) to 1.02 in 2025, 990.686 times smaller: a value changing more than 10-fold in a year is most likely a typing mistake (a thousands separator read as a decimal mark, a missing or extra digit)",
      // …and back up again in 2026 (1030 / 1.02 = 1009.80).
      "warning: drivers.csv line 5, field \"value\": residents goes from 1.02 in 2025 (line 4) to 1030 in 2026, 1009.8 times larger: a value changing more than 10-fold in a year is most likely a typing mistake (a thousands separator read as a decimal mark, a missing or extra digit)",
    ]);
  });

  it("exactly tenfold is no warning; FTE jumping in headcount.csv is", () => {
    // 200 → 2000 is exactly tenfold, 2000 → 220 is 9.09-fold.
    expect(warnings(withEdit("drivers.csv", "2025,businesses,210,", "2025,businesses,2000,"))).toEqual([]);
    expect(warnings(withEdit("headcount.csv", "2023,permits,10", "2023,permits,1.2"))).toEqual([
      "warning: headcount.csv line 3, field \"fte\": permits goes from 1.2 in 2023 (line 2) to 12.5 in 2024, 10.4167 times larger: a value changing more than 10-fold in a year is most likely a typing mistake (a thousands separator read as a decimal mark, a missing or extra digit)",
    ]);
  });

  it("age bands summing to more than their total", () => {
    const files = validFiles();
    files["drivers.csv"] += "2024,residents_0_5,600,actual\n2025,residents_0_5,600,forecast\n2026,residents_0_5,600,forecast\n2027,residents_0_5,600,forecast\n";
    files["drivers.csv"] += "2024,residents_6_99,500,actual\n2025,residents_6_99,400,forecast\n2026,residents_6_99,400,forecast\n2027,residents_6_99,400,forecast\n";
    // 2024: 600 + 500 = 1100 > 1010.5 × 1.01; 2025: 1000 < 1020.
    expect(warnings(files)).toEqual([
      "warning: drivers.csv line 3, field \"value\": the bands of residents (residents_0_5, residents_6_99) sum to 1100 in 2024, more than residents itself (1010.5): expected the parts to sum to at most the whole (a band counted twice, or a value in another unit?)",
    ]);
  });

  it("levers whose reaches on one target sum above 1", () => {
    const second = LEVERS.replace('"kind": "consolidation",', '"kind": "automation",').replace(
      '{ "process": "support", "activity": "fixed", "reach": 0.4 }',
      '{ "process": "permits", "activity": "cases", "reach": 0.7 }',
    );
    const files = { ...validFiles(), "levers.json": second };
    expect(warnings(files)).toEqual([
      `warning: levers.json line ${lineOf(second, '"reach": 0.7')}, field "levers[1].targets[0].reach": the levers on permits cases reach 0.5 (e_permits) + 0.7 (merge_systems) = 1.2 of its work: their savings multiply and never exceed the work, but reaches summing above 1 suggest the same work counted twice`,
    ]);
  });
});

describe("age bands by their ages (drivers.json), not their names", () => {
  const rows = (id: string, values: [number, number, number, number]) =>
    values.map((v, i) => `${2024 + i},${id},${v},${i === 0 ? "actual" : "forecast"}\n`).join("");

  it("bands named in drivers.json sum to more than their total", () => {
    const files = validFiles();
    files["drivers.csv"] += rows("children", [600, 600, 600, 600]) + rows("others", [500, 400, 400, 400]);
    files["drivers.json"] = JSON.stringify({ drivers: { children: { ages: [0, 5] }, others: { ages: [6, null] } } });
    // 2024: 600 + 500 = 1100 > 1010.5 × 1.01; 2025: 1000 < 1020 (as in the test above, under other names).
    expect(warnings(files)).toEqual([
      "warning: drivers.csv line 3, field \"value\": the bands of residents (children, others) sum to 1100 in 2024, more than residents itself (1010.5): expected the parts to sum to at most the whole (a band counted twice, or a value in another unit?)",
    ]);
  });

  it("overlapping bands are not summed twice: 80–89 and 90+ beside 80+", () => {
    const files = validFiles();
    // 0–79 400, 80+ 350, 80–89 250, 90+ 100: side by side 0–79, 80–89, 90+ = 750 ≤ 1010.5; all four would be 1100.
    files["drivers.csv"] += rows("residents_0_79", [400, 400, 400, 400]) + rows("residents_80plus", [350, 350, 350, 350]);
    files["drivers.csv"] += rows("residents_80_89", [250, 250, 250, 250]) + rows("residents_90plus", [100, 100, 100, 100]);
    expect(warnings(files)).toEqual([]);
    // …but the bands that fit side by side are still checked: 90+ at 700 makes 0–79 + 80–89 + 90+ = 1350.
    files["drivers.csv"] = files["drivers.csv"]!.replace("2024,residents_90plus,100,", "2024,residents_90plus,700,");
    expect(warnings(files)).toEqual([
      "warning: drivers.csv line 3, field \"value\": the bands of residents (residents_0_79, residents_80_89, residents_90plus) sum to 1350 in 2024, more than residents itself (1010.5): expected the parts to sum to at most the whole (a band counted twice, or a value in another unit?)",
    ]);
  });
});
