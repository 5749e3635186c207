import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.ts";
import { AuditLog } from "../../server/db/audit-log.ts";
import { TokenStore } from "../../server/db/token-store.ts";
import { assumptions, testServer } from "./helpers.ts";

const run = promisify(execFile);

describe("reads open or protected by configuration", () => {
  it("lets anyone read when reads are open, and only token holders when they are not", async () => {
    const open = await testServer({ openReads: true });
    await request(open.app).get("/api/scenarios").expect(200);
    await request(open.app).post("/api/forecast").send({}).expect(200);

    const closed = await testServer({ openReads: false });
    for (const path of ["/api/scenarios", "/api/scenarios/baseline", "/api/scenarios/baseline/versions/latest/charts/fte-per-year.svg"]) {
      const res = await request(closed.app).get(path).expect(401);
      expect(res.body.error).toBe("reading needs any valid token (viewer, planner or admin): send the header Authorization: Bearer <token>");
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
      await request(closed.app).get(path).set(closed.auth("viewer")).expect(200);
    }
    await request(closed.app).post("/api/forecast").send({}).expect(401);
    await request(closed.app).post("/api/forecast").set(closed.auth("viewer")).send({}).expect(200);
  });

  it("always needs planner or admin to write, whatever the read setting", async () => {
    const open = await testServer({ openReads: true });
    await request(open.app).post("/api/scenarios").send({ assumptions: assumptions() }).expect(401);
    await request(open.app).post("/api/scenarios").set(open.auth("viewer")).send({ assumptions: assumptions() }).expect(403);
    await request(open.app).post("/api/scenarios").set(open.auth("planner")).send({ assumptions: assumptions() }).expect(201);
    await request(open.app).post("/api/scenarios").set(open.auth("admin")).send({ assumptions: assumptions() }).expect(201);
  });
});

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

describe("the first admin token", () => {
  it("is created only while no token was ever created", () => {
    const db = openDatabase(":memory:");
    const store = new TokenStore(db, new AuditLog(db));
    const first = store.createFirstAdmin({ name: "server" });
    expect(first?.record.role).toBe("admin");
    expect(store.verify(first!.token)?.id).toBe(first!.record.id);
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
    store.revoke(first!.record.id, { name: "test" });
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
  });
});

describe("npm run token", () => {
  it("creates, lists and revokes tokens in the database under VAXA_DATA_DIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vaxa-token-"));
    const env = { ...process.env, VAXA_DATA_DIR: dir };
    const cli = (...args: string[]) => run(process.execPath, ["--import", "tsx", "server/token-command.ts", ...args], { env });
    try {
      const created = await cli("create", "--role", "planner", "--name", "Anna Andersson");
      const token = /vaxa_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
      expect(token).toBeDefined();
      expect(created.stdout).toMatch(/^Created token 1 for Anna Andersson \(planner\)/);

      const db = openDatabase(dir);
      const store = new TokenStore(db, new AuditLog(db));
      expect(store.verify(token!)).toMatchObject({ id: 1, name: "Anna Andersson", role: "planner" });

      const list = await cli("list");
      expect(list.stdout).toMatch(/1\s+planner\s+valid\s+Anna Andersson/);
      const revoked = await cli("revoke", "1");
      expect(revoked.stdout).toBe("Revoked token 1 (Anna Andersson, planner).\n");
      expect(store.verify(token!)).toBeUndefined();
      expect(new AuditLog(db).list(10).map((e) => e.action)).toEqual(["token.revoke", "token.create"]);
      db.close();

      const bad = await cli("create", "--role", "boss", "--name", "X").catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 1 });
      expect((bad as { stderr: string }).stderr).toMatch(/^--role must be one of viewer, planner, admin, not "boss"/);
      const missing = await cli("revoke", "7").catch((e: { code: number; stderr: string }) => e);
      expect((missing as { stderr: string }).stderr).toMatch(/^there is no token 7/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
