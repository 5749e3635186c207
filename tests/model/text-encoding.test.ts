/**
 * The encoding rule of model/text-encoding.ts, one test per step, on bytes written by hand (the
 * Windows-1252 and UTF-16 bytes of "miljö" from the code pages: ö is 0xF6 in Windows-1252 and
 * U+00F6 in UTF-16).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";
import { decodeFiles, decodeText } from "../../model/text-encoding.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

describe("decodeText", () => {
  it("reads UTF-8 without a note, with or without a byte-order mark (which is dropped)", () => {
    const miljo = new TextEncoder().encode("Bygglov och miljö\n");
    expect(decodeText("a.csv", miljo)).toEqual({ ok: true, text: "Bygglov och miljö\n", encoding: "UTF-8" });
    expect(decodeText("a.csv", bytes(0xef, 0xbb, 0xbf, ...miljo))).toEqual({ ok: true, text: "Bygglov och miljö\n", encoding: "UTF-8" });
  });

  it("reads Windows-1252 (what Swedish Excel writes) with a note naming the byte and its line", () => {
    // "år\nmiljö": å = 0xE5, ö = 0xF6 in Windows-1252; neither is valid UTF-8 on its own.
    const result = decodeText("drivers.csv", bytes(0x61, 0x72, 0x0a, 0x6d, 0x69, 0x6c, 0x6a, 0xf6, 0x0a, 0xe5, 0x72));
    expect(result).toEqual({
      ok: true,
      text: "ar\nmiljö\når",
      encoding: "Windows-1252",
      note: {
        severity: "note",
        file: "drivers.csv",
        line: 2,
        message:
          'the file is not UTF-8 (byte 0xF6 on this line is not valid UTF-8): read as Windows-1252, the encoding Swedish Windows programs save in (Excel\'s "CSV (semicolon separated)", Notepad\'s "ANSI"); the line reads "miljö"',
      },
    });
    // 0x80 is the euro sign and 0x92 the apostrophe ’ in Windows-1252 (C1 controls in Latin-1, as
    // Node 20.18.3+ decodes them): Excel writes ’ for a typed apostrophe.
    expect(decodeText("a.csv", bytes(0x80, 0x20, 0x4e, 0x61, 0x63, 0x6b, 0x61, 0x92, 0x73))).toMatchObject({ ok: true, text: "€ Nacka’s" });
  });

  it("reads UTF-16 with a byte-order mark, little- and big-endian, with a note naming the encoding", () => {
    const le = decodeText("a.json", bytes(0xff, 0xfe, 0x6d, 0, 0xf6, 0));
    expect(le).toEqual({ ok: true, text: "mö", encoding: "UTF-16 LE", note: { severity: "note", file: "a.json", message: "read as UTF-16 LE text, since it starts with a UTF-16 LE byte-order mark" } });
    const be = decodeText("a.json", bytes(0xfe, 0xff, 0, 0x6d, 0, 0xf6));
    expect(be.ok && be.text).toBe("mö");
    expect(be.ok && be.encoding).toBe("UTF-16 BE");
  });

  it("reads UTF-16 without a byte-order mark from its NUL bytes", () => {
    const le = decodeText("a.csv", bytes(...ascii("year").flatMap((c) => [c, 0])));
    expect(le).toMatchObject({ ok: true, text: "year", encoding: "UTF-16 LE", note: { message: "read as UTF-16 LE text, since every other byte is NUL, as in UTF-16 text without a byte-order mark" } });
    const be = decodeText("a.csv", bytes(...ascii("year").flatMap((c) => [0, c])));
    expect(be).toMatchObject({ ok: true, text: "year", encoding: "UTF-16 BE" });
  });

  it("refuses UTF-16 that is broken, naming the encoding", () => {
    // A byte-order mark then an odd number of bytes: not whole UTF-16 code units.
    expect(decodeText("a.json", bytes(0xff, 0xfe, 0x6d, 0, 0x6d))).toEqual({
      ok: false,
      error: { file: "a.json", message: "the file looks like UTF-16 LE text (it starts with a UTF-16 LE byte-order mark) but is not valid UTF-16 LE: save it again as UTF-8" },
    });
  });

  it("refuses a file with NUL bytes that is not UTF-16, a ZIP archive, and control characters, naming the line", () => {
    expect(decodeText("a.csv", bytes(0x61, 0x0a, 0x62, 0, 0x63))).toEqual({
      ok: false,
      error: { file: "a.csv", line: 2, message: "the file has a NUL byte (at byte 4) and is not text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)" },
    });
    expect(decodeText("drivers.csv", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0))).toEqual({
      ok: false,
      error: { file: "drivers.csv", message: "the file is a ZIP archive (an Excel workbook saved under this name?), not text: save it from the spreadsheet as CSV (UTF-8) or as text" },
    });
    expect(decodeText("a.csv", bytes(0x61, 0x0a, 0x0a, 0x1b, 0x5b))).toEqual({
      ok: false,
      error: { file: "a.csv", line: 3, message: "the file has the control character U+001B, which no spreadsheet or editor writes in text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)" },
    });
    // 0x81 is unassigned in Windows-1252 (decoded to the C1 control U+0081): some other encoding.
    expect(decodeText("a.csv", bytes(0x81))).toMatchObject({ ok: false, error: { line: 1, message: expect.stringContaining("U+0081 (read as Windows-1252, since it is not UTF-8)") } });
  });

  it("refuses a file larger than the limit without decoding it", () => {
    const result = decodeText("drivers.csv", new Uint8Array(PACKAGE_LIMITS.fileBytes + 1));
    expect(result).toEqual({ ok: false, error: { file: "drivers.csv", message: expect.stringMatching(/^the file is 10\.0 MB, larger than the limit of 10 MB/) } });
  });

  it("gives any text written as UTF-8 back unchanged (no BOM, no controls but tab and line breaks)", () => {
    const text = fc.string({ unit: "grapheme" }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/.test(s));
    fc.assert(
      fc.property(text, (s) => {
        const result = decodeText("a.txt", new TextEncoder().encode(s));
        expect(result).toEqual({ ok: true, text: s, encoding: "UTF-8" });
      }),
    );
  });

  it("never throws on arbitrary bytes: a text or an error naming the file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const result = decodeText("x.csv", b);
        if (result.ok) expect(typeof result.text).toBe("string");
        else expect(result.error.file).toBe("x.csv");
      }),
    );
  });
});

describe("decodeFiles", () => {
  it("decodes every file, leaving out those that cannot be read, with their errors and notes", () => {
    const { files, findings } = decodeFiles({ "a.csv": bytes(0x6f, 0x6b), "b.csv": bytes(0xf6), "c.csv": bytes(0, 1, 2) });
    expect(files).toEqual({ "a.csv": "ok", "b.csv": "ö" });
    expect(findings.map((f) => [f.severity, f.file])).toEqual([
      ["note", "b.csv"],
      ["error", "c.csv"],
    ]);
  });
});
