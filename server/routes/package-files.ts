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
 *
 * The same package parsed, as the server parsed and validated it, which the web app runs the model
 * with, so that it needs neither the file parsers nor their time before its first chart:
 *
 * - GET /api/package/model          the current package
 * - GET /api/package/model/:hash    the package a saved version was computed with
 *
 * Answer: `{ "package": { "hash", "versionId" }, "model": <DataPackage> }`, the `DataPackage` as
 * `contract/package-json.ts` writes it (its `Float64Array`s as `{ "$float64": [ … ] }`), sent
 * compressed (br or gzip, compressed once per package).
 */
import type { Request, Response, Router } from "express";
import { readAccess } from "../auth.ts";
import { HttpError } from "../http-error.ts";
import type { LoadedPackage, PackageFilesAnswer } from "../../contract/api.ts";
import { packageToJson } from "../../contract/package-json.ts";
import { compressedAnswer } from "../precompressed.ts";
import type { Services } from "../services.ts";

function answer(loaded: LoadedPackage): PackageFilesAnswer {
  return { package: { hash: loaded.hash, versionId: loaded.versionId }, files: loaded.files };
}

/** The `/api/package/model` answer of each package, compressed on its first request. */
const modelAnswers = new WeakMap<LoadedPackage, (req: Request, res: Response) => Promise<void>>();

function modelAnswer(loaded: LoadedPackage, eager = false) {
  let send = modelAnswers.get(loaded);
  if (send === undefined) {
    const ref = JSON.stringify({ hash: loaded.hash, versionId: loaded.versionId });
    send = compressedAnswer(() => `{"package":${ref},"model":${packageToJson(loaded.pkg)}}`, "application/json", eager);
    modelAnswers.set(loaded, send);
  }
  return send;
}

export function packageFileRoutes(api: Router, services: Services): void {
  const read = readAccess(services.config.openReads);
  // every web app's first load asks for the current package: compressed before anyone asks
  const currentModel = modelAnswer(services.model.current, true);

  /** The package a `:hash` parameter names (its hash or 12-digit id); 400 if it is no hash, 404 if unknown. */
  const packageNamed = (req: Request): LoadedPackage => {
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
    return loaded;
  };
  const immutable = (res: Response) => res.setHeader("Cache-Control", "public, max-age=31536000, immutable");

  api.get("/package/files", read, (_req, res) => {
    res.json(answer(services.model.current));
  });

  api.get("/package/files/:hash", read, (req, res) => {
    const loaded = packageNamed(req);
    immutable(res);
    res.json(answer(loaded));
  });

  api.get("/package/model", read, (req, res, next) => {
    currentModel(req, res).catch(next);
  });

  api.get("/package/model/:hash", read, (req, res, next) => {
    const loaded = packageNamed(req);
    immutable(res);
    modelAnswer(loaded)(req, res).catch(next);
  });
}
