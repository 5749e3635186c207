/**
 * The PX reader (io/import/px.ts) on a Latin-1 file written to SCB's PX file format specification
 * 2013 (tests/fixtures/import/befolkning-latin1.px; its figures follow the rule in
 * write-fixtures.ts: each single age 0–99 of each sex has 500 + 100·r + (year − 2015) people in
 * region r = 0 Nacka, 1 Värmdö, 2 Håbo; 100+ has 20) and on small texts for the syntax rules.
 */
import { describe, expect, it } from "vitest";
import { readPx } from "../../../io/import/px.ts";
import { bandValues, errorsOf, fixture, notesOf } from "./helpers.ts";

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe("readPx", () => {
  it("reads a Latin-1 file by its CODEPAGE: Swedish names, multi-line values and notes, and provenance", () => {
    const result = readPx("befolkning-latin1.px", fixture("befolkning-latin1.px"), { region: "Håbo" });
    expect(errorsOf(result.problems)).toEqual([]);
    expect(result.provenance).toMatchObject({
      format: "PX",
      tableId: "TAB638",
      title: "Folkmängd efter region, ålder, kön och år",
      updated: "2025-02-21 08:00",
      region: "0305 Håbo",
      projection: false,
    });
    // NOTEX is required and continues over two quoted strings; NOTE is optional and left out.
    expect(result.provenance.requiredNotes).toEqual([
      "Folkmängden avser förhållandena den 31 december respektive år enligt den regionala indelning som gällde den 1 januari året därpå.",
    ]);
    // Håbo (r = 2), 0–5, 2015: 6 ages × 2 sexes × 700 = 8,400; 80+ in 2024: 20 × 2 × 709 + 2 × 20 = 28,400.
    expect(bandValues(result, { from: 0, to: 5 }).get(2015)).toBe(8400);
    expect(bandValues(result, { from: 80, to: null }).get(2024)).toBe(28400);
  });

  it("chooses the package's municipality when the file has several regions", () => {
    const result = readPx("befolkning-latin1.px", fixture("befolkning-latin1.px"), { municipality: "Nacka kommun" });
    expect(result.provenance.region).toBe("0182 Nacka");
    // Nacka, every age, 2015: the total, 2 × (100 × 500 + 20) = 100,040.
    expect(bandValues(result, { from: 0, to: null }).get(2015)).toBe(100040);
  });

  it("keeps a status symbol as missing, never zero, and says where it is", () => {
    const result = readPx("befolkning-latin1.px", fixture("befolkning-latin1.px"), { region: "0120" });
    const missing = result.observations.find((o) => o.value === null);
    expect(missing).toMatchObject({ age: { from: 3, to: 3 }, sex: "women", year: 2016, status: ".." });
    expect(missing?.where.line).toBeGreaterThan(30);
    const problems: Parameters<typeof bandValues>[2] = [];
    const values = bandValues(result, { from: 0, to: 5 }, problems);
    expect(values.has(2016)).toBe(false);
    // Värmdö 2015: 12 × 600 = 7,200.
    expect(values.get(2015)).toBe(7200);
    expect(notesOf(problems)[0]?.message.en).toMatch(/no value for 2016 \("\.\.": not available/);
    // The all-ages figure comes from the table's total, which has a value.
    expect(bandValues(result, { from: 0, to: null }).get(2016)).toBe(2 * (100 * 601 + 20));
  });

  it("asks for a region when it cannot choose one, listing them", () => {
    const result = readPx("befolkning-latin1.px", fixture("befolkning-latin1.px"), {});
    expect(errorsOf(result.problems)[0]?.message.sv).toBe("tabellen har flera värden för region (0182 Nacka, 0120 Värmdö, 0305 Håbo): välj ett med --region");
  });

  it("reads KEYS rows, fills the rows left out with zeros, and reads a dash as missing", () => {
    const text = [
      'CODEPAGE="iso-8859-1";',
      'MATRIX="T1";',
      'STUB="ålder";',
      'HEADING="år";',
      'VALUES("ålder")="0 år","1 år","2 år";',
      'VALUES("år")="2023","2024";',
      'CODES("ålder")="0","1","2";',
      'KEYS("ålder")=CODES;',
      "DATA=",
      '"0" 5 6',
      '"2" 7 "-";',
      "",
    ].join("\n");
    const result = readPx("keys.px", latin1(text), {});
    expect(errorsOf(result.problems)).toEqual([]);
    const byKey = new Map(result.observations.map((o) => [`${o.age === "total" ? "t" : o.age.from}|${o.year}`, o]));
    expect(byKey.get("0|2024")?.value).toBe(6);
    expect(byKey.get("1|2023")?.value).toBe(0);
    expect(byKey.get("2|2024")).toMatchObject({ value: null, status: "-", where: { line: 11 } });
  });

  it("names the line and keyword of a syntax problem and of a wrong number of cells", () => {
    const broken = readPx("broken.px", latin1('MATRIX="T1";\nSTUB "ålder";\n'), {});
    expect(errorsOf(broken.problems)[0]).toMatchObject({ line: 2 });
    const short = readPx("short.px", latin1('STUB="ålder";\nHEADING="år";\nVALUES("ålder")="0","1";\nVALUES("år")="2024";\nDATA=\n1;\n'), {});
    expect(errorsOf(short.problems)[0]).toMatchObject({ line: 5, field: "DATA" });
    expect(errorsOf(short.problems)[0]?.message.en).toBe("DATA has 1 cells but STUB and HEADING make 2 (2 × 1)");
    const word = readPx("word.px", latin1('STUB="ålder";\nHEADING="år";\nVALUES("ålder")="0","1";\nVALUES("år")="2024";\nDATA=\n1\n1a;\n'), {});
    expect(errorsOf(word.problems)[0]).toMatchObject({ line: 7, field: "DATA" });
  });

  it("decodes by the bytes, with one decoder: CODEPAGE iso-8859-1 on UTF-8 bytes is read as UTF-8 with a note", () => {
    const text = 'CODEPAGE="iso-8859-1";\nSTUB="ålder";\nHEADING="år";\nVALUES("ålder")="0 år";\nVALUES("år")="2024";\nDATA=\n5;\n';
    const latin = readPx("latin.px", latin1(text), {});
    // Latin-1 bytes as the CODEPAGE says: no note, the Swedish letters read.
    expect(latin.problems).toEqual([]);
    expect(latin.observations[0]).toMatchObject({ age: { from: 0, to: 0 }, year: 2024, value: 5 });
    const resaved = readPx("resaved.px", new TextEncoder().encode(text), {});
    expect(errorsOf(resaved.problems)).toEqual([]);
    expect(notesOf(resaved.problems)).toEqual([
      { file: "resaved.px", severity: "note", field: "CODEPAGE", message: { sv: 'filen säger CODEPAGE "iso-8859-1" men läses som UTF-8', en: 'the file says CODEPAGE "iso-8859-1" but is read as UTF-8' } },
    ]);
    expect(resaved.observations[0]).toMatchObject({ age: { from: 0, to: 0 }, year: 2024, value: 5 });
  });

  it("refuses bytes that are not text with the decoder's reason", () => {
    const result = readPx("binary.px", Uint8Array.from([0x53, 0x54, 0x55, 0x42, 0x00, 0x01, 0x02]), {});
    expect(errorsOf(result.problems)).toEqual([
      {
        file: "binary.px",
        severity: "error",
        line: 1,
        message: {
          sv: "filen går inte att läsa som text: the file has a NUL byte (at byte 5) and is not text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)",
          en: "the file cannot be read as text: the file has a NUL byte (at byte 5) and is not text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)",
        },
      },
    ]);
  });

  it("uses the table's total where it differs from the sum of its parts (noise), with a note", () => {
    // Värmdö, 2025: ages 0, 1 and 2+ are 10 + 12 + 5 = 27, the total says 26 (noise, from reference year 2025).
    const text = [
      'CODEPAGE="iso-8859-1";',
      'STUB="region","ålder";',
      'HEADING="år";',
      'VALUES("region")="0120 Värmdö";',
      'VALUES("ålder")="0 år","1 år","2+ år","totalt ålder";',
      'VALUES("år")="2024","2025";',
      'ELIMINATION("ålder")="totalt ålder";',
      "DATA=",
      "9 10",
      "11 12",
      "5 5",
      "25 26;",
      "",
    ].join("\n");
    const result = readPx("brus.px", latin1(text), {});
    expect(errorsOf(result.problems)).toEqual([]);
    const problems: Parameters<typeof bandValues>[2] = [];
    expect([...bandValues(result, { from: 0, to: null }, problems)]).toEqual([
      [2024, 25],
      [2025, 26],
    ]);
    expect(notesOf(problems).map((p) => p.message.en)).toEqual([expect.stringMatching(/the total differs from the sum of its parts in 2025 \(largest -1 for 0\+, 2025\)/)]);
    // Swedish text writes the difference with a true minus sign (U+2212), as sv-SE numbers are written.
    expect(notesOf(problems).map((p) => p.message.sv)).toEqual([expect.stringMatching(/störst \u22121 för 0\+, 2025\)/)]);
  });
});
