/**
 * The council view: saved scenario versions side by side — key figures in one table, four charts
 * (FTE per year, FTE in the year compared with and without levers, the investment hump, the
 * probability of holding flat) with captions written from the numbers in plain Swedish (or
 * English) — and a print layout, carrying the version ids and the date, to attach to a council
 * paper. Only saved, immutable versions are shown: what the council reads can be traced.
 */
import type { ForecastResult } from "../../model/forecast.ts";
import { compareFteChart } from "../../charts/compare-fte.ts";
import { compareHoldFlatChart } from "../../charts/compare-hold-flat.ts";
import { compareHumpChart } from "../../charts/compare-hump.ts";
import { compareYearChart } from "../../charts/compare-year.ts";
import type { CompareEntry } from "../../charts/chart-spec.ts";
import { api, type Version, type VersionInfo } from "../api.ts";
import {
  compareFlatCaption,
  compareFteCaption,
  compareHoldsFlatCaption,
  compareHumpCaption,
  type ScenarioFacts,
  scenarioCaption,
  scenarioFacts,
} from "../captions.ts";
import { el } from "../controls.ts";
import { ChartFigure, type TableData } from "../figure.ts";
import type { App, View } from "../main.ts";
import { fetchUncertainty, type Uncertainty } from "../uncertainty.ts";
import { chartWidth } from "./planner.ts";

/** At most this many versions are compared. */
export const MAX_COMPARED = 4;
/** Version lists fetched when the view opens; the rest when their list is first used. */
const EAGER_VERSION_LISTS = 12;

/** A chosen version: scenario id and version (number, id or "latest"). */
export interface Pick {
  scenario: string;
  version: string;
}

/** Reads `a@3f2a9c1d0b4e,b@latest` from the fragment's `v` parameter. */
export function parsePicks(text: string | null): Pick[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [scenario = "", version = "latest"] = part.split("@", 2);
      return { scenario, version: version || "latest" };
    })
    .filter((p) => /^[a-z][a-z0-9_-]*$/.test(p.scenario));
}

export function formatPicks(picks: Pick[]): string {
  return picks.map((p) => `${p.scenario}@${p.version}`).join(",");
}

interface Loaded {
  pick: Pick;
  version: Version;
  result: ForecastResult;
  label: string;
  uncertainty: Uncertainty | null;
  uncertaintyError: string | null;
}

export function councilView(app: App): View {
  const { state, t, f } = app;
  const lang = state.lang;
  const pkg = state.pkg;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const clampYear = (y: number, fallback: number) => (Number.isFinite(y) && y > baseYear && y <= horizon ? y : Math.min(fallback, horizon));
  let year = clampYear(Number(app.params.get("year")), 2030);
  let flatYear = clampYear(Number(app.params.get("flat")), 2035);
  let picks = parsePicks(app.params.get("v"));
  if (picks.length === 0) picks = state.scenarios.slice(0, MAX_COMPARED).map((s) => ({ scenario: s.id, version: s.latest.versionId }));

  const root = el("div", { class: "view council" });
  root.append(el("h1", { class: "screen-only", text: t.viewTitles.council }), el("p", { class: "lead screen-only", text: t.councilLead }));

  // ---- choosing versions
  const form = el("form", { class: "compare-form screen-only", "aria-labelledby": "council-pick" });
  const fieldset = el("fieldset", { class: "picks" }, el("legend", { id: "council-pick", text: t.pickVersions }));
  const rows = new Map<string, { check: HTMLInputElement; select: HTMLSelectElement }>();
  for (const s of state.scenarios) {
    const chosen = picks.find((p) => p.scenario === s.id);
    const checkId = `pick-${s.id}`;
    const selectId = `pick-${s.id}-version`;
    const check = el("input", { type: "checkbox", id: checkId, checked: chosen !== undefined, "data-scenario": s.id });
    const select = el("select", { id: selectId, "data-scenario": s.id });
    select.append(el("option", { value: chosen?.version ?? s.latest.versionId, text: versionText(s.latest, true) }));
    rows.set(s.id, { check, select });
    fieldset.append(
      el(
        "div",
        { class: "pick" },
        check,
        el("label", { for: checkId, text: s.name[lang] }),
        el("label", { for: selectId, class: "visually-hidden", text: t.versionOf(s.name[lang]) }),
        select,
      ),
    );
  }
  const yearId = "council-year";
  const flatId = "council-flat-year";
  const yearSelect = el("select", { id: yearId });
  const flatSelect = el("select", { id: flatId });
  for (let y = baseYear + 1; y <= horizon; y++) {
    yearSelect.append(el("option", { value: y, text: String(y), selected: y === year }));
    flatSelect.append(el("option", { value: y, text: String(y), selected: y === flatYear }));
  }
  const formError = el("p", { class: "error", role: "alert" });
  const apply = el("button", { type: "submit", class: "primary", text: t.showComparison });
  const print = el("button", { type: "button", class: "secondary", id: "council-print", text: t.print });
  print.addEventListener("click", () => window.print());
  form.append(
    fieldset,
    el(
      "div",
      { class: "field-row" },
      el("div", { class: "field-inline" }, el("label", { for: yearId, text: t.compareYear }), yearSelect),
      el("div", { class: "field-inline" }, el("label", { for: flatId, text: t.flatYear }), flatSelect),
    ),
    formError,
    el("div", { class: "actions" }, apply, print),
  );
  root.append(form);

  function versionText(v: VersionInfo, latest = false): string {
    const when = f.date(v.createdAt);
    return `${latest ? `${t.latest}: ` : ""}${t.versionLabel(v.number, v.versionId)} · ${when}`;
  }

  // Fill the version lists (all versions of each scenario, newest first): at once for the first
  // scenarios, for the others when their list is first used.
  const filled = new Set<string>();
  const fill = (s: (typeof state.scenarios)[number]) => {
    if (filled.has(s.id)) return;
    filled.add(s.id);
    api
      .versions(s.id)
      .then(({ versions }) => {
        const row = rows.get(s.id)!;
        const chosen = picks.find((p) => p.scenario === s.id)?.version ?? s.latest.versionId;
        row.select.replaceChildren(
          ...[...versions].reverse().map((v, i) =>
            el("option", {
              value: v.versionId,
              text: versionText(v, i === 0),
              selected: v.versionId === chosen || String(v.number) === chosen || (chosen === "latest" && i === 0),
            }),
          ),
        );
      })
      .catch(() => filled.delete(s.id));
  };
  state.scenarios.forEach((s, i) => {
    if (i < EAGER_VERSION_LISTS) fill(s);
    else rows.get(s.id)!.select.addEventListener("focus", () => fill(s), { once: true });
  });

  // ---- the briefing
  const briefing = el("article", { class: "briefing", "aria-labelledby": "briefing-title", "data-state": "loading" });
  root.append(briefing);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const chosen: Pick[] = [];
    for (const [scenario, row] of rows) if (row.check.checked) chosen.push({ scenario, version: row.select.value });
    if (chosen.length === 0) {
      formError.textContent = t.pickAtLeastOne;
      return;
    }
    if (chosen.length > MAX_COMPARED) {
      formError.textContent = t.tooMany;
      return;
    }
    formError.textContent = "";
    picks = chosen;
    year = Number(yearSelect.value);
    flatYear = Number(flatSelect.value);
    app.setParams({ v: formatPicks(picks), year: String(year), flat: String(flatYear) });
    void load();
  });

  const controller = new AbortController();
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    briefing.dataset.state = "loading";
    briefing.replaceChildren(el("p", { class: "loading", role: "status", text: t.loadingVersions }));
    window.__vaxa.pending += 1;
    try {
      const loaded = await Promise.all(
        picks.map(async (pick): Promise<Loaded> => {
          const [version, forecast] = await Promise.all([api.version(pick.scenario, pick.version), api.versionForecast(pick.scenario, pick.version)]);
          return { pick, version, result: forecast.result, label: version.assumptions.name[lang], uncertainty: null, uncertaintyError: null };
        }),
      );
      if (mine !== generation) return;
      // Two versions of one scenario: tell them apart by number.
      for (const item of loaded) {
        if (loaded.filter((o) => o.label === item.label).length > 1) item.label = `${item.label} (v${item.version.number})`;
      }
      render(loaded, false);
      await Promise.all(
        loaded.map(async (item) => {
          try {
            item.uncertainty = await fetchUncertainty(item.version.assumptions, controller.signal);
          } catch (error) {
            if ((error as { name?: string }).name === "AbortError") throw error;
            item.uncertaintyError = error instanceof Error ? error.message : String(error);
          }
        }),
      );
      if (mine !== generation) return;
      render(loaded, true);
    } catch (error) {
      if ((error as { name?: string }).name === "AbortError" || mine !== generation) return;
      briefing.dataset.state = "error";
      briefing.replaceChildren(el("p", { class: "error", role: "alert", text: error instanceof Error ? error.message : String(error) }));
    } finally {
      window.__vaxa.pending -= 1;
    }
  }

  function factsOf(item: Loaded): ScenarioFacts {
    const p = item.uncertainty?.holdFlat.find((h) => h.year === flatYear);
    return scenarioFacts(item.result, {
      name: item.label,
      versionId: item.version.versionId,
      year,
      flat: p ? { year: flatYear, probability: p.probability } : null,
      humpRange: item.uncertainty ? { p10: item.uncertainty.humpDepth.p10, p90: item.uncertainty.humpDepth.p90 } : null,
    });
  }

  function render(loaded: Loaded[], complete: boolean): void {
    const facts = loaded.map(factsOf);
    const entries: CompareEntry[] = loaded.map((item) => ({
      label: item.label,
      versionId: item.version.versionId,
      result: item.result,
      holdFlat: item.uncertainty?.holdFlat,
    }));
    const now = new Date();
    const ids = loaded.map((l) => l.version.versionId);

    // Print header (also shown on screen, as the briefing's title block).
    const header = el(
      "header",
      { class: "briefing-header" },
      el("h2", { id: "briefing-title", text: t.printTitle }),
      el("p", { class: "meta" }, `${pkg.municipality.name}. ${t.printMeta(f.date(now))} `, t.printPackage(state.packageVersionId)),
      el("h3", { class: "versions-title", text: t.printVersions }),
      el(
        "ul",
        { class: "version-list" },
        ...loaded.map((l) =>
          el(
            "li",
            {},
            `${l.label}: `,
            el("code", { class: "version-id", "data-version-id": l.version.versionId, text: l.version.versionId }),
            ` (${t.versionLabel(l.version.number, l.version.versionId).replace(/ \(.*\)$/, "")}, ${t.savedAt.toLowerCase()} ${f.date(l.version.createdAt)})`,
          ),
        ),
      ),
    );

    // Plain-language summaries, one per version.
    const summaries = el(
      "section",
      { class: "summaries", "aria-labelledby": "council-summaries" },
      el("h3", { id: "council-summaries", text: t.comparison }),
      ...facts.map((fa, i) =>
        el(
          "div",
          { class: "summary-text", "data-version-id": ids[i] },
          el("h4", { text: t.summaryFor(fa.name) }),
          el("p", { text: scenarioCaption(fa, lang) }),
        ),
      ),
    );

    // Key figures side by side.
    const table = el("table", { class: "side-by-side" });
    const head = el("tr", {}, el("th", { scope: "col", text: t.scenario }), ...loaded.map((l) => el("th", { scope: "col", text: l.label })));
    const row = (label: string, cells: string[]) =>
      el("tr", {}, el("th", { scope: "row", text: label }), ...cells.map((c) => el("td", { class: "num", text: c })));
    const probability = (fa: ScenarioFacts, l: Loaded) =>
      fa.flat ? f.percent(fa.flat.probability) : l.uncertaintyError ? t.none : complete ? t.none : "…";
    table.append(
      el("caption", { text: t.sideBySide }),
      el("thead", {}, head),
      el(
        "tbody",
        {},
        row(t.versionId, ids),
        row(t.cFte(year), facts.map((fa) => f.fte(fa.fteWith))),
        row(t.cFteWithout(year), facts.map((fa) => f.fte(fa.fteWithout))),
        row(t.cFlatFrom, facts.map((fa) => (fa.holdsFlatFrom === null ? t.kfFlatNever(fa.horizon) : String(fa.holdsFlatFrom)))),
        row(t.cHump, facts.map((fa) => (fa.hasLevers ? f.mkr(fa.humpDepth ?? 0) : t.kfNoLevers))),
        row(t.cHumpYear, facts.map((fa) => (fa.humpYear === null ? t.none : String(fa.humpYear)))),
        row(t.cPayback, facts.map((fa) => (!fa.hasLevers || fa.humpYear === null ? t.none : fa.paybackYear === null ? t.kfNotPaidBack : String(fa.paybackYear)))),
        row(t.cNpv, loaded.map((l) => (l.result.investment ? f.mkr(l.result.investment.npv) : t.none))),
        row(t.cProbability(flatYear), facts.map((fa, i) => probability(fa, loaded[i]!))),
      ),
    );
    const tableWrap = el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": t.sideBySide }, table);

    // The four charts.
    const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
    const figFte = new ChartFigure("compare-fte", texts);
    const figYear = new ChartFigure("compare-year", texts);
    const figHump = new ChartFigure("compare-hump", texts);
    const figFlat = new ChartFigure("compare-hold-flat", texts);
    const charts = el("section", { class: "compare-charts", "aria-label": t.comparison }, figFte.element, figYear.element, figHump.element, figFlat.element);
    briefing.replaceChildren(header, summaries, tableWrap, charts);
    briefing.dataset.state = complete ? "ready" : "partial";

    const width = chartWidth(charts);
    const common = { lang, municipality: pkg.municipality.name, width, year };
    const idsSentence = lang === "sv" ? `Scenarioversioner ${ids.join(", ")}.` : `Scenario versions ${ids.join(", ")}.`;
    figFte.draw(compareFteChart(entries, { ...common, caption: `${compareHoldsFlatCaption(facts, lang)} ${idsSentence}` }), {
      table: () => yearsTable(loaded, (r) => [f.number(r.totalFte, 1), f.number(r.baselineFte, 1)], [t.withLevers, t.withoutLevers]),
      tableNow: true,
    });
    figYear.draw(compareYearChart(entries, { ...common, caption: `${compareFteCaption(facts, lang)} ${idsSentence}` }), {
      table: () => yearTable(loaded, facts),
      tableNow: true,
    });
    figHump.draw(compareHumpChart(entries, { ...common, caption: `${compareHumpCaption(facts, lang)} ${idsSentence}` }), {
      table: () => yearsTable(loaded, (r) => [f.number(r.cumulativeNet / 1e6, 1)], [`${t.cumulative} (${f.mkrUnit})`]),
      tableNow: true,
    });
    if (entries.some((e) => e.holdFlat !== undefined)) {
      const flatCaption = compareFlatCaption(facts, lang);
      figFlat.draw(compareHoldFlatChart(entries, { ...common, caption: `${flatCaption} ${idsSentence}` }), {
        table: () => flatTable(loaded),
        tableNow: true,
      });
    } else {
      const errors = loaded.map((l) => l.uncertaintyError).filter((e): e is string => e !== null);
      figFlat.message(
        lang === "sv" ? "Sannolikhet att hålla nollan" : "Probability of holding headcount flat",
        errors.length > 0 ? t.uncertaintyFailed(errors[0]!) : t.probabilityRunning,
      );
    }
    window.__vaxa.redraws += 1;
  }

  type YearRow = { year: number; cells: string[] };
  function yearsTable(loaded: Loaded[], cells: (r: ForecastResult["totals"][number]) => string[], names: string[]): TableData<YearRow> {
    const years = loaded[0]!.result.years;
    const columns = [
      { label: t.year, value: (r: YearRow) => String(r.year), header: true },
      ...loaded.flatMap((l, i) =>
        names.map((n, k) => ({ label: names.length > 1 ? `${l.label}: ${n.toLowerCase()}` : `${l.label}`, value: (r: YearRow) => r.cells[i * names.length + k] ?? "", numeric: true })),
      ),
    ];
    const rows = years.map((y) => ({
      year: y,
      cells: loaded.flatMap((l) => {
        const row = l.result.totals.find((r) => r.year === y);
        return row ? cells(row) : names.map(() => t.none);
      }),
    }));
    return { caption: names.join(", "), columns, rows };
  }

  function yearTable(loaded: Loaded[], facts: ScenarioFacts[]): TableData<number> {
    return {
      caption: `${t.fte} ${year}`,
      columns: [
        { label: t.scenario, value: (i) => loaded[i]!.label, header: true },
        { label: t.withLevers, value: (i) => f.number(facts[i]!.fteWith, 1), numeric: true },
        { label: t.withoutLevers, value: (i) => f.number(facts[i]!.fteWithout, 1), numeric: true },
        { label: `${t.baseYearLevel} ${baseYear}`, value: (i) => f.number(facts[i]!.baseFte, 1), numeric: true },
      ],
      rows: loaded.map((_, i) => i),
    };
  }

  function flatTable(loaded: Loaded[]): TableData<{ year: number }> {
    const years = loaded[0]!.result.years;
    return {
      caption: lang === "sv" ? "Sannolikhet att hålla nollan" : "Probability of holding headcount flat",
      columns: [
        { label: t.year, value: (r) => String(r.year), header: true },
        ...loaded.map((l) => ({
          label: l.label,
          value: (r: { year: number }) => {
            const p = l.uncertainty?.holdFlat.find((h) => h.year === r.year);
            return p ? f.percent(p.probability) : t.none;
          },
          numeric: true,
        })),
      ],
      rows: years.map((y) => ({ year: y })),
    };
  }

  queueMicrotask(() => void load());
  return {
    element: root,
    destroy() {
      generation += 1;
      controller.abort();
    },
  };
}
