/**
 * Crash safety: the real server, scenarios saved concurrently, SIGKILL in the middle of it,
 * a restart, and every save that was acknowledged must be there, in a database that passes
 * PRAGMA integrity_check.
 *
 * Nothing here waits for a time: the kill comes, synchronously, when the 60th save has been
 * acknowledged, so the seven other writers each have a save sent and unanswered; and one save is
 * certainly unfinished at the kill — its request is sent only half — and must not be there after
 * the restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
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
    // Saves from this one address come faster than the default limit of 60 changes a minute.
    const first = await spawnServer({ VAXA_DATA_DIR: dir, VAXA_WRITE_RATE_LIMIT: "0" });
    started.push(first);
    expect(first.adminToken).toMatch(/^vaxa_/);
    const headers = { Authorization: `Bearer ${first.adminToken}`, "Content-Type": "application/json" };

    const acks: Ack[] = [];
    /** Saves sent and not yet acknowledged (answered 201 and read). */
    const pending = new Set<string>();
    let pendingAtKill = -1;
    let killed = false;
    let killedNow!: () => void;
    const kill = new Promise<void>((resolve) => (killedNow = resolve));
    const acknowledge = (ack: Ack) => {
      pending.delete(`${ack.id} v${ack.number}`);
      acks.push(ack);
      if (acks.length === 60 && !killed) {
        // Killed here, synchronously: every other worker has sent a save it has not had acknowledged
        // (a worker sends its next save in the same tick as it acknowledges one), so no timing decides it.
        killed = true;
        pendingAtKill = pending.size;
        first.child.kill("SIGKILL");
        killedNow();
      }
    };

    // A save that cannot finish: its headers and half of its body are sent, the rest never is.
    const unfinished = JSON.stringify({ id: "half-sent", ...JSON.parse(body("half-sent", 1.1)) });
    const socket = connect(first.port, "127.0.0.1");
    socket.on("error", () => undefined); // reset by the kill
    await new Promise<void>((resolve) =>
      socket.write(
        `POST /api/scenarios HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${headers.Authorization}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(unfinished)}\r\n\r\n${unfinished.slice(0, unfinished.length >> 1)}`,
        () => resolve(),
      ),
    );

    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const id = `w${w}-s${i}`;
        try {
          pending.add(`${id} v1`);
          const created = await fetch(`${first.url}/api/scenarios`, { method: "POST", headers, body: JSON.stringify({ id, ...JSON.parse(body(id, 1 + (i % 7) / 10)) }) });
          if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
          const v1 = ((await created.json()) as { version: Ack & { scenarioId: string } }).version;
          acknowledge({ id, number: v1.number, hash: v1.hash });
          if (killed) return;
          pending.add(`${id} v2`);
          const updated = await fetch(`${first.url}/api/scenarios/${id}`, {
            method: "PUT",
            headers,
            body: JSON.stringify({ parentVersion: v1.hash, ...JSON.parse(body(id, 2 + (i % 5) / 10)) }),
          });
          if (updated.status !== 201) throw new Error(`update answered ${updated.status}: ${await updated.text()}`);
          const v2 = ((await updated.json()) as { version: Ack }).version;
          acknowledge({ id, number: v2.number, hash: v2.hash });
        } catch (error) {
          if (killed) return; // a save in flight when the server died: not acknowledged
          throw error;
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w));
    await Promise.race([kill, Promise.all(workers)]);
    const exit = await first.exited;
    await Promise.all(workers);
    socket.destroy();
    expect(exit.signal).toBe("SIGKILL");
    expect(pendingAtKill, "saves were in flight when the server was killed").toBe(7);
    const acknowledged = [...acks];
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);

    const second = await spawnServer({ VAXA_DATA_DIR: dir });
    started.push(second);
    expect(second.adminToken).toBeUndefined();
    expect(second.output() + second.errors()).not.toContain("VAXA_ADMIN_TOKEN");

    for (const ack of acknowledged) {
      const res = await fetch(`${second.url}/api/scenarios/${ack.id}/versions/${ack.number}`);
      expect(res.status, `${ack.id} v${ack.number}`).toBe(200);
      expect(((await res.json()) as { hash: string }).hash).toBe(ack.hash);
    }
    expect((await fetch(`${second.url}/api/scenarios/half-sent`)).status).toBe(404);
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
