/**
 * The finance view: the investment hump of the working scenario — its depth, year and payback in
 * large type at the top (findable in seconds), the summary (NPV, IRR, investment per FTE avoided),
 * the cumulative net with the Monte Carlo P10–P90 band (computed on the server), yearly cost and
 * savings, the tornado of the assumptions that move the result most, and the XLSX/CSV exports of
 * the saved version.
 */
import type { ForecastResult } from "../../model/forecast.ts";
import { costSavingsChart } from "../../charts/cost-savings.ts";
import { cumulativeNetBandChart } from "../../charts/cumulative-net-band.ts";
import { tornadoChart } from "../../charts/tornado.ts";
import { api } from "../api.ts";
import { humpRangeSentence, humpSentence, scenarioFacts, tornadoCaption } from "../captions.ts";
import { el } from "../controls.ts";
import { ChartFigure, type TableData } from "../figure.ts";
import type { App, View } from "../main.ts";
import { assumptionsOf, isDirty } from "../state.ts";
import { computeTornado, type TornadoResult, WEB_TORNADO_OUTCOMES, type WebTornadoOutcome } from "../tornado.ts";
import { fetchUncertainty, type Uncertainty } from "../uncertainty.ts";
import { chartWidth } from "./planner.ts";

type Total = ForecastResult["totals"][number];

export function financeView(app: App): View {
  const { state, live, t, f } = app;
  const lang = state.lang;
  const pkg = state.pkg;
  const working = state.working;
  const assumptions = assumptionsOf(working, state.defaults);
  const dirty = isDirty(working, state.defaults);
  const loaded = live.load(assumptions);
  const root = el("div", { class: "view finance" });
  root.append(el("h1", { text: t.viewTitles.finance }), el("p", { class: "lead", text: t.financeLead }));

  const versionText = working.version ? t.versionLabel(working.version.number, working.version.versionId) : t.unsaved;
  root.append(
    el(
      "p",
      { class: "status" },
      t.financeScenario(t.scenarioWithVersion(`”${working.name[lang]}”`, versionText)),
      dirty && working.version ? el("strong", { class: "dirty", text: ` ${t.changed}` }) : "",
    ),
  );
  if (!loaded.ok) {
    root.append(el("div", { class: "model-errors", role: "alert" }, el("p", { text: t.modelErrors }), el("ul", {}, ...loaded.errors.map((e) => el("li", { text: e })))));
    return { element: root };
  }
  const result = live.run();
  const inv = result.investment;
  const versionId = working.version && !dirty ? working.version.versionId : t.unsaved;

  // ---- the hump, large
  const hero = el("section", { class: "hero", "aria-labelledby": "hump-heading" });
  const heroRange = el("p", { class: "hero-range", id: "hump-range" });
  if (inv === null) {
    hero.append(el("h2", { id: "hump-heading", text: t.humpHeadline }), el("p", { class: "hero-detail", text: t.noLeversFinance }));
  } else if (inv.humpYear === null) {
    hero.append(el("h2", { id: "hump-heading", text: t.humpHeadline }), el("p", { class: "hero-value", text: t.noHump }));
  } else {
    hero.append(
      el("h2", { id: "hump-heading", text: t.humpHeadline }),
      el("p", { class: "hero-value", "data-key": "hump-depth", text: f.mkr(inv.humpDepth) }),
      el(
        "p",
        { class: "hero-detail" },
        `${t.humpAt(String(inv.humpYear))} · ${inv.paybackYear === null ? t.notPaidBack(result.horizon) : t.paybackAt(String(inv.paybackYear))}`,
      ),
      heroRange,
    );
  }
  root.append(hero);

  // ---- summary
  const summary = el("dl", { class: "summary-grid" });
  const item = (label: string, key: string, value: string) => el("div", { class: "summary-item", "data-key": key }, el("dt", { text: label }), el("dd", { text: value }));
  const rangeItem = el("dd", { text: "…" });
  if (inv !== null) {
    summary.append(
      item(t.sDepth, "depth", f.mkr(inv.humpDepth)),
      item(t.sYear, "year", inv.humpYear === null ? t.none : String(inv.humpYear)),
      item(t.sPayback, "payback", inv.humpYear === null ? t.none : inv.paybackYear === null ? t.notPaidBack(result.horizon) : String(inv.paybackYear)),
      item(t.sNpv(f.percent(inv.discountRate, 1)), "npv", f.mkr(inv.npv)),
      item(t.sIrr, "irr", inv.irr === null ? t.noIrr : f.percent(inv.irr, 1)),
      item(t.sPerFte, "per-fte", inv.investmentPerFteAvoided === null ? t.none : f.tkr(inv.investmentPerFteAvoided)),
      item(t.sInvestment, "investment", f.mkr(inv.investment)),
      item(t.sFteAvoided(result.horizon), "fte-avoided", f.fte(inv.fteAvoided)),
      el("div", { class: "summary-item", "data-key": "range" }, el("dt", { text: t.sRange }), rangeItem),
    );
    root.append(el("section", { "aria-labelledby": "finance-summary" }, el("h2", { id: "finance-summary", text: t.summary }), summary));
  }

  // ---- charts
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const humpFigure = new ChartFigure("cumulative-net-band", texts);
  const costFigure = new ChartFigure("cost-savings", texts);
  const tornadoFigure = new ChartFigure("tornado", texts);
  const uncertaintyStatus = el("p", { class: "hint", role: "status", id: "uncertainty-status" });
  const outcomeSelect = el("select", { id: "tornado-outcome" });
  let outcome: WebTornadoOutcome = WEB_TORNADO_OUTCOMES.find((o) => o === app.params.get("tornado")) ?? "humpDepth";
  const focusYear = Math.min(2030, result.horizon);
  for (const o of WEB_TORNADO_OUTCOMES) {
    const label = o === "humpDepth" ? t.sDepth : o === "npv" ? t.cNpv : t.kfFte(focusYear);
    outcomeSelect.append(el("option", { value: o, text: label, selected: o === outcome }));
  }
  const tornadoControls = el("div", { class: "field-inline tornado-outcome" }, el("label", { for: "tornado-outcome", text: t.tornadoOutcome }), outcomeSelect);
  root.append(
    el(
      "section",
      { class: "charts", "aria-label": t.viewTitles.finance },
      humpFigure.element,
      uncertaintyStatus,
      costFigure.element,
      inv !== null ? tornadoControls : "",
      tornadoFigure.element,
    ),
  );

  // ---- downloads
  const downloads = el("section", { class: "downloads", "aria-labelledby": "downloads-heading" }, el("h2", { id: "downloads-heading", text: t.downloads }));
  if (working.scenarioId && working.version) {
    const id = working.scenarioId;
    const v = working.version.versionId;
    downloads.append(
      el("p", { text: t.downloadsLead(t.scenarioWithVersion(`”${working.savedAssumptions?.name[lang] ?? id}”`, t.versionLabel(working.version.number, v))) }),
      dirty ? el("p", { class: "note", text: t.downloadsUnsaved }) : "",
      el(
        "ul",
        { class: "download-links" },
        el("li", {}, el("a", { href: api.exportUrl(id, v, "xlsx", lang), download: "", "data-format": "xlsx", text: t.xlsx })),
        el("li", {}, el("a", { href: api.exportUrl(id, v, "csv", lang, "totals"), download: "", "data-format": "csv-totals", text: t.csvTotals })),
        el("li", {}, el("a", { href: api.exportUrl(id, v, "csv", lang, "processes"), download: "", "data-format": "csv-processes", text: t.csvProcesses })),
      ),
      el("p", { class: "hint", text: t.svgLead }),
      el(
        "ul",
        { class: "svg-links" },
        ...(["cumulative-net", "cost-savings", "fte-per-year", "fte-per-process"] as const).map((chart) =>
          el("li", {}, el("a", { href: api.chartUrl(id, v, chart, lang), "data-chart-svg": chart, text: t.svgChart[chart] })),
        ),
      ),
    );
  } else {
    downloads.append(el("p", { text: t.downloadsNone }));
  }
  root.append(downloads);

  const common = {
    lang,
    versionId,
    scenarioName: working.name[lang],
    municipality: pkg.municipality.name,
    processNames: Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[lang]])),
  };
  let uncertainty: Uncertainty | null = null;
  let tornado: TornadoResult | null = null;
  let width = 720;

  const humpCaption = () => {
    const facts = scenarioFacts(result, { name: working.name[lang], humpRange: uncertainty ? { p10: uncertainty.humpDepth.p10, p90: uncertainty.humpDepth.p90 } : null });
    const parts = [humpSentence(facts, lang), humpRangeSentence(facts, lang)].filter((s) => s !== "");
    return parts.length > 0 ? `${parts.join(" ")} ${lang === "sv" ? `Scenarioversion ${versionId}.` : `Scenario version ${versionId}.`}` : undefined;
  };

  const draw = () => {
    width = chartWidth(humpFigure.element);
    const band = uncertainty?.band ?? null;
    humpFigure.draw(cumulativeNetBandChart(result, { ...common, width, band }), {
      caption: humpCaption(),
      table: () => humpTable(result, band),
    });
    costFigure.draw(costSavingsChart(result, { ...common, width }), { table: () => costTable(result) });
    drawTornado();
    window.__vaxa.redraws += 1;
  };

  const drawTornado = () => {
    if (inv === null) {
      tornadoFigure.message(lang === "sv" ? "Vilka antaganden påverkar mest?" : "Which assumptions matter most?", t.noLeversFinance);
      return;
    }
    if (tornado === null) return;
    if (tornado.bars.length === 0) {
      tornadoFigure.message(lang === "sv" ? "Vilka antaganden påverkar mest?" : "Which assumptions matter most?", t.uncertaintyNone);
      return;
    }
    const spec = tornadoChart(tornado.bars, { ...common, width, base: tornado.base, output: tornado.output[lang], unit: tornado.unit });
    const top = tornado.bars[0] ?? null;
    const words = tornadoCaption({ output: tornado.output[lang], unit: tornado.unit, base: tornado.base, top }, lang);
    tornadoFigure.draw(spec, { caption: `${spec.caption} ${words}`, table: () => tornadoTable(tornado!) });
  };

  function humpTable(r: ForecastResult, band: Uncertainty["band"] | null): TableData<Total> {
    const byYear = new Map((band ?? []).map((b) => [b.year, b]));
    const columns = [
      { label: t.year, value: (row: Total) => String(row.year), header: true },
      { label: `${t.cumulative} (${f.mkrUnit})`, value: (row: Total) => f.number(row.cumulativeNet / 1e6, 1), numeric: true },
    ];
    if (band) {
      columns.push(
        { label: `${t.p10} (${f.mkrUnit})`, value: (row: Total) => f.number((byYear.get(row.year)?.p10 ?? NaN) / 1e6, 1), numeric: true },
        { label: `${t.p50} (${f.mkrUnit})`, value: (row: Total) => f.number((byYear.get(row.year)?.p50 ?? NaN) / 1e6, 1), numeric: true },
        { label: `${t.p90} (${f.mkrUnit})`, value: (row: Total) => f.number((byYear.get(row.year)?.p90 ?? NaN) / 1e6, 1), numeric: true },
      );
    }
    return { caption: `${t.cumulative}: ${working.name[lang]}`, columns, rows: r.totals };
  }

  function costTable(r: ForecastResult): TableData<Total> {
    return {
      caption: `${t.cost}, ${t.savings.toLowerCase()}: ${working.name[lang]}`,
      columns: [
        { label: t.year, value: (row) => String(row.year), header: true },
        { label: `${t.cost} (${f.mkrUnit})`, value: (row) => f.number(row.cost / 1e6, 1), numeric: true },
        { label: `${t.savings} (${f.mkrUnit})`, value: (row) => f.number(row.savings / 1e6, 1), numeric: true },
        { label: `${t.net} (${f.mkrUnit})`, value: (row) => f.number(row.net / 1e6, 1), numeric: true },
      ],
      rows: r.totals,
    };
  }

  function tornadoTable(tr: TornadoResult): TableData<TornadoResult["bars"][number]> {
    const unit = tr.unit === "money" ? f.mkrUnit : f.fteUnit;
    const value = (v: number) => (tr.unit === "money" ? f.number(v / 1e6, 1) : f.number(v, 1));
    return {
      caption: `${t.parameter}: ${tr.output[lang]}`,
      columns: [
        { label: t.parameter, value: (b) => b.label, header: true },
        { label: t.lowValue, value: (b) => b.lowText },
        { label: t.highValue, value: (b) => b.highText },
        { label: `${t.atLow} (${unit})`, value: (b) => value(b.outputAtLow), numeric: true },
        { label: `${t.atHigh} (${unit})`, value: (b) => value(b.outputAtHigh), numeric: true },
      ],
      rows: [...tr.bars].sort((a, b) => Math.abs(b.outputAtHigh - b.outputAtLow) - Math.abs(a.outputAtHigh - a.outputAtLow)),
    };
  }

  // The tornado comes from the model in the browser (one-at-a-time runs on the compiled plan).
  const runTornado = () => {
    if (inv === null) return;
    try {
      tornado = computeTornado(live.plan, outcome, focusYear, lang, pkg);
    } catch (error) {
      tornado = null;
      tornadoFigure.message(lang === "sv" ? "Vilka antaganden påverkar mest?" : "Which assumptions matter most?", t.tornadoUnavailable(error instanceof Error ? error.message : String(error)));
    }
  };
  runTornado();
  outcomeSelect.addEventListener("change", () => {
    outcome = outcomeSelect.value as WebTornadoOutcome;
    app.setParams({ tornado: outcome });
    runTornado();
    drawTornado();
  });

  // Monte Carlo on the server: the band and the range of the hump's depth.
  const controller = new AbortController();
  if (inv !== null) {
    window.__vaxa.pending += 1;
    uncertaintyStatus.textContent = t.uncertaintyRunning(f.number(1000));
    fetchUncertainty(assumptions, controller.signal)
      .then((u) => {
        uncertainty = u;
        uncertaintyStatus.textContent = u.uncertainParameters === 0 ? t.uncertaintyNone : t.uncertaintyDone(f.number(u.draws), u.seed);
        rangeItem.textContent = `${f.fixed(u.humpDepth.p10 / 1e6, 1)} – ${f.mkr(u.humpDepth.p90)}`;
        const facts = scenarioFacts(result, { name: working.name[lang], humpRange: { p10: u.humpDepth.p10, p90: u.humpDepth.p90 } });
        heroRange.textContent = humpRangeSentence(facts, lang);
        draw();
      })
      .catch((error: unknown) => {
        if ((error as { name?: string }).name === "AbortError") return;
        uncertaintyStatus.textContent = t.uncertaintyFailed(error instanceof Error ? error.message : String(error));
        rangeItem.textContent = t.none;
      })
      .finally(() => {
        window.__vaxa.pending -= 1;
      });
  }

  queueMicrotask(draw);
  return {
    element: root,
    destroy() {
      controller.abort();
    },
  };
}
