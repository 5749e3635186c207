import request from "supertest";
import { describe, expect, it } from "vitest";
import { assumptions, testServer } from "./helpers.ts";

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
