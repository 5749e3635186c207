/**
 * Scenarios and their immutable versions:
 *
 * - GET  /api/scenarios                          list
 * - POST /api/scenarios                          create (planner): first version
 * - GET  /api/scenarios/:id                      the scenario and its newest version
 * - PUT  /api/scenarios/:id                      update (planner): a new version replacing `parentVersion`; 409 if someone saved in between
 * - GET  /api/scenarios/:id/versions             list versions
 * - GET  /api/scenarios/:id/versions/:version    one version (latest, number, version id or hash)
 * - GET  /api/scenarios/:id/versions/:version/forecast   its results (JSON or Arrow)
 * - POST /api/scenarios/:id/archive              archive (admin): hidden from pickers, versions kept
 * - POST /api/scenarios/:id/unarchive            undo the archiving (admin)
 *
 * A save computes the version with the server's current package, or with the stored package its
 * `packageHash` names (an uploaded one, or one an older version was saved with).
 */
import type { Router } from "express";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import type { Assumptions } from "../../model/scenario.ts";
import { actorOf, readAccess, requireRole } from "../auth.ts";
import { encodeArrow, forecastArrowTable } from "../../io/arrow.ts";

import { HttpError, invalidRequest } from "../http-error.ts";
import type { Services } from "../services.ts";
import type { ArchiveAnswer, LoadedPackage } from "../../contract/api.ts";
import { createScenarioSchema, updateScenarioSchema } from "../../contract/api.ts";
import { packageOf, readBody, requireScenario, scenarioIdOf, versionCacheHeaders, versionForecast, versionHeaders, versionOf } from "./common.ts";
import { sendArrow, tableOf, wantsArrow } from "./forecast.ts";
import { forecastAnswerJson } from "../forecast-json.ts";

export function scenarioRoutes(api: Router, services: Services): void {
  const { scenarios, model, config } = services;
  const read = readAccess(config.openReads);
  const write = requireRole("planner", "saving a scenario");

  /** The package a save asks for: the stored one `packageHash` names, else the current one. */
  const packageFor = (hash: string | undefined): LoadedPackage => {
    if (hash === undefined) return model.current;
    const loaded = model.package(hash);
    if (loaded === undefined) {
      throw new HttpError(400, `packageHash: no data package ${hash} is stored on this server; upload it first (POST /api/packages) or choose one GET /api/packages lists`, [
        { path: "packageHash", message: "is not a stored data package" },
      ]);
    }
    return loaded;
  };

  /** Checks that assumptions compute with the package before they are saved. */
  const check = (id: string, assumptions: Assumptions, pkg: LoadedPackage): void => {
    const outcome = model.forecast({ package: pkg, scenarioId: id, assumptions });
    if (!outcome.ok) throw invalidRequest(outcome.problems, outcome.status);
  };

  api.get("/scenarios", read, (_req, res) => {
    const list = scenarios.list();
    res.json({ scenarios: list, count: list.length, limit: config.maxScenarios });
  });

  api.post("/scenarios", write, (req, res) => {
    const body = readBody(createScenarioSchema, req.body);
    const assumptions = normalizeAssumptions(body.assumptions);
    const pkg = packageFor(body.packageHash);
    check(body.id ?? "new-scenario", assumptions, pkg);
    const created = scenarios.create({
      id: body.id,
      assumptions,
      packageHash: pkg.hash,
      actor: actorOf(req, res),
      comment: body.comment,
    });
    if (!created.ok) {
      if (created.reason === "exists") {
        throw new HttpError(409, `a scenario with the id "${created.id}" exists; save a new version of it with PUT /api/scenarios/${created.id}`);
      }
      throw new HttpError(409, `the server holds its limit of ${created.limit} scenarios; ask an administrator to raise VAXA_MAX_SCENARIOS`);
    }
    const { version } = created;
    res.status(201).location(`/api/scenarios/${version.scenarioId}/versions/${version.number}`);
    res.json({ scenario: scenarios.get(version.scenarioId), version });
  });

  api.get("/scenarios/:id", read, (req, res) => {
    const scenario = requireScenario(services, scenarioIdOf(req));
    res.json({ scenario, version: scenarios.version(scenario.id, { kind: "latest" }) });
  });

  api.put("/scenarios/:id", write, (req, res) => {
    const id = scenarioIdOf(req);
    const body = readBody(updateScenarioSchema, req.body);
    requireScenario(services, id);
    const assumptions = normalizeAssumptions(body.assumptions);
    const pkg = packageFor(body.packageHash);
    check(id, assumptions, pkg);
    const updated = scenarios.update(id, body.parentVersion, {
      assumptions,
      packageHash: pkg.hash,
      actor: actorOf(req, res),
      comment: body.comment,
    });
    if (!updated.ok) {
      if (updated.reason === "not-found") throw new HttpError(404, `there is no scenario "${id}"`);
      if (updated.reason === "limit") {
        throw new HttpError(409, `scenario "${id}" has its limit of ${updated.limit} versions; save your changes as a new scenario`);
      }
      const current = updated.current;
      throw new HttpError(
        409,
        `someone saved version ${current.number} (${current.versionId}) of "${id}" after the version ${body.parentVersion} you changed (by ${current.author} at ${current.createdAt}); load the newest version, apply your changes to it and save again`,
        undefined,
        {},
        { current },
      );
    }
    const { version, created } = updated;
    res.status(created ? 201 : 200).location(`/api/scenarios/${id}/versions/${version.number}`);
    res.json({ scenario: scenarios.get(id), version, created });
  });

  api.get("/scenarios/:id/versions", read, (req, res) => {
    const id = scenarioIdOf(req);
    requireScenario(services, id);
    res.json({ scenario: id, versions: scenarios.versions(id) });
  });

  api.get("/scenarios/:id/versions/:version", read, (req, res) => {
    const version = versionOf(services, req);
    versionCacheHeaders(services, req, res);
    versionHeaders(res, version);
    res.json(version);
  });

  api.get("/scenarios/:id/versions/:version/forecast", read, (req, res) => {
    const arrow = wantsArrow(req);
    const table = arrow ? tableOf(req) : "processes";
    const version = versionOf(services, req);
    const result = versionForecast(services, version);
    versionCacheHeaders(services, req, res);
    versionHeaders(res, version);
    if (arrow) {
      return sendArrow(
        res,
        encodeArrow(forecastArrowTable(result, table, { versionId: version.versionId, versionHash: version.hash, packageHash: version.packageHash })),
        services.answers,
      );
    }
    const pkg = packageOf(services, version);
    const head = {
      scenario: version.scenarioId,
      version: { number: version.number, versionId: version.versionId, hash: version.hash },
      package: { hash: pkg.hash, versionId: pkg.versionId },
      kind: "deterministic",
    } as const;
    res.type("application/json").send(forecastAnswerJson(head, result));
  });

  for (const [action, archived] of [["archive", true], ["unarchive", false]] as const) {
    api.post(`/scenarios/:id/${action}`, requireRole("admin", archived ? "archiving a scenario" : "bringing back an archived scenario"), (req, res) => {
      const id = scenarioIdOf(req);
      const result = scenarios.setArchived(id, archived, actorOf(req, res));
      if (!result.ok) throw new HttpError(404, `there is no scenario "${id}"; GET /api/scenarios lists them`);
      const answer: ArchiveAnswer = { scenario: result.scenario };
      res.json(answer);
    });
  }
}
