import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { normalizeAssumptions } from "../../../model/assumptions.ts";
import { canonicalJson } from "../../../contract/canonical-json.ts";
import { assumptions, nackaPackage, testServer } from "../helpers.ts";

/** The version hash recomputed here from its definition: sha256 of canonical JSON { assumptions, package }. */
function hashOf(a: Record<string, unknown>, packageHash: string): string {
  return createHash("sha256").update(canonicalJson({ assumptions: normalizeAssumptions(a), package: packageHash })).digest("hex");
}

describe("scenarios: create, list, get", () => {
  it("lists the data package's scenarios as saved versions", async () => {
    const { app } = await testServer();
    const pkg = await nackaPackage();
    const res = await request(app).get("/api/scenarios").expect(200);
    expect(res.body.scenarios.map((s: { id: string }) => s.id).sort()).toEqual(Object.keys(pkg.pkg.scenarios).sort());
    for (const s of res.body.scenarios) {
      expect(s.latest.author).toBe("data package");
      expect(s.latest.packageHash).toBe(pkg.hash);
    }
  });

  it("creates a scenario whose version id is the content hash of its assumptions and the package", async () => {
    const { app, auth } = await testServer();
    const pkg = await nackaPackage();
    const a = assumptions({ levers: [pkg.pkg.levers[1]!.id, pkg.pkg.levers[0]!.id] });
    const res = await request(app).post("/api/scenarios").set(auth("planner")).send({ assumptions: a, comment: "first try" }).expect(201);
    const v = res.body.version;
    expect(v.hash).toBe(hashOf(a, pkg.hash));
    expect(v.versionId).toBe(v.hash.slice(0, 12));
    expect(v).toMatchObject({ scenarioId: "testscenario", number: 1, parentVersionId: null, author: "token 2 (Per Planner, planner)", comment: "first try" });
    expect(v.assumptions.levers).toEqual([pkg.pkg.levers[0]!.id, pkg.pkg.levers[1]!.id].sort());
    expect(res.headers.location).toBe("/api/scenarios/testscenario/versions/1");

    const got = await request(app).get("/api/scenarios/testscenario").expect(200);
    expect(got.body.scenario).toMatchObject({ id: "testscenario", versionCount: 1, name: a.name });
    expect(got.body.version.hash).toBe(v.hash);
  });

  it("makes ids from the Swedish name and keeps them unique; a given id that is taken is a conflict", async () => {
    const { app, auth } = await testServer();
    const a = assumptions({ name: { sv: "Växa åt öster", en: "Grow east" } });
    const first = await request(app).post("/api/scenarios").set(auth("planner")).send({ assumptions: a }).expect(201);
    const second = await request(app).post("/api/scenarios").set(auth("planner")).send({ assumptions: a }).expect(201);
    expect(first.body.version.scenarioId).toBe("vaxa-at-oster");
    expect(second.body.version.scenarioId).toBe("vaxa-at-oster-2");
    expect(second.body.version.hash).toBe(first.body.version.hash);
    const taken = await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "vaxa-at-oster", assumptions: a }).expect(409);
    expect(taken.body.error).toBe('a scenario with the id "vaxa-at-oster" exists; save a new version of it with PUT /api/scenarios/vaxa-at-oster');
  });

  it("finds a version by its id across scenarios", async () => {
    const { app, auth } = await testServer();
    const created = await request(app).post("/api/scenarios").set(auth("admin")).send({ id: "mine", assumptions: assumptions() }).expect(201);
    const id = created.body.version.versionId;
    const res = await request(app).get(`/api/versions/${id}`).expect(200);
    expect(res.body.matches).toHaveLength(1);
    expect(res.body.matches[0]).toMatchObject({ scenarioId: "mine", number: 1, hash: created.body.version.hash });
    await request(app).get(`/api/versions/${created.body.version.hash}`).expect(200);
  });
});

describe("scenarios: versions", () => {
  it("saves an update as a new version naming its parent; old versions stay as they were", async () => {
    const { app, auth } = await testServer();
    const pkg = await nackaPackage();
    const v1 = (await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "plan", assumptions: assumptions() }).expect(201)).body.version;
    const a2 = assumptions({ growthMultiplier: 2 });
    const res = await request(app).put("/api/scenarios/plan").set(auth("planner")).send({ parentVersion: v1.versionId, assumptions: a2, comment: "faster" }).expect(201);
    const v2 = res.body.version;
    expect(res.body.created).toBe(true);
    expect(v2).toMatchObject({ number: 2, parentVersionId: v1.versionId, parentNumber: 1, hash: hashOf(a2, pkg.hash), comment: "faster" });

    const versions = await request(app).get("/api/scenarios/plan/versions").expect(200);
    expect(versions.body.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(versions.body.versions[0].hash).toBe(v1.hash);

    for (const selector of ["1", v1.versionId, v1.hash]) {
      const one = await request(app).get(`/api/scenarios/plan/versions/${selector}`).expect(200);
      expect(one.body.assumptions.growthMultiplier).toBe(1.5);
      expect(one.headers["x-vaxa-version"]).toBe(v1.versionId);
    }
    const latest = await request(app).get("/api/scenarios/plan/versions/latest").expect(200);
    expect(latest.body.number).toBe(2);
    const byHash = await request(app).get(`/api/scenarios/plan/versions/${v1.versionId}`).expect(200);
    expect(byHash.headers["cache-control"]).toMatch(/immutable/);
  });

  it("answers 200 without a new version when the assumptions are those of the newest version", async () => {
    const { app, auth } = await testServer();
    const v1 = (await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "same", assumptions: assumptions() }).expect(201)).body.version;
    const res = await request(app).put("/api/scenarios/same").set(auth("planner")).send({ parentVersion: v1.hash, assumptions: assumptions() }).expect(200);
    expect(res.body.created).toBe(false);
    expect(res.body.version.number).toBe(1);
  });

  it("refuses an update naming an older version with 409 and names the newest", async () => {
    const { app, auth } = await testServer();
    const v1 = (await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "race", assumptions: assumptions() }).expect(201)).body.version;
    await request(app).put("/api/scenarios/race").set(auth("planner")).send({ parentVersion: v1.versionId, assumptions: assumptions({ growthMultiplier: 2 }) }).expect(201);
    const late = await request(app).put("/api/scenarios/race").set(auth("admin")).send({ parentVersion: v1.versionId, assumptions: assumptions({ growthMultiplier: 3 }) }).expect(409);
    expect(late.body.error).toMatch(/^someone saved version 2 \([0-9a-f]{12}\) of "race" after the version [0-9a-f]{12} you changed/);
    expect(late.body.current).toMatchObject({ number: 2, parentVersionId: v1.versionId });
  });

  it("serves a version's forecast computed with its own assumptions", async () => {
    const { app, auth } = await testServer();
    await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "fc", assumptions: assumptions({ growthMultiplier: 2 }) }).expect(201);
    const direct = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 2 } }).expect(200);
    const res = await request(app).get("/api/scenarios/fc/versions/1/forecast").expect(200);
    expect(res.body.scenario).toBe("fc");
    expect(res.body.result.totals).toEqual(direct.body.result.totals);
    expect(res.body.result.scenario).toBe("fc");
  });

  it("keeps versions immutable in the database itself", async () => {
    const { app, auth, services } = await testServer();
    await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "frozen", assumptions: assumptions() }).expect(201);
    expect(() => services.db.prepare("UPDATE scenario_versions SET assumptions = '{}' WHERE scenario_id = 'frozen'").run()).toThrow(/immutable/);
    expect(() => services.db.prepare("DELETE FROM scenario_versions WHERE scenario_id = 'frozen'").run()).toThrow(/immutable/);
    expect(() => services.db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
  });
});

describe("concurrent updates of one scenario", () => {
  it("lets exactly one of many updates from the same parent win; the others get 409", async () => {
    const { app, auth, services } = await testServer();
    const v1 = (await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "busy", assumptions: assumptions() }).expect(201)).body.version;
    // A real listening server, so the requests really are in flight together.
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const { port } = server.address() as AddressInfo;
    try {
      const writers = Array.from({ length: 12 }, (_, i) =>
        fetch(`http://127.0.0.1:${port}/api/scenarios/busy`, {
          method: "PUT",
          headers: { ...auth(i % 2 === 0 ? "planner" : "admin"), "Content-Type": "application/json" },
          body: JSON.stringify({ parentVersion: v1.versionId, assumptions: assumptions({ growthMultiplier: 2 + i / 10 }) }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { version?: { number: number }; error?: string } })),
      );
      const answers = await Promise.all(writers);
      const won = answers.filter((a) => a.status === 201);
      const lost = answers.filter((a) => a.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(11);
      expect(won[0]!.body.version!.number).toBe(2);
      for (const l of lost) expect(l.body.error).toMatch(/^someone saved version 2/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(services.scenarios.versions("busy")).toHaveLength(2);
  });
});

describe("a saved version that does not compute", () => {
  it("is answered 422 naming the version and why, for its forecast, charts and exports, never 500", async () => {
    const { app, services } = await testServer();
    // Stored directly, as a version seeded from a data package or saved by an older Vaxa could be:
    // the save route itself refuses assumptions that do not compute.
    const saved = services.scenarios.create({
      id: "overflows",
      // A cost per FTE of 1e308, past its valid range (model/bounds.ts): as an older Vaxa could have saved it.
      assumptions: normalizeAssumptions({ name: { sv: "För dyr", en: "Too dear" }, set: { costPerFte: 1e308 }, levers: services.model.current.pkg.levers.map((l) => l.id) }),
      packageHash: services.model.current.hash,
      actor: { name: "test" },
    });
    if (!saved.ok) throw new Error("not stored");
    const versionId = saved.version.versionId;
    const message = `saved version overflows v1 (${versionId}) cannot be computed with its data package: assumptions.set.costPerFte: 1e+308 is outside the valid range from 1 to 10000000000 (currency per FTE)`;
    for (const path of ["forecast", "charts/fte-per-year.svg", "export.csv", "export.xlsx"]) {
      const res = await request(app).get(`/api/scenarios/overflows/versions/1/${path}`);
      expect(res.status, path).toBe(422);
      expect(res.body.error, path).toBe(message);
    }
  });
});

// Archiving (admin only, reversible, in the audit log) and two versions of one scenario side by side.
describe("archiving a scenario", () => {
  it("is refused without a token and for planners, allowed for admins, and undone by unarchive", async () => {
    const { app, auth } = await testServer();
    await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "test-run", assumptions: assumptions() }).expect(201);
    await request(app).post("/api/scenarios/test-run/archive").expect(401);
    const planner = await request(app).post("/api/scenarios/test-run/archive").set(auth("planner")).expect(403);
    expect(planner.body.error).toBe("archiving a scenario needs an admin token; your token (Per Planner) has the role planner");

    const archived = await request(app).post("/api/scenarios/test-run/archive").set(auth("admin")).expect(200);
    expect(archived.body.scenario.archived).toMatchObject({ by: "token 1 (Ada Admin, admin)" });
    const listed = await request(app).get("/api/scenarios").expect(200);
    expect(listed.body.scenarios.find((s: { id: string }) => s.id === "test-run").archived).not.toBeNull();
    // The versions stay readable.
    await request(app).get("/api/scenarios/test-run/versions/1/forecast").expect(200);

    const back = await request(app).post("/api/scenarios/test-run/unarchive").set(auth("admin")).expect(200);
    expect(back.body.scenario.archived).toBeNull();
    const audit = await request(app).get("/api/audit").set(auth("admin")).expect(200);
    expect(audit.body.entries.slice(0, 2).map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual([
      "scenario.unarchive scenario test-run",
      "scenario.archive scenario test-run",
    ]);
  });

  it("answers 404 for a scenario that does not exist and records nothing when the state does not change", async () => {
    const { app, auth } = await testServer();
    await request(app).post("/api/scenarios/nothing-here/archive").set(auth("admin")).expect(404);
    await request(app).post("/api/scenarios/baseline/unarchive").set(auth("admin")).expect(200);
    const audit = await request(app).get("/api/audit").set(auth("admin")).expect(200);
    expect(audit.body.entries.some((e: { action: string }) => e.action.endsWith("archive"))).toBe(false);
  });
});

describe("two versions of one scenario", () => {
  it("are both kept with their own author and comment and computed on their own", async () => {
    const { app, auth } = await testServer();
    const v1 = await request(app).post("/api/scenarios").set(auth("planner")).send({ id: "two", assumptions: assumptions({ growthMultiplier: 1 }), comment: "first" }).expect(201);
    await request(app)
      .put("/api/scenarios/two")
      .set(auth("admin"))
      .send({ parentVersion: v1.body.version.versionId, assumptions: assumptions({ growthMultiplier: 2 }), comment: "double growth" })
      .expect(201);
    const versions = await request(app).get("/api/scenarios/two/versions").expect(200);
    expect(versions.body.versions.map((v: { number: number; author: string; comment: string }) => [v.number, v.author, v.comment])).toEqual([
      [1, "token 2 (Per Planner, planner)", "first"],
      [2, "token 1 (Ada Admin, admin)", "double growth"],
    ]);
    const first = await request(app).get("/api/scenarios/two/versions/1/forecast").expect(200);
    const second = await request(app).get("/api/scenarios/two/versions/2/forecast").expect(200);
    const at = (body: { result: { totals: { baselineFte: number[] } } }) => body.result.totals.baselineFte.at(-1)!;
    // Twice the growth in drivers gives more baseline FTE at the horizon.
    expect(at(second.body)).toBeGreaterThan(at(first.body));
  });
});
