/**
 * The command line's edge, shared by every command (`cli/`, and the server's `npm run token`):
 * flags read with Node's `util.parseArgs` in strict mode (an unknown flag is an error listing the
 * known ones), `--help` text built from the same flag table, the language a person asked for, and
 * output written so that nothing is lost when stdout or stderr is a pipe (a command sets
 * `process.exitCode` and returns; it never calls `process.exit()` with writes pending).
 * Light on purpose: `--help` loads nothing else.
 */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isLang, type Lang } from "../contract/locale.ts";

/** One flag: its kind, its one-letter alias, its default, and the name of its value in the help ("<folder>"). */
export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  /** The flag may be given several times (`--from a.json --from b.json`): its value is the list. */
  multiple?: boolean;
  default?: string | boolean;
  /** How the value is shown in the help, e.g. "<folder>", "table|csv|json". */
  value?: string;
}

export type FlagTable = Record<string, FlagSpec>;

/** What a command's help says, in one language: how it is called, what it does, what each flag means. */
export interface CommandHelp {
  usage: string[];
  summary: string;
  /** Flag name → its meaning (without the default, which the help adds from the flag table). */
  flags: Record<string, string>;
}

/** The words around every help text and argument error, in one language. */
export interface CommandLineWords {
  usage: string;
  options: string;
  defaultValue: (value: string) => string;
  unknownFlag: (flag: string, known: string) => string;
  missingValue: (flag: string) => string;
  unexpectedArgument: (argument: string) => string;
  seeHelp: string;
  /** A flag's value as the help names it, in the language: "<folder>" → "<mapp>". */
  placeholder: (value: string) => string;
}

/**
 * The words around help texts and argument errors in `lang`; Swedish placeholders come from
 * `svPlaceholders` ("<folder>" → "<mapp>"), so every command shares the words and names only its own
 * placeholders.
 */
export function commandLineWords(lang: Lang, svPlaceholders: ReadonlyMap<string, string>): CommandLineWords {
  if (lang === "en") {
    return {
      usage: "Usage",
      options: "Options",
      defaultValue: (value) => `(default: ${value})`,
      unknownFlag: (flag, known) => `unknown flag ${flag} (known: ${known})`,
      missingValue: (flag) => `the flag ${flag} needs a value`,
      unexpectedArgument: (argument) => `unexpected argument “${argument}”`,
      seeHelp: "Type --help to see every flag.",
      placeholder: (value) => value,
    };
  }
  return {
    usage: "Användning",
    options: "Flaggor",
    defaultValue: (value) => `(standard: ${value})`,
    unknownFlag: (flag, known) => `okänd flagga ${flag} (kända: ${known})`,
    missingValue: (flag) => `flaggan ${flag} behöver ett värde`,
    unexpectedArgument: (argument) => `oväntat argument ”${argument}”`,
    seeHelp: "Skriv --help för att se alla flaggor.",
    placeholder: (value) => svPlaceholders.get(value) ?? value,
  };
}

/** The flags every command has: its help, and the language of everything it prints. */
export const COMMON_FLAGS = {
  help: { type: "boolean", short: "h" },
  lang: { type: "string", default: "sv", value: "sv|en" },
} as const satisfies FlagTable;

/** A wrong command line: the message says what was wrong and where to read the help. */
export class UsageError extends Error {}

type Values<F extends FlagTable> = {
  [K in keyof F]: F[K]["type"] extends "boolean"
    ? boolean | undefined
    : F[K]["multiple"] extends true
      ? string[] | undefined
      : F[K]["default"] extends string
        ? string
        : string | undefined;
};

/**
 * The values of the flags in `args`, strictly: an unknown flag, a flag without its value or an
 * unexpected argument is a {@link UsageError} in the words of `words`.
 */
export function readFlags<F extends FlagTable>(
  args: readonly string[],
  flags: F,
  words: CommandLineWords,
  allowPositionals = false,
): { values: Values<F>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, f]) => [name, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}), ...(f.default === undefined ? {} : { default: f.default }) }]),
  );
  try {
    const parsed = parseArgs({ args: [...args], options: options as never, strict: true, allowPositionals });
    return { values: parsed.values as Values<F>, positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    const known = Object.keys(flags).map((name) => `--${name}`).join(", ");
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`${words.unknownFlag(flag, known)}\n${words.seeHelp}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${words.missingValue(flag)}\n${words.seeHelp}`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? "";
      throw new UsageError(`${words.unexpectedArgument(argument)}\n${words.seeHelp}`);
    }
    throw error;
  }
}

/**
 * The language a command line asks for (`--lang en`, `--lang=en`), read before anything else so
 * that even an error in the other flags is written in it; Swedish when none or an unknown one.
 */
export function requestedLang(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === "--lang" ? args[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (isLang(value)) return value;
  }
  return "sv";
}

/** The help text: usage lines, what the command does, and every flag with its meaning and default. */
export function helpText(flags: FlagTable, help: CommandHelp, words: CommandLineWords): string {
  const rows = Object.entries(flags).map(([name, f]) => {
    const head = `${f.short ? `-${f.short}, ` : "    "}--${name}${f.value ? ` ${words.placeholder(f.value)}` : ""}`;
    const text = help.flags[name];
    if (text === undefined) throw new Error(`internal: the help says nothing about --${name}`);
    const shown = f.default === undefined || f.type === "boolean" ? text : `${text} ${words.defaultValue(String(f.default))}`;
    return [head, shown] as const;
  });
  const width = Math.max(...rows.map(([head]) => head.length));
  return [
    `${words.usage}:`,
    ...help.usage.map((u) => `  ${u}`),
    "",
    help.summary,
    "",
    `${words.options}:`,
    ...rows.map(([head, text]) => `  ${head.padEnd(width)}  ${text}`),
    "",
  ].join("\n");
}

/** Where a command writes: text for people on stdout, messages on stderr. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own stdout and stderr: writes are queued by Node and flushed before a natural exit. */
export const PROCESS_TERMINAL: Terminal = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Whether the module at `moduleUrl` is the script Node was started with (not imported by a test). */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  // Node names the main module by its real path; the command line may have named it through a link.
  const real = (() => {
    try {
      return realpathSync(script);
    } catch {
      return script;
    }
  })();
  return pathToFileURL(real).href === moduleUrl || pathToFileURL(script).href === moduleUrl;
}
