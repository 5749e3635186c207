/**
 * The PxWeb CSV reader (io/import/pxweb-csv.ts) on an ISO-8859-1 wide export with texts and on a
 * UTF-8 long export with codes (tests/fixtures/import; figures by the rule in write-fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import type { ImportProblem } from "../../../io/import/import-types.ts";
import { readPxWebCsv } from "../../../io/import/pxweb-csv.ts";
import { bandValues, errorsOf, fixture, notesOf } from "./helpers.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("readPxWebCsv", () => {
  it("reads a wide Latin-1 export: Värmdö and Håbo by name, one column per year", () => {
    const result = readPxWebCsv("befolkning-wide-latin1.csv", fixture("befolkning-wide-latin1.csv"), { region: "Värmdö" });
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.provenance).toMatchObject({ region: "0120 Värmdö", contents: "Folkmängd", format: "PxWeb CSV" });
    // Värmdö (r = 1), 0–5, 2023: 12 × 608 = 7,296; every age, 2024: the total 2 × (100 × 609 + 20) = 121,840.
    expect(bandValues(result, { from: 0, to: 5 }).get(2023)).toBe(7296);
    expect(bandValues(result, { from: 0, to: null }).get(2024)).toBe(121840);
  });

  it("keeps '..' as missing with the line and column", () => {
    const result = readPxWebCsv("befolkning-wide-latin1.csv", fixture("befolkning-wide-latin1.csv"), { region: "0305" });
    const problems: ImportProblem[] = [];
    const values = bandValues(result, { from: 0, to: 5 }, problems);
    expect(values.get(2023)).toBe(8496); // 12 × 708
    expect(values.has(2024)).toBe(false);
    // Håbo's men aged 2: the 3rd region block (16 lines each) after the header, line 1 + 32 + 5 = 38.
    expect(notesOf(problems)[0]).toMatchObject({ line: 38, field: "Folkmängd 2024" });
  });

  it("reads a long export with codes only (every variable in the stub)", () => {
    const result = readPxWebCsv("befolkning-long-codes.csv", fixture("befolkning-long-codes.csv"), { region: "0305" });
    expect(errorsOf(result.problems)).toEqual([]);
    expect(bandValues(result, { from: 0, to: 5 }).get(2024)).toBe(12 * 709);
    expect(bandValues(result, { from: 6, to: 6 }).get(2023)).toBe(2 * 708);
  });

  it("reads a title line, semicolons, and asks which contents when the header has several", () => {
    const text = '"Folkmängd och folkökning"\n"region";"ålder";"Folkmängd 2024";"Folkökning 2024"\n"0182 Nacka";"0 år";10;1\n';
    const population = readPxWebCsv("two.csv", utf8(text), {});
    expect(population.observations[0]).toMatchObject({ year: 2024, value: 10 });
    expect(population.problems[0]?.message.en).toBe("the header has several contents; the population (Folkmängd) is read — choose another with --contents");
    const other = '"region";"ålder";"Födda 2024";"Döda 2024"\n"0182 Nacka";"0 år";10;1\n';
    expect(errorsOf(readPxWebCsv("two.csv", utf8(other), {}).problems)[0]?.message.en).toBe("the header has several contents (Födda, Döda): choose one with --contents");
    const chosen = readPxWebCsv("two.csv", utf8(text), { contents: "Folkökning" });
    expect(chosen.provenance.title).toBe("Folkmängd och folkökning");
    expect(chosen.observations[0]).toMatchObject({ year: 2024, value: 1 });
  });

  it("names the line and column of a value that is not a number", () => {
    const bad = readPxWebCsv("bad.csv", utf8('"region","ålder","2024","2025"\n"0182","0",12,13\n"0182","1",1 2,5\n'), {});
    expect(errorsOf(bad.problems)[0]).toMatchObject({ line: 3, field: "2024" });
  });

  it("uses a Latin-1 wide export's total where it differs from the sum of its parts (noise), with a note", () => {
    // Håbo, 2025 (SCB's noise from reference year 2025): ages 0, 1 and 2+ are 10 + 12 + 5 = 27, the total says 28.
    const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const rows = [["0 år", 9, 10], ["1 år", 11, 12], ["2+ år", 5, 5], ["totalt ålder", 25, 28]];
    const text = `"region","ålder","Folkmängd 2024","Folkmängd 2025"\n${rows.map(([age, a, b]) => `"0305 Håbo","${age}",${a},${b}\n`).join("")}`;
    const result = readPxWebCsv("brus.csv", latin1(text), {});
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.provenance.region).toBe("0305 Håbo");
    const problems: ImportProblem[] = [];
    expect([...bandValues(result, { from: 0, to: null }, problems)]).toEqual([
      [2024, 25],
      [2025, 28],
    ]);
    expect(notesOf(problems).map((p) => p.message.en)).toEqual([expect.stringMatching(/the total differs from the sum of its parts in 2025 \(largest \+1/)]);
  });
});
