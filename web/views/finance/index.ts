/**
 * The finance view: the investment hump of the working scenario — its depth, year and payback in
 * large type at the top, the summary (NPV, IRR, investment per FTE avoided), the cumulative net
 * with the Monte Carlo P10–P90 band (computed in the browser's worker for the assumptions on screen), yearly cost and savings, the tornado
 * of the assumptions that move the result most, and the XLSX/CSV exports of the saved version.
 */
import { versionText } from "../../version-text.ts";
import { humpRangeSentence, scenarioFacts } from "../../captions.ts";
import { chartWidth, el, errorText, isAbort } from "../../dom.ts";
import { type Uncertainty, WEB_DRAWS } from "../../uncertainty.ts";
import type { View, ViewContext } from "../../view.ts";
import { assumptionsOf, isDirty } from "../../working.ts";
import { financeCharts } from "./charts.ts";
import { downloads } from "./downloads.ts";
import { humpHero } from "./hump-hero.ts";
import { summaryGrid } from "./summary-grid.ts";
import { tornadoPanel } from "./tornado-panel.ts";

export function financeView(context: ViewContext): View {
  const { store, live, defaults, lang, t, f } = context;
  const working = store.state.working;
  const assumptions = assumptionsOf(working, defaults);
  const dirty = isDirty(working, defaults);
  const loaded = live.load(assumptions);
  const name = working.overlay.name[lang];
  const versionLine = working.version ? versionText(working.version, lang, f) : t.unsaved;
  const root = el(
    "div",
    { class: "view finance" },
    el("h1", { text: t.viewTitles.finance }),
    el("p", { class: "lead", text: t.financeLead }),
    el("p", { class: "status" }, t.financeScenario(t.scenarioWithVersion(`”${name}”`, versionLine)), dirty && working.version ? el("strong", { class: "dirty", text: ` ${t.changed}` }) : ""),
  );
  if (!loaded.ok) {
    root.append(el("div", { class: "model-errors", role: "alert" }, el("p", { text: t.modelErrors }), el("ul", {}, ...loaded.errors.map((e) => el("li", { text: e })))));
    return { element: root };
  }

  const result = live.run();
  const inv = result.investment;
  const label = { name, versionId: working.version && !dirty ? working.version.versionId : t.unsaved };
  const hero = humpHero(context, result);
  const summary = inv === null ? null : summaryGrid(context, inv, result.horizon);
  const charts = financeCharts(context, result, label);
  const tornado = tornadoPanel(context, inv === null ? null : live.plan, Math.min(2030, result.horizon), label);
  const uncertaintyStatus = el("p", { class: "hint", role: "status", id: "uncertainty-status" });
  const chartSection = el(
    "section",
    { class: "charts", "aria-label": t.viewTitles.finance },
    charts.hump,
    uncertaintyStatus,
    charts.cost,
    inv !== null ? tornado.controls : "",
    tornado.figure,
  );
  root.append(hero.element, summary?.element ?? "", chartSection, downloads(context, working, dirty));

  let uncertainty: Uncertainty | null = null;
  const draw = () => {
    const width = chartWidth(charts.hump);
    charts.draw(width, uncertainty);
    tornado.draw(width);
  };

  // Monte Carlo in the browser's worker, for the assumptions on screen: the band and the range of
  // the hump's depth and of the NPV. The section is busy (aria-busy) while it runs.
  let gone = false;
  if (inv !== null) {
    chartSection.setAttribute("aria-busy", "true");
    uncertaintyStatus.textContent = t.uncertaintyRunning(f.number(WEB_DRAWS));
    context.uncertainty
      .run(assumptions)
      .then((u) => {
        if (gone) return;
        uncertainty = u;
        uncertaintyStatus.textContent = u.uncertainParameters === 0 ? t.uncertaintyNone : t.uncertaintyDone(f.number(u.draws), u.seed);
        summary?.showRange(`${f.fixed(u.humpDepth.p10 / 1e6, 1)} – ${f.mkr(u.humpDepth.p90)}`);
        const npv = u.central.find((c) => c.figure === "npv");
        if (npv && npv.p10 !== null && npv.p90 !== null) summary?.showNpvRange(t.npvRange(f.mkr(npv.p10), f.mkr(npv.p90)), !npv.withinP10P90 ? t.outsideOwnRange : "");
        hero.showRange(humpRangeSentence(scenarioFacts(result, { name, humpRange: { p10: u.humpDepth.p10, p90: u.humpDepth.p90 } }), lang));
        draw();
      })
      .catch((error: unknown) => {
        if (gone || isAbort(error)) return;
        uncertaintyStatus.textContent = t.uncertaintyFailed(errorText(error));
        summary?.showRange(t.none);
      })
      .finally(() => chartSection.removeAttribute("aria-busy"));
  }

  queueMicrotask(draw);
  return {
    element: root,
    destroy() {
      gone = true;
    },
  };
}
