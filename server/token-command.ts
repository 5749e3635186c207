/**
 * npm run token -- create --role viewer|planner|admin --name "Anna Andersson"
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
import { ROLES, type Role, TokenStore } from "./db/token-store.ts";

const USAGE = `usage:
  npm run token -- create --role ${ROLES.join("|")} --name "<who holds it>"
  npm run token -- revoke <id>
  npm run token -- list
The database is in VAXA_DATA_DIR (default ./var).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(1);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
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
        if (!ROLES.includes(role as Role)) fail(`--role must be one of ${ROLES.join(", ")}${role ? `, not "${role}"` : ""}`);
        const name = values.name?.trim();
        if (!name || name.length > 120) fail("--name must say who holds the token (1 to 120 characters)");
        const { token, record } = tokens.create(name, role as Role, actor);
        process.stdout.write(
          `Created token ${record.id} for ${record.name} (${record.role}). It is shown only now:\n\n  ${token}\n\n` +
            `Use it as the header  Authorization: Bearer ${token}\n`,
        );
        return;
      }
      case "revoke": {
        const text = rest[0];
        if (text === undefined || !/^[1-9]\d*$/.test(text)) fail("revoke needs the token's id, a whole number (see npm run token -- list)");
        const id = Number(text);
        const record = tokens.get(id);
        if (!record) fail(`there is no token ${id}`);
        if (!tokens.revoke(id, actor)) fail(`token ${id} (${record.name}) was already revoked at ${record.revokedAt}`);
        process.stdout.write(`Revoked token ${id} (${record.name}, ${record.role}).\n`);
        return;
      }
      case "list": {
        const list = tokens.list();
        if (list.length === 0) process.stdout.write("No tokens yet. The server creates an admin token on its first start.\n");
        for (const t of list) {
          process.stdout.write(
            `${String(t.id).padStart(4)}  ${t.role.padEnd(7)}  ${t.revokedAt ? `revoked ${t.revokedAt}` : "valid".padEnd(32)}  ${t.name}  (created ${t.createdAt} by ${t.createdBy})\n`,
          );
        }
        return;
      }
      default:
        fail(`unknown command "${command}"`);
    }
  } finally {
    db.close();
  }
}

main();
