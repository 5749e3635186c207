import { tableFromIPC } from "apache-arrow";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { forecast } from "../../../model/forecast.ts";
import { compilePlan } from "../../../model/plan.ts";
import { normalizeAssumptions } from "../../../model/assumptions.ts";
import { MonteCarloRunner } from "../../../server/monte-carlo.ts";
import { binary, nackaPackage, testServer } from "../helpers.ts";
import { renamed, zipOf } from "../../io/package-uploads.ts";
import { forecastFromColumns } from "../../../contract/forecast-columns.ts";

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
    expect(forecastFromColumns(res.body.result)).toEqual(JSON.parse(JSON.stringify(await expected(assumptions))));
    expect(res.body.result.investment).not.toBeNull();
  });

  it("sends rows and totals as columns, as the OpenAPI document describes them, and a saved version's forecast the same way", async () => {
    const { app } = await testServer();
    const { pkg } = await nackaPackage();
    const scenario = pkg.scenarios["vaxa-utan-att-vaxa"]!;
    const res = await request(app).get("/api/scenarios/vaxa-utan-att-vaxa/versions/1/forecast").expect(200);
    const compiled = compilePlan(pkg, scenario);
    if (!compiled.ok) throw new Error("does not compile");
    const want = forecast(compiled.plan);
    expect(want.levers.length).toBeGreaterThan(0);
    expect(forecastFromColumns(res.body.result)).toEqual(JSON.parse(JSON.stringify(want)));
    const schema = (await request(app).get("/api/openapi.json").expect(200)).body.components.schemas.ForecastColumns;
    expect(Object.keys(res.body.result).sort()).toEqual([...schema.required].sort());
    expect(Object.keys(res.body.result.rows).sort()).toEqual([...schema.properties.rows.required].sort());
    expect(Object.keys(res.body.result.totals).sort()).toEqual([...schema.properties.totals.required].sort());
    // One value per process and year, and per year.
    const cells = want.processes.length * want.years.length;
    for (const column of Object.values(res.body.result.rows) as unknown[][]) expect(column).toHaveLength(cells);
    for (const column of Object.values(res.body.result.totals) as unknown[][]) expect(column).toHaveLength(want.years.length);
  });

  it("gives the same answer from the cache as when first computed, and different answers for different assumptions", async () => {
    const { app } = await testServer();
    const first = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.3 } }).expect(200);
    const again = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.3 } }).expect(200);
    const other = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 1.4 } }).expect(200);
    expect(again.text).toBe(first.text);
    expect(other.body.result.totals.totalFte.at(-1)).toBeGreaterThan(first.body.result.totals.totalFte.at(-1));
  });

  it("answers assumptions asked for again, after many others, with the same bytes, as JSON and as Arrow", async () => {
    // More assumptions than the forecasts the model service keeps (16), fewer than the answers (256).
    const { app } = await testServer();
    const ask = (growthMultiplier: number) => request(app).post("/api/forecast").send({ assumptions: { growthMultiplier } }).expect(200);
    const first = await ask(1.01);
    const texts = new Set([first.text]);
    for (let i = 2; i <= 20; i++) texts.add((await ask(1 + i / 100)).text);
    expect(texts.size).toBe(20);
    expect((await ask(1.01)).text).toBe(first.text);
    const arrow = await request(app)
      .post("/api/forecast")
      .set("Accept", "application/vnd.apache.arrow.stream")
      .send({ assumptions: { growthMultiplier: 1.01 } })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const rows = tableFromIPC(arrow.body as Buffer).toArray();
    expect(rows.at(-1)!.totalFte).toBe(first.body.result.rows.totalFte.at(-1));
  });

  it("treats an empty body object as the baseline", async () => {
    const { app } = await testServer();
    const res = await request(app).post("/api/forecast").send({}).expect(200);
    expect(forecastFromColumns(res.body.result)).toEqual(JSON.parse(JSON.stringify(await expected({}))));
    expect(res.body.result.investment).toBeNull();
  });

  it("stops at a shorter horizon when asked", async () => {
    const { app } = await testServer();
    const res = await request(app).post("/api/forecast").send({ horizon: 2030, assumptions: { growthMultiplier: 2 } }).expect(200);
    expect(res.body.horizon).toBe(2030);
    expect(res.body.result.years.at(-1)).toBe(2030);
    expect(forecastFromColumns(res.body.result)).toEqual(JSON.parse(JSON.stringify(await expected({ growthMultiplier: 2 }, 2030))));
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

describe("POST /api/forecast, the same Monte Carlo summary asked for twice at once", () => {
  it("is run once: the second request waits for the run under way and takes no place of its own", async () => {
    // One worker and no queue: a single place.
    const { app, services } = await testServer({ monteCarloWorkers: 1, monteCarloQueue: 0 });
    let runs = 0;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A runner whose runs wait until the test lets them go.
    class HeldRunner extends MonteCarloRunner {
      override async summary(...args: Parameters<MonteCarloRunner["summary"]>): Promise<Uint8Array> {
        runs++;
        started();
        await held;
        return super.summary(...args);
      }
    }
    services.monteCarlo = new HeldRunner(services.monteCarlo.limits);
    // Once the repeated request's assumptions are compiled, its handler goes on without pause to
    // wait for the run (or, without sharing, to be refused).
    let armed = false;
    let repeatedArrived!: () => void;
    const repeated = new Promise<void>((resolve) => (repeatedArrived = resolve));
    const compile = services.model.compile.bind(services.model);
    services.model.compile = (...args) => {
      if (armed) repeatedArrived();
      return compile(...args);
    };
    const body = { assumptions: { uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 2 } } }, monteCarlo: { draws: 50, seed: 4 } };
    try {
      const first = request(app).post("/api/forecast").send(body).then((r) => r);
      await running;
      // The only place is taken: another run is refused …
      const other = await request(app).post("/api/forecast").send({ ...body, monteCarlo: { draws: 50, seed: 5 } });
      expect(other.status).toBe(503);
      // … the same run is not.
      armed = true;
      const second = request(app).post("/api/forecast").send(body).then((r) => r);
      await repeated;
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(200);
      expect(b.text).toBe(a.text);
      expect(runs).toBe(1);
      expect(services.monteCarlo.underWay).toBe(0);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);
});

describe("POST /api/forecast, the population and driver sets", () => {
  it("takes the population's scale factors in set, and a driver set, as the model does", async () => {
    const { app } = await testServer();
    const assumptions = { growthMultiplier: 2, set: { "population.mortality": 1.2, "population.inMigration": 0.9 } };
    const res = await request(app).post("/api/forecast").send({ assumptions }).expect(200);
    expect(forecastFromColumns(res.body.result)).toEqual(JSON.parse(JSON.stringify(await expected(assumptions))));
    // Fewer in-migrants and more deaths: fewer residents in 2040 than at the rates as given.
    const plain = await request(app).post("/api/forecast").send({ assumptions: { growthMultiplier: 2 } }).expect(200);
    expect(res.body.result.totals.residents.at(-1)).toBeLessThan(plain.body.result.totals.residents.at(-1));
    const own = await request(app).post("/api/forecast").send({ assumptions: { driverSet: "nacka" } }).expect(200);
    expect(forecastFromColumns(own.body.result)).toEqual(JSON.parse(JSON.stringify(await expected({ driverSet: "nacka" }))));
  });

  it("refuses a driver set the package does not have, naming the field and the sets there are", async () => {
    const { app } = await testServer();
    const res = await request(app).post("/api/forecast").send({ assumptions: { driverSet: "scb" } }).expect(400);
    expect(res.body.problems).toEqual([{ path: "assumptions.driverSet", message: 'unknown driver set "scb": expected one of nacka' }]);
  });
});

describe("POST /api/forecast with a stored package (packageHash)", () => {
  it("computes the forecast and the Monte Carlo run with that package, and refuses one the server does not have", async () => {
    const { app, auth } = await testServer();
    const uploaded = await request(app).post("/api/packages").set(auth("planner")).set("Content-Type", "application/zip").send(zipOf(await renamed("Paketby kommun"))).expect(201);
    const hash = uploaded.body.package.hash;
    const point = await request(app).post("/api/forecast").send({ assumptions: {}, packageHash: hash }).expect(200);
    expect(point.body.package.hash).toBe(hash);
    const current = await request(app).post("/api/forecast").send({ assumptions: {} }).expect(200);
    // The same figures under another name: the same numbers, another package.
    expect(point.body.result.totals).toEqual(current.body.result.totals);
    expect(current.body.package.hash).not.toBe(hash);
    const mc = await request(app).post("/api/forecast").send({ assumptions: {}, packageHash: hash, monteCarlo: { draws: 20, seed: 1 } }).expect(200);
    expect(mc.body).toMatchObject({ kind: "monte-carlo", package: { hash } });
    const unknown = await request(app).post("/api/forecast").send({ assumptions: {}, packageHash: "c".repeat(64) }).expect(400);
    expect(unknown.body.error).toMatch(/^packageHash: no data package c{64} is stored on this server/);
  });
});
