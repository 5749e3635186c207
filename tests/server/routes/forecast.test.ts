import { tableFromIPC } from "apache-arrow";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { forecast } from "../../../model/forecast.ts";
import { compilePlan } from "../../../model/plan.ts";
import { normalizeAssumptions } from "../../../model/scenario.ts";
import { binary, nackaPackage, testServer } from "../helpers.ts";

const ARROW = "application/vnd.apache.arrow.stream";


async function expected(assumptions: Parameters<typeof normalizeAssumptions>[0], horizon?: number) {
  const loaded = await nackaPackage();
  const pkg = horizon ? { ...loaded.pkg, municipality: { ...loaded.pkg.municipality, horizon } } : loaded.pkg;
  const compiled = compilePlan(pkg, { id: "request", ...normalizeAssumptions(assumptions) });
  if (!compiled.ok) throw new Error("does not compile");
  return forecast(compiled.plan);
}

describe("POST /api/forecast, deterministic", () => {
  it("answers the model's forecast for the assumptions, exactly", async () => {
    const { app } = await testServer();
    const pkg = await nackaPackage();
    const assumptions = { growthMultiplier: 2, levers: [pkg.pkg.levers[0]!.id], set: { "levers.intensity": 0.8 } };
    const res = await request(app).post("/api/forecast").send({ assumptions }).expect(200);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    expect(res.body.kind).toBe("deterministic");
    expect(res.body.package.hash).toBe(pkg.hash);
    expect(res.body.result).toEqual(JSON.parse(JSON.stringify(await expected(assumptions))));
    expect(res.body.result.investment).not.toBeNull();
  });

  it("gives the same answer from the cache as when first computed, and different answers for different assumptions", async () => {
    const { app } = await testServer();
    const first = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.3 } }).expect(200);
    const again = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.3 } }).expect(200);
    const other = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.4 } }).expect(200);
    expect(again.text).toBe(first.text);
    expect(other.body.result.totals.at(-1).totalFte).toBeGreaterThan(first.body.result.totals.at(-1).totalFte);
  });

  it("treats an empty body object as the baseline", async () => {
    const { app } = await testServer();
    const res = await request(app).post("/api/forecast").send({}).expect(200);
    expect(res.body.result).toEqual(JSON.parse(JSON.stringify(await expected({}))));
    expect(res.body.result.investment).toBeNull();
  });

  it("stops at a shorter horizon when asked", async () => {
    const { app } = await testServer();
    const res = await request(app).post("/api/forecast").send({ horizon: 2030, assumptions: { growthMultiplier: 2 } }).expect(200);
    expect(res.body.horizon).toBe(2030);
    expect(res.body.result.years.at(-1)).toBe(2030);
    expect(res.body.result).toEqual(JSON.parse(JSON.stringify(await expected({ growthMultiplier: 2 }, 2030))));
  });

  it("answers an Arrow IPC stream of the rows per process and year when the client asks for one", async () => {
    const { app } = await testServer();
    const res = await request(app)
      .post("/api/forecast")
      .set("Accept", ARROW)
      .send({ assumptions: { growthMultiplier: 2 } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers["content-type"]).toBe(ARROW);
    const table = tableFromIPC(res.body as Buffer);
    const want = await expected({ growthMultiplier: 2 });
    expect(table.numRows).toBe(want.rows.length);
    expect(table.schema.fields.map((f) => f.name)).toEqual(["year", "process", "baselineFte", "deliveryFte", "developmentFte", "transitionFte", "totalFte"]);
    const row = table.get(30)!.toJSON();
    expect(row).toEqual(want.rows[30]);
  });

  it("answers the yearly totals as Arrow with ?table=totals", async () => {
    const { app } = await testServer();
    const res = await request(app)
      .post("/api/forecast?table=totals")
      .set("Accept", ARROW)
      .send({ assumptions: { growthMultiplier: 2 } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const table = tableFromIPC(res.body as Buffer);
    const want = await expected({ growthMultiplier: 2 });
    expect(table.numRows).toBe(want.totals.length);
    expect(table.getChild("cumulativeNet")!.get(10)).toBe(want.totals[10]!.cumulativeNet);
    // the base year has no decoupling ratio: null in Arrow, as in JSON, not NaN
    expect(table.getChild("decouplingRatio")!.get(0)).toBeNull();
    expect(table.getChild("decouplingRatio")!.get(1)).toBe(want.totals[1]!.decouplingRatio);
  });
});
