/**
 * The council view's form: which saved versions to compare (a box per scenario, a list of its
 * versions, newest first, each with its author, date and comment; "Lägg till version" compares
 * another version of the same scenario, v1 against v2), archived scenarios hidden unless "Visa
 * arkiverade" is ticked, the year to compare and the year of the probability of holding flat; and
 * the print button.
 */
import { api, type ScenarioInfo, type VersionInfo } from "../../api.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";
import { versionText } from "../../version-text.ts";
import { MAX_COMPARED, type Pick } from "../../../paper/picks.ts";

/** What the form asks to compare. */
export interface Comparison {
  picks: Pick[];
  year: number;
  flatYear: number;
}

/** Version lists fetched when the view opens; the rest when their list is first used. */
const EAGER_VERSION_LISTS = 12;

/** The form, filled in with `chosen`; `onSubmit` gets a valid comparison (at least one, at most {@link MAX_COMPARED} versions). */

export function versionPicker(context: ViewContext, chosen: Comparison, onSubmit: (comparison: Comparison) => void): HTMLFormElement {
  const { store, pkg, lang, t, f } = context;
  const scenarios = store.state.scenarios;
  const latestText = (v: VersionInfo) => `${t.latest}: ${versionText(v, lang, f)}`;

  const fieldset = el("fieldset", { class: "picks" }, el("legend", { id: "council-pick", text: t.pickVersions }));
  /** One row per version to compare: a scenario may have several (v1 against v2). */
  const rows: { scenario: ScenarioInfo; check: HTMLInputElement; select: HTMLSelectElement; element: HTMLElement }[] = [];
  const versionLists = new Map<string, Promise<VersionInfo[]>>();
  const versionsOf = (s: ScenarioInfo) => {
    let list = versionLists.get(s.id);
    if (list === undefined) {
      list = api.versions(s.id).then(({ versions }) => [...versions].reverse());
      list.catch(() => versionLists.delete(s.id));
      versionLists.set(s.id, list);
    }
    return list;
  };
  /** Fills a row's list with every version of its scenario, newest first, keeping `wanted` chosen. */
  const fill = (s: ScenarioInfo, select: HTMLSelectElement, wanted: string) => {
    versionsOf(s)
      .then((versions) => {
        select.replaceChildren(
          ...versions.map((v, i) =>
            el("option", { value: v.versionId, text: i === 0 ? latestText(v) : versionText(v, lang, f), selected: v.versionId === wanted || String(v.number) === wanted || (wanted === "latest" && i === 0) }),
          ),
        );
      })
      .catch(() => undefined);
  };

  const addRow = (s: ScenarioInfo, wanted: string | undefined, after?: HTMLElement) => {
    const n = rows.filter((r) => r.scenario.id === s.id).length;
    const suffix = n === 0 ? "" : `-${n + 1}`;
    const checkId = `pick-${s.id}${suffix}`;
    const selectId = `pick-${s.id}${suffix}-version`;
    const check = el("input", { type: "checkbox", id: checkId, checked: wanted !== undefined, "data-scenario": s.id });
    const select = el("select", { id: selectId, "data-scenario": s.id });
    select.append(el("option", { value: wanted ?? s.latest.versionId, text: latestText(s.latest) }));
    const more = el("button", { type: "button", class: "secondary", "aria-label": t.addVersionOf(s.name[lang]), text: t.addVersion });
    const name = n === 0 ? s.name[lang] : `${s.name[lang]} (${t.anotherVersion})`;
    const element = el(
      "div",
      { class: s.archived ? "pick archived" : "pick", "data-archived": s.archived ? "true" : undefined },
      check,
      el("label", { for: checkId, text: name }),
      el("label", { for: selectId, class: "visually-hidden", text: t.versionOf(s.name[lang]) }),
      select,
      more,
    );
    more.addEventListener("click", () => {
      const added = addRow(s, s.latest.versionId, element);
      added.check.focus();
    });
    const row = { scenario: s, check, select, element };
    rows.push(row);
    if (after) after.after(element);
    else fieldset.append(element);
    // The first lists are filled at once, the others when first used (a server may hold many scenarios).
    if (rows.length <= EAGER_VERSION_LISTS) fill(s, select, wanted ?? s.latest.versionId);
    else select.addEventListener("focus", () => fill(s, select, wanted ?? s.latest.versionId), { once: true });
    return row;
  };
  for (const s of scenarios) {
    const picks = chosen.picks.filter((p) => p.scenario === s.id);
    if (picks.length === 0) addRow(s, undefined);
    for (const pick of picks) addRow(s, pick.version);
  }

  // Archived scenarios are hidden unless asked for (or already chosen, so a link still shows them).
  const showArchived = el("input", { type: "checkbox", id: "council-show-archived" });
  const showHidden = () => {
    for (const row of rows) row.element.hidden = row.scenario.archived !== null && !showArchived.checked && !row.check.checked;
  };
  showArchived.addEventListener("change", showHidden);
  showHidden();
  if (scenarios.some((s) => s.archived !== null)) {
    fieldset.append(el("div", { class: "pick show-archived" }, showArchived, el("label", { for: "council-show-archived", text: t.showArchived })));
  }

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
    const picks: Pick[] = rows.filter((row) => row.check.checked).map((row) => ({ scenario: row.scenario.id, version: row.select.value }));
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
