import request from "supertest";
import { describe, expect, it } from "vitest";
import { testServer } from "./helpers.ts";

describe("GET /api/openapi.json", () => {
  it("describes every route with the request schemas generated from validation", async () => {
    const { app } = await testServer();
    const res = await request(app).get("/api/openapi.json").expect(200);
    expect(res.body.openapi).toBe("3.1.0");
    for (const path of [
      "/api/health",
      "/api/package",
      "/api/forecast",
      "/api/scenarios",
      "/api/scenarios/{id}",
      "/api/scenarios/{id}/versions",
      "/api/scenarios/{id}/versions/{version}",
      "/api/scenarios/{id}/versions/{version}/export.csv",
      "/api/scenarios/{id}/versions/{version}/export.xlsx",
      "/api/scenarios/{id}/versions/{version}/charts/{chart}.svg",
      "/api/versions/{versionId}",
      "/api/audit",
      "/api/tokens",
    ]) {
      expect(res.body.paths, path).toHaveProperty([path]);
    }
    const forecast = res.body.components.schemas.ForecastRequest;
    expect(forecast.properties.assumptions.properties.growthMultiplier).toMatchObject({ minimum: 0, maximum: 5 });
    expect(forecast.properties.monteCarlo.properties.draws.maximum).toBe(20000);
  });
});
