import { describe, expect, it } from "vitest";
import { numberCell, sheetName } from "../../io/paper-xlsx.ts";

describe("sheetName", () => {
  it("drops the characters Excel refuses, keeps 31 characters and numbers a repeated name", () => {
    const taken = new Set<string>();
    expect(sheetName("Investeringspuckeln 2018–2028: ackumulerat netto", taken)).toBe("Investeringspuckeln 2018–2028 a");
    expect(sheetName("A/B?C*[D]", taken)).toBe("A B C D");
    expect(sheetName("a b c d", taken)).toBe("a b c d 2");
    expect(sheetName("A B C D", taken)).toBe("A B C D 3");
  });
});

describe("numberCell", () => {
  it("reads a printed Swedish number back with a format showing the same decimals and unit, grouped in thousands except a year", () => {
    expect(numberCell("1\u00a0088", "sv")).toEqual({ value: 1088, numFmt: "#,##0" });
    expect(numberCell("12,3", "sv")).toEqual({ value: 12.3, numFmt: "#,##0.0" });
    expect(numberCell("2030", "sv")).toEqual({ value: 2030, numFmt: "0" });
    expect(numberCell("1\u00a0234,5\u00a0Mkr", "sv")).toEqual({ value: 1234.5, numFmt: '#,##0.0" Mkr"' });
    expect(numberCell("50\u00a0%", "sv")).toEqual({ value: 0.5, numFmt: "0%" });
    expect(numberCell("\u221210,5\u00a0%", "sv")).toEqual({ value: -0.105, numFmt: "0.0%" });
  });

  it("reads English the English way", () => {
    expect(numberCell("1,088.5", "en")).toEqual({ value: 1088.5, numFmt: "#,##0.0" });
    expect(numberCell("47.9\u00a0MSEK", "en")).toEqual({ value: 47.9, numFmt: '#,##0.0" MSEK"' });
    expect(numberCell("12%", "en")).toEqual({ value: 0.12, numFmt: "0%" });
  });

  it("leaves text that is not a number as text", () => {
    for (const text of ["–", "inte före 2030", "0123456789ab", "aaaaaaaaaaaa", "ingen kommentar", ""]) expect(numberCell(text, "sv"), text).toBeUndefined();
  });
});
