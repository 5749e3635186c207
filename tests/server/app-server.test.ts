/**
 * `createAppServer` (server/app-server.ts): requests and responses are born with the express app's
 * own prototypes, so express's `Object.setPrototypeOf` finds nothing to change, and express and
 * Node behave as with a plain `createServer(app)`.
 */
import { once } from "node:events";
import { IncomingMessage, type Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createAppServer } from "../../server/app-server.ts";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listening(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("the app's HTTP server", () => {
  it("creates each request and response with the app's prototypes, before express sees them", async () => {
    const app = express();
    app.get("/echo", (_req, res) => res.send("ok"));
    const server = createAppServer(app);
    const born: { request: boolean; response: boolean }[] = [];
    // Runs before express's own listener, on the objects exactly as Node created them.
    server.prependListener("request", (req, res) => {
      born.push({ request: Object.getPrototypeOf(req) === app.request, response: Object.getPrototypeOf(res) === app.response });
    });
    const url = await listening(server);
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/echo`)).status).toBe(200);
    expect(born).toEqual(Array.from({ length: 3 }, () => ({ request: true, response: true })));
  });

  it("answers as express does: query, JSON body, status, headers, the client's address; Node's own types hold", async () => {
    const app = express();
    app.use(express.json());
    app.post("/sum", (req, res) => {
      const body = req.body as { numbers: number[] };
      res
        .status(201)
        .set("X-Scale", String(req.query.scale))
        .json({
          // Hand-computed: (1 + 2 + 3.5) × 2 = 13.
          sum: body.numbers.reduce((a, b) => a + b, 0) * Number(req.query.scale),
          ip: req.ip,
          nodeTypes: req instanceof IncomingMessage && res instanceof ServerResponse,
        });
    });
    const url = await listening(createAppServer(app));
    const answer = await fetch(`${url}/sum?scale=2`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ numbers: [1, 2, 3.5] }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-scale")).toBe("2");
    expect(await answer.json()).toEqual({ sum: 13, ip: "127.0.0.1", nodeTypes: true });
  });

  it("gives each app's server that app's prototypes, not another's", async () => {
    const apps = [express(), express()];
    const born: boolean[][] = [[], []];
    const urls = await Promise.all(
      apps.map((app, i) => {
        app.get("/", (_req, res) => res.send("ok"));
        const server = createAppServer(app);
        server.prependListener("request", (req) => born[i]!.push(Object.getPrototypeOf(req) === app.request));
        return listening(server);
      }),
    );
    for (const url of urls) expect((await fetch(url)).status).toBe(200);
    expect(born).toEqual([[true], [true]]);
    expect(apps[0]!.request).not.toBe(apps[1]!.request);
  });
});
