/**
 * A package without population/ forecasts exactly as before: the Nacka package as it was before
 * its population/ folder — its age bands and residents with the forecast the driver set `nacka`
 * now holds (Nacka's own forecast, moved there unchanged), no population/ and no driver sets —
 * must give, to the last of six significant digits, the golden file `nacka-without-population.json`,
 * which is `nacka-forecast.json` as it stood before population/ came to the package (issue 16).
 */
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { goldenForecasts, goldenJson } from "./golden.ts";

describe("the Nacka forecast without population/", () => {
  it("is the forecast the package gave before it had population/", async () => {
    const { files } = await readPackageFolder("data/nacka");
    // drivers.csv with the set's rows back as forecasts; the folders and files of issue 16 left out.
    const setRows = files["driver-sets/nacka.csv"]!.trim().split("\n").slice(1);
    const drivers = `${files["drivers.csv"]!.trimEnd()}\n${setRows.map((row) => `${row},forecast`).join("\n")}\n`;
    const before = Object.fromEntries(Object.entries(files).filter(([path]) => !/^(population\/|driver-sets)/.test(path)));
    const parsed = parseDataPackage({ ...before, "drivers.csv": drivers });
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
    const pkg = parsed.package;
    expect(pkg.population).toBeUndefined();
    await expect(goldenJson(goldenForecasts(pkg))).toMatchFileSnapshot("nacka-without-population.json");
  });
});
