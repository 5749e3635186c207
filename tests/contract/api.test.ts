/**
 * Request fields past their limits (REQUEST_PARAMETER_BOUNDS), through the server: a parameter set
 * or made uncertain beyond its bound is a 400 naming the field's path, and nothing is saved.
 */
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { REQUEST_PARAMETER_BOUNDS } from "../../contract/api.ts";
import { assumptions, type TestServer, testServer } from "../server/helpers.ts";

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

const cases: [string, Record<string, unknown>, string, string][] = [
  ["set.growthMultiplier 1e300", { set: { growthMultiplier: 1e300 } }, "assumptions.set.growthMultiplier", "expected a number from 0 to 5 (times the forecast growth)"],
  [
    "set drivers.residents.growthMultiplier 1e6",
    { set: { "drivers.residents.growthMultiplier": 1e6 } },
    'assumptions.set["drivers.residents.growthMultiplier"]',
    "expected a number from 0 to 5 (times the driver's forecast growth)",
  ],
  ["set levers.midpointShift 1e308", { set: { "levers.midpointShift": 1e308 } }, 'assumptions.set["levers.midpointShift"]', "expected a number from −50 to 50 (years)"],
  ["set levers.intensity 1e9", { set: { "levers.intensity": 1e9 } }, 'assumptions.set["levers.intensity"]', "expected a number from 0 to 100 (times every lever's reach)"],
  ["a negative intensity", { set: { "levers.intensity": -1 } }, 'assumptions.set["levers.intensity"]', "expected a number from 0 to 100 (times every lever's reach)"],
  [
    "an uncertain growth multiplier up to 1e300",
    { uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 1e300 } } },
    "assumptions.uncertainty.growthMultiplier.max",
    "expected the distribution to stay from 0 to 5 (times the forecast growth)",
  ],
  [
    "an uncertain intensity with a huge spread",
    { uncertainty: { "levers.intensity": { type: "normal", mean: 1, sd: 1e9 } } },
    'assumptions.uncertainty["levers.intensity"].sd',
    "expected a narrower spread for a parameter from 0 to 100 (times every lever's reach)",
  ],
];

describe("request fields past their limits", () => {
  for (const [name, extra, path, message] of cases) {
    it(`${name}: 400 naming ${path}, for a forecast and for a save, and nothing is saved`, async () => {
      const forecast = await request(server.app).post("/api/forecast").send({ assumptions: extra }).expect(400);
      expect(forecast.body.error).toBe(`${path}: ${message}`);
      expect(forecast.body.problems).toEqual([{ path, message }]);

      const before = server.services.scenarios.count();
      const saved = await request(server.app).post("/api/scenarios").set(server.auth("planner")).send({ assumptions: assumptions(extra) }).expect(400);
      expect(saved.body.error).toBe(`${path}: ${message}`);
      expect(server.services.scenarios.count()).toBe(before);
    });
  }

  it("accepts the bounds themselves", async () => {
    for (const bound of REQUEST_PARAMETER_BOUNDS) {
      const path = bound.path.replace("<driver>", "residents");
      for (const value of bound.range) {
        const res = await request(server.app).post("/api/forecast").send({ assumptions: { set: { [path]: value } } });
        expect(res.status, `${path} = ${value}: ${JSON.stringify(res.body.error)}`).toBe(200);
      }
    }
  });
});
