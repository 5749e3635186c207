/**
 * Exports of a scenario version:
 *
 * - GET /api/scenarios/:id/versions/:version/export.csv?table=processes|totals&sep=comma|semicolon&decimal=point|comma&lang=sv|en
 *   (`?locale=sv` is short for semicolon, decimal comma and Swedish process names)
 * - GET /api/scenarios/:id/versions/:version/export.xlsx?lang=sv|en
 *
 * Both are sent with back-pressure (`streaming.ts`).
 */
import type { Request, Router } from "express";
import { z } from "zod";
import { readAccess } from "../auth.ts";
import { forecastCsv } from "../../io/csv.ts";
import { forecastXlsx } from "../../io/xlsx.ts";
import { invalidRequest } from "../http-error.ts";
import type { Services } from "../services.ts";
import { sendBytes } from "../streaming.ts";
import { parseWith } from "../validation.ts";
import { langOf, packageOf, versionCacheHeaders, versionForecast, versionHeaders, versionOf } from "./common.ts";

const csvQuery = z.object({
  table: z.enum(["processes", "totals"], { error: 'must be "processes" or "totals"' }).default("processes"),
  sep: z.enum(["comma", "semicolon", ",", ";"], { error: 'must be "comma" or "semicolon"' }).optional(),
  decimal: z.enum(["point", "comma", ".", ","], { error: 'must be "point" or "comma"' }).optional(),
  locale: z.enum(["sv", "en"], { error: 'must be "sv" (semicolon, decimal comma) or "en" (comma, decimal point)' }).optional(),
  lang: z.enum(["sv", "en"], { error: 'must be "sv" or "en"' }).optional(),
});

function csvOptions(req: Request) {
  const parsed = parseWith(csvQuery, req.query);
  if (!parsed.ok) throw invalidRequest(parsed.problems);
  const q = parsed.value;
  const swedish = q.locale === "sv";
  const separator: "," | ";" = q.sep === undefined ? (swedish ? ";" : ",") : q.sep === "semicolon" || q.sep === ";" ? ";" : ",";
  const decimal: "." | "," = q.decimal === undefined ? (swedish ? "," : ".") : q.decimal === "comma" || q.decimal === "," ? "," : ".";
  if (separator === "," && decimal === ",") {
    throw invalidRequest([{ path: "decimal", message: "a decimal comma needs the semicolon separator: use sep=semicolon (or locale=sv)" }]);
  }
  return { table: q.table, separator, decimal, lang: q.lang ?? (swedish ? "sv" : "en"), bom: decimal === "," } as const;
}

export function exportRoutes(api: Router, services: Services): void {
  const read = readAccess(services.config.openReads);

  api.get("/scenarios/:id/versions/:version/export.csv", read, async (req, res) => {
    const options = csvOptions(req);
    const version = versionOf(services, req);
    const pkg = packageOf(services, version).pkg;
    const result = versionForecast(services, version);
    const processNames = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[options.lang]]));
    versionCacheHeaders(services, req, res);
    versionHeaders(res, version);
    res.type("text/csv; charset=utf-8");
    res.attachment(`${version.scenarioId}-v${version.number}-${version.versionId}-${options.table}.csv`);
    await sendBytes(res, Buffer.from(forecastCsv(result, { ...options, versionId: version.versionId, processNames })), services.answers);
  });

  api.get("/scenarios/:id/versions/:version/export.xlsx", read, async (req, res) => {
    const lang = langOf(req);
    const version = versionOf(services, req);
    const pkg = packageOf(services, version).pkg;
    const result = versionForecast(services, version);
    const bytes = await forecastXlsx(result, { scenarioId: version.scenarioId, assumptions: version.assumptions, packageHash: version.packageHash, version }, pkg, lang);
    versionCacheHeaders(services, req, res);
    versionHeaders(res, version);
    res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.attachment(`${version.scenarioId}-v${version.number}-${version.versionId}.xlsx`);
    await sendBytes(res, bytes, services.answers);
  });
}
