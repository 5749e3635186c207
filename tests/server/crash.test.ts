/**
 * Crash safety: the real server, scenarios saved concurrently, SIGKILL in the middle of it,
 * a restart, and every save that was acknowledged must be there, in a database that passes
 * PRAGMA integrity_check.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../../server/db/open-database.ts";
import { type ServerProcess, spawnServer } from "./process.ts";

const dir = mkdtempSync(join(tmpdir(), "vaxa-crash-"));
const started: ServerProcess[] = [];

afterAll(() => {
  for (const s of started) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

interface Ack {
  id: string;
  number: number;
  hash: string;
}

const body = (name: string, growthMultiplier: number) =>
  JSON.stringify({ assumptions: { name: { sv: name, en: name }, growthMultiplier } });

describe("crash safety", () => {
  it("keeps every acknowledged save through a SIGKILL, and the database stays intact", async () => {
    const first = await spawnServer({ VAXA_DATA_DIR: dir });
    started.push(first);
    expect(first.adminToken).toMatch(/^vaxa_/);
    const headers = { Authorization: `Bearer ${first.adminToken}`, "Content-Type": "application/json" };

    const acks: Ack[] = [];
    let stop = false;
    let killed = false;
    let cutOff = 0;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = `w${w}-s${i}`;
        try {
          const created = await fetch(`${first.url}/api/scenarios`, { method: "POST", headers, body: JSON.stringify({ id, ...JSON.parse(body(id, 1 + (i % 7) / 10)) }) });
          if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
          const v1 = ((await created.json()) as { version: Ack & { scenarioId: string } }).version;
          acks.push({ id, number: v1.number, hash: v1.hash });
          const updated = await fetch(`${first.url}/api/scenarios/${id}`, {
            method: "PUT",
            headers,
            body: JSON.stringify({ parentVersion: v1.hash, ...JSON.parse(body(id, 2 + (i % 5) / 10)) }),
          });
          if (updated.status !== 201) throw new Error(`update answered ${updated.status}: ${await updated.text()}`);
          const v2 = ((await updated.json()) as { version: Ack }).version;
          acks.push({ id, number: v2.number, hash: v2.hash });
        } catch (error) {
          if (killed) {
            cutOff++; // a request in flight when the server died: not acknowledged
            return;
          }
          throw error;
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    while (acks.length < 60) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    first.child.kill("SIGKILL");
    const exit = await first.exited;
    stop = true;
    await Promise.all(workers);
    expect(exit.signal).toBe("SIGKILL");
    expect(cutOff, "saves were in flight when the server was killed").toBeGreaterThan(0);
    const acknowledged = [...acks];
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    const second = await spawnServer({ VAXA_DATA_DIR: dir });
    started.push(second);
    expect(second.adminToken).toBeUndefined();
    expect(second.output()).not.toContain("VAXA_ADMIN_TOKEN");

    for (const ack of acknowledged) {
      const res = await fetch(`${second.url}/api/scenarios/${ack.id}/versions/${ack.number}`);
      expect(res.status, `${ack.id} v${ack.number}`).toBe(200);
      expect(((await res.json()) as { hash: string }).hash).toBe(ack.hash);
    }
    // The old admin token still works after the restart.
    const after = await fetch(`${second.url}/api/scenarios`, {
      method: "POST",
      headers,
      body: body("after restart", 1.2),
    });
    expect(after.status).toBe(201);

    const db = new BetterSqlite3(join(dir, DATABASE_FILE), { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(db.pragma("foreign_key_check")).toEqual([]);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    } finally {
      db.close();
    }

    second.child.kill("SIGTERM");
    const stopped = await second.exited;
    expect(stopped.code).toBe(0);
    expect(second.output()).toMatch(/"msg":"shutting down: finishing the requests under way"/);
    expect(second.output()).toMatch(/"msg":"stopped"/);
  }, 120_000);
});
