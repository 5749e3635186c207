/**
 * Runs a command of `cli/` inside the test process (no new Node, no tsx start-up): its flags, its
 * output on stdout and stderr as text, and its exit code.
 */
import type { FlagTable } from "../../io/command-line.ts";
import { type Command, runCommandLine } from "../../cli/common.ts";
import type { CommandOutput } from "./run-command.ts";

export async function runInProcess<F extends FlagTable>(command: Command<F>, args: string[]): Promise<CommandOutput> {
  let stdout = "";
  let stderr = "";
  const code = await runCommandLine(command, args, { out: (text) => void (stdout += text), err: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}
