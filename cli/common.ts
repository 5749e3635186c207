/**
 * What every command shares: reading its flags (with `--help` and `--lang`), printing in the
 * chosen language, and ending with a message a planner can act on instead of a stack trace. A
 * command never calls `process.exit()`: it returns (or throws {@link CommandFailure}) and the exit
 * code is set for Node to use once every write has reached its pipe. Light on purpose: `--help`
 * loads no model; a command loads the model (`load.ts`) after reading its flags.
 */
import type { Lang } from "../contract/locale.ts";
import {
  COMMON_FLAGS,
  type FlagTable,
  helpText,
  isEntryPoint,
  PROCESS_TERMINAL,
  readFlags,
  requestedLang,
  type Terminal,
} from "../io/command-line.ts";
import { MESSAGES, type Messages } from "./messages.ts";
import { mayBeThousands, readNumberText } from "../model/number-text.ts";

export const DEFAULT_PACKAGE = "data/nacka";
export const DEFAULT_SCENARIO = "baseline";

/** The flag every command that reads a package has. */
export const DATA_FLAG = { data: { type: "string", default: DEFAULT_PACKAGE, value: "<folder>" } } as const satisfies FlagTable;

/** A command that cannot go on: its message, and details (one per line, indented) such as a package's problems. */
export class CommandFailure extends Error {
  constructor(
    message: string,
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Ends the command with a message (and details), exit code 1. */
export function fail(message: string, details: readonly string[] = []): never {
  throw new CommandFailure(message, details);
}

/** What a command runs with: its language and texts, and where it writes. */
export interface CommandContext {
  lang: Lang;
  t: Messages;
  io: Terminal;
  positionals: string[];
}

type FlagValues<F extends FlagTable> = ReturnType<typeof readFlags<F & typeof COMMON_FLAGS>>["values"];

/** A command: its flags (besides `--help` and `--lang`), its help in a language, and what it does. */
export interface Command<F extends FlagTable> {
  flags: F;
  help(t: Messages): { usage: string[]; summary: string; flags: Record<string, string> };
  positionals?: boolean;
  run(values: FlagValues<F>, context: CommandContext): Promise<void>;
}

/** Declares a command (for its types). */
export function command<F extends FlagTable>(spec: Command<F>): Command<F> {
  return spec;
}

/** The value of an option that must be one of `valid` (a list, or a registry's names), or the end with the one message for it. */
export function choice<T extends string>(t: Messages, option: string, value: string | undefined, valid: readonly T[] | Record<T, unknown>): T {
  const names = (Array.isArray(valid) ? valid : Object.keys(valid)) as T[];
  if (value === undefined || !names.includes(value as T)) fail(t.common.invalidChoice(option, value ?? "", names.join(", ")));
  return value as T;
}

/** A whole number given to `--name` (written as the command's language writes numbers), or `fallback` when not given. */
export function integerFlag(t: Messages, name: string, text: string | undefined, fallback: number): number;
export function integerFlag(t: Messages, name: string, text: string | undefined): number | undefined;
export function integerFlag(t: Messages, name: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  const read = readNumberText(text, t.numbers);
  // "10,000" read the Swedish way is 10: a whole number, but most likely meant as ten thousand.
  const ambiguous = t.numbers === "sv" && mayBeThousands(text);
  if (!read.ok || !Number.isInteger(read.value) || ambiguous) fail(t.common.integer(name, text));
  return read.value;
}

/**
 * Runs a command on `args`, writing to `io`, and returns its exit code: 0, or 1 after a message
 * on stderr. Every error ends here as a message, never a stack trace.
 */
export async function runCommandLine<F extends FlagTable>(cmd: Command<F>, args: readonly string[], io: Terminal): Promise<number> {
  const lang = requestedLang(args);
  const t = MESSAGES[lang];
  try {
    const flags = { ...cmd.flags, ...COMMON_FLAGS };
    const { values, positionals } = readFlags(args, flags, t.cli, cmd.positionals ?? false);
    if (values.help) {
      const help = cmd.help(t);
      io.out(helpText(flags, { ...help, flags: { help: t.common.help, lang: t.common.lang, data: t.common.data, ...help.flags } }, t.cli));
      return 0;
    }
    choice(t, "lang", values.lang as string, Object.keys(MESSAGES) as Lang[]);
    await cmd.run(values as FlagValues<F>, { lang, t, io, positionals });
    return 0;
  } catch (error) {
    if (error instanceof CommandFailure) io.err([error.message, ...error.details.map((d) => `  ${d}`), ""].join("\n"));
    else io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Runs the command when its file is the script Node started (`npm run …`), not when a test imports it. */
export function runIfMain<F extends FlagTable>(moduleUrl: string, cmd: Command<F>): void {
  if (!isEntryPoint(moduleUrl)) return;
  void runCommandLine(cmd, process.argv.slice(2), PROCESS_TERMINAL).then((code) => {
    process.exitCode = code;
  });
}
