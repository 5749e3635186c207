import { describe, expect, it } from "vitest";
import { type NumberConvention, readNumberText } from "../../model/number-text.ts";

/** Each row: the text a person types, and the number it means (written by hand) or why it is refused. */
const TABLE: Record<NumberConvention, ReadonlyArray<readonly [string, number | string]>> = {
  sv: [
    ["1,25", 1.25],
    ["1.25", 1.25],
    ["1 234,5", 1234.5],
    ["1\u00A0234,5", 1234.5],
    ["1\u202F234,5", 1234.5],
    ["12 345 678", 12_345_678],
    ["\u22122,5", -2.5],
    ["-2,5", -2.5],
    ["+4", 4],
    [",5", 0.5],
    ["0,000001", 0.000001],
    ["2022", 2022],
    ["  7\u00A0", 7],
    ["1,234", 1.234],
    ["-0", 0],
    ["", "empty"],
    ["   ", "empty"],
    ["1.234,5", "bothMarks"],
    ["1,234.5", "bothMarks"],
    ["12 3a", "notNumber"],
    ["1.234.567", "notNumber"],
    ["12 3", "notNumber"],
    ["1,", "notNumber"],
    ["−", "notNumber"],
    ["NaN", "notNumber"],
    ["Infinity", "notNumber"],
    ["12%", "notNumber"],
    ["1e999", "tooLarge"],
  ],
  en: [
    ["1.25", 1.25],
    ["1,234.5", 1234.5],
    ["1,234", 1234],
    ["12,345,678", 12_345_678],
    ["1 234.5", 1234.5],
    ["\u22122.5", -2.5],
    [".5", 0.5],
    ["2022", 2022],
    ["", "empty"],
    ["1,25", "commaDecimal"],
    ["1 234,5", "commaDecimal"],
    ["0,5", "commaDecimal"],
    ["1.234,5", "notNumber"],
    ["1,23,456", "notNumber"],
    ["1,234 567", "notNumber"],
    ["abc", "notNumber"],
    ["1e999", "tooLarge"],
  ],
};

describe("readNumberText", () => {
  for (const [convention, rows] of Object.entries(TABLE) as [NumberConvention, (typeof TABLE)["sv"]][]) {
    it.each(rows)(`(${convention}) reads %j as %j`, (text, expected) => {
      const result = readNumberText(text, convention);
      expect(result).toEqual(typeof expected === "number" ? { ok: true, value: expected } : { ok: false, problem: expected });
    });
  }

  it("reads the Swedish way by default (as a package's files are read)", () => {
    expect(readNumberText("1 234,5")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads back what Intl writes in each language", () => {
    for (const value of [0, 1.25, -2.5, 1234.5, -1234567.125, 0.001]) {
      const sv = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 6 }).format(value);
      const en = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 }).format(value);
      expect(readNumberText(sv, "sv")).toEqual({ ok: true, value });
      expect(readNumberText(en, "en")).toEqual({ ok: true, value });
    }
  });
});
