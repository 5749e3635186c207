/**
 * `npm run import` as a planner runs it: a copy of the Nacka package, real files, then `--validate`.
 * Expected figures follow the fixtures' rule (tests/fixtures/import/write-fixtures.ts): each single
 * age 0–99 of each sex has 500 + 100·r + (year − 2015) people (Nacka r = 0), 100+ has 20.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { forecastCommand } from "../../cli/forecast.ts";
import { importCommand } from "../../cli/import.ts";
import { sourcesProblems } from "../../cli/sources-coverage.ts";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { runInProcess } from "./run-in-process.ts";

const run = promisify(execFile);
const tsx = (script: string, args: string[]) =>
  run(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const FIXTURES = "tests/fixtures/import";

async function nackaCopy(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "vaxa-import-"));
  await cp("data/nacka", folder, { recursive: true });
  return folder;
}

const row = (csv: string, year: number, driver: string) => new RegExp(`^${year},${driver},([^,]+),(\\w+)$`, "m").exec(csv)?.slice(1);

describe("npm run import", () => {
  it("imports a PX file's ages into every age band and residents, keeps provenance, and the package then validates", async () => {
    const folder = await nackaCopy();
    const imported = await tsx("cli/import.ts", ["--from", join(FIXTURES, "befolkning-latin1.px"), "--data", folder]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const drivers = await readFile(join(folder, "drivers.csv"), "utf8");
    // 2015: 0–5 = 12 × 500; 20–64 = 45 × 2 × 500; 80+ = 20 × 2 × 500 + 2 × 20; residents = 2 × (100 × 500 + 20).
    expect(row(drivers, 2015, "residents_0_5")).toEqual(["6000", "actual"]);
    expect(row(drivers, 2015, "residents_20_64")).toEqual(["45000", "actual"]);
    expect(row(drivers, 2015, "residents_80plus")).toEqual(["20040", "actual"]);
    expect(row(drivers, 2024, "residents")).toEqual(["101840", "actual"]);
    // Other drivers' forecast years are left as they were; residents and the age bands end in 2024,
    // the base year of the package's population/, which projects them after it.
    expect(row(drivers, 2030, "businesses")).toEqual(["17755", "forecast"]);
    expect(row(drivers, 2025, "residents")).toBeUndefined();
    const sources = await readFile(join(folder, "SOURCES.md"), "utf8");
    expect(sources).toContain("<!-- vaxa import: start");
    expect(sources).toContain("| table | TAB638: Folkmängd efter region, ålder, kön och år |");
    expect(sources).toContain("> Folkmängden avser förhållandena den 31 december");
    // The generated section keeps SOURCES.md's rules (no file outside the repository named).
    const { files } = await readPackageFolder(folder);
    expect(sourcesProblems({ sources, files, folder: "data/nacka", exists: (path) => existsSync(path) })).toEqual([]);
    const validated = await tsx("cli/forecast.ts", ["--data", folder, "--validate"]);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/: OK/);
  }, 60_000);

  it("a dry run lists driver, year, before and after in Swedish and writes nothing", async () => {
    const folder = await nackaCopy();
    const before = await readFile(join(folder, "drivers.csv"), "utf8");
    const files = ["kolada-N01951-sida1.json", "kolada-N01951-sida2.json"].flatMap((f) => ["--from", join(FIXTURES, f)]);
    const { code, stdout } = await runInProcess(importCommand, [...files, "--data", folder, "--dry-run"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^drivare +år +före +efter$/m);
    // Kolada's 2020 total 106,505 equals the package's: no change; none of the years differ but the kind of none either.
    expect(stdout).toMatch(/Provkörning: \d+ rader i drivers\.csv skulle ändras \(utfall\); inget skrevs\./);
    expect(stdout).toMatch(/notis: .*residents: värde saknas för 2023 \("Saknas"/);
    expect(await readFile(join(folder, "drivers.csv"), "utf8")).toBe(before);
  }, 60_000);

  it("shows old → new for a changed figure", async () => {
    const folder = await nackaCopy();
    const args = ["--from", join(FIXTURES, "befolkning-wide-latin1.csv"), "--data", folder, "--driver", "residents", "--dry-run"];
    const sv = await runInProcess(importCommand, args);
    expect(sv.code).toBe(0);
    // Swedish numbers (non-breaking space between thousands) and words.
    expect(sv.stdout).toMatch(/residents\s+2023\s+110\u00a0633 \(actual\)\s+101\u00a0640 \(actual\)/);
    expect(sv.stdout).toContain("Provkörning: 2 rader i drivers.csv skulle ändras (utfall); inget skrevs.");
    const { code, stdout } = await runInProcess(importCommand, [...args, "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^driver +year +before +after$/m);
    expect(stdout).toContain("Dry run: 2 rows of drivers.csv would change (actual); nothing was written.");
    // The package has 110,633 (2023) and 112,112 (2024); the file's totals are 2 × (100 × 508 + 20) and 2 × (100 × 509 + 20).
    expect(stdout).toMatch(/residents\s+2023\s+110,633 \(actual\)\s+101,640 \(actual\)/);
    expect(stdout).toMatch(/residents\s+2024\s+112,112 \(actual\)\s+101,840 \(actual\)/);
  }, 60_000);

  it("prints the package's warnings after an import, as --validate would, and still writes", async () => {
    const folder = await nackaCopy();
    // 150,000 FTE in one process is above the plausible 100,000 (model/bounds.ts), and 150,000 → 170.5
    // the next year is a more than 10-fold jump: two warnings, not errors.
    const headcount = await readFile(join(folder, "headcount.csv"), "utf8");
    await writeFile(join(folder, "headcount.csv"), headcount.replace("2015,urban_development,150.0", "2015,urban_development,150000"));
    const { code, stderr } = await runInProcess(importCommand, ["--from", join(FIXTURES, "befolkning-latin1.px"), "--data", folder]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/: 2 varningar\n/);
    expect(stderr).toMatch(/varning\s+headcount\.csv rad 2, fält ”fte”: urban_development 2015: /);
    expect(stderr).toMatch(/varning\s+headcount\.csv rad 11, fält ”fte”: urban_development goes from 150000 in 2015/);
    expect(await readFile(join(folder, "drivers.csv"), "utf8")).toMatch(/^2015,residents_0_5,6000,actual$/m);
  }, 60_000);

  it("stops with every problem named, and writes nothing, when the file cannot be mapped", async () => {
    const folder = await nackaCopy();
    const args = ["--from", join(FIXTURES, "befolkning-brus.json"), "--data", folder, "--region", "Nacka"];
    const { code, stderr } = await runInProcess(importCommand, args);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Importen stoppades, inget skrevs \(\d+ fel\):$/m);
    // The age group 6–99 cannot make 6–15, 16–19, 20–64, 65–79 or 80+.
    expect(stderr).toMatch(/fel: befolkning-brus\.json: residents_6_15 \(6–15 år\) går inte att bilda/);
    expect(stderr).toMatch(/fel: befolkning-brus\.json: residents_80plus/);
    const en = await runInProcess(importCommand, [...args, "--lang", "en"]);
    expect(en.stderr).toMatch(/^The import stopped, nothing was written \(\d+ errors\):$/m);
    expect(en.stderr).toMatch(/error: befolkning-brus\.json: residents_6_15 \(ages 6–15\) cannot be built/);
  }, 60_000);

  it("writes a projection as a named driver set with --set, which a scenario can then pick", async () => {
    const folder = await nackaCopy();
    // A projection 2024–2040 by one-year age: 100 people of each sex at every age 0–99 and 10 at
    // 100+, plus 10 × (year − 2024) at every age 0–99 of each sex.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Framskrivning");
    const years = Array.from({ length: 17 }, (_, i) => 2024 + i);
    sheet.addRow(["Framskrivning 2024–2040, Nacka"]);
    sheet.addRow(["Ålder", ...years]);
    for (const label of ["Kvinnor", "Män"]) {
      sheet.addRow([label]);
      for (let age = 0; age <= 100; age += 1) sheet.addRow([age === 100 ? "100+" : age, ...years.map((y) => (age === 100 ? 10 : 100 + 10 * (y - 2024)))]);
    }
    const file = join(folder, "framskrivning.xlsx");
    await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const imported = await tsx("cli/import.ts", ["--from", file, "--data", folder, "--set", "scb", "--set-name", "SCB:s framskrivning", "--lang", "en"]);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/rows of driver-sets\/scb\.csv changed \(forecast\)/);
    const set = await readFile(join(folder, "driver-sets/scb.csv"), "utf8");
    // 80+ in 2040: 20 ages × 2 sexes × (100 + 160) + 2 × 10 = 10,420; residents 2040: 100 × 2 × 260 + 20 = 52,020.
    expect(set).toContain("2040,residents_80plus,10420\n");
    expect(set).toContain("2040,residents,52020\n");
    expect(JSON.parse(await readFile(join(folder, "driver-sets.json"), "utf8")).sets.scb).toEqual({ name: { sv: "SCB:s framskrivning", en: "SCB:s framskrivning" } });
    // drivers.csv is untouched; SOURCES.md names the set's file.
    expect(await readFile(join(folder, "drivers.csv"), "utf8")).toBe(await readFile("data/nacka/drivers.csv", "utf8"));
    expect(await readFile(join(folder, "SOURCES.md"), "utf8")).toContain("the driver set `scb` (`driver-sets/scb.csv`)");
    // The package with the new set passes --validate, which names the set.
    const validated = await runInProcess(forecastCommand, ["--data", folder, "--validate"]);
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/: OK — .*, drivaruppsättningar (nacka, scb|scb, nacka)\n/);
    const forecast = await tsx("cli/forecast.ts", ["--data", folder, "--scenario", "baseline", "--driver-set", "scb", "--format", "json"]);
    expect(forecast.code).toBe(0);
    expect(JSON.parse(forecast.stdout).totals.at(-1).residents).toBeCloseTo(52020, 6);
  }, 120_000);

  it("explains itself with --help in Swedish, in English with --lang en", async () => {
    const sv = await runInProcess(importCommand, ["--help"]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(/^Användning:\n  npm run import -- --from <fil>/);
    expect(sv.stdout).toMatch(/^ {6}--dry-run +visa vad som skulle ändras \(drivare, år, före, efter\) och skriv ingenting$/m);
    expect(sv.stdout).toMatch(/^ {6}--region <kod\|namn> +regionen/m);
    const en = await runInProcess(importCommand, ["--help", "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^ {6}--dry-run +show what would change \(driver, year, before, after\) and write nothing$/m);
    expect(en.stdout).toMatch(/^ {6}--data <folder> +the data package's folder \(default: data\/nacka\)$/m);
  });

  it("refuses unknown flags and bad values in the chosen language", async () => {
    expect(await runInProcess(importCommand, ["--form", "x.px"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^okänd flagga --form \(kända: --from, --data, /) });
    expect(await runInProcess(importCommand, ["--data", "data/nacka"])).toMatchObject({ code: 1, stderr: "--from behövs: filen att importera (se --help)\n" });
    expect(await runInProcess(importCommand, ["--from", "x.px", "--kind", "utfall", "--lang", "en"])).toMatchObject({
      code: 1,
      stderr: 'invalid kind: "utfall" (expected one of actual, forecast)\n',
    });
    expect(await runInProcess(importCommand, ["--from", "x.px", "--bands", "80-89,nittio"])).toMatchObject({ code: 1, stderr: "ogiltig åldersgrupp i --bands: ”nittio” (t.ex. skr, nacka eller 80-89,90+)\n" });
    expect(await runInProcess(importCommand, ["--from", "x.px", "--set", "SCB"])).toMatchObject({ code: 1, stderr: expect.stringContaining("ogiltigt id i --set: ”SCB”") });
    expect(await runInProcess(importCommand, ["--from", "finns-inte.px", "--dry-run"])).toMatchObject({ code: 1, stderr: "Filen finns-inte.px går inte att läsa.\n" });
  });
});
