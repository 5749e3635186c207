/**
 * The data package's own files, read-only, so that the browser can run the model itself (the same
 * `parseDataPackage` → `compilePlan` → `evaluate` as the server) while a planner moves a slider:
 *
 * - GET /api/package/files          the current package's model files
 * - GET /api/package/files/:hash    the model files of a package a saved version was computed with
 *                                   (its `packageHash`, 64 hex digits, or its 12-digit id)
 *
 * Answer: `{ "package": { "hash", "versionId" }, "files": { "municipality.json": "…", "drivers.csv": "…", … } }`.
 * The files are the package's model files (everything but `scenarios/`: scenarios are saved
 * versions, read through /api/scenarios). The texts are exactly what the package hash was computed
 * from, so a client can check the hash. Packages are content-addressed, so the answer by hash is
 * immutable and may be cached for a year; the current package's answer is not cached.
 */
import type { Router } from "express";
import { readAccess } from "../auth.ts";
import { HttpError } from "../http-error.ts";
import type { LoadedPackage, PackageFilesAnswer } from "../../contract/api.ts";
import type { Services } from "../services.ts";

function answer(loaded: LoadedPackage): PackageFilesAnswer {
  return { package: { hash: loaded.hash, versionId: loaded.versionId }, files: loaded.files };
}

export function packageFileRoutes(api: Router, services: Services): void {
  const read = readAccess(services.config.openReads);

  api.get("/package/files", read, (_req, res) => {
    res.json(answer(services.model.current));
  });

  api.get("/package/files/:hash", read, (req, res) => {
    const text = String(req.params.hash).toLowerCase();
    if (!/^([0-9a-f]{12}|[0-9a-f]{64})$/.test(text)) {
      throw new HttpError(400, `"${text.slice(0, 80)}" is not a package hash: expected 64 hex digits (or the 12-digit package id)`);
    }
    const current = services.model.current;
    let loaded: LoadedPackage | undefined;
    if (current.hash === text || current.versionId === text) loaded = current;
    else if (text.length === 64) loaded = services.model.package(text);
    if (loaded === undefined) {
      throw new HttpError(404, `no data package ${text} is stored on this server; GET /api/package/files gives the current one`);
    }
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.json(answer(loaded));
  });
}
