import request from "supertest";
import { describe, expect, it } from "vitest";
import { nackaPackage, testServer } from "../helpers.ts";

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
