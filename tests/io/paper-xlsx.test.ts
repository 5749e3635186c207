import { describe, expect, it } from "vitest";
import { sheetName } from "../../io/paper-xlsx.ts";

describe("sheetName", () => {
  it("drops the characters Excel refuses, keeps 31 characters and numbers a repeated name", () => {
    const taken = new Set<string>();
    expect(sheetName("Investeringspuckeln 2018–2028: ackumulerat netto", taken)).toBe("Investeringspuckeln 2018–2028 a");
    expect(sheetName("A/B?C*[D]", taken)).toBe("A B C D");
    expect(sheetName("a b c d", taken)).toBe("a b c d 2");
    expect(sheetName("A B C D", taken)).toBe("A B C D 3");
  });
});
