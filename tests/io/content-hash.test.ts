import { describe, expect, it } from "vitest";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { packageHash, sha256, shortId, versionHash } from "../../io/content-hash.ts";

describe("content hashes", () => {
  it("hashes a version as sha256 of { assumptions, package }, whatever the key order of the input", () => {
    // sha256 of the text below, computed with `printf %s '…' | sha256sum`.
    const text = '{"assumptions":{"a":1,"b":2},"package":"p"}';
    expect(sha256(text)).toBe("abc79df5132d4e8757824d9f0abc390d6f16f930c556f8cc4b24438d276fc075");
    expect(versionHash({ b: 2, a: 1 }, "p")).toBe("abc79df5132d4e8757824d9f0abc390d6f16f930c556f8cc4b24438d276fc075");
    expect(shortId(versionHash({ a: 1, b: 2 }, "p"))).toHaveLength(12);
  });

  it("gives the same version hash to assumptions that differ only in defaults and lever order", () => {
    const a = normalizeAssumptions({ name: { sv: "A", en: "A" }, levers: ["b", "a"] });
    const b = normalizeAssumptions({ name: { sv: "A", en: "A" }, levers: ["a", "b"], growthMultiplier: 1, set: {}, uncertainty: {} });
    expect(versionHash(a, "p")).toBe(versionHash(b, "p"));
    expect(versionHash(a, "p")).not.toBe(versionHash(a, "q"));
    expect(versionHash(a, "p")).not.toBe(versionHash({ ...a, growthMultiplier: 1.0001 }, "p"));
  });

  it("hashes a package by its model files only, not its scenario files", () => {
    const files = { "municipality.json": "{}", "drivers.csv": "x" };
    expect(packageHash({ ...files, "scenarios/a.json": "{}" })).toBe(packageHash(files));
    expect(packageHash({ ...files, "drivers.csv": "y" })).not.toBe(packageHash(files));
  });
});
