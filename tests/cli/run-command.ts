/**
 * Runs a command of `cli/` as a planner runs it: a real Node process with tsx, real files.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** What a command printed and its exit code (0 when it succeeded). */
export interface CommandOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `script` (e.g. "cli/forecast.ts") with `args` and returns its output, whether it succeeded or not. */
export function runCommand(script: string, args: string[]): Promise<CommandOutput> {
  return run(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" }).then(
    (r) => ({ code: 0, ...r }),
    (e: CommandOutput) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
