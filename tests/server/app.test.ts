import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { testServer } from "./helpers.ts";

describe("static page and unknown paths", () => {
  it("serves server/public/index.html at / (the web app's page) in Swedish", async () => {
    const { app } = await testServer();
    const res = await request(app).get("/").expect(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.text).toBe(readFileSync("server/public/index.html", "utf8"));
    expect(res.text).toContain('lang="sv"');
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
