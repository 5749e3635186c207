/**
 * The council view's form: which saved versions to compare (a box per scenario, a list of its
 * versions, newest first, fetched from the server), the year to compare and the year of the
 * probability of holding flat; and the print button.
 */
import { api, type ScenarioInfo, type VersionInfo } from "../../api.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";
import { MAX_COMPARED, type Pick } from "../../../paper/picks.ts";

/** Version lists fetched when the view opens; the rest when their list is first used. */
const EAGER_VERSION_LISTS = 12;

/** What the form asks to compare. */
export interface Comparison {
  picks: Pick[];
  year: number;
  flatYear: number;
}

/** The form, filled in with `chosen`; `onSubmit` gets a valid comparison (at least one, at most {@link MAX_COMPARED} versions). */
export function versionPicker(context: ViewContext, chosen: Comparison, onSubmit: (comparison: Comparison) => void): HTMLFormElement {
  const { store, pkg, lang, t, f } = context;
  const scenarios = store.state.scenarios;
  const versionText = (v: VersionInfo, latest = false) => `${latest ? `${t.latest}: ` : ""}${t.versionLabel(v.number, v.versionId)} · ${f.date(v.createdAt)}`;

  const fieldset = el("fieldset", { class: "picks" }, el("legend", { id: "council-pick", text: t.pickVersions }));
  const rows = new Map<string, { check: HTMLInputElement; select: HTMLSelectElement }>();
  for (const s of scenarios) {
    const pick = chosen.picks.find((p) => p.scenario === s.id);
    const checkId = `pick-${s.id}`;
    const selectId = `pick-${s.id}-version`;
    const check = el("input", { type: "checkbox", id: checkId, checked: pick !== undefined, "data-scenario": s.id });
    const select = el("select", { id: selectId, "data-scenario": s.id });
    select.append(el("option", { value: pick?.version ?? s.latest.versionId, text: versionText(s.latest, true) }));
    rows.set(s.id, { check, select });
    fieldset.append(
      el("div", { class: "pick" }, check, el("label", { for: checkId, text: s.name[lang] }), el("label", { for: selectId, class: "visually-hidden", text: t.versionOf(s.name[lang]) }), select),
    );
  }

  // Fill the version lists (all versions of each scenario, newest first): at once for the first
  // scenarios, for the others when their list is first used.
  const filled = new Set<string>();
  const fill = (s: ScenarioInfo) => {
    if (filled.has(s.id)) return;
    filled.add(s.id);
    api
      .versions(s.id)
      .then(({ versions }) => {
        const wanted = chosen.picks.find((p) => p.scenario === s.id)?.version ?? s.latest.versionId;
        rows.get(s.id)!.select.replaceChildren(
          ...[...versions].reverse().map((v, i) =>
            el("option", { value: v.versionId, text: versionText(v, i === 0), selected: v.versionId === wanted || String(v.number) === wanted || (wanted === "latest" && i === 0) }),
          ),
        );
      })
      .catch(() => filled.delete(s.id));
  };
  scenarios.forEach((s, i) => {
    if (i < EAGER_VERSION_LISTS) fill(s);
    else rows.get(s.id)!.select.addEventListener("focus", () => fill(s), { once: true });
  });

  const yearSelect = el("select", { id: "council-year" });
  const flatSelect = el("select", { id: "council-flat-year" });
  for (let y = pkg.baseYear + 1; y <= pkg.municipality.horizon; y++) {
    yearSelect.append(el("option", { value: y, text: String(y), selected: y === chosen.year }));
    flatSelect.append(el("option", { value: y, text: String(y), selected: y === chosen.flatYear }));
  }
  const error = el("p", { class: "error", role: "alert" });
  const print = el("button", { type: "button", class: "secondary", id: "council-print", text: t.print });
  print.addEventListener("click", () => window.print());
  const form = el(
    "form",
    { class: "compare-form screen-only", "aria-labelledby": "council-pick" },
    fieldset,
    el(
      "div",
      { class: "field-row" },
      el("div", { class: "field-inline" }, el("label", { for: "council-year", text: t.compareYear }), yearSelect),
      el("div", { class: "field-inline" }, el("label", { for: "council-flat-year", text: t.flatYear }), flatSelect),
    ),
    error,
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary", text: t.showComparison }), print),
  );

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const picks: Pick[] = [];
    for (const [scenario, row] of rows) if (row.check.checked) picks.push({ scenario, version: row.select.value });
    if (picks.length === 0 || picks.length > MAX_COMPARED) {
      error.textContent = picks.length === 0 ? t.pickAtLeastOne : t.tooMany;
      return;
    }
    error.textContent = "";
    chosen = { picks, year: Number(yearSelect.value), flatYear: Number(flatSelect.value) };
    onSubmit(chosen);
  });
  return form;
}
