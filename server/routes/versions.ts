/**
 * GET /api/versions/:versionId — the versions with this id in any scenario: how a council paper's
 * version id leads back to exactly what produced it.
 */
import type { Router } from "express";
import { readAccess } from "../auth.ts";
import { HttpError } from "../http-error.ts";
import type { Services } from "../services.ts";

export function versionRoutes(api: Router, services: Services): void {
  api.get("/versions/:versionId", readAccess(services.config.openReads), (req, res) => {
    const text = String(req.params.versionId);
    if (!/^([0-9a-fA-F]{12}|[0-9a-fA-F]{64})$/.test(text)) {
      throw new HttpError(400, `"${text.slice(0, 80)}" is not a version id: expected 12 hex digits (as printed on charts) or a full hash of 64`);
    }
    const matches = services.scenarios.findByHash(text);
    if (matches.length === 0) throw new HttpError(404, `no saved version has the id ${text}`);
    res.json({ versionId: text.toLowerCase(), matches });
  });
}
