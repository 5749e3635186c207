/**
 * Tokens: the first admin token is made once, the last admin token stays, names cannot carry control characters, and a token may
 * expire.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { AuditLog } from "../../../server/db/audit-log.ts";
import { openDatabase } from "../../../server/db/open-database.ts";
import { printable, TokenStore, tokenNameProblem } from "../../../server/db/token-store.ts";
import { testServer } from "../helpers.ts";

const actor = { name: "test" };

describe("the first admin token", () => {
  it("is created only while no token was ever created", () => {
    const db = openDatabase(":memory:");
    const store = new TokenStore(db, new AuditLog(db));
    const first = store.createFirstAdmin({ name: "server" });
    expect(first?.record.role).toBe("admin");
    expect(store.verify(first!.token)?.id).toBe(first!.record.id);
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
    // Every token revoked (by hand: the store keeps the last admin token), and still none is created.
    db.prepare("UPDATE tokens SET revoked_at = '2026-01-01T00:00:00Z'").run();
    expect(store.verify(first!.token)).toBeUndefined();
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
  });
});

describe("the last admin token", () => {
  it("is never revoked, whoever asks; once another admin exists it may be", () => {
    const db = openDatabase(":memory:");
    const store = new TokenStore(db, new AuditLog(db));
    const first = store.createFirstAdmin({ name: "server" })!;
    const planner = store.create("Per Planner", "planner", actor);
    expect(store.revoke(first.record.id, actor)).toBe("last-admin");
    expect(store.verify(first.token)?.id).toBe(first.record.id);
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();

    const second = store.create("Ada Admin", "admin", actor);
    expect(store.revoke(first.record.id, actor)).toBe("revoked");
    expect(store.verify(first.token)).toBeUndefined();
    expect(store.revoke(first.record.id, actor)).toBe("already-revoked");
    expect(store.revoke(second.record.id, actor)).toBe("last-admin");
    expect(store.revoke(planner.record.id, actor)).toBe("revoked");
    expect(store.revoke(999, actor)).toBe("not-found");
    expect(new AuditLog(db).list(10).filter((e) => e.action === "token.revoke").map((e) => e.target)).toEqual([`token ${planner.record.id}`, `token ${first.record.id}`]);
  });

  it("does not count an expired admin token as one that stays", () => {
    let now = new Date("2026-03-01T12:00:00Z");
    const db = openDatabase(":memory:");
    const store = new TokenStore(db, new AuditLog(db), () => now);
    const lasting = store.create("Ada Admin", "admin", actor);
    const brief = store.create("Temporary Admin", "admin", actor, { expiresInDays: 1 });
    now = new Date("2026-03-03T12:00:00Z");
    expect(store.revoke(lasting.record.id, actor)).toBe("last-admin");
    expect(store.revoke(brief.record.id, actor)).toBe("revoked");
  });

  it("over HTTP: 409 with the reason, and the token still works", async () => {
    const { app, auth, services } = await testServer();
    const admin = services.tokens.list().find((t) => t.role === "admin")!;
    const res = await request(app).delete(`/api/tokens/${admin.id}`).set(auth("admin")).expect(409);
    expect(res.body.error).toBe(
      `token ${admin.id} is the last valid admin token and stays: without it nobody could manage tokens over HTTP; create another admin token first`,
    );
    await request(app).get("/api/tokens").set(auth("admin")).expect(200);
  });
});

describe("token names", () => {
  it("refuse control characters, escape codes and invisible formatting, and accept names in any script", () => {
    for (const name of ["Eve\nAdmin", "Eve\u001b[31mRed", "tab\there", "rtl\u202eoverride", "zero\u200bwidth", "line\u2028sep", "bell\u0007"]) {
      expect(tokenNameProblem(name), JSON.stringify(name)).toBe(
        "must not contain control characters (line breaks, tabs, escape codes) or invisible formatting characters",
      );
    }
    for (const name of ["Åsa Öberg", "Ольга", "李雷", "O'Brien-Smith (ekonomi)"]) expect(tokenNameProblem(name)).toBeUndefined();
    expect(tokenNameProblem("   ")).toBe("must say who holds the token, in 1 to 120 characters");
    expect(tokenNameProblem("x".repeat(121))).toBe("must say who holds the token, in 1 to 120 characters");
  });

  it("are printed with their unprintable characters escaped", () => {
    expect(printable("Eve\n\u001b[31mAdmin\u202e")).toBe("Eve\\n\\u{1b}[31mAdmin\\u{202e}");
    expect(printable("Åsa Öberg")).toBe("Åsa Öberg");
  });

  it("over HTTP: 400 naming the field, and no token is created", async () => {
    const { app, auth, services } = await testServer();
    const before = services.tokens.list().length;
    const res = await request(app).post("/api/tokens").set(auth("admin")).send({ name: "Eve\n\u001b[2J", role: "admin" }).expect(400);
    expect(res.body.error).toBe("name: must not contain control characters (line breaks, tabs, escape codes) or invisible formatting characters");
    expect(services.tokens.list()).toHaveLength(before);
    expect(() => services.tokens.create("Eve\nAdmin", "admin", actor)).toThrow(/must not contain control characters/);
  });
});

describe("token expiry", () => {
  it("is optional; an expired token is refused with the time it expired", async () => {
    let now = new Date("2026-03-01T12:00:00Z");
    const { app, auth } = await testServer({}, () => now);
    const created = await request(app).post("/api/tokens").set(auth("admin")).send({ name: "Konsult", role: "viewer", expiresInDays: 30 }).expect(201);
    expect(created.body.record.expiresAt).toBe("2026-03-31T12:00:00.000Z");
    const bearer = { Authorization: `Bearer ${created.body.token}` };
    await request(app).get("/api/scenarios").set(bearer).expect(200);

    now = new Date("2026-03-31T12:00:01Z");
    const expired = await request(app).get("/api/scenarios").set(bearer).expect(401);
    expect(expired.body.error).toBe("the token expired at 2026-03-31T12:00:00.000Z; ask an administrator for a new one");
    // Tokens without an expiry go on working.
    await request(app).get("/api/tokens").set(auth("admin")).expect(200);

    const bad = await request(app).post("/api/tokens").set(auth("admin")).send({ name: "X", role: "viewer", expiresInDays: 0 }).expect(400);
    expect(bad.body.error).toBe("expiresInDays: must be a whole number of days from 1 to 3650");
  });
});
