/**
 * simulate, sensitivity, backtest and sources in Swedish and English on the command line's small
 * package (tests/cli/small-package.ts; figures computed by hand there).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { backtestCommand } from "../../cli/backtest.ts";
import { sensitivityCommand } from "../../cli/sensitivity.ts";
import { simulateCommand } from "../../cli/simulate.ts";
import { sourcesCommand } from "../../cli/sources.ts";
import { runInProcess } from "./run-in-process.ts";
import { writeSmallPackage } from "./small-package.ts";

const NBSP = "\u00a0";
let folder: string;
beforeAll(async () => {
  folder = await writeSmallPackage();
});

describe("simulate", () => {
  it("prints the Monte Carlo summary in Swedish with sv-SE numbers, and in English", async () => {
    const args = ["--data", folder, "--scenario", "robotar", "--draws", "40"];
    const sv = await runInProcess(simulateCommand, args);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain("Monte Carlo — scenario robotar: 40 dragningar, frö 1, 1 osäkert antagande");
    expect(sv.stdout).toContain(`Basåret 2021: 1${NBSP}234,4 årsarbetare.`);
    // The capex, 2.5 Mkr, is the whole hump in every draw.
    expect(sv.stdout).toContain(`Investeringspuckelns djup: P10 2,5${NBSP}Mkr, P50 2,5${NBSP}Mkr, P90 2,5${NBSP}Mkr.`);
    expect(sv.stdout).not.toMatch(/MSEK|FTE|draws/);
    const en = await runInProcess(simulateCommand, [...args, "--lang", "en"]);
    expect(en.stdout).toContain("Monte Carlo — scenario robotar: 40 draws, seed 1, 1 uncertain assumption");
    expect(en.stdout).toContain("Base year 2021: 1,234.4 FTE.");
    expect(en.stdout).toContain(`Investment hump depth: P10 2.5${NBSP}MSEK, P50 2.5${NBSP}MSEK, P90 2.5${NBSP}MSEK.`);
  });

  it("refuses a bad number of draws in the chosen language", async () => {
    const sv = await runInProcess(simulateCommand, ["--data", folder, "--scenario", "robotar", "--draws", "many"]);
    expect(sv).toMatchObject({ code: 1, stderr: "--draws måste vara ett heltal, inte ”many”\n" });
  });
});

describe("sensitivity", () => {
  it("names assumptions with the app's labels, never by their parameter path", async () => {
    const sv = await runInProcess(sensitivityCommand, ["--data", folder, "--scenario", "robotar"]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain("Tornado — scenario robotar: totalt antal årsarbetare 2023");
    expect(sv.stdout).toMatch(/^Robot A: effekt +\d/m);
    expect(sv.stdout).not.toContain("levers.");
    const en = await runInProcess(sensitivityCommand, ["--data", folder, "--scenario", "robotar", "--outcome", "npv", "--lang", "en"]);
    expect(en.stdout).toMatch(/^Robot A: efficiency +[\d,.]+\u00a0MSEK/m);
    expect(en.stdout).not.toContain("levers.");
  });

  it("labels the Nacka package's adoption ceiling in words", async () => {
    const { stdout } = await runInProcess(sensitivityCommand, ["--scenario", "vaxa-utan-att-vaxa", "--top", "40"]);
    expect(stdout).not.toContain("levers.automated_case_handling.adoption.ceiling");
    expect(stdout).toMatch(/: högsta användning /);
  });
});

describe("backtest", () => {
  it("scores the model and the naive forecasts in sv-SE percentages, and in English", async () => {
    // From 2020 (900 residents, 1,000 FTE) to 2021 (1,000 residents, 1,234.4 FTE): the model says
    // 1,000 × 1,000/900 = 1,111.1, an error of 123.3/1,234.4 = 10 %; flat says 1,000, 19 %.
    const sv = await runInProcess(backtestCommand, ["--data", folder]);
    expect(sv.code).toBe(0);
    expect(sv.stdout).toMatch(new RegExp(`^Ärenden +1 +1 +10${NBSP}% +– +19${NBSP}% +10${NBSP}% +modell`, "m"));
    const en = await runInProcess(backtestCommand, ["--data", folder, "--lang", "en"]);
    expect(en.stdout).toMatch(/^Cases +1 +1 +10% +– +19% +10% +model/m);
  });
});

describe("sources", () => {
  it("checks the Nacka package's SOURCES.md in Swedish and English", async () => {
    const sv = await runInProcess(sourcesCommand, ["--check"]);
    expect(sv).toMatchObject({ code: 0, stdout: "data/nacka/SOURCES.md: OK — varje siffra har sin källa, varje fil finns i förrådet, aktuell mot modellen\n" });
    const missing = await runInProcess(sourcesCommand, ["--data", folder, "--check", "--lang", "en"]);
    expect(missing).toMatchObject({ code: 1, stderr: `${join(folder, "SOURCES.md")} does not exist: every package needs a SOURCES.md\n` });
  });
});
