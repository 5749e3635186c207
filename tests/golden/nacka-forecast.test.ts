/**
 * The whole pipeline on the Nacka package, as one golden file: the package's files read from
 * disk, parsed, compiled and forecast for the scenarios `baseline` and `vaxa-utan-att-vaxa`, the
 * results written as JSON with every number rounded to six significant digits
 * (`nacka-forecast.json`). Any change to a number the model gives Nacka fails here; when the change
 * is meant (a model change, new data), regenerate the file (tests/README.md) and explain the diff.
 */
import { describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { goldenForecasts, goldenJson } from "./golden.ts";

describe("the Nacka forecast", () => {
  it("matches its golden file for baseline and vaxa-utan-att-vaxa", async () => {
    const pkg = await loadPackageFolder("data/nacka");
    await expect(goldenJson(goldenForecasts(pkg))).toMatchFileSnapshot("nacka-forecast.json");
  });

  it("rounds to six significant digits", () => {
    expect(goldenJson({ a: 1234.56789, b: -0.000123456789, c: -0, d: null, e: 2030 })).toBe(
      '{\n  "a": 1234.57,\n  "b": -0.000123457,\n  "c": 0,\n  "d": null,\n  "e": 2030\n}\n',
    );
  });
});
