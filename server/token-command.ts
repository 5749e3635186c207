/**
 * npm run token -- create --role viewer|planner|admin --name "Anna Andersson" [--expires-in-days 90]
 * npm run token -- revoke <id>
 * npm run token -- list
 *
 * Manages the server's bearer tokens in the database under VAXA_DATA_DIR (default ./var). A new
 * token is printed once; the database keeps only its hash. Works while the server runs. Swedish by
 * default, English with --lang en (texts in token-messages.ts); flags are read strictly
 * (io/command-line.ts), and the command ends by setting the exit code, never by process.exit().
 */
import { userInfo } from "node:os";
import { COMMON_FLAGS, helpText, isEntryPoint, PROCESS_TERMINAL, readFlags, requestedLang, type Terminal, UsageError } from "../io/command-line.ts";
import { readConfig } from "./config.ts";
import { AuditLog } from "./db/audit-log.ts";
import { openDatabase } from "./db/open-database.ts";
import { isValid, printable, ROLES, type Role, TOKEN_DAYS, TOKEN_NAME_LENGTH, TokenStore, tokenNameProblem } from "./db/token-store.ts";
import { TOKEN_MESSAGES, type TokenMessages } from "./token-messages.ts";

const FLAGS = {
  role: { type: "string", value: ROLES.join("|") },
  name: { type: "string", value: "<who holds it>" },
  "expires-in-days": { type: "string", value: "<days>" },
  ...COMMON_FLAGS,
} as const;

/** A command that cannot go on. */
class TokenCommandError extends Error {}
const fail = (message: string): never => {
  throw new TokenCommandError(message);
};

function expiry(t: TokenMessages, text: string | undefined): { expiresInDays?: number } {
  if (text === undefined) return {};
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > TOKEN_DAYS) fail(t.expiry(TOKEN_DAYS, printable(text)));
  return { expiresInDays: Number(text) };
}

function usage(t: TokenMessages): string {
  return helpText(FLAGS, { usage: t.help.usage(ROLES.join("|")), summary: t.help.summary(TOKEN_DAYS), flags: t.help.flags }, t.cli);
}

/** Runs the command on `args`, writing to `io`; returns the exit code. */
export function tokenCommand(args: readonly string[], io: Terminal): number {
  const t = TOKEN_MESSAGES[requestedLang(args)];
  try {
    const { values, positionals } = readFlags(args, FLAGS, t.cli, true);
    const [command, ...rest] = positionals;
    if (values.lang !== "sv" && values.lang !== "en") fail(t.invalidLang(printable(values.lang)));
    if (values.help || command === undefined) {
      io.out(usage(t));
      return 0;
    }
    const db = openDatabase(readConfig().dataDir);
    try {
      run(t, io, new TokenStore(db, new AuditLog(db)), command, rest, values);
    } finally {
      db.close();
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(error instanceof UsageError ? `${message}\n` : `${message}\n\n${usage(t)}`);
    return 1;
  }
}

function run(t: TokenMessages, io: Terminal, tokens: TokenStore, command: string, rest: string[], values: { role?: string; name?: string; "expires-in-days"?: string }): void {
  const actor = { name: `cli:${userInfo().username}` };
  switch (command) {
    case "create": {
      const role = values.role;
      if (!ROLES.includes(role as Role)) fail(t.role(ROLES.join(", "), role === undefined ? undefined : printable(role)));
      const name = values.name?.trim() ?? "";
      if (tokenNameProblem(name) !== undefined) fail(name === "" || name.length > TOKEN_NAME_LENGTH ? t.nameLength(TOKEN_NAME_LENGTH) : t.nameCharacters);
      const { token, record } = tokens.create(name, role as Role, actor, expiry(t, values["expires-in-days"]));
      io.out(`${t.created(record.id, record.name, record.role, record.expiresAt)}\n\n  ${token}\n\n${t.header}  Authorization: Bearer ${token}\n`);
      return;
    }
    case "revoke": {
      const text = rest[0];
      if (text === undefined || !/^[1-9]\d*$/.test(text)) fail(t.revokeNeedsId);
      const id = Number(text);
      const record = tokens.get(id);
      const outcome = tokens.revoke(id, actor);
      if (outcome === "not-found" || !record) return fail(t.noToken(id));
      if (outcome === "already-revoked") fail(t.alreadyRevoked(id, printable(record.name), record.revokedAt));
      if (outcome === "last-admin") fail(t.lastAdmin(id));
      io.out(`${t.revoked(id, printable(record.name), record.role)}\n`);
      return;
    }
    case "list": {
      const list = tokens.list();
      const now = new Date();
      if (list.length === 0) io.out(`${t.none}\n`);
      for (const token of list) {
        // Names were checked when created, but a database written by an older Vaxa (or by hand)
        // may hold anything: every text from it is printed with its control characters escaped.
        const state = token.revokedAt
          ? t.stateRevoked(token.revokedAt)
          : isValid(token, now)
            ? token.expiresAt
              ? t.stateValidUntil(token.expiresAt)
              : t.stateValid
            : t.stateExpired(token.expiresAt);
        io.out(`${String(token.id).padStart(4)}  ${token.role.padEnd(7)}  ${state.padEnd(38)}  ${printable(token.name)}  ${t.createdBy(token.createdAt, printable(token.createdBy))}\n`);
      }
      return;
    }
    default:
      fail(t.unknownCommand(printable(command)));
  }
}

if (isEntryPoint(import.meta.url)) process.exitCode = tokenCommand(process.argv.slice(2), PROCESS_TERMINAL);
