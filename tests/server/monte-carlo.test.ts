import { tableFromIPC } from "apache-arrow";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { monteCarlo, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { compilePlan } from "../../model/plan.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { tokenClient } from "../../server/auth.ts";
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
    const { app, services, auth } = await testServer();
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    try {
      const trajectories = await request(app)
        .post("/api/forecast")
        .set(auth("viewer"))
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
        .set(auth("viewer"))
        .set("Accept", ARROW)
        .send({ assumptions, monteCarlo: { draws: 20, seed: 3 } })
        .buffer(true)
        .parse(binary)
        .expect(200);
      const perDraw = tableFromIPC(draws.body as Buffer);
      expect(perDraw.numRows).toBe(20);
      expect(perDraw.schema.metadata.get("vaxa.table")).toBe("draws");
      expect(perDraw.getChild("growthMultiplier")!.get(0)).toBe(monteCarlo(await planFor(assumptions), { draws: 20, seed: 3 }).parameters.values[0]);

      const wrong = await request(app).post("/api/forecast?table=totals").set(auth("viewer")).set("Accept", ARROW).send({ assumptions, monteCarlo: { draws: 5 } }).expect(400);
      expect(wrong.body.error).toMatch(/^table: for Monte Carlo must be "trajectories" \(one row per draw, process and year\) or "draws"/);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("answers 400 for a distribution far wider than its parameter's range, before any draw", async () => {
    // the median (800,000) is a fine cost per FTE, but sigma 2000 puts a third of the draws past 10^300
    const { app, services } = await testServer();
    const pkg = await nackaPackage();
    const lever = pkg.pkg.levers[0]!.id;
    try {
      const res = await request(app)
        .post("/api/forecast")
        .send({ assumptions: { levers: [lever], uncertainty: { costPerFte: { type: "lognormal", mu: Math.log(800_000), sigma: 2000 } } }, monteCarlo: { draws: 10 } })
        .expect(400);
      expect(res.body.error).toBe(
        "assumptions.uncertainty.costPerFte: sigma 2000 is more than 2: the distribution spreads over more than a hundredfold",
      );
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("refuses a run with 503 when the workers and the queue are full, and keeps answering other requests", async () => {
    const { app, services } = await testServer({ monteCarloWorkers: 1, monteCarloQueue: 0 });
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    try {
      // One worker and no queue: a place held by another client (as a run under way holds it)
      // leaves none, for certain, when the request arrives.
      const held = services.monteCarlo.admit("address 192.0.2.1");
      const refused = await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 10, seed: 2 } });
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe("the server is busy with other Monte Carlo runs; try again in a few seconds");
      expect(refused.headers["retry-after"]).toBe("5");
      await request(app).get("/api/health").expect(200);
      held.release();
      // Once the place is given back, the next run is taken, and gives its own back when answered.
      await request(app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 10, seed: 3 } }).expect(200);
      expect(services.monteCarlo.underWay).toBe(0);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("needs a token for runs of more than VAXA_OPEN_MONTE_CARLO_DRAWS draws and for Arrow answers, unless configured open", async () => {
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    const closed = await testServer();
    const open = await testServer({ openMonteCarlo: true });
    try {
      await request(closed.app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 1000 } }).expect(200);
      const large = await request(closed.app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 1001 } }).expect(401);
      expect(large.body.error).toBe(
        "a Monte Carlo run of more than 1000 draws needs any valid token (viewer, planner or admin): send the header Authorization: Bearer <token>; summaries of up to 1000 draws need none",
      );
      expect(large.headers["www-authenticate"]).toMatch(/^Bearer/);
      const arrow = await request(closed.app).post("/api/forecast").set("Accept", ARROW).send({ assumptions, monteCarlo: { draws: 10 } }).expect(401);
      expect(arrow.body.error).toMatch(/^a Monte Carlo run answered as Arrow needs any valid token/);
      await request(closed.app).post("/api/forecast").set(closed.auth("viewer")).send({ assumptions, monteCarlo: { draws: 1001 } }).expect(200);
      await request(open.app).post("/api/forecast").set("Accept", ARROW).send({ assumptions, monteCarlo: { draws: 10 } }).buffer(true).parse(binary).expect(200);
      await request(open.app).post("/api/forecast").send({ assumptions, monteCarlo: { draws: 1001 } }).expect(200);
    } finally {
      await closed.services.monteCarlo.close();
      await open.services.monteCarlo.close();
    }
  }, 60_000);

  it("lets one client have at most VAXA_MONTE_CARLO_PER_CLIENT runs under way (429), while other clients still get theirs", async () => {
    const { app, services, auth, tokens } = await testServer({ monteCarloPerClient: 1, monteCarloQueue: 4 });
    const assumptions = { uncertainty: { growthMultiplier: { type: "uniform" as const, min: 1, max: 2 } } };
    try {
      // The planner's one place, held as a run under way holds it.
      const held = services.monteCarlo.admit(tokenClient(services.tokens.verify(tokens.planner)!));
      const second = await request(app).post("/api/forecast").set(auth("planner")).send({ assumptions, monteCarlo: { draws: 10, seed: 2 } });
      expect(second.status).toBe(429);
      expect(second.body.error).toBe("you already have 1 Monte Carlo run under way (at most 1 at a time); wait until one has finished");
      expect(second.headers["retry-after"]).toBe("5");
      const other = await request(app).post("/api/forecast").set(auth("viewer")).send({ assumptions, monteCarlo: { draws: 10, seed: 2 } });
      expect(other.status).toBe(200);
      held.release();
      // The place came back: the same client may run again.
      await request(app).post("/api/forecast").set(auth("planner")).send({ assumptions, monteCarlo: { draws: 10, seed: 3 } }).expect(200);
      expect(services.monteCarlo.underWay).toBe(0);
    } finally {
      await services.monteCarlo.close();
    }
  }, 60_000);

  it("starts workers only as runs need them, never two for one place, stops them when idle and starts a fresh one for the next run", async () => {
    const runner = new MonteCarloRunner({ workers: 2, maxQueued: 4, perClient: 4, idleSeconds: 1 });
    const plan = await planFor({ uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 2 } } });
    const summary = async (seed: number) => JSON.parse(new TextDecoder().decode(await runner.summary(plan, { draws: 50, seed })));
    const want = (seed: number) => JSON.parse(JSON.stringify(summariseMonteCarlo(monteCarlo(plan, { draws: 50, seed }))));
    try {
      // Three runs in one tick: the first starts a worker, the second finds it busy and starts the
      // other place's, the third waits on the less busy of the two.
      const together = [summary(1), summary(2), summary(3)];
      expect(runner.liveWorkers).toBe(2);
      expect(await Promise.all(together)).toEqual([want(1), want(2), want(3)]);

      // Both stop when idle; the next run starts a fresh worker and gets its answer.
      while (runner.liveWorkers > 0) await new Promise((r) => setTimeout(r, 50));
      expect(await summary(4)).toEqual(want(4));
      // One run at a time needs one worker: the idle live one is used before a new one starts.
      const one = summary(5);
      expect(runner.liveWorkers).toBe(1);
      expect(await one).toEqual(want(5));
    } finally {
      await runner.close();
    }
  }, 60_000);
});
