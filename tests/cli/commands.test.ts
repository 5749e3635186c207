/**
 * The command line as a planner runs it: real processes, real files.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { ForecastResult } from "../../model/forecast.ts";

const run = promisify(execFile);
const tsx = (script: string, args: string[]) =>
  run(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

describe("npm run forecast", () => {
  it("gives a row for every process and year of the Nacka package, the base year equal to the actual", async () => {
    const { code, stdout } = await tsx("cli/forecast.ts", ["--format", "json"]);
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
    const { code, stdout } = await tsx("cli/forecast.ts", ["--scenario", "vaxa-utan-att-vaxa"]);
    expect(code).toBe(0);
    expect(stdout).toContain("årsarbetare per process");
    expect(stdout).toMatch(/Investeringspuckel: djup [\d\s]+,\d\sMkr/);
  }, 30_000);

  it("validates a package in a folder outside the repository and names every problem", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-pkg-"));
    await cp("data/nacka", folder, { recursive: true });
    const drivers = await readFile(join(folder, "drivers.csv"), "utf8");
    await writeFile(join(folder, "drivers.csv"), drivers.replace(/^2016,residents,[^,]+,/m, "2016,residents,12 3a,"));
    const { code, stderr } = await tsx("cli/forecast.ts", ["--data", folder, "--validate"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/drivers\.csv line \d+, field "value": "12 3a" for residents is not a number/);
  }, 30_000);

  it("rejects an unknown scenario with the list of valid ones", async () => {
    const { code, stderr } = await tsx("cli/forecast.ts", ["--scenario", "nope"]);
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown scenario "nope". The package\'s scenarios are: ');
    expect(stderr).not.toContain("    at ");
  }, 30_000);
});

describe("npm run goal-seek", () => {
  it("answers with an intensity or an honest 'not reachable', as JSON", async () => {
    const { code, stdout } = await tsx("cli/goal-seek.ts", ["--scenario", "vaxa-utan-att-vaxa", "--target-year", "2030", "--format", "json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { reachable: boolean; intensity: number | null; targetYear: number };
    expect(result.targetYear).toBe(2030);
    expect(result.reachable ? result.intensity! > 0 : result.intensity === null).toBe(true);
  }, 30_000);
});
