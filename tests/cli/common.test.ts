/**
 * What every command shares (cli/common.ts, io/command-line.ts): `--help` and `-h` in Swedish and
 * English listing every flag with its default, strict flags (an unknown one is an error naming the
 * known ones), the unknown-scenario message for names that are Object properties, and output that
 * reaches a pipe whole.
 */
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { backtestCommand } from "../../cli/backtest.ts";
import { type Command, integerFlag } from "../../cli/common.ts";
import { MESSAGES } from "../../cli/messages.ts";
import { forecastCommand } from "../../cli/forecast.ts";
import { goalSeekCommand } from "../../cli/goal-seek.ts";
import { sensitivityCommand } from "../../cli/sensitivity.ts";
import { simulateCommand } from "../../cli/simulate.ts";
import { sourcesCommand } from "../../cli/sources.ts";
import type { FlagTable } from "../../io/command-line.ts";
import { runInProcess } from "./run-in-process.ts";
import { writeSmallPackage } from "./small-package.ts";

const COMMANDS: [string, Command<FlagTable>][] = [
  ["forecast", forecastCommand as unknown as Command<FlagTable>],
  ["goal-seek", goalSeekCommand as unknown as Command<FlagTable>],
  ["simulate", simulateCommand as unknown as Command<FlagTable>],
  ["sensitivity", sensitivityCommand as unknown as Command<FlagTable>],
  ["backtest", backtestCommand as unknown as Command<FlagTable>],
  ["sources", sourcesCommand as unknown as Command<FlagTable>],
];

describe("--help", () => {
  it.each(COMMANDS)("%s lists every flag with its meaning, in Swedish by default and in English with --lang en", async (name, command) => {
    const sv = await runInProcess(command, ["--help"]);
    const en = await runInProcess(command, ["-h", "--lang", "en"]);
    expect(sv).toMatchObject({ code: 0, stderr: "" });
    expect(en).toMatchObject({ code: 0, stderr: "" });
    expect(sv.stdout).toMatch(new RegExp(`^Användning:\\n  npm run ${name} `));
    expect(en.stdout).toMatch(new RegExp(`^Usage:\\n  npm run ${name} `));
    for (const [flag, spec] of Object.entries({ ...command.flags, help: {}, lang: {} })) {
      // a line per flag: the flag, then its meaning in words
      expect(sv.stdout).toMatch(new RegExp(`--${flag}\\b[^\\n]*\\s{2}\\p{L}`, "u"));
      expect(en.stdout).toMatch(new RegExp(`--${flag}\\b[^\\n]*\\s{2}\\p{L}`, "u"));
      if ("default" in spec && typeof spec.default === "string") {
        expect(sv.stdout).toContain(`(standard: ${spec.default})`);
        expect(en.stdout).toContain(`(default: ${spec.default})`);
      }
    }
    expect(sv.stdout).toContain("-h, --help");
    expect(sv.stdout).toContain("visar den här hjälpen");
    expect(en.stdout).toContain("shows this help");
    expect(sv.stdout).not.toBe(en.stdout);
  });

  it("shows forecast's formats and their default, and the package folder's default", async () => {
    const { stdout } = await runInProcess(forecastCommand as unknown as Command<FlagTable>, ["--help"]);
    expect(stdout).toMatch(/--format table\|csv\|json\|xlsx\|arrow +table \(tabell att läsa\), csv, json, xlsx eller arrow .*\(standard: table\)/);
    expect(stdout).toMatch(/--data <mapp> +datapaketets mapp \(standard: data\/nacka\)/);
    expect(stdout).toMatch(/--validate +kontrollera datapaketet/);
  });
});

describe("start-up", () => {
  // --help must not load the model: a command's file, and what it shares, import only light
  // modules at start-up (types aside); the model and the writers are imported once the flags are read.
  const LIGHT = ["./common.ts", "./messages.ts", "../io/command-line.ts", "../contract/locale.ts", "../model/number-text.ts" /* imports nothing */];
  it.each(["forecast", "goal-seek", "simulate", "sensitivity", "backtest", "sources", "common", "messages"])("cli/%s.ts imports nothing heavy at start-up", async (name) => {
    const text = await readFile(`cli/${name}.ts`, "utf8");
    const imports = [...text.matchAll(/^import (?!type )[^;]*? from "(\.[^"]+)";/gms)].map((m) => m[1]);
    for (const path of imports) expect(LIGHT, `cli/${name}.ts imports ${path}`).toContain(path);
  });
});

describe("strict flags", () => {
  it.each(COMMANDS)("%s refuses an unknown flag and names the known ones", async (_, command) => {
    const known = Object.keys({ ...command.flags, help: 0, lang: 0 }).map((f) => `--${f}`).join(", ");
    const sv = await runInProcess(command, ["--scenaro", "x"]);
    expect(sv).toEqual({ code: 1, stdout: "", stderr: `okänd flagga --scenaro (kända: ${known})\nSkriv --help för att se alla flaggor.\n` });
    const en = await runInProcess(command, ["--lang", "en", "--bogus"]);
    expect(en.stderr).toBe(`unknown flag --bogus (known: ${known})\nType --help to see every flag.\n`);
  });

  it("says which flag lacks its value, and refuses an unknown language", async () => {
    const missing = await runInProcess(forecastCommand as unknown as Command<FlagTable>, ["--scenario"]);
    expect(missing.stderr).toContain("flaggan --scenario behöver ett värde");
    const lang = await runInProcess(forecastCommand as unknown as Command<FlagTable>, ["--lang", "fi"]);
    expect(lang).toMatchObject({ code: 1, stderr: "ogiltigt värde för --lang: ”fi” (giltiga: sv, en)\n" });
  });
});

describe("unknown scenarios", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await writeSmallPackage();
  });

  // Names an Object has itself: a lookup on a plain object would find them and crash.
  const NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "nope"];
  const SCENARIO_COMMANDS = COMMANDS.filter(([name]) => ["forecast", "goal-seek", "simulate", "sensitivity"].includes(name));

  it.each(SCENARIO_COMMANDS)("%s says which scenarios there are, in both languages", async (_, command) => {
    for (const name of NAMES) {
      const extra = command === (goalSeekCommand as unknown) ? ["--target-year", "2023"] : [];
      const sv = await runInProcess(command, ["--data", folder, "--scenario", name, ...extra]);
      expect(sv).toEqual({ code: 1, stdout: "", stderr: `okänt scenario ”${name}” (kända: baseline, robotar)\n` });
      const en = await runInProcess(command, ["--data", folder, "--scenario", name, "--lang", "en", ...extra]);
      expect(en.stderr).toBe(`unknown scenario “${name}” (known: baseline, robotar)\n`);
    }
  });
});

describe("output through a pipe", () => {
  it("never ends a command with process.exit() (which drops writes still queued for a pipe)", async () => {
    const files = (await readdir("cli")).filter((f) => f.endsWith(".ts"));
    for (const file of files) expect(await readFile(`cli/${file}`, "utf8"), file).not.toMatch(/process\.exit\([^)]*\);/);
  });

  it("delivers every line of a long --validate report to a slow reader", async () => {
    // 20,000 rows whose value is not a number: the parser reports each row twice (not a number;
    // the year repeated or the series ending before the horizon), plus the heading.
    const rows = Array.from({ length: 20_000 }, (_, i) => `2021,residents,x${i},actual`);
    const folder = await writeSmallPackage({ "drivers.csv": `year,driver,value,kind\n${rows.join("\n")}\n` });
    const child = spawn(process.execPath, ["--import", "tsx", "cli/forecast.ts", "--data", folder, "--validate"], { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.pause();
    // Read nothing for a while, so that the pipe fills and the writes queue up in the child.
    await new Promise((resolve) => setTimeout(resolve, 500));
    let text = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.stderr.resume();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    const lines = text.trimEnd().split("\n");
    const reported = Number(/: (\d+) fel/.exec(lines[0]!)?.[1]);
    expect(reported).toBeGreaterThanOrEqual(20_000);
    expect(lines).toHaveLength(reported + 1);
    expect(lines.at(-1)).toMatch(/^ {2}\S/);
  }, 120_000);
});

describe("a whole number on the command line (integerFlag, read by model/number-text.ts)", () => {
  it.each([
    ["sv", "10 000", 10_000],
    ["sv", "10\u00A0000", 10_000],
    ["sv", "2030", 2030],
    ["en", "10,000", 10_000],
    ["en", "10 000", 10_000],
  ] as const)("(%s) reads %j as %d", (lang, text, expected) => {
    expect(integerFlag(MESSAGES[lang], "draws", text)).toBe(expected);
  });

  it.each([
    ["sv", "10,000"], // 10 the Swedish way, ten thousand the English way
    ["sv", "1,5"],
    ["sv", ""],
    ["en", "1,5"],
    ["en", "0x10"],
  ] as const)("(%s) refuses %j, naming the flag", (lang, text) => {
    expect(() => integerFlag(MESSAGES[lang], "draws", text)).toThrow(/--draws/);
  });

  it("gives the fallback when the flag is absent", () => {
    expect(integerFlag(MESSAGES.sv, "draws", undefined, 7)).toBe(7);
  });
});
