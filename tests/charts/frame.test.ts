import { describe, expect, it } from "vitest";
import { legendScale, lowerCase, signedChange, spreadLabels, subtitleOf } from "../../charts/frame.ts";
import { formats } from "../../contract/locale.ts";

describe("spreadLabels", () => {
  it("moves neighbours at least the gap apart, keeping the order of the values", () => {
    // 1 stays; 1.1 is within 0.5 of 1, so it goes to 1.5; 5 is far enough.
    expect(spreadLabels([1, 1.1, 5], 0.5)).toEqual([1, 1.5, 5]);
    // Given out of order: 3 and 2.9 sorted are 2.9, 3 → 2.9, 3.9; 10 stays.
    expect(spreadLabels([3, 10, 2.9], 1)).toEqual([3.9, 10, 2.9]);
  });
});

describe("signedChange", () => {
  const sv = formats("sv");
  it("writes growth with a plus and a fall with a minus, in the language's format", () => {
    expect(signedChange(sv, 1.05, 0)).toBe("+5\u00a0%");
    expect(signedChange(sv, 0.9, 0)).toBe("−10\u00a0%");
    expect(signedChange(formats("en"), 1.234, 1)).toBe("+23.4%");
  });
  it("gives no sign to a change that rounds to zero, and a dash for none", () => {
    expect(signedChange(sv, 1.0001, 1)).toBe("0\u00a0%");
    expect(signedChange(sv, null)).toBe("–");
    expect(signedChange(sv, Number.NaN)).toBe("–");
  });
});

describe("legendScale", () => {
  it("makes the legend's labels the colour domain and its colours the range", () => {
    const { legend, color } = legendScale([
      { label: "a", color: "#111111" },
      { label: "b", color: "#222222", shape: "line" },
    ]);
    expect(legend).toHaveLength(2);
    expect(color).toEqual({ domain: ["a", "b"], range: ["#111111", "#222222"] });
  });
});

describe("subtitleOf", () => {
  it("joins municipality and scenario, and leaves out what is missing", () => {
    expect(subtitleOf({ municipality: "Nacka", scenarioName: "Bas" }, "baseline")).toBe("Nacka — Bas");
    expect(subtitleOf({ municipality: "Nacka" }, "")).toBe("Nacka");
    expect(subtitleOf({}, "baseline")).toBe("baseline");
  });
});

describe("lowerCase", () => {
  it("lower-cases a name for use inside a sentence", () => {
    expect(lowerCase("Invånare 80+", "sv")).toBe("invånare 80+");
  });
});
