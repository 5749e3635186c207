import request from "supertest";
import { describe, expect, it } from "vitest";
import { nackaPackage, testServer } from "../helpers.ts";

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
