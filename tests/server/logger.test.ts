/** No token is ever written to the log: not from a header, a query string, a path or an error. */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createLogger, loggableUrl } from "../../server/logger.ts";
import { testServer } from "./helpers.ts";

describe("loggableUrl", () => {
  it("replaces the values of secret-looking query parameters and leaves the rest", () => {
    expect(loggableUrl("/api/scenarios?token=abc&lang=sv")).toBe("/api/scenarios?token=[redacted]&lang=sv");
    expect(loggableUrl("/x?access_token=a&API_KEY=b&auth=c&Password=d&table=totals")).toBe(
      "/x?access_token=[redacted]&API_KEY=[redacted]&auth=[redacted]&Password=[redacted]&table=totals",
    );
    expect(loggableUrl("/x?%74oken=abc")).toBe("/x?%74oken=[redacted]"); // "token", percent-encoded
    expect(loggableUrl("/api/health")).toBe("/api/health");
  });
});

describe("the request log", () => {
  it("holds no token, whichever way a client sent it", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", { write: (line: string) => void lines.push(line) });
    const { app, tokens, auth } = await testServer({}, undefined, logger);
    const token = tokens.admin;
    await request(app).get(`/api/scenarios?token=${token}&lang=sv`).expect(200);
    await request(app).get(`/api/scenarios?bearer=not-a-vaxa-token-but-secret`).expect(200);
    await request(app).get(`/api/versions/${token}`).expect(400);
    await request(app).get(`/api/nowhere/${token}`).expect(404);
    await request(app).get("/api/audit").set(auth("admin")).expect(200);
    await request(app).get("/api/audit").set("Authorization", `Bearer ${token}x`).expect(401);
    const log = lines.join("");
    expect(lines.length).toBeGreaterThanOrEqual(6);
    expect(log).not.toContain(token.slice(5)); // not even the part after the prefix
    expect(log).not.toContain("not-a-vaxa-token-but-secret");
    expect(log).toContain("/api/scenarios?token=[redacted]&lang=sv");
    expect(log).toContain("/api/versions/vaxa_[redacted]");
  });
});
