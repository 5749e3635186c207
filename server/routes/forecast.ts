/**
 * POST /api/forecast: assumptions in, results out — deterministic, or Monte Carlo with a draws
 * limit. JSON by default; an Apache Arrow IPC stream when the client accepts
 * `application/vnd.apache.arrow.stream` (`?table=processes|totals` chooses the rows).
 */
import type { Request, Response, Router } from "express";
import { readAccess } from "../auth.ts";
import { drawsTable, encodeArrow, forecastArrowTable, type ResultTable, trajectoriesTable } from "../../io/arrow.ts";
import { type MonteCarloResult, type MonteCarloSummary, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { HttpError, invalidRequest } from "../http-error.ts";
import { Lru } from "../lru.ts";
import type { Services } from "../services.ts";
import { forecastRequestSchema } from "../../contract/api.ts";
import { normalizeAssumptions } from "../../model/scenario.ts";
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

export function sendArrow(res: Response, bytes: Uint8Array): void {
  res.type(ARROW_STREAM);
  res.send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The model's summary of a run, or 422 when some draws give numbers that cannot be computed. */
function summarise(result: MonteCarloResult): MonteCarloSummary {
  try {
    return summariseMonteCarlo(result);
  } catch (error) {
    if (error instanceof Error && /NaN/.test(error.message)) {
      throw invalidRequest(
        [{ path: "assumptions.uncertainty", message: "some draws give results too large to compute (not finite numbers); narrow the distributions" }],
        422,
      );
    }
    throw error;
  }
}

export function forecastRoutes(api: Router, services: Services): void {
  const { model, config } = services;
  const schema = forecastRequestSchema({ maxDraws: config.maxDraws, horizon: model.horizonRange() });
  const packageInfo = { hash: model.current.hash, versionId: model.current.versionId };
  /** Monte Carlo summaries by their inputs, draws and seed (the same inputs give the same numbers). */
  const summaries = new Lru<string, Buffer>(32);

  api.post("/forecast", readAccess(config.openReads), async (req, res) => {
    const arrow = wantsArrow(req);
    const request = readBody(schema, req.body);
    const assumptions = normalizeAssumptions(request.assumptions);
    const horizon = request.horizon ?? model.current.pkg.municipality.horizon;
    const input = { package: model.current, scenarioId: "request", assumptions, horizon };

    if (request.monteCarlo) {
      const mcTable = arrow ? monteCarloTableOf(req) : undefined;
      // The point forecast first: it reports problems in the assumptions the same way, and is cached.
      const point = model.forecast(input);
      if (!point.ok) throw invalidRequest(point.problems, point.status);
      const compiled = model.compile(input);
      if (!compiled.ok) throw invalidRequest(compiled.problems, compiled.status);
      const { draws, seed } = request.monteCarlo;
      const key = `${compiled.key}:${draws}:${seed}`;
      let body = mcTable ? undefined : summaries.get(key);
      if (body === undefined) {
        const result = await services.monteCarlo.run(compiled.plan, { draws, seed });
        if (mcTable) return sendArrow(res, encodeArrow(mcTable === "draws" ? drawsTable(result) : trajectoriesTable(result)));
        body = Buffer.from(JSON.stringify({ package: packageInfo, horizon, kind: "monte-carlo", draws, seed, result: summarise(result) }));
        summaries.set(key, body);
      }
      res.type("application/json");
      res.send(body);
      return;
    }

    const table = arrow ? tableOf(req) : "processes";
    const outcome = model.forecast(input);
    if (!outcome.ok) throw invalidRequest(outcome.problems, outcome.status);
    const { cached } = outcome;
    if (arrow) {
      return sendArrow(res, encodeArrow(forecastArrowTable(cached.result, table, { packageHash: model.current.hash })));
    }
    cached.body ??= Buffer.from(JSON.stringify({ package: packageInfo, horizon, kind: "deterministic", result: cached.result }));
    res.type("application/json");
    res.send(cached.body);
  });
}
