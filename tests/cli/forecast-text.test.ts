/**
 * The forecast as text and CSV on the command line's small package (tests/cli/small-package.ts,
 * where every figure is computed by hand): sv-SE numbers (non-breaking thousands space, decimal
 * comma, "Mkr") in Swedish, en-GB numbers in English.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { forecastCommand } from "../../cli/forecast.ts";
import { runInProcess } from "./run-in-process.ts";
import { writeSmallPackage } from "./small-package.ts";

const NBSP = "\u00a0";
let folder: string;
const forecast = (...args: string[]) => runInProcess(forecastCommand, ["--data", folder, ...args]);

beforeAll(async () => {
  folder = await writeSmallPackage();
});

describe("forecast --format table", () => {
  it("prints FTE per process in Swedish with sv-SE numbers: 1 234,4 → 1 234, 1 357,84 → 1 358, 3 703,2 → 3 703 (whole FTE)", async () => {
    const { code, stdout } = await forecast();
    expect(code).toBe(0);
    expect(stdout).toContain("Räknestad — scenario baseline: årsarbetare per process");
    expect(stdout).toMatch(new RegExp(`Ärenden +1${NBSP}234 +1${NBSP}358 +3${NBSP}703`));
    expect(stdout).toMatch(new RegExp(`Totalt +1${NBSP}234`));
    expect(stdout).toContain("Håller nollan: nej, inte till horisontåret");
  });

  it("prints the hump in Mkr with a decimal comma: 2,5 Mkr in 2022, NPV 1 701,0 Mkr at 0 %", async () => {
    const { stdout } = await forecast("--scenario", "robotar");
    expect(stdout).toMatch(new RegExp(`Ärenden +1${NBSP}234 +1${NBSP}358 +2${NBSP}000`));
    expect(stdout).toContain(`Investeringspuckel: djup 2,5${NBSP}Mkr, år 2022, återbetald 2023`);
    expect(stdout).toContain(`nuvärde (0${NBSP}%): 1${NBSP}701,0${NBSP}Mkr`);
    // 2,5 Mkr capex ÷ (3 703,2 − 1 999,728) FTE avoided in 2023 = 1 467,6 kr: thousands, like the web app.
    expect(stdout).toContain(`investering per undviken årsarbetare: 1${NBSP}tkr`);
  });

  it("prints English with --lang en: en-GB numbers and MSEK", async () => {
    const { stdout } = await forecast("--scenario", "robotar", "--lang", "en");
    expect(stdout).toContain("Räknestad — scenario robotar: FTE per process");
    expect(stdout).toMatch(/Cases +1,234 +1,358 +2,000/);
    expect(stdout).toContain(`Investment hump: depth 2.5${NBSP}MSEK, year 2022, paid back 2023`);
    expect(stdout).toContain(`NPV (0%): 1,701.0${NBSP}MSEK`);
    expect(stdout).toContain("investment per FTE avoided");
  });
});

describe("forecast --format csv", () => {
  it("writes ; and decimal comma in Swedish, , and decimal point in English", async () => {
    const sv = await forecast("--format", "csv", "--table", "totals");
    const svRows = sv.stdout.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(svRows[1]!.split(";").slice(0, 3)).toEqual(["baseline", "2021", "1000"]);
    expect(svRows[1]!.split(";")).toContain("1234,4");
    const en = await forecast("--format", "csv", "--table", "totals", "--lang", "en");
    const enRows = en.stdout.trimEnd().split("\r\n");
    expect(enRows[1]!.split(",")).toContain("1234.4");
  });
});

describe("forecast --validate", () => {
  it("says OK in Swedish or English, and names problems with file, line and field in the chosen language", async () => {
    expect((await forecast("--validate")).stdout).toBe(`${folder}: OK — Räknestad, basår 2021, horisont 2023, 1 process, 1 drivare, 2 hävstänger, scenarier baseline, robotar\n`);
    expect((await forecast("--validate", "--lang", "en")).stdout).toBe(
      `${folder}: OK — Räknestad, base year 2021, horizon 2023, 1 process, 1 driver, 2 levers, scenarios baseline, robotar\n`,
    );
    const bad = await writeSmallPackage({ "headcount.csv": "year,process,fte\n2020,cases,1000\n2021,cases,12 3a\n" });
    const sv = await runInProcess(forecastCommand, ["--data", bad, "--validate"]);
    expect(sv.code).toBe(1);
    expect(sv.stderr).toMatch(/^.*: 1 fel\n {2}fel {6}headcount\.csv rad 3, fält ”fte”: /);
    const en = await runInProcess(forecastCommand, ["--data", bad, "--validate", "--lang", "en"]);
    expect(en.stderr).toMatch(/^.*: 1 error\n {2}error {4}headcount\.csv line 3, field “fte”: /);
  });
});
