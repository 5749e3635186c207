import request from "supertest";
import { describe, expect, it } from "vitest";
import { assumptions, testServer } from "../helpers.ts";

describe("tokens over HTTP (admin)", () => {
  it("creates a token that works at once, lists tokens without secrets, and revokes", async () => {
    const { app, auth } = await testServer();
    const created = await request(app).post("/api/tokens").set(auth("admin")).send({ name: "Pia Planner", role: "planner" }).expect(201);
    expect(created.body.token).toMatch(/^vaxa_[A-Za-z0-9_-]{43}$/);
    const bearer = { Authorization: `Bearer ${created.body.token}` };
    await request(app).post("/api/scenarios").set(bearer).send({ assumptions: assumptions() }).expect(201);

    const list = await request(app).get("/api/tokens").set(auth("admin")).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.tokens.find((t: { name: string }) => t.name === "Pia Planner")).toMatchObject({ role: "planner", revokedAt: null });

    const revoked = await request(app).delete(`/api/tokens/${created.body.record.id}`).set(auth("admin")).expect(200);
    expect(revoked.body.revoked.revokedAt).not.toBeNull();
    const after = await request(app).post("/api/scenarios").set(bearer).send({ assumptions: assumptions() }).expect(401);
    expect(after.body.error).toBe("the token is not valid: it is unknown or has been revoked");
    const again = await request(app).delete(`/api/tokens/${created.body.record.id}`).set(auth("admin")).expect(409);
    expect(again.body.error).toBe(`token ${created.body.record.id} is already revoked`);

    const audit = await request(app).get("/api/audit").set(auth("admin")).expect(200);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toContain("token.create");
    expect(actions).toContain("token.revoke");
  });

  it("stores only the SHA-256 of a token", async () => {
    const { services, tokens } = await testServer();
    const rows = services.db.prepare("SELECT token_hash FROM tokens").all() as { token_hash: string }[];
    expect(rows.some((r) => r.token_hash.includes(tokens.admin.slice(5, 20)))).toBe(false);
    const dump = JSON.stringify(services.db.prepare("SELECT * FROM tokens").all()) + JSON.stringify(services.db.prepare("SELECT * FROM audit_log").all());
    expect(dump).not.toContain(tokens.admin);
  });
});
