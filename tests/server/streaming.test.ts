/**
 * Answers sent with back-pressure (server/streaming.ts): bounded bytes per answer and in total,
 * and a client that reads nothing is cut off, giving back every byte and its Monte Carlo place.
 */
import { once } from "node:events";
import type { Server } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { tableFromIPC } from "apache-arrow";
import { afterEach, describe, expect, it } from "vitest";
import { AnswerBudget } from "../../server/streaming.ts";
import { testServer } from "./helpers.ts";
import { rawPost } from "./process.ts";

describe("AnswerBudget", () => {
  it("lends bytes up to its total, lets a chunk larger than the total through only when it holds nothing, and wakes waiters when bytes come back", () => {
    const budget = new AnswerBudget(100);
    expect(budget.tryTake(60)).toBe(true);
    expect(budget.tryTake(50)).toBe(false); // 60 + 50 > 100
    expect(budget.tryTake(40)).toBe(true);
    expect(budget.inFlight).toBe(100);
    let woken = 0;
    const stop = budget.onGive(() => woken++);
    budget.give(60);
    expect(woken).toBe(1);
    stop();
    budget.give(40);
    expect(woken).toBe(1);
    expect(budget.inFlight).toBe(0);
    expect(budget.tryTake(500)).toBe(true); // alone, a large chunk may go
    expect(budget.tryTake(1)).toBe(false);
  });
});

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
};

const listening: Server[] = [];
afterEach(() => {
  for (const s of listening.splice(0)) s.close();
});

describe("a client that does not read its answer", () => {
  it("is cut off after VAXA_SLOW_CLIENT_SECONDS while the server holds at most its bound; places and bytes come back, and a client that reads gets the whole answer", async () => {
    const total = 256 * 1024;
    const { app, services, tokens } = await testServer({ slowClientSeconds: 1, answerBufferBytes: 64 * 1024, answerBufferTotalBytes: total });
    const http = app.listen(0, "127.0.0.1");
    listening.push(http);
    await once(http, "listening");
    const { port } = http.address() as AddressInfo;
    const body = JSON.stringify({ assumptions: { uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 2 } } }, monteCarlo: { draws: 6000, seed: 4 } });
    const request = (token: string) =>
      rawPost("/api/forecast", body, { Accept: "application/vnd.apache.arrow.stream", Authorization: `Bearer ${token}`, Connection: "close" });

    let mostHeld = 0;
    const sampler = setInterval(() => (mostHeld = Math.max(mostHeld, services.answers.budget.inFlight)), 2);
    try {
      // The slow client reads the first bytes (the status line) and then nothing.
      const slow: Socket = connect(port, "127.0.0.1", () => slow.write(request(tokens.viewer)));
      const closed = once(slow, "close");
      const [first] = (await once(slow, "data")) as [Buffer];
      slow.pause();
      expect(first.toString("latin1")).toMatch(/^HTTP\/1\.1 200 /);

      // Another client, reading, gets the whole answer meanwhile.
      const reader = await fetch(`http://127.0.0.1:${port}/api/forecast`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/vnd.apache.arrow.stream", Authorization: `Bearer ${tokens.planner}` },
        body,
      });
      const table = tableFromIPC(new Uint8Array(await reader.arrayBuffer()));
      const years = services.model.current.pkg.municipality.horizon - services.model.current.pkg.baseYear + 1;
      expect(table.numRows).toBe(6000 * (services.model.current.pkg.processes.length + 1) * years);

      // The slow client is cut off: its place and its bytes come back.
      await until(() => services.monteCarlo.underWay === 0 && services.answers.budget.inFlight === 0);
      let received = first.byteLength;
      slow.on("data", (chunk: Buffer) => (received += chunk.byteLength));
      slow.on("error", () => undefined);
      slow.resume();
      await closed;
      // 6,000 draws are about 20 MB of Arrow: the slow client got only what fitted in the socket buffers.
      expect(received).toBeLessThan(table.numRows * 15);
      expect(mostHeld).toBeLessThanOrEqual(total);
      expect(mostHeld).toBeGreaterThan(0);
      // And the server goes on answering.
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      clearInterval(sampler);
      await services.monteCarlo.close();
    }
  }, 120_000);
});
