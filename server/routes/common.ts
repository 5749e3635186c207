/**
 * What the routes share: reading a request against a schema, finding a scenario version and its
 * forecast, and choosing the language of a chart or export.
 */
import type { Request, Response } from "express";
import type { z } from "zod";
import type { ForecastResult } from "../../model/forecast.ts";
import { scenarioIdSchema, type Version } from "../../contract/api.ts";
import { parseVersionSelector } from "../db/scenario-store.ts";
import { HttpError, invalidRequest } from "../http-error.ts";
import type { LoadedPackage } from "../../contract/api.ts";
import type { Services } from "../services.ts";
import { parseWith } from "../validation.ts";

export const ARROW_STREAM = "application/vnd.apache.arrow.stream";

/** The request's body as the schema's output, or a 400 listing every problem. */
export function readBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = parseWith(schema, body);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  return parsed.value;
}

/** The scenario id in the URL, checked. */
export function scenarioIdOf(req: Request): string {
  const id = String(req.params.id ?? "");
  const parsed = parseWith(scenarioIdSchema, id);
  if (!parsed.ok) throw new HttpError(400, `"${id.slice(0, 80)}" is not a scenario id: ${parsed.problems[0]!.message.replace(/^must be /, "expected ")}`);
  return id;
}

/** The scenario, or 404 naming it. */
export function requireScenario(services: Services, id: string) {
  const scenario = services.scenarios.get(id);
  if (!scenario) throw new HttpError(404, `there is no scenario "${id}"; GET /api/scenarios lists them`);
  return scenario;
}

/** The version named in the URL (`latest`, a number, a version id or a full hash), or 400/404. */
export function versionOf(services: Services, req: Request): Version {
  const id = scenarioIdOf(req);
  const text = String(req.params.version ?? "");
  const selector = parseVersionSelector(text);
  if (!selector) {
    throw new HttpError(
      400,
      `"${text.slice(0, 80)}" does not name a version: use latest, a version number (1, 2, …), a version id (12 hex digits) or a full hash (64 hex digits)`,
    );
  }
  requireScenario(services, id);
  const version = services.scenarios.version(id, selector);
  if (!version) throw new HttpError(404, `scenario "${id}" has no version ${text}; GET /api/scenarios/${id}/versions lists them`);
  return version;
}

/** The package a version was saved with. */
export function packageOf(services: Services, version: Version): LoadedPackage {
  const loaded = services.model.package(version.packageHash);
  if (!loaded) throw new Error(`package ${version.packageHash} of ${version.scenarioId} v${version.number} is not in the database`);
  return loaded;
}

/** A version's deterministic forecast, computed with the package it was saved with. */
export function versionForecast(services: Services, version: Version): ForecastResult {
  const outcome = services.model.forecast({
    package: packageOf(services, version),
    scenarioId: version.scenarioId,
    assumptions: version.assumptions,
  });
  // Saves are checked before they are stored, but a version seeded from a data package, or saved
  // by an older Vaxa, may not compute: the client is told which version and why, not a 500.
  if (!outcome.ok) {
    const why = outcome.problems.map((p) => `${p.path}: ${p.message}`).join("; ");
    throw new HttpError(422, `saved version ${version.scenarioId} v${version.number} (${version.versionId}) cannot be computed with its data package: ${why}`, outcome.problems);
  }
  return outcome.result;
}

/**
 * Cache headers for a version's derived answers: immutable when the URL names the version by
 * hash (the content can never change), otherwise not stored (`latest` and numbers move on).
 */
export function versionCacheHeaders(services: Services, req: Request, res: Response): void {
  const text = String(req.params.version ?? "");
  const byHash = /^[0-9a-fA-F]{12}$|^[0-9a-fA-F]{64}$/.test(text);
  if (byHash) {
    res.setHeader("Cache-Control", `${services.config.openReads ? "public" : "private"}, max-age=31536000, immutable`);
  }
}

export type Lang = "sv" | "en";

/** `?lang=sv|en`, Swedish by default. */
export function langOf(req: Request): Lang {
  const lang = req.query.lang;
  if (lang === undefined || lang === "sv") return "sv";
  if (lang === "en") return "en";
  throw new HttpError(400, `lang: must be "sv" or "en", not ${JSON.stringify(lang).slice(0, 40)}`, [
    { path: "lang", message: 'must be "sv" or "en"' },
  ]);
}

/** Sets the headers that identify a version on an export or chart. */
export function versionHeaders(res: Response, version: Version): void {
  res.setHeader("X-Vaxa-Version", version.versionId);
  res.setHeader("X-Vaxa-Version-Hash", version.hash);
}
