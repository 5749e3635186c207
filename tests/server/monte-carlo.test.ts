import { tableFromIPC } from "apache-arrow";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { compilePlan, type ModelPlan } from "../../model/plan.ts";
import { normalizeAssumptions } from "../../model/scenario.ts";
import { MonteCarloRunner } from "../../server/monte-carlo.ts";
import { binary, nackaPackage, testServer } from "./helpers.ts";

const ARROW = "application/vnd.apache.arrow.stream";

async function planFor(assumptions: Parameters<typeof normalizeAssumptions>[0]) {
  const loaded = await nackaPackage();
  const compiled = compilePlan(loaded.pkg, { id: "request", ...normalizeAssumptions(assumptions) });
  if (!compiled.ok) throw new Error("does not compile");
  return compiled.plan;
}

describe("POST /api/forecast, Monte Carlo", () => {
  it("answers the model's summary for the draws and seed, run in the worker pool", async () => {
    const { app, services } = await testServer();
    const pkg = await nackaPackage();
    const assumptions = { growthMultiplier: 2, levers: pkg.pkg.levers.map((l) => l.id), uncertainty: { growthMultiplier: { type: "triangular" as const, min: 1.5, mode: 2.125, max: 2.3 } } };
    try {
      const res = await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 200, seed: 7 } }).expect(200);
      expect(res.body).toMatchObject({ kind: "monte-carlo", draws: 200, seed: 7 });
      const want = summariseMonteCarlo(monteCarlo(await planFor(assumptions), { draws: 200, seed: 7 }));
      expect(res.body.result).toEqual(JSON.parse(JSON.stringify(want)));
      const y = res.body.result.years.at(-1);
      expect(y.totalFte_p10).toBeLessThan(y.totalFte_p90);

      const again = await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 200, seed: 7 } }).expect(200);
      expect(again.text).toBe(res.text);
      const otherSeed = await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 200, seed: 8 } }).expect(200);
      expect(otherSeed.body.result.years.at(-1).totalFte_p50).not.toBe(y.totalFte_p50);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("answers the draws as Arrow streams (io/arrow.ts): trajectories per draw, process and year, or one row per draw", async () => {
    const { app, services } = await testServer();
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    try {
      const trajectories = await request(app)
        .post("/api/forecast")
        .set("Accept", ARROW)
        .send({ assumptions, monteCarlo: { draws: 50, seed: 3 } })
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(trajectories.headers["content-type"]).toBe(ARROW);
      const table = tableFromIPC(trajectories.body as Buffer);
      const want = monteCarlo(await planFor(assumptions), { draws: 50, seed: 3 });
      const Y = want.years.length;
      const S = want.processes.length + 1;
      expect(table.numRows).toBe(50 * S * Y);
      expect(table.schema.metadata.get("vaxa.table")).toBe("trajectories");
      expect(table.schema.metadata.get("seed")).toBe("3");
      const i = (7 * S + S - 1) * Y + 4;
      expect(table.get(i)!.toJSON()).toMatchObject({ draw: 7, process: "total", year: want.years[4], fte: want.fte[i] });

      const draws = await request(app)
        .post("/api/forecast?table=draws")
        .set("Accept", ARROW)
        .send({ assumptions, monteCarlo: { draws: 20, seed: 3 } })
        .buffer(true)
        .parse(binary)
        .expect(200);
      const perDraw = tableFromIPC(draws.body as Buffer);
      expect(perDraw.numRows).toBe(20);
      expect(perDraw.schema.metadata.get("vaxa.table")).toBe("draws");
      expect(perDraw.getChild("growthMultiplier")!.get(0)).toBe(monteCarlo(await planFor(assumptions), { draws: 20, seed: 3 }).parameters.values[0]);

      const wrong = await request(app).post("/api/forecast?table=totals").set("Accept", ARROW).send({ assumptions, monteCarlo: { draws: 5 } }).expect(400);
      expect(wrong.body.error).toMatch(/^table: for Monte Carlo must be "trajectories" \(one row per draw, process and year\) or "draws"/);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("answers 422 when some draws give numbers that cannot be computed", async () => {
    // the median (800,000) is a fine cost per FTE; about a third of the draws overflow to infinity
    const { app, services } = await testServer();
    const pkg = await nackaPackage();
    const lever = pkg.pkg.levers[0]!.id;
    try {
      const res = await request(app)
        .post("/api/forecast")
        .send({ assumptions: { levers: [lever], uncertainty: { costPerFte: { type: "lognormal", mu: Math.log(800_000), sigma: 2000 } } }, monteCarlo: { draws: 10 } })
        .expect(422);
      expect(res.body.error).toBe("assumptions.uncertainty: some draws give results too large to compute (not finite numbers); narrow the distributions");
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("refuses a run with 503 when the workers and the queue are full, and keeps answering other requests", async () => {
    const { app, services } = await testServer();
    // A pool whose runs wait until the test lets them go: the first run is under way, for certain,
    // when the second request arrives. No worker, no queue places (maxQueued 0).
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pool = {
      run: async (plan: ModelPlan, options: { draws?: number; seed?: number }) => {
        started();
        await held;
        return monteCarlo(plan, options);
      },
      close: async () => undefined,
    };
    services.monteCarlo = new MonteCarloRunner(1, 0, async () => pool);
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    const first = request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 50, seed: 1 } }).then((r) => r);
    await running;
    const refused = await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 10, seed: 2 } });
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe("the server is busy with other Monte Carlo runs; try again in a few seconds");
    expect(refused.headers["retry-after"]).toBe("5");
    await request(app).get("/api/health").expect(200);
    release();
    expect((await first).status).toBe(200);
    // Once the run is done, the next one is taken.
    await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 10, seed: 3 } }).expect(200);
  }, 60_000);
});
