import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldPath, readJson } from "../../model/json-source.ts";
import { formatPackageError, type PackageError } from "../../model/package-error.ts";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";

describe("fieldPath", () => {
  it("writes array indices in brackets and quotes keys that are not plain names", () => {
    expect(fieldPath(["processes", 2, "activities", 0, "share"])).toBe("processes[2].activities[0].share");
    expect(fieldPath(["set", "levers.x.dip"])).toBe('set["levers.x.dip"]');
    expect(fieldPath(["growth-rate"])).toBe("growth-rate");
  });
});

describe("readJson: limits", () => {
  const schema = z.unknown();

  it("refuses JSON nested deeper than the limit with a message and the line, never a stack overflow", () => {
    for (const depth of [PACKAGE_LIMITS.jsonDepth + 1, 200_000]) {
      const errors: PackageError[] = [];
      const text = `{\n"a":\n${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
      expect(readJson("levers.json", { "levers.json": text }, schema, errors)).toBeUndefined();
      expect(errors).toEqual([
        {
          file: "levers.json",
          line: 3,
          message: `objects and lists are nested more than ${PACKAGE_LIMITS.jsonDepth} deep here: expected the package's own shapes, which nest at most 5 deep`,
        },
      ]);
    }
  });

  it("reads JSON nested exactly to the limit, and ignores brackets inside texts", () => {
    const errors: PackageError[] = [];
    const text = `${"[".repeat(PACKAGE_LIMITS.jsonDepth)}"[[[[{{{{\\"["${"]".repeat(PACKAGE_LIMITS.jsonDepth)}`;
    expect(readJson("a.json", { "a.json": text }, schema, errors)).toBeDefined();
    expect(errors).toEqual([]);
  });

  it("quotes at most a short excerpt of a long text, key or token", () => {
    const long = "x".repeat(100_000);
    const errors: PackageError[] = [];
    readJson("m.json", { "m.json": `{ "${long}": 1, "${long}": 2, "n": "${long}" }` }, z.strictObject({ n: z.number() }), errors);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(formatPackageError(error).length).toBeLessThan(400);
  });
});
