/**
 * server/model-service.ts: plans compiled once per structure (package, horizon, levers, driver
 * growth rates) and patched with new values give the forecast a fresh compilation gives.
 */
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { forecast } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";
import { forecastAnswerJson } from "../../server/forecast-json.ts";
import { ModelService, packageFromFiles } from "../../server/model-service.ts";

describe("ModelService: plans patched with new values", async () => {
  const loaded = packageFromFiles((await readPackageFolder("data/nacka")).files);
  const scenario = loaded.pkg.scenarios["vaxa-utan-att-vaxa"]!;
  const { id: _id, ...assumptions } = scenario;

  it("forecast exactly as a plan compiled afresh, request after request", () => {
    const service = new ModelService(loaded, undefined);
    for (const efficiency of [0.5, 0.55, 0.6]) {
      const changed = { ...assumptions, set: { ...assumptions.set, "levers.e_services.efficiency": efficiency } };
      const compiled = service.compile({ package: loaded, scenarioId: "test", assumptions: changed });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
      const fresh = compilePlan(loaded.pkg, { id: "test", ...changed });
      if (!fresh.ok) throw new Error("fresh compile failed");
      expect(compiled.plan.parameters.values[compiled.plan.parameters.index.get("levers.e_services.efficiency")!]).toBe(efficiency);
      expect(forecast(compiled.plan)).toEqual(forecast(fresh.plan));
    }
  });

  it("still refuses a value outside its bounds when the structure is cached", () => {
    const service = new ModelService(loaded, undefined);
    expect(service.compile({ package: loaded, scenarioId: "test", assumptions }).ok).toBe(true);
    const bad = { ...assumptions, set: { ...assumptions.set, "levers.e_services.efficiency": 2 } };
    const compiled = service.compile({ package: loaded, scenarioId: "test", assumptions: bad });
    expect(compiled.ok).toBe(false);
  });

  it("answers in columns with the bytes of a fresh compile's rows, for new assumptions request after request, as the bench sends them", () => {
    const service = new ModelService(loaded, undefined);
    const head = { package: { hash: loaded.hash, versionId: loaded.versionId }, horizon: 2040, kind: "deterministic" } as const;
    const bodies = [
      { growthMultiplier: 1.000001 },
      { growthMultiplier: 1.000002 },
      { growthMultiplier: 1.5, levers: ["automated_decisions_fa", "e_services"] },
      { growthMultiplier: 1.500001, levers: ["automated_decisions_fa", "e_services"] },
      { growthMultiplier: 2, levers: ["e_services"], set: { "levers.intensity": 0.7 } },
      { growthMultiplier: 2, levers: ["e_services"], set: { "levers.intensity": 0.8 } },
    ];
    for (const body of bodies) {
      const changed = normalizeAssumptions(body);
      const input = { package: loaded, scenarioId: "request", assumptions: changed, horizon: 2040 };
      const answered = service.forecastColumns(input, service.key(input));
      if (!answered.ok) throw new Error(JSON.stringify(answered.problems));
      const fresh = compilePlan({ ...loaded.pkg, municipality: { ...loaded.pkg.municipality, horizon: 2040 } }, { id: "request", ...changed });
      if (!fresh.ok) throw new Error("fresh compile failed");
      expect(forecastAnswerJson(head, answered.result)).toBe(forecastAnswerJson(head, forecast(fresh.plan)));
    }
  });
});
