/** GET /api/health: whether the server and its database answer. Always open. */
import type { Router } from "express";
import type { Services } from "../services.ts";

export function healthRoutes(api: Router, services: Services): void {
  const ping = services.db.prepare("SELECT 1 AS ok");
  const { current } = services.model;
  api.get("/health", (_req, res) => {
    const database = ping.get() !== undefined ? "ok" : "unavailable";
    res.status(database === "ok" ? 200 : 503).json({
      status: database === "ok" ? "ok" : "degraded",
      database,
      package: { name: current.pkg.municipality.name, versionId: current.versionId, hash: current.hash },
      uptimeSeconds: Math.round((Date.now() - services.startedAt.getTime()) / 1000),
    });
  });
}
