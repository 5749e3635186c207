/**
 * `npm run goal-seek` as a planner runs it: real processes, real files.
 */
import { describe, expect, it } from "vitest";
import { runCommand } from "./run-command.ts";

describe("npm run goal-seek", () => {
  it("answers with an intensity or an honest 'not reachable', as JSON", async () => {
    const { code, stdout } = await runCommand("cli/goal-seek.ts", ["--scenario", "vaxa-utan-att-vaxa", "--target-year", "2030", "--format", "json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { reachable: boolean; intensity: number | null; targetYear: number };
    expect(result.targetYear).toBe(2030);
    expect(result.reachable ? result.intensity! > 0 : result.intensity === null).toBe(true);
  }, 30_000);
});
