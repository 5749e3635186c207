/**
 * The council paper of saved versions, written on the server from the same description the web
 * app prints (`paper/paper.ts`):
 *
 * - GET /api/paper.pdf?v=<scenario>@<version>,…&year=2030&flat=2035&lang=sv|en
 * - GET /api/paper.xlsx (same parameters): the same tables as a workbook
 *
 * `v` as the council view's fragment writes it (at most four; default: the first four saved
 * scenarios that are not archived, newest versions). Each version is computed with the package it
 * was saved with, and its uncertainty is the web app's Monte Carlo run (1,000 draws, seed 2018),
 * taking one place of the Monte Carlo bounds at a time.
 */
import { relative } from "node:path";
import type { Request, Response, Router } from "express";
import { z } from "zod";
import type { LoadedPackage } from "../../contract/api.ts";
import type { MonteCarloSummary } from "../../model/monte-carlo.ts";
import { buildPaper, type PaperVersion, paperUncertainty } from "../../paper/paper.ts";
import { defaultPicks, MAX_COMPARED, parsePicks } from "../../paper/picks.ts";
import { paperPdf } from "../../io/paper-pdf.ts";
import { paperXlsx } from "../../io/paper-xlsx.ts";
import { clientOf, readAccess } from "../auth.ts";
import { HttpError, invalidRequest } from "../http-error.ts";
import type { Services } from "../services.ts";
import { sendBytes } from "../streaming.ts";
import { parseWith } from "../validation.ts";
import { langOf, packageOf, versionForecast } from "./common.ts";
import { parseVersionSelector } from "../db/scenario-store.ts";

/** The web app's Monte Carlo run: the paper's probabilities are the ones the council view shows. */
const DRAWS = 1000;
const SEED = 2018;

const year = (what: string) => z.coerce.number({ error: `${what} must be a year` }).int(`${what} must be a whole year`).optional();
const paperQuery = z.object({ v: z.string().max(2000).optional(), year: year("year"), flat: year("flat"), lang: z.string().optional() });

export function paperRoutes(api: Router, services: Services): void {
  const read = readAccess(services.config.openReads);

  /** The paper of the request. */
  async function paperOf(req: Request, res: Response) {
    const parsed = parseWith(paperQuery, req.query);
    if (!parsed.ok) throw invalidRequest(parsed.problems);
    const q = parsed.value;
    const lang = langOf(req);
    const current = services.model.current;
    const { baseYear } = current.pkg;
    const horizon = current.pkg.municipality.horizon;
    const within = (y: number | undefined, fallback: number, what: string) => {
      if (y === undefined) return Math.min(fallback, horizon);
      if (y <= baseYear || y > horizon) throw invalidRequest([{ path: what, message: `must be a year from ${baseYear + 1} to ${horizon}` }]);
      return y;
    };
    const picks = q.v === undefined ? defaultPicks(services.scenarios.list()) : parsePicks(q.v);
    if (picks.length === 0) throw invalidRequest([{ path: "v", message: "names no saved version: write scenario@version, e.g. vaxa-utan-att-vaxa@latest" }]);
    if (picks.length > MAX_COMPARED) throw invalidRequest([{ path: "v", message: `names ${picks.length} versions; at most ${MAX_COMPARED} are compared` }]);

    const versions: PaperVersion[] = [];
    let first: LoadedPackage | undefined;
    for (const pick of picks) {
      const selector = parseVersionSelector(pick.version);
      if (!selector) throw invalidRequest([{ path: "v", message: `"${pick.version.slice(0, 80)}" does not name a version of ${pick.scenario}` }]);
      const version = services.scenarios.version(pick.scenario, selector);
      if (!version) throw new HttpError(404, `scenario "${pick.scenario}" has no version ${pick.version}; GET /api/scenarios lists them`);
      const result = versionForecast(services, version);
      const loaded = packageOf(services, version);
      first ??= loaded;
      let uncertainty = null;
      const compiled = services.model.compile({ package: loaded, scenarioId: version.scenarioId, assumptions: version.assumptions });
      if (compiled.ok) {
        const ticket = services.monteCarlo.admit(clientOf(req, res));
        try {
          const bytes = await services.monteCarlo.summary(compiled.plan, { draws: DRAWS, seed: SEED });
          uncertainty = paperUncertainty(JSON.parse(Buffer.from(bytes).toString("utf8")) as MonteCarloSummary);
        } finally {
          ticket.release();
        }
      }
      versions.push({
        scenarioId: version.scenarioId,
        label: version.assumptions.name[lang],
        number: version.number,
        versionId: version.versionId,
        createdAt: version.createdAt,
        author: version.author,
        comment: version.comment,
        assumptions: version.assumptions,
        result,
        uncertainty,
      });
    }
    // Two versions of one scenario are told apart by number.
    for (const v of versions) if (versions.filter((o) => o.label === v.label).length > 1) v.label = `${v.label} (v${v.number})`;
    // The package of the first version names the paper's municipality, labels and sources.
    return buildPaper({
      lang,
      pkg: first!.pkg,
      packageVersionId: first!.versionId,
      sourcesPath: `${relative(process.cwd(), services.config.packageFolder) || "."}/SOURCES.md`,
      versions,
      year: within(q.year, 2030, "year"),
      flatYear: within(q.flat, 2035, "flat"),
      printedAt: new Date(),
    });
  }

  const formats = [
    { ext: "pdf", type: "application/pdf", write: paperPdf },
    { ext: "xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", write: paperXlsx },
  ] as const;
  for (const { ext, type, write } of formats) {
    api.get(`/paper.${ext}`, read, async (req, res) => {
      const paper = await paperOf(req, res);
      const bytes = await write(paper);
      res.type(type);
      res.setHeader("X-Vaxa-Versions", paper.versionIds.join(","));
      res.attachment(`beslutsunderlag-${paper.versionIds.join("-")}.${ext}`);
      await sendBytes(res, bytes, services.answers);
    });
  }
}
