/** GET /api/package: the data package's summary (processes, drivers, years, levers, parameters). */
import type { Router } from "express";
import { readAccess } from "../auth.ts";
import { summarizePackage } from "../package-summary.ts";
import type { Services } from "../services.ts";
import { REQUEST_LIMITS } from "../../contract/api.ts";

export function packageRoutes(api: Router, services: Services): void {
  const summary = summarizePackage(services.model.current);
  const body = {
    ...summary,
    limits: {
      growthMultiplier: REQUEST_LIMITS.growthMultiplier,
      driverGrowthRate: REQUEST_LIMITS.growthRate,
      horizon: services.model.horizonRange(),
      maxDraws: services.config.maxDraws,
      maxScenarios: services.config.maxScenarios,
      maxVersionsPerScenario: services.config.maxVersionsPerScenario,
      maxBodyBytes: services.config.maxBodyBytes,
    },
  };
  api.get("/package", readAccess(services.config.openReads), (_req, res) => {
    res.json(body);
  });
}
