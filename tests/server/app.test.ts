/**
 * The app's edges: the static page and unknown paths, the client's address behind a proxy
 * (explicit hop count only), HSTS only over HTTPS.
 */
import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../server/config.ts";
import { assumptions, testServer } from "./helpers.ts";

describe("static page and unknown paths", () => {
  it("serves server/public/index.html at / (the web app's page) in Swedish, with preload hints, its stylesheet and the first screen (server/page.ts)", async () => {
    const { app } = await testServer();
    const res = await request(app).get("/").expect(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    const page = readFileSync("server/public/index.html", "utf8");
    // the file's head, with the stylesheet inside it instead of a link to it
    const head = page.slice(0, page.indexOf("<title>"));
    expect(res.text.startsWith(head)).toBe(true);
    expect(res.text).toContain('<script type="module" src="/build/app.js"></script>');
    expect(res.text).toContain(`<style>\n${readFileSync("server/public/app.css", "utf8")}</style>`);
    expect(res.text).not.toContain('<link rel="stylesheet"');
    // the body is the server's first screen (tests/server/first-screen.test.ts), then the file's <noscript>
    expect(res.text).toContain("data-first-screen");
    expect(res.text).toContain(/<noscript>[\s\S]*?<\/noscript>/.exec(page)![0]);
    expect(res.text).toContain('lang="sv"');
  });

  it("names an icon of its own, so that a browser does not ask for /favicon.ico (a 404 and a request more in the first load)", async () => {
    const { app } = await testServer();
    const page = await request(app).get("/").expect(200);
    expect(page.text).toMatch(/<link rel="icon" href="data:,">/);
    await request(app).get("/favicon.ico").expect(404);
  });

  it("answers every API link on the page", async () => {
    const { app } = await testServer();
    const page = await request(app).get("/").expect(200);
    const links = [...page.text.matchAll(/href="(\/api\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    for (const link of links) await request(app).get(link).expect(200);
  });

  it("answers 404 in JSON for an unknown API path and an unknown page", async () => {
    const { app } = await testServer();
    const api = await request(app).get("/api/nothing").expect(404);
    expect(api.body.error).toBe("there is no GET /api/nothing; the API is described at /api/openapi.json");
    const page = await request(app).get("/nothing.html").expect(404);
    expect(page.body.error).toMatch(/there is no page \/nothing.html/);
  });
});

describe("behind a reverse proxy", () => {
  it("takes the client's address from exactly VAXA_TRUST_PROXY hops of X-Forwarded-For: a spoofed entry neither escapes the rate limit nor reaches the audit log", async () => {
    const { app, auth } = await testServer({ trustProxy: 1, rateLimitPerMinute: 3 });
    // The proxy appends the address it saw (203.0.113.7); the client wrote the rest itself.
    const spoofed = (i: number) => ({ "X-Forwarded-For": `10.0.0.${i}, 198.51.100.${i}, 203.0.113.7` });
    await request(app).post("/api/scenarios").set(auth("planner")).set(spoofed(1)).send({ assumptions: assumptions() }).expect(201);
    await request(app).get("/api/health").set(spoofed(2)).expect(200);
    await request(app).get("/api/audit").set(auth("admin")).set(spoofed(3)).expect(200);
    const limited = await request(app).get("/api/health").set(spoofed(4)).expect(429);
    expect(limited.body.error).toBe("too many requests from your address: at most 3 a minute; wait a moment and try again");
    // Another client behind the same proxy is counted on its own.
    await request(app).get("/api/health").set({ "X-Forwarded-For": "203.0.113.8" }).expect(200);

    const audit = await testServer({ trustProxy: 1 });
    await request(audit.app).post("/api/scenarios").set(audit.auth("planner")).set(spoofed(5)).send({ assumptions: assumptions() }).expect(201);
    const entries = (await request(audit.app).get("/api/audit").set(audit.auth("admin")).expect(200)).body.entries as { action: string; ip: string }[];
    expect(entries.find((e) => e.action === "scenario.create")?.ip).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For without a proxy configured", async () => {
    const { app, auth } = await testServer({ rateLimitPerMinute: 2 });
    await request(app).get("/api/health").set({ "X-Forwarded-For": "10.0.0.1" }).expect(200);
    await request(app).get("/api/health").set({ "X-Forwarded-For": "10.0.0.2" }).expect(200);
    await request(app).get("/api/health").set({ "X-Forwarded-For": "10.0.0.3" }).set(auth("viewer")).expect(429);
  });

  it("is configured by a hop count only: true, which would believe any header, is refused by name", () => {
    expect(readConfig({}).trustProxy).toBe(0);
    expect(readConfig({ VAXA_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(readConfig({ VAXA_TRUST_PROXY: "false" }).trustProxy).toBe(0);
    expect(() => readConfig({ VAXA_TRUST_PROXY: "true" })).toThrow(
      new ConfigError(
        'VAXA_TRUST_PROXY="true" would let any client choose its address with X-Forwarded-For: give the number of reverse proxies in front of the server (usually 1), or 0',
      ),
    );
    expect(() => readConfig({ VAXA_TRUST_PROXY: "10.0.0.0/8" })).toThrow('VAXA_TRUST_PROXY="10.0.0.0/8": expected a whole number from 0 to 10');
    expect(readConfig({}).rateLimitExemptLoopback).toBe(false);
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent only on requests that came over HTTPS", async () => {
    const { app } = await testServer({ trustProxy: 1 });
    const plain = await request(app).get("/api/health").expect(200);
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const secure = await request(app).get("/api/health").set("X-Forwarded-Proto", "https").expect(200);
    expect(secure.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    // Without a trusted proxy the header is the client's own claim.
    const { app: direct } = await testServer();
    const claimed = await request(direct).get("/api/health").set("X-Forwarded-Proto", "https").expect(200);
    expect(claimed.headers["strict-transport-security"]).toBeUndefined();
  });
});
