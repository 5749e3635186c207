/**
 * Request fields past the table of bounds (model/bounds.ts), through the server: a parameter set or
 * made uncertain beyond its valid range is a 400 naming the field's path, for a forecast and for a
 * save, and nothing is saved; the same ranges as in a package's files.
 */
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_PARAMETERS } from "../../model/bounds.ts";
import { assumptions, type TestServer, testServer } from "../server/helpers.ts";

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});

const cases: [string, Record<string, unknown>, string, string][] = [
  ["set.growthMultiplier 1e300", { set: { growthMultiplier: 1e300 } }, "assumptions.set.growthMultiplier", "1e+300 is outside the valid range from 0 to 5 (factor)"],
  [
    "set drivers.residents.growthMultiplier 1e6",
    { set: { "drivers.residents.growthMultiplier": 1e6 } },
    'assumptions.set["drivers.residents.growthMultiplier"]',
    "1000000 is outside the valid range from 0 to 5 (factor)",
  ],
  ["set levers.midpointShift 1e308", { set: { "levers.midpointShift": 1e308 } }, 'assumptions.set["levers.midpointShift"]', "1e+308 is outside the valid range from −50 to 50 (years)"],
  ["set levers.intensity 1e9", { set: { "levers.intensity": 1e9 } }, 'assumptions.set["levers.intensity"]', "1000000000 is outside the valid range from 0 to 100 (factor)"],
  ["a negative intensity", { set: { "levers.intensity": -1 } }, 'assumptions.set["levers.intensity"]', "-1 is outside the valid range from 0 to 100 (factor)"],
  [
    "an uncertain growth multiplier up to 1e300",
    { uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 1e300 } } },
    "assumptions.uncertainty.growthMultiplier",
    "the distribution reaches past the valid range from 0 to 5 (factor): max 1e+300",
  ],
  [
    "an uncertain intensity with a huge spread",
    { uncertainty: { "levers.intensity": { type: "normal", mean: 1, sd: 1e9 } } },
    'assumptions.uncertainty["levers.intensity"]',
    "the distribution is wider than the valid range from 0 to 100 (factor): sd 1000000000 is more than 100",
  ],
];

describe("request fields past the table of bounds", () => {
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
    const p = PACKAGE_PARAMETERS;
    for (const spec of [p.growthMultiplier, p.driverGrowthMultiplier, p.intensity, p.midpointShift]) {
      const path = spec.name.replace("<driver>", "residents");
      for (const value of spec.bounds) {
        const res = await request(server.app).post("/api/forecast").send({ assumptions: { set: { [path]: value } } });
        expect(res.status, `${path} = ${value}: ${JSON.stringify(res.body.error)}`).toBe(200);
      }
    }
  });
});
