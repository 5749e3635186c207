/**
 * GET /api/scenarios/:id/versions/:version/charts/:chart.svg?lang=sv|en — a chart of a scenario
 * version as a standalone SVG file, rendered on the server with Observable Plot. Charts:
 * fte-per-year, fte-per-process, cumulative-net, cost-savings. Versions are immutable, so
 * rendered charts are cached by version hash, chart and language. A package whose figures are
 * illustrative says so in every chart's footnote.
 */
import type { Router } from "express";
import { readAccess } from "../auth.ts";
import { CHART_NAMES, CHARTS, isChartName } from "../../charts/index.ts";
import { renderSvg } from "../../io/svg.ts";
import { illustrativeNote } from "../../model/illustrative.ts";
import { HttpError } from "../http-error.ts";
import { Lru } from "../lru.ts";
import type { Services } from "../services.ts";
import { langOf, packageOf, versionCacheHeaders, versionForecast, versionHeaders, versionOf } from "./common.ts";

export function chartRoutes(api: Router, services: Services): void {
  const cache = new Lru<string, string>(128);

  api.get("/scenarios/:id/versions/:version/charts/:chart.svg", readAccess(services.config.openReads), (req, res) => {
    const chart = String(req.params.chart);
    if (!isChartName(chart)) {
      throw new HttpError(404, `there is no chart "${chart.slice(0, 60)}"; the charts are ${CHART_NAMES.map((c) => `${c}.svg`).join(", ")}`);
    }
    const lang = langOf(req);
    const version = versionOf(services, req);
    const key = `${version.hash}:${chart}:${lang}`;
    let svg = cache.get(key);
    if (svg === undefined) {
      const loaded = packageOf(services, version);
      const result = versionForecast(services, version);
      const spec = CHARTS[chart](result, {
        lang,
        versionId: version.versionId,
        scenarioName: version.assumptions.name[lang],
        municipality: loaded.pkg.municipality.name,
        processNames: Object.fromEntries(loaded.pkg.processes.map((p) => [p.id, p.name[lang]])),
        currency: loaded.pkg.municipality.currency,
      });
      svg = renderSvg(spec, version.versionId, illustrativeNote(result.illustrative, lang) ?? undefined);
      cache.set(key, svg);
    }
    versionCacheHeaders(services, req, res);
    versionHeaders(res, version);
    res.type("image/svg+xml; charset=utf-8");
    res.send(svg);
  });
}
