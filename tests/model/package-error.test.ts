import { describe, expect, it } from "vitest";
import { excerpt, formatPackageError, quoted } from "../../model/package-error.ts";

describe("excerpt and quoted", () => {
  it("keeps a short text and cuts a long one at 40 characters, saying its length", () => {
    expect(excerpt("12 3a")).toBe("12 3a");
    expect(quoted("x".repeat(41))).toBe(`"${"x".repeat(40)}… (41 characters)"`);
  });

  it("shows line breaks and control characters escaped, so an excerpt stays on one line", () => {
    expect(excerpt("a\nb\tc\u0007")).toBe("a\\nb\\tc\\u0007");
  });
});

describe("formatPackageError", () => {
  it("names the file, line and field, the field cut to 120 characters", () => {
    expect(formatPackageError({ file: "drivers.csv", line: 14, field: "value", message: "m" })).toBe('drivers.csv line 14, field "value": m');
    expect(formatPackageError({ file: "a.json", field: "k".repeat(200), message: "m" })).toBe(`a.json, field "${"k".repeat(120)}… (200 characters)": m`);
  });
});
