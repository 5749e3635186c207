/**
 * Memory under clients that never read: the real server (a child process, so that its memory is
 * its own), forty Monte Carlo requests for 20,000-draw Arrow trajectories (about 69 MB each) from
 * forty clients, each with its own token, that read nothing of the answer. The server must admit
 * only what its bounds allow, cut the readers off, stay within a generous memory bound, give the
 * memory back afterwards, and go on answering in full.
 *
 * The bounds are generous on purpose (memory depends on the garbage collector): without the
 * bounds the same load took the server from 223 MB to 3.1 GB (issue 11).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { afterAll, describe, expect, it } from "vitest";
import { nonReadingClients, rawPost, residentBytes, type ServerProcess, spawnServer } from "./process.ts";

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "vaxa-slow-"));
let server: ServerProcess | undefined;
afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Resident memory of the server, bytes (the test needs Linux's /proc). */
function rss(pid: number): number {
  const bytes = residentBytes(pid);
  if (bytes === undefined) throw new Error(`no resident memory figure for process ${pid}: this test reads /proc (Linux)`);
  return bytes;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ARROW = "application/vnd.apache.arrow.stream";
const body = (draws: number, seed: number) =>
  JSON.stringify({ assumptions: { uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 2 } } }, monteCarlo: { draws, seed } });

describe("clients that do not read", () => {
  it("cannot exhaust the server's memory, and the memory comes back", async () => {
    server = await spawnServer({ VAXA_DATA_DIR: dir, VAXA_SLOW_CLIENT_SECONDS: "2", VAXA_MONTE_CARLO_IDLE_SECONDS: "2" });
    const { url, port } = server;
    const pid = server.child.pid!;
    const admin = { Authorization: `Bearer ${server.adminToken}`, "Content-Type": "application/json" };

    // Warm up (worker started, code compiled), then let the worker go idle and stop.
    const warm = await fetch(`${url}/api/forecast`, { method: "POST", headers: { ...admin, Accept: ARROW }, body: body(20000, 1) });
    expect((await warm.arrayBuffer()).byteLength).toBeGreaterThan(60 * MB);
    const tokens: string[] = [];
    for (let i = 0; i < 40; i++) {
      const created = await fetch(`${url}/api/tokens`, { method: "POST", headers: admin, body: JSON.stringify({ name: `Slow ${i}`, role: "viewer" }) });
      tokens.push(((await created.json()) as { token: string }).token);
    }
    await sleep(4000);
    const start = rss(pid);
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 25);

    const clients = await nonReadingClients(
      port,
      tokens.map((token, i) => rawPost("/api/forecast", body(20000, 100 + i), { Accept: ARROW, Authorization: `Bearer ${token}` })),
    );
    const streamed = clients.statuses.filter((s) => s === 200).length;
    // One run per worker plus VAXA_MONTE_CARLO_QUEUE (4) may be under way; the others are told to come back.
    expect(streamed).toBeGreaterThan(0);
    expect(streamed).toBeLessThanOrEqual(5);
    expect(clients.statuses.filter((s) => s === 503)).toHaveLength(40 - streamed);

    // The server cuts the non-readers off (its log says so), and the connections end.
    while ((server.output().match(/took nothing of the answer/g) ?? []).length < streamed) await sleep(100);
    await clients.drain();
    clearInterval(sampler);

    // The memory comes back once the idle worker has stopped: wait for it, up to a minute.
    let after = rss(pid);
    for (let waited = 0; after > start + 100 * MB && waited < 60_000; waited += 500) {
      await sleep(500);
      after = rss(pid);
    }
    process.stdout.write(
      `slow clients: RSS ${Math.round(start / MB)} MB before, ${Math.round(peak / MB)} MB at most, ${Math.round(after / MB)} MB after; ${streamed} answers streamed, ${40 - streamed} refused\n`,
    );
    expect(peak - start).toBeLessThan(500 * MB);
    expect(after - start).toBeLessThan(100 * MB);

    // Nothing lost: the server answers a reading client in full.
    const full = await fetch(`${url}/api/forecast`, { method: "POST", headers: { ...admin, Accept: ARROW }, body: body(500, 7) });
    expect(full.status).toBe(200);
    expect(tableFromIPC(new Uint8Array(await full.arrayBuffer())).numRows % 500).toBe(0);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
  }, 300_000);
});
