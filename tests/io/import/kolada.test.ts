/**
 * The Kolada reader (io/import/kolada.ts) on two pages of KPI N01951 for Nacka written to the
 * API's published shape (tests/fixtures/import/kolada-N01951-sida*.json).
 */
import { describe, expect, it } from "vitest";
import type { ImportProblem } from "../../../io/import/import-types.ts";
import { readKolada } from "../../../io/import/kolada.ts";
import { toDriverValues } from "../../../io/import/to-drivers.ts";
import { errorsOf, fixtureText, notesOf } from "./helpers.ts";

describe("readKolada", () => {
  it("reads the pages of one answer: totals by year, a missing total kept missing", () => {
    const pages = ["kolada-N01951-sida1.json", "kolada-N01951-sida2.json"].map((f) => readKolada(f, fixtureText(f), {}));
    for (const page of pages) expect(errorsOf(page.problems)).toEqual([]);
    expect(pages[0]!.provenance).toMatchObject({ tableId: "N01951", region: "0182", source: "Kolada (RKA)" });
    const problems: ImportProblem[] = [];
    const [residents] = toDriverValues("kolada", pages.flatMap((p) => p.observations), [{ id: "residents", band: { from: 0, to: null } }], problems);
    // The T (total) figures as written in the pages; 2023 is null with status "Saknas".
    expect([...residents!.values]).toEqual([
      [2019, 105189],
      [2020, 106505],
      [2021, 108234],
      [2022, 109486],
      [2024, 112112],
    ]);
    expect(notesOf(problems)[0]?.message.en).toMatch(/^residents: no value for 2023 \("Saknas"/);
    expect(notesOf(problems)[0]?.line).toBeGreaterThan(1);
  });

  it("asks which KPI or municipality when a page has several, and names a malformed record's field and line", () => {
    const two = JSON.stringify({ values: [{ kpi: "N01951", municipality: "0182", period: 2024, values: [] }, { kpi: "N00002", municipality: "0182", period: 2024, values: [] }] });
    expect(errorsOf(readKolada("two.json", two, {}).problems)[0]?.message.en).toBe("the file has several KPIs (N01951, N00002): choose with --contents");
    const bad = '{\n  "values": [\n    { "kpi": "N01951", "municipality": "0182", "period": 2024, "values": [{ "gender": "T", "value": "many" }] }\n  ]\n}\n';
    expect(errorsOf(readKolada("bad.json", bad, {}).problems)[0]).toMatchObject({ line: 3, field: "values.0.values.0.value" });
  });
});
