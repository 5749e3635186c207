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
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "server/token-command.ts", ...args, "--lang", "en"], { env });
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

  it("prints names with control characters escaped, keeps the last admin token, and creates tokens that expire", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vaxa-token-"));
    const cli = (...args: string[]) =>
      run(process.execPath, ["--import", "tsx", "server/token-command.ts", ...args, "--lang", "en"], { env: { ...process.env, VAXA_DATA_DIR: dir } }).catch(
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    try {
      const admin = await cli("create", "--role", "admin", "--name", "Ada Admin");
      expect(admin.stdout).toMatch(/^Created token 1 for Ada Admin \(admin\)\. It is shown only now:/);

      // A name the commands refuse, written straight into the database (an older Vaxa, or by hand).
      const db = openDatabase(dir);
      db.prepare("INSERT INTO tokens (name, role, token_hash, created_at, created_by) VALUES (?, 'viewer', ?, '2026-01-01T00:00:00Z', ?)").run(
        "Eve\n   9  admin    valid\u001b[2J\u001b[31m",
        "e".repeat(64),
        "cli:\u001b]0;pwned\u0007",
      );
      db.close();
      const list = await cli("list");
      expect(list.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      expect(list.stdout.trimEnd().split("\n")).toHaveLength(2);
      expect(list.stdout).toContain("Eve\\n   9  admin    valid\\u{1b}[2J\\u{1b}[31m  (created 2026-01-01T00:00:00Z by cli:\\u{1b}]0;pwned\\u{7})");

      const refused = await cli("create", "--role", "viewer", "--name", "Mallory\u001b[31m");
      expect(refused).toMatchObject({ code: 1 });
      expect(refused.stderr).toMatch(/^--name must not contain control characters \(line breaks, tabs, escape codes\) or invisible formatting characters/);

      const last = await cli("revoke", "1");
      expect(last).toMatchObject({ code: 1 });
      expect(last.stderr).toMatch(/^token 1 is the last valid admin token and stays: /);

      const expiring = await cli("create", "--role", "planner", "--name", "Konsult", "--expires-in-days", "30");
      expect(expiring.stdout).toMatch(/^Created token 3 for Konsult \(planner\), valid until \d{4}-\d\d-\d\dT[\d:.]+Z\. It is shown only now:/);
      expect((await cli("list")).stdout).toMatch(/3\s+planner\s+valid until \d{4}-/);
      const bad = await cli("create", "--role", "planner", "--name", "X", "--expires-in-days", "soon");
      expect(bad.stderr).toMatch(/^--expires-in-days must be a whole number of days from 1 to 3650, not "soon"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
