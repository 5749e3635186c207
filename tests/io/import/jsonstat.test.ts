/**
 * The JSON-stat 2.0 reader (io/import/jsonstat.ts): a real answer of SCB's PxWeb API v2 (TAB638,
 * from rOpenGov/pxweb's test data, see tests/fixtures/import/README.md), and a file written to the
 * specification in SCB's shape with noise in its 2025 totals (rule in write-fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import { readJsonStat } from "../../../io/import/jsonstat.ts";
import type { ImportProblem } from "../../../io/import/import-types.ts";
import { bandValues, errorsOf, fixtureText, notesOf } from "./helpers.ts";

describe("readJsonStat", () => {
  it("reads SCB's real answer: one figure, its table id, date and the three mandatory notes", () => {
    const result = readJsonStat("scb-tab638-riket.json", fixtureText("scb-tab638-riket.json"), {});
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.observations).toEqual([{ age: { from: 0, to: 0 }, sex: "men", year: 2024, value: 50937, where: { field: "value[0]", line: 213 } }]);
    expect(result.provenance).toMatchObject({ tableId: "TAB638", updated: "2025-02-21T07:00:00Z", source: "SCB", region: "00 Riket", contents: "BE0101N1 Folkmängd" });
    expect(result.provenance.requiredNotes).toHaveLength(3);
    expect(result.provenance.requiredNotes[0]).toMatch(/^Fr o m 2007-01-01 överförs Heby kommun/);
  });

  it("uses the table's totals where they differ from the sum of their parts (noise), with a note", () => {
    const result = readJsonStat("befolkning-brus.json", fixtureText("befolkning-brus.json"), { municipality: "Nacka kommun" });
    expect(result.provenance.region).toBe("0182 Nacka");
    const problems: ImportProblem[] = [];
    // Every age, both sexes: 2024 = 2 × (100 × 509 + 20) = 101,840; 2025 = 2 × (100 × 510 + 20) + 3 (noise) = 102,043.
    const all = bandValues(result, { from: 0, to: null }, problems);
    expect([all.get(2024), all.get(2025)]).toEqual([101840, 102043]);
    // 0–5 in 2025: age 0 both sexes 2 × 510 + 1 (noise) = 1,021, ages 1–5: 5 × 1,020 = 5,100; 6,121.
    expect(bandValues(result, { from: 0, to: 5 }).get(2025)).toBe(6121);
    // 80+ from the groups 6–99 and 100+ cannot be built: 80 is inside 6–99.
    const uncovered: ImportProblem[] = [];
    bandValues(result, { from: 80, to: null }, uncovered);
    expect(errorsOf(uncovered)[0]?.message.en).toMatch(/cannot be built from the table's ages: 0, 1, 2, 3, 4, 5, 6–99, 100\+/);
    const note = notesOf(problems).find((p) => /noise/.test(p.message.en));
    expect(note?.message.en).toMatch(/the total differs from the sum of its parts in 2025 \(largest \+3/);
    expect(note?.message.sv).toMatch(/SCB lägger till kontrollerat slumpbrus från referensår 2025/);
  });

  it("keeps a missing figure (status ..) missing for the band, and reads the region by name", () => {
    const result = readJsonStat("befolkning-brus.json", fixtureText("befolkning-brus.json"), { region: "Håbo" });
    const problems: ImportProblem[] = [];
    const values = bandValues(result, { from: 0, to: 5 }, problems);
    // Håbo 2024: 6 × 2 × 709 = 8,508; 2025 is missing (women aged 3 are "..").
    expect(values.get(2024)).toBe(8508);
    expect(values.has(2025)).toBe(false);
    // The both-sexes figure is used; its index: ((region 2 × 9 ages + age 3) × 3 sexes + sex 1+2 (2)) × 2 years + 2025 (1) = 131.
    expect(notesOf(problems)[0]).toMatchObject({ field: "value[131]" });
  });

  it("reads the population when a table has several contents, and says so", () => {
    const dataset = {
      version: "2.0",
      class: "dataset",
      id: ["ContentsCode", "Tid"],
      size: [2, 1],
      role: { metric: ["ContentsCode"], time: ["Tid"] },
      dimension: {
        ContentsCode: { label: "tabellinnehåll", category: { index: ["BE0101N1", "BE0101N2"], label: { BE0101N1: "Folkmängd", BE0101N2: "Folkökning" } } },
        Tid: { label: "år", category: { index: ["2024"] } },
      },
      value: [112112, 1479],
    };
    const result = readJsonStat("two.json", JSON.stringify(dataset), {});
    expect(result.observations).toMatchObject([{ year: 2024, value: 112112 }]);
    expect(notesOf(result.problems)[0]?.message.en).toBe("the table has several contents; the population (BE0101N1 Folkmängd) is read — choose another with --contents");
    expect(readJsonStat("two.json", JSON.stringify(dataset), { contents: "BE0101N2" }).observations).toMatchObject([{ value: 1479 }]);
  });

  it("refuses what is not a JSON-stat 2.0 dataset, naming the field", () => {
    const result = readJsonStat("old.json", JSON.stringify({ dataset: { value: [] } }), {});
    expect(errorsOf(result.problems)[0]).toMatchObject({ field: "version" });
  });
});
