/**
 * `npm run forecast` as a planner runs it (in the test's process): real files — the table, validation, and
 * files for other programs (Swedish and English CSV, XLSX and Arrow, each holding the same numbers
 * as the JSON output: the formats must agree with each other).
 */
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ForecastResult } from "../../model/forecast.ts";
import { forecastCommand } from "../../cli/forecast.ts";
import { runInProcess } from "./run-in-process.ts";

const runForecast = (args: string[]) => runInProcess(forecastCommand, args);

const forecast = (args: string[]) => runForecast(["--scenario", "vaxa-utan-att-vaxa", ...args]);

let json: ForecastResult;
beforeAll(async () => {
  json = JSON.parse((await forecast(["--format", "json"])).stdout) as ForecastResult;
}, 30_000);

describe("npm run forecast --format csv", () => {
  it("writes Swedish CSV with --lang sv: semicolons, decimal commas, Swedish process names", async () => {
    const { code, stdout } = await forecast(["--format", "csv", "--lang", "sv"]);
    expect(code).toBe(0);
    const [header, first] = stdout.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("scenario;year;process;processName;baselineFte;deliveryFte;developmentFte;transitionFte;totalFte;illustrative");
    const cells = first!.split(";");
    const row = json.rows[0]!;
    expect(cells.slice(0, 3)).toEqual([json.scenario, String(row.year), row.process]);
    expect(Number(cells[8]!.replace(",", "."))).toBe(row.totalFte);
  }, 30_000);

  it("writes English CSV with --lang en: commas and decimal points", async () => {
    const { stdout } = await forecast(["--format", "csv", "--lang", "en", "--table", "totals"]);
    const lines = stdout.trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("scenario,year,residents,baselineFte")).toBe(true);
    expect(lines).toHaveLength(json.totals.length + 1);
    const last = lines.at(-1)!.split(",");
    expect(Number(last[7])).toBe(json.totals.at(-1)!.totalFte);
  }, 30_000);
});

describe("npm run forecast --format xlsx|arrow", () => {
  it("needs --out", async () => {
    const { code, stderr } = await forecast(["--format", "xlsx"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--out");
  }, 30_000);

  it("writes a workbook with the totals per year", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "vaxa-cli-")), "forecast.xlsx");
    expect((await forecast(["--format", "xlsx", "--lang", "en", "--out", file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
    const perYear = wb.getWorksheet("Per year")!;
    expect(perYear.rowCount).toBe(json.totals.length + 1);
    expect(perYear.getRow(2).getCell(1).value).toBe(json.baseYear);
  }, 30_000);

  it("writes an Arrow stream with a row per process and year, the package hash in its metadata", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "vaxa-cli-")), "forecast.arrow");
    expect((await forecast(["--format", "arrow", "--out", file])).code).toBe(0);
    const table = tableFromIPC(await readFile(file));
    expect(table.numRows).toBe(json.rows.length);
    expect(table.getChild("totalFte")!.get(0)).toBe(json.rows[0]!.totalFte);
    expect(table.schema.metadata.get("packageHash")).toMatch(/^[0-9a-f]{64}$/);
  }, 30_000);

  it("rejects an unknown format with the list of formats", async () => {
    const sv = await forecast(["--format", "pdf"]);
    expect(sv.code).toBe(1);
    expect(sv.stderr).toContain("ogiltigt värde för --format: ”pdf” (giltiga: table, csv, json, xlsx, arrow)");
    const en = await forecast(["--format", "pdf", "--lang", "en"]);
    expect(en.stderr).toContain('invalid format: "pdf" (expected one of table, csv, json, xlsx, arrow)');
  }, 30_000);
});

describe("npm run forecast", () => {
  it("gives a row for every process and year of the Nacka package, the base year equal to the actual", async () => {
    const { code, stdout } = await runForecast(["--format", "json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ForecastResult;
    const headcount = await readFile("data/nacka/headcount.csv", "utf8");
    const actual = headcount
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(","))
      .filter(([year]) => Number(year) === result.baseYear)
      .reduce((sum, [, , fte]) => sum + Number(fte), 0);
    expect(result.rows).toHaveLength(result.processes.length * (result.horizon - result.baseYear + 1));
    expect(result.horizon).toBe(2040);
    expect(result.totals[0]!.totalFte).toBeCloseTo(actual, 9);
  }, 30_000);

  it("prints the headcount table in Swedish with sv-SE numbers, and the hump for a scenario with levers", async () => {
    const { code, stdout } = await runForecast(["--scenario", "vaxa-utan-att-vaxa"]);
    expect(code).toBe(0);
    expect(stdout).toContain("årsarbetare per process");
    expect(stdout).toMatch(/Investeringspuckel: djup [\d\s]+,\d\sMkr/);
  }, 30_000);

  it("runs a scenario on a driver set with --driver-set, and names the sets for an unknown one", async () => {
    const own = await runForecast(["--scenario", "baseline", "--driver-set", "nacka", "--format", "json"]);
    expect(own.code).toBe(0);
    // Nacka's own forecast (driver-sets/nacka.csv) has 133,500 residents in 2040.
    expect((JSON.parse(own.stdout) as ForecastResult).totals.at(-1)!.residents).toBeCloseTo(133500, 6);
    const unknown = await runForecast(["--driver-set", "scb"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("okänd drivaruppsättning ”scb” (kända: nacka)");
    const table = await runForecast(["--scenario", "baseline", "--driver-set", "nacka"]);
    expect(table.stdout).toContain("Drivarnas prognos: Nackas befolkningsprognos");
  }, 60_000);

  it("validates a package in a folder outside the repository and names every problem", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-pkg-"));
    await cp("data/nacka", folder, { recursive: true });
    const drivers = await readFile(join(folder, "drivers.csv"), "utf8");
    await writeFile(join(folder, "drivers.csv"), drivers.replace(/^2016,residents,[^,]+,/m, "2016,residents,12 3a,"));
    const { code, stderr } = await runForecast(["--data", folder, "--validate"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/drivers\.csv rad \d+, fält ”value”: "12 3a" for residents is not a number/);
  }, 30_000);

  it("rejects an unknown scenario with the list of valid ones", async () => {
    const { code, stderr } = await runForecast(["--scenario", "nope"]);
    expect(code).toBe(1);
    expect(stderr).toBe("okänt scenario ”nope” (kända: baseline, dubbel-tillvaxt, vaxa-utan-att-vaxa)\n");
  }, 30_000);
});

describe("npm run forecast: the graded report", () => {
  it("--validate lists warnings and notes after OK (exit 0), and forecast prints them on stderr, its output unchanged", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-pkg-"));
    await cp("data/nacka", folder, { recursive: true });
    // Windows-1252 (what Swedish Excel writes): every character of the file is in Latin-1.
    await writeFile(join(folder, "processes.json"), Buffer.from(await readFile(join(folder, "processes.json"), "utf8"), "latin1"));
    const municipality = await readFile(join(folder, "municipality.json"), "utf8");
    await writeFile(join(folder, "municipality.json"), municipality.replace('"costPerFte": 780000', '"costPerFte": 780'));
    const validated = await runForecast(["--data", folder, "--validate", "--lang", "en"]);
    expect(validated.code).toBe(0);
    const lines = validated.stdout.split("\n");
    expect(lines[0]).toMatch(/: OK — Nacka kommun, base year 2018/);
    expect(lines[1]).toBe("1 warning, 1 note:");
    expect(lines[2]).toMatch(/^ {2}warning {2}municipality\.json line 8, field “costPerFte”: 780 is valid but outside the plausible range from 10000 to 1000000000/);
    expect(lines[3]).toMatch(/^ {2}note {5}processes\.json line \d+: the file is not UTF-8 .* read as Windows-1252/);

    const run = await runForecast(["--data", folder, "--format", "json", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/: 1 warning, 1 note\n {2}warning {2}municipality\.json line 8/);
    expect((JSON.parse(run.stdout) as ForecastResult).processes.length).toBeGreaterThan(0);
  }, 60_000);

  it("--validate writes every error with its severity and exits 1", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-pkg-"));
    await cp("data/nacka", folder, { recursive: true });
    const drivers = await readFile(join(folder, "drivers.csv"), "utf8");
    await writeFile(join(folder, "drivers.csv"), drivers.replace("2018,residents,103656,", '2018,residents,"103,656",'));
    const en = await runForecast(["--data", folder, "--validate", "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`${folder}: 1 error\n  error    drivers.csv line 5, field “value”: "103,656" is ambiguous`);
    const sv = await runForecast(["--data", folder, "--validate"]);
    expect(sv.stderr).toContain(`${folder}: 1 fel\n  fel      drivers.csv rad 5, fält ”value”: "103,656" is ambiguous`);
  }, 60_000);
});
