import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.ts";
import { AuditLog } from "../../server/db/audit-log.ts";
import { TokenStore } from "../../server/db/token-store.ts";

const run = promisify(execFile);

describe("npm run token", () => {
  it("creates, lists and revokes tokens in the database under VAXA_DATA_DIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vaxa-token-"));
    const env = { ...process.env, VAXA_DATA_DIR: dir };
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "server/token-command.ts", ...args], { env });
    try {
      const created = await cli("create", "--role", "planner", "--name", "Anna Andersson");
      const token = /vaxa_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
      expect(token).toBeDefined();
      expect(created.stdout).toMatch(/^Created token 1 for Anna Andersson \(planner\)/);

      const db = openDatabase(dir);
      const store = new TokenStore(db, new AuditLog(db));
      expect(store.verify(token!)).toMatchObject({ id: 1, name: "Anna Andersson", role: "planner" });

      const list = await cli("list");
      expect(list.stdout).toMatch(/1\s+planner\s+valid\s+Anna Andersson/);
      const revoked = await cli("revoke", "1");
      expect(revoked.stdout).toBe("Revoked token 1 (Anna Andersson, planner).\n");
      expect(store.verify(token!)).toBeUndefined();
      expect(new AuditLog(db).list(10).map((e) => e.action)).toEqual(["token.revoke", "token.create"]);
      db.close();

      const bad = await cli("create", "--role", "boss", "--name", "X").catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 1 });
      expect((bad as { stderr: string }).stderr).toMatch(/^--role must be one of viewer, planner, admin, not "boss"/);
      const missing = await cli("revoke", "7").catch((e: { code: number; stderr: string }) => e);
      expect((missing as { stderr: string }).stderr).toMatch(/^there is no token 7/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
