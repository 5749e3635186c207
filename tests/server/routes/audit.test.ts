import request from "supertest";
import { describe, expect, it } from "vitest";
import { assumptions, testServer } from "../helpers.ts";

describe("the audit log", () => {
  it("records who created and updated what, and when, for admins to read", async () => {
    const times = [new Date("2030-01-01T10:00:00Z"), new Date("2030-01-02T11:00:00Z")];
    let now = times[0]!;
    const { app, auth } = await testServer({}, () => now);
    const v1 = (await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "audited", assumptions: assumptions() }).expect(201)).body.version;
    now = times[1]!;
    const v2 = (await request(app).put("/api/scenarios/audited").set(auth("admin")).send({ parentVersion: v1.versionId, assumptions: assumptions({ growthMultiplier: 2 }) }).expect(201)).body.version;
    const res = await request(app).get("/api/audit?limit=2").set(auth("admin")).expect(200);
    expect(res.body.entries).toHaveLength(2);
    const [update, create] = res.body.entries;
    expect(update).toMatchObject({ actor: "token 1 (Ada Admin, admin)", action: "scenario.update", target: `scenario audited v2 ${v2.versionId}`, at: "2030-01-02T11:00:00.000Z" });
    expect(update.details).toMatchObject({ hash: v2.hash, parent: v1.hash });
    expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(create).toMatchObject({ actor: "token 2 (Per Planner, planner)", action: "scenario.create", at: "2030-01-01T10:00:00.000Z" });
    const older = await request(app).get(`/api/audit?before=${create.id}&limit=1000`).set(auth("admin")).expect(200);
    expect(older.body.entries.every((e: { id: number }) => e.id < create.id)).toBe(true);
  });
});
