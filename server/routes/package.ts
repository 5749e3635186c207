/** GET /api/package: the data package's summary (processes, drivers, years, levers, parameters), sent compressed. */
import type { Router } from "express";
import { readAccess } from "../auth.ts";
import { summarizePackage } from "../package-summary.ts";
import { compressedAnswer } from "../precompressed.ts";
import type { Services } from "../services.ts";
import { FILE_NUMBERS, PACKAGE_PARAMETERS } from "../../model/bounds.ts";

export function packageRoutes(api: Router, services: Services): void {
  const summary = summarizePackage(services.model.current);
  const body = {
    ...summary,
    limits: {
      growthMultiplier: PACKAGE_PARAMETERS.growthMultiplier.bounds,
      driverGrowthRate: FILE_NUMBERS.growthRate.bounds,
      horizon: services.model.horizonRange(),
      maxDraws: services.config.maxDraws,
      maxScenarios: services.config.maxScenarios,
      maxVersionsPerScenario: services.config.maxVersionsPerScenario,
      maxBodyBytes: services.config.maxBodyBytes,
      maxUploadBytes: services.config.maxUploadBytes,
    },
  };
  // every web app's first load asks for it: compressed once, before anyone asks
  const answer = compressedAnswer(() => JSON.stringify(body), "application/json", true);
  api.get("/package", readAccess(services.config.openReads), (req, res, next) => {
    answer(req, res).catch(next);
  });
}
