/**
 * POST /api/forecast: assumptions in, results out — deterministic, or Monte Carlo with a draws
 * limit. JSON by default (a deterministic forecast's rows and totals as columns,
 * `contract/forecast-columns.ts`); an Apache Arrow IPC stream when the client accepts
 * `application/vnd.apache.arrow.stream` (`?table=processes|totals` chooses the rows).
 *
 * Monte Carlo runs in the server's worker threads (`monte-carlo.ts`) within the bounds on runs under
 * way; large runs and Arrow answers need a token unless configured open; every answer is sent
 * with back-pressure (`streaming.ts`), an Arrow answer chunk by chunk as its client reads it.
 */
import type { Request, Response, Router } from "express";
import { forecastRequestSchema } from "../../contract/api.ts";
import { encodeArrow, forecastArrowTable, type ResultTable } from "../../io/arrow.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { clientOf, readAccess, requireMonteCarloAccess } from "../auth.ts";
import { forecastAnswerJson } from "../forecast-json.ts";
import { HttpError, invalidRequest } from "../http-error.ts";
import { Lru } from "../lru.ts";
import type { Services } from "../services.ts";
import { type AnswerLimits, sendBytes, streamAnswer } from "../streaming.ts";
import { ARROW_STREAM, readBody } from "./common.ts";

/** JSON or Arrow, from the Accept header; 406 for anything else. */
export function wantsArrow(req: Request): boolean {
  const type = req.accepts(["application/json", ARROW_STREAM]);
  if (type === false) {
    throw new HttpError(406, `results are available as application/json or ${ARROW_STREAM}; the Accept header asks for neither`);
  }
  return type === ARROW_STREAM;
}

/** `?table=processes|totals` for Arrow answers of a deterministic forecast. */
export function tableOf(req: Request): ResultTable {
  const table = req.query.table;
  if (table === undefined || table === "processes") return "processes";
  if (table === "totals") return "totals";
  throw new HttpError(400, 'table: must be "processes" (one row per process and year) or "totals" (one row per year)', [
    { path: "table", message: 'must be "processes" or "totals"' },
  ]);
}

/** `?table=trajectories|draws` for Arrow answers of a Monte Carlo run. */
function monteCarloTableOf(req: Request): "trajectories" | "draws" {
  const table = req.query.table;
  if (table === undefined || table === "trajectories") return "trajectories";
  if (table === "draws") return "draws";
  throw new HttpError(
    400,
    'table: for Monte Carlo must be "trajectories" (one row per draw, process and year) or "draws" (one row per draw with its outcomes and parameter values)',
    [{ path: "table", message: 'must be "trajectories" or "draws"' }],
  );
}

/** Arrow IPC bytes as the answer, within the bounds on bytes held for clients. */
export function sendArrow(res: Response, bytes: Uint8Array, limits: AnswerLimits): Promise<void> {
  res.type(ARROW_STREAM);
  return sendBytes(res, bytes, limits);
}

export function forecastRoutes(api: Router, services: Services): void {
  const { model, config } = services;
  const schema = forecastRequestSchema({ maxDraws: config.maxDraws, horizon: model.horizonRange() });
  /** Monte Carlo answers by their inputs, draws and seed (the same inputs give the same numbers). */
  const summaries = new Lru<string, Buffer>(32);
  /**
   * Summaries being computed, by the same key: a request for one waits for the run under way
   * instead of starting another and taking another place (the web app asks again at once when a
   * view is replaced, while the run the old view abandoned is still going).
   */
  const computing = new Map<string, Promise<Buffer>>();
  const monteCarloAccess = requireMonteCarloAccess(config);

  api.post("/forecast", readAccess(config.openReads), async (req, res) => {
    const arrow = wantsArrow(req);
    const request = readBody(schema, req.body);
    const assumptions = normalizeAssumptions(request.assumptions);
    const pkg = request.packageHash === undefined ? model.current : model.package(request.packageHash);
    if (pkg === undefined) {
      throw new HttpError(400, `packageHash: no data package ${request.packageHash} is stored on this server; GET /api/packages lists them`, [
        { path: "packageHash", message: "is not a stored data package" },
      ]);
    }
    const packageInfo = { hash: pkg.hash, versionId: pkg.versionId };
    const horizon = request.horizon ?? pkg.pkg.municipality.horizon;
    const input = { package: pkg, scenarioId: "request", assumptions, horizon };

    if (request.monteCarlo) {
      const { draws, seed } = request.monteCarlo;
      const mcTable = arrow ? monteCarloTableOf(req) : undefined;
      monteCarloAccess(res, { draws, arrow });
      // The point forecast first: it reports problems in the assumptions the same way, and is cached.
      const point = model.forecast(input);
      if (!point.ok) throw invalidRequest(point.problems, point.status);
      const compiled = model.compile(input);
      if (!compiled.ok) throw invalidRequest(compiled.problems, compiled.status);
      const key = `${compiled.key}:${draws}:${seed}`;
      if (mcTable) {
        const ticket = services.monteCarlo.admit(clientOf(req, res));
        try {
          res.type(ARROW_STREAM);
          return await streamAnswer(res, services.monteCarlo.arrow(compiled.plan, { draws, seed }, mcTable), services.answers);
        } finally {
          ticket.release();
        }
      }
      let body = summaries.get(key);
      if (body === undefined) {
        let run = computing.get(key);
        if (run === undefined) {
          const ticket = services.monteCarlo.admit(clientOf(req, res));
          run = (async () => {
            try {
              const summary = await services.monteCarlo.summary(compiled.plan, { draws, seed });
              const head = JSON.stringify({ package: packageInfo, horizon, kind: "monte-carlo", draws, seed });
              const done = Buffer.concat([Buffer.from(`${head.slice(0, -1)},"result":`), summary, Buffer.from("}")]);
              summaries.set(key, done);
              return done;
            } finally {
              ticket.release();
              computing.delete(key);
            }
          })();
          computing.set(key, run);
        }
        body = await run;
      }
      res.type("application/json");
      return await sendBytes(res, body, services.answers);
    }

    const key = model.key(input);
    if (arrow) {
      const table = tableOf(req);
      const outcome = model.forecast(input, key);
      if (!outcome.ok) throw invalidRequest(outcome.problems, outcome.status);
      return sendArrow(res, encodeArrow(forecastArrowTable(outcome.result, table, { packageHash: pkg.hash })), services.answers);
    }
    let body = model.answer(key);
    if (body === undefined) {
      // Columns straight to JSON: the answer is columnar, so no row objects are made for it.
      const outcome = model.forecastColumns(input, key);
      if (!outcome.ok) throw invalidRequest(outcome.problems, outcome.status);
      body = Buffer.from(forecastAnswerJson({ package: packageInfo, horizon, kind: "deterministic" }, outcome.result));
      model.keepAnswer(key, body);
    }
    res.type("application/json");
    return sendBytes(res, body, services.answers);
  });
}
