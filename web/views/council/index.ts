/**
 * The council view: saved scenario versions side by side — key figures in one table, four charts
 * with captions written from the numbers in plain Swedish (or English) — and a print layout,
 * carrying the version ids and the date, to attach to a council paper. Only saved, immutable
 * versions are shown: what the council reads can be traced.
 *
 * The briefing is drawn twice: when the forecasts are in, and again when the Monte Carlo runs are
 * (it is `aria-busy` until then, and `data-state` says loading, partial, ready or error).
 */
import { buildPaper } from "../../../paper/paper.ts";
import { scenarioFacts } from "../../captions.ts";
import { el, errorText, isAbort } from "../../dom.ts";
import type { View, ViewContext } from "../../view.ts";
import { briefingHeader } from "./briefing-text.ts";
import { compareCharts } from "./compare-charts.ts";
import { type Compared, loadCompared, withUncertainty } from "./compared.ts";
import { defaultPicks, formatPicks, parsePicks } from "../../../paper/picks.ts";
import { appendixSections, caseSection, downloads, printStyle, summarySection } from "./paper-sections.ts";
import { type Comparison, versionPicker } from "./version-picker.ts";

export function councilView(context: ViewContext): View {
  const { store, pkg, lang, t } = context;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const clampYear = (y: number, fallback: number) => (Number.isFinite(y) && y > baseYear && y <= horizon ? y : Math.min(fallback, horizon));
  let comparison: Comparison = {
    picks: parsePicks(context.params.v),
    year: clampYear(Number(context.params.year), 2030),
    flatYear: clampYear(Number(context.params.flat), 2035),
  };
  if (comparison.picks.length === 0) {
    comparison.picks = defaultPicks(store.state.scenarios);
  }

  const briefing = el("article", { class: "briefing", "aria-labelledby": "briefing-title", "data-state": "loading" });
  const form = versionPicker(context, comparison, (chosen) => {
    comparison = chosen;
    context.setParams({ v: formatPicks(chosen.picks), year: String(chosen.year), flat: String(chosen.flatYear) });
    void load();
  });
  const root = el(
    "div",
    { class: "view council" },
    el("h1", { class: "screen-only", text: t.viewTitles.council }),
    el("p", { class: "lead screen-only", text: t.councilLead }),
    form,
    briefing,
  );

  const draw = (items: Compared[], complete: boolean) => {
    const { year, flatYear } = comparison;
    const facts = items.map((item) => {
      const p = item.uncertainty?.holdFlat.find((h) => h.year === flatYear);
      return scenarioFacts(item.result, {
        name: item.label,
        versionId: item.version.versionId,
        year,
        flat: p ? { year: flatYear, probability: p.probability } : null,
        humpRange: item.uncertainty ? { p10: item.uncertainty.humpDepth.p10, p90: item.uncertainty.humpDepth.p90 } : null,
      });
    });
    const paper = buildPaper({
      lang,
      pkg,
      packageVersionId: context.packageVersionId,
      sourcesPath: "SOURCES.md",
      versions: items.map((item) => ({
        scenarioId: item.pick.scenario,
        label: item.label,
        number: item.version.number,
        versionId: item.version.versionId,
        createdAt: item.version.createdAt,
        author: item.version.author,
        comment: item.version.comment,
        assumptions: item.version.assumptions,
        result: item.result,
        uncertainty: item.uncertainty,
        uncertaintyPending: !complete,
      })),
      year,
      flatYear,
      printedAt: new Date(),
    });
    const charts = compareCharts(context, paper, facts);
    document.getElementById("paper-print-style")?.remove();
    document.head.append(printStyle(paper));
    briefing.replaceChildren(
      briefingHeader(context, items, new Date()),
      downloads(paper, comparison.picks, { year, flatYear }, { pdf: paper.texts.downloadPdf, xlsx: paper.texts.downloadXlsx }),
      summarySection(paper),
      caseSection(paper),
      charts.element,
      ...appendixSections(paper),
    );
    briefing.dataset.state = complete ? "ready" : "partial";
    charts.draw();
  };

  const controller = new AbortController();
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    briefing.dataset.state = "loading";
    briefing.setAttribute("aria-busy", "true");
    briefing.replaceChildren(el("p", { class: "loading", role: "status", text: t.loadingVersions }));
    try {
      const items = await loadCompared(comparison.picks, lang);
      if (mine !== generation) return;
      draw(items, false);
      const complete = await withUncertainty(items, controller.signal);
      if (mine !== generation) return;
      draw(complete, true);
    } catch (error) {
      if (isAbort(error) || mine !== generation) return;
      briefing.dataset.state = "error";
      briefing.replaceChildren(el("p", { class: "error", role: "alert", text: errorText(error) }));
    } finally {
      if (mine === generation) briefing.removeAttribute("aria-busy");
    }
  }

  queueMicrotask(() => void load());
  return {
    element: root,
    destroy() {
      generation += 1;
      controller.abort();
      document.getElementById("paper-print-style")?.remove();
    },
  };
}
