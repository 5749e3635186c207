/**
 * Migrations, and immutability in the schema itself: saved versions, audit entries and stored packages cannot be
 * rewritten by REPLACE or UPSERT, on any connection (also one without Vaxa's pragmas, such as the
 * sqlite3 shell), and nothing is lost by trying.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../../../server/db/migrations.ts";
import { DATABASE_FILE, openDatabase } from "../../../server/db/open-database.ts";
import { testServer } from "../helpers.ts";

const dir = mkdtempSync(join(tmpdir(), "vaxa-immutable-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file written by Vaxa, then opened as a bare connection: no recursive_triggers. */
let raw: BetterSqlite3.Database;
beforeAll(async () => {
  const { services } = await testServer({ dataDir: dir });
  // testServer works in memory: copy its contents into a file through SQLite's own backup.
  await services.db.backup(join(dir, DATABASE_FILE));
  services.db.close();
  raw = new BetterSqlite3(join(dir, DATABASE_FILE));
});
afterAll(() => raw.close());

const snapshot = (table: string) => JSON.stringify(raw.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());

describe("database migrations", () => {
  it("applies the migrations once and refuses a database from a newer Vaxa", () => {
    const db = openDatabase(":memory:");
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(migrate(db)).toEqual([]);
    db.pragma("user_version = 99");
    expect(() => migrate(db)).toThrow(/schema version 99, newer than this Vaxa knows/);
  });
});

describe("the schema refuses to rewrite what is immutable", () => {
  it("is opened here without recursive_triggers, as another tool would", () => {
    expect(raw.pragma("recursive_triggers", { simple: true })).toBe(0);
  });

  const attempts: [string, string, string, RegExp][] = [
    [
      "INSERT OR REPLACE over a saved version",
      "scenario_versions",
      `INSERT OR REPLACE INTO scenario_versions (scenario_id, number, hash, assumptions, package_hash, author, created_at)
       SELECT scenario_id, number, hash, '{"growthMultiplier":9}', package_hash, 'mallory', created_at FROM scenario_versions WHERE number = 1 LIMIT 1`,
      /scenario versions are immutable/,
    ],
    [
      "REPLACE over a saved version",
      "scenario_versions",
      `REPLACE INTO scenario_versions (scenario_id, number, hash, assumptions, package_hash, author, created_at)
       SELECT scenario_id, number, hash, '{}', package_hash, 'mallory', created_at FROM scenario_versions LIMIT 1`,
      /scenario versions are immutable/,
    ],
    [
      "UPSERT over a saved version",
      "scenario_versions",
      `INSERT INTO scenario_versions (scenario_id, number, hash, assumptions, package_hash, author, created_at)
       SELECT scenario_id, number, hash, '{}', package_hash, 'mallory', created_at FROM scenario_versions WHERE true LIMIT 1
       ON CONFLICT (scenario_id, number) DO UPDATE SET assumptions = excluded.assumptions`,
      /scenario versions are immutable/,
    ],
    [
      "INSERT OR REPLACE over an audit entry",
      "audit_log",
      "INSERT OR REPLACE INTO audit_log (id, at, actor, action) SELECT id, at, 'nobody', 'nothing' FROM audit_log LIMIT 1",
      /the audit log is append-only/,
    ],
    [
      "UPSERT over an audit entry",
      "audit_log",
      "INSERT INTO audit_log (id, at, actor, action) SELECT id, at, 'nobody', 'nothing' FROM audit_log WHERE true LIMIT 1 ON CONFLICT (id) DO UPDATE SET actor = excluded.actor",
      /the audit log is append-only/,
    ],
    [
      "INSERT OR REPLACE over a stored package",
      "packages",
      `INSERT OR REPLACE INTO packages (hash, files, first_seen) SELECT hash, '{"municipality.json":"{}"}', first_seen FROM packages LIMIT 1`,
      /stored data packages are immutable/,
    ],
    [
      "INSERT OR IGNORE over a stored package (it must not pass silently either)",
      "packages",
      "INSERT OR IGNORE INTO packages (hash, files, first_seen) SELECT hash, '{}', first_seen FROM packages LIMIT 1",
      /stored data packages are immutable/,
    ],
    ["UPDATE of a stored package", "packages", `UPDATE packages SET files = '{}'`, /stored data packages are immutable/],
    ["DELETE of a stored package", "packages", "DELETE FROM packages", /stored data packages are immutable/],
    ["DELETE of a saved version", "scenario_versions", "DELETE FROM scenario_versions", /scenario versions are immutable/],
    ["UPDATE of an audit entry", "audit_log", "UPDATE audit_log SET actor = 'x'", /the audit log is append-only/],
  ];

  for (const [name, table, sql, message] of attempts) {
    it(`refuses ${name}, and the table is as it was`, () => {
      const before = snapshot(table);
      expect(before.length).toBeGreaterThan(2);
      expect(() => raw.exec(sql)).toThrow(message);
      expect(snapshot(table)).toBe(before);
    });
  }

  it("still appends new rows", () => {
    const count = (raw.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;
    raw.prepare("INSERT INTO audit_log (at, actor, action) VALUES ('2026-01-01T00:00:00Z', 'test', 'test.append')").run();
    expect((raw.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n).toBe(count + 1);
  });
});
