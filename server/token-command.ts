/**
 * npm run token -- create --role viewer|planner|admin --name "Anna Andersson" [--expires-in-days 90]
 * npm run token -- revoke <id>
 * npm run token -- list
 *
 * Manages the server's bearer tokens in the database under VAXA_DATA_DIR (default ./var). A new
 * token is printed once; the database keeps only its hash. Works while the server runs.
 */
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { readConfig } from "./config.ts";
import { AuditLog } from "./db/audit-log.ts";
import { openDatabase } from "./db/open-database.ts";
import { isValid, lastAdminMessage, printable, ROLES, type Role, TOKEN_DAYS, TokenStore, tokenNameProblem } from "./db/token-store.ts";

const USAGE = `usage:
  npm run token -- create --role ${ROLES.join("|")} --name "<who holds it>" [--expires-in-days <days>]
  npm run token -- revoke <id>
  npm run token -- list
The database is in VAXA_DATA_DIR (default ./var). A token without --expires-in-days does not expire.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(1);
}

function expiry(text: string | undefined): { expiresInDays?: number } {
  if (text === undefined) return {};
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > TOKEN_DAYS) {
    fail(`--expires-in-days must be a whole number of days from 1 to ${TOKEN_DAYS}, not "${printable(text)}"`);
  }
  return { expiresInDays: Number(text) };
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: "string" },
      name: { type: "string" },
      "expires-in-days": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let dataDir: string;
  try {
    dataDir = readConfig().dataDir;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const db = openDatabase(dataDir);
  try {
    const tokens = new TokenStore(db, new AuditLog(db));
    const actor = { name: `cli:${userInfo().username}` };
    switch (command) {
      case "create": {
        const role = values.role;
        if (!ROLES.includes(role as Role)) fail(`--role must be one of ${ROLES.join(", ")}${role ? `, not "${printable(role)}"` : ""}`);
        const name = values.name?.trim() ?? "";
        const problem = tokenNameProblem(name);
        if (problem) fail(`--name ${problem}`);
        const { token, record } = tokens.create(name, role as Role, actor, expiry(values["expires-in-days"]));
        process.stdout.write(
          `Created token ${record.id} for ${record.name} (${record.role})` +
            `${record.expiresAt ? `, valid until ${record.expiresAt}` : ""}. It is shown only now:\n\n  ${token}\n\n` +
            `Use it as the header  Authorization: Bearer ${token}\n`,
        );
        return;
      }
      case "revoke": {
        const text = rest[0];
        if (text === undefined || !/^[1-9]\d*$/.test(text)) fail("revoke needs the token's id, a whole number (see npm run token -- list)");
        const id = Number(text);
        const record = tokens.get(id);
        const outcome = tokens.revoke(id, actor);
        if (outcome === "not-found" || !record) fail(`there is no token ${id}`);
        if (outcome === "already-revoked") fail(`token ${id} (${printable(record.name)}) was already revoked at ${record.revokedAt}`);
        if (outcome === "last-admin") fail(lastAdminMessage(id));
        process.stdout.write(`Revoked token ${id} (${printable(record.name)}, ${record.role}).\n`);
        return;
      }
      case "list": {
        const list = tokens.list();
        const now = new Date();
        if (list.length === 0) process.stdout.write("No tokens yet. The server creates an admin token on its first start.\n");
        for (const t of list) {
          // Names were checked when created, but a database written by an older Vaxa (or by hand)
          // may hold anything: every text from it is printed with its control characters escaped.
          const state = t.revokedAt
            ? `revoked ${t.revokedAt}`
            : isValid(t, now)
              ? t.expiresAt
                ? `valid until ${t.expiresAt}`
                : "valid"
              : `expired ${t.expiresAt}`;
          process.stdout.write(
            `${String(t.id).padStart(4)}  ${t.role.padEnd(7)}  ${state.padEnd(38)}  ${printable(t.name)}  (created ${t.createdAt} by ${printable(t.createdBy)})\n`,
          );
        }
        return;
      }
      default:
        fail(`unknown command "${printable(command)}"`);
    }
  } finally {
    db.close();
  }
}

main();
