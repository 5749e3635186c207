/**
 * `municipality.json` field `illustrative`: read by the parser, carried by the plan into every
 * forecast and Monte Carlo result, and printed by every command-line format.
 */
import { describe, expect, it } from "vitest";
import { forecastText } from "../../cli/forecast-text.ts";
import { csvDialect, forecastCsv } from "../../io/csv.ts";
import { forecast } from "../../model/forecast.ts";
import { illustrativeNote } from "../../model/illustrative.ts";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { formatPackageError } from "../../model/package-error.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { compile, tinyPackage } from "./fixtures.ts";

const WHY = { sv: "Bemanningen är antagen, inte kommunens.", en: "Staffing is assumed, not the municipality's." };

async function nackaFilesWith(illustrative: unknown): Promise<Record<string, string>> {
  const { files } = await readPackageFolder("data/nacka");
  const municipality = JSON.parse(files["municipality.json"]!);
  if (illustrative === undefined) delete municipality.illustrative;
  else municipality.illustrative = illustrative;
  return { ...files, "municipality.json": JSON.stringify(municipality, null, 2) };
}

describe("illustrative in municipality.json", () => {
  it("is read into the package, in Swedish and English, and is absent when the file has none", async () => {
    const withIt = parseDataPackage(await nackaFilesWith(WHY));
    const without = parseDataPackage(await nackaFilesWith(undefined));
    expect(withIt.ok && withIt.package.municipality.illustrative).toEqual(WHY);
    expect(without.ok && without.package.municipality).not.toHaveProperty("illustrative");
  });

  it("is an error naming file, line and field when a language is missing or it is not a text", async () => {
    const missing = parseDataPackage(await nackaFilesWith({ sv: "Antaget." }));
    expect(missing.ok).toBe(false);
    const message = missing.ok ? "" : missing.errors.map(formatPackageError).join("\n");
    expect(message).toMatch(/municipality\.json line \d+, field "illustrative\.en"/);
    const flag = parseDataPackage(await nackaFilesWith(true));
    expect(flag.ok ? "" : flag.errors.map(formatPackageError).join("\n")).toMatch(/municipality\.json line \d+, field "illustrative"/);
  });

  it("is set for the Nacka package, whose FTE levels are assumptions", async () => {
    const nacka = parseDataPackage((await readPackageFolder("data/nacka")).files);
    expect(nacka.ok && nacka.package.municipality.illustrative?.sv).toMatch(/antaganden/);
  });
});

describe("results of an illustrative package", () => {
  const pkg = tinyPackage();
  pkg.municipality.illustrative = WHY;

  it("carry the reason in the forecast and in the Monte Carlo result and summary; null for the municipality's own figures", () => {
    expect(forecast(compile(pkg)).illustrative).toEqual(WHY);
    const run = monteCarlo(compile(pkg), { draws: 3, seed: 1 });
    expect(run.illustrative).toEqual(WHY);
    expect(summariseMonteCarlo(run).illustrative).toEqual(WHY);
    expect(JSON.parse(JSON.stringify(forecast(compile(tinyPackage())))).illustrative).toBeNull();
  });

  it("say so in every command-line format: a line under the table's title and a CSV column on every row", () => {
    const csvOf = (r: ReturnType<typeof forecast>) =>
      forecastCsv(r, { ...csvDialect("en"), table: "processes", processNames: {}, lang: "en", bom: false }).replace(/\r\n/g, "\n");
    const result = forecast(compile(pkg));
    const table = forecastText(pkg, result, "sv").split("\n");
    expect(table[1]).toBe("Illustrativa siffror: Bemanningen är antagen, inte kommunens.");
    const csv = csvOf(result).trim().split("\n");
    expect(csv[0]!.endsWith(",totalFte,illustrative")).toBe(true);
    expect(csv).toHaveLength(result.rows.length + 1);
    for (const row of csv.slice(1)) expect(row.endsWith(`,"Illustrative figures: Staffing is assumed, not the municipality's."`)).toBe(true);
    const own = forecast(compile(tinyPackage()));
    expect(forecastText(tinyPackage(), own, "en")).not.toContain("Illustrative");
    expect(csvOf(own).split("\n")[1]!.endsWith(",")).toBe(true);
  });

  it("are described by one note in each language", () => {
    expect(illustrativeNote(WHY, "en")).toBe("Illustrative figures: Staffing is assumed, not the municipality's.");
    expect(illustrativeNote(null, "sv")).toBeNull();
  });
});
