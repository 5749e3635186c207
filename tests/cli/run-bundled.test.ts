/**
 * cli/run-bundled.mjs (what `npm run forecast`, `goal-seek` and `sensitivity` run): the bundled
 * command prints what the command run by tsx prints, argument for argument.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (args: string[]) => spawnSync(process.execPath, args, { encoding: "utf8", cwd: process.cwd() });

describe("run-bundled", () => {
  it("gives the forecast JSON of the unbundled command, and passes its flags on", () => {
    const bundled = run(["cli/run-bundled.mjs", "forecast", "--scenario", "vaxa-utan-att-vaxa", "--format", "json"]);
    const plain = run(["--import", "tsx", "cli/forecast.ts", "--scenario", "vaxa-utan-att-vaxa", "--format", "json"]);
    expect(bundled.status).toBe(0);
    expect(plain.status).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(plain.stdout));
  });

  it("refuses a name that is not a command", () => {
    const bad = run(["cli/run-bundled.mjs", "../server/main"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage/);
  });
});
