import { readFileSync } from "node:fs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { nackaPackage, testServer } from "./helpers.ts";

describe("GET /api/health", () => {
  it("answers ok with the package's version id, without a token even when reads are protected", async () => {
    const { app } = await testServer({ openReads: false });
    const res = await request(app).get("/api/health").expect(200);
    const pkg = await nackaPackage();
    expect(res.body).toMatchObject({ status: "ok", database: "ok", package: { versionId: pkg.versionId, hash: pkg.hash } });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends security headers (helmet) and no X-Powered-By", async () => {
    const { app } = await testServer();
    const res = await request(app).get("/api/health").expect(200);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });
});

describe("GET /api/openapi.json", () => {
  it("describes every route with the request schemas generated from validation", async () => {
    const { app } = await testServer();
    const res = await request(app).get("/api/openapi.json").expect(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/health",
      "/api/package",
      "/api/forecast",
      "/api/scenarios",
      "/api/scenarios/{id}",
      "/api/scenarios/{id}/versions",
      "/api/scenarios/{id}/versions/{version}",
      "/api/scenarios/{id}/versions/{version}/export.csv",
      "/api/scenarios/{id}/versions/{version}/export.xlsx",
      "/api/scenarios/{id}/versions/{version}/charts/{chart}.svg",
      "/api/versions/{versionId}",
      "/api/audit",
      "/api/tokens",
    ]) {
      expect(res.body.paths, path).toHaveProperty([path]);
    }
    const forecast = res.body.components.schemas.ForecastRequest;
    expect(forecast.properties.assumptions.properties.growthMultiplier).toMatchObject({ minimum: 0, maximum: 5 });
    expect(forecast.properties.monteCarlo.properties.draws.maximum).toBe(20000);
  });
});

describe("GET /api/package", () => {
  it("summarizes processes, drivers, years, levers and parameter paths", async () => {
    const { app } = await testServer();
    const pkg = await nackaPackage();
    const res = await request(app).get("/api/package").expect(200);
    expect(res.body.package.hash).toBe(pkg.hash);
    expect(res.body.baseYear).toBe(pkg.pkg.baseYear);
    expect(res.body.years[0]).toBe(pkg.pkg.baseYear);
    expect(res.body.years.at(-1)).toBe(pkg.pkg.municipality.horizon);
    expect(res.body.processes.map((p: { id: string }) => p.id)).toEqual(pkg.pkg.processes.map((p) => p.id));
    expect(res.body.drivers.map((d: { id: string }) => d.id)).toContain("residents");
    expect(res.body.levers.map((l: { id: string }) => l.id)).toEqual(pkg.pkg.levers.map((l) => l.id));
    const paths = res.body.parameters.map((p: { path: string }) => p.path);
    expect(paths).toContain("growthMultiplier");
    expect(paths).toContain(`levers.${pkg.pkg.levers[0]!.id}.efficiency`);
    expect(res.body.limits).toMatchObject({ growthMultiplier: [0, 5], maxDraws: 20000 });
  });

  it("needs a token when reads are protected", async () => {
    const { app, auth } = await testServer({ openReads: false });
    const res = await request(app).get("/api/package").expect(401);
    expect(res.body.error).toMatch(/reading needs any valid token/);
    await request(app).get("/api/package").set(auth("viewer")).expect(200);
  });
});

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
