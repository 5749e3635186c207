/**
 * The planner's scenario bar: which saved scenario to start from (loaded on "Ladda"), and a status
 * line saying which version the working scenario comes from and whether it has been changed.
 */
import { el, errorText } from "../../dom.ts";
import { loadWorking } from "../../scenarios.ts";
import type { DrawContext } from "../../view.ts";
import { versionText } from "../../version-text.ts";
import { dropDraft } from "../../drafts.ts";
import { isDirty, newWorking, overlayOf } from "../../working.ts";

/**
 * Whether the working scenario's changes may be left: yes when there are none, else when the
 * planner confirms (then its draft is removed too).
 */
export function mayDiscard(context: DrawContext): boolean {
  const w = context.store.state.working;
  if (!isDirty(w, context.defaults) || w.version === null) return true;
  if (!window.confirm(context.t.discardConfirm)) return false;
  dropDraft(w, context.packageVersionId);
  return true;
}

export interface ScenarioBar {
  element: HTMLElement;
  /** Writes the status line from the store's working scenario. */
  showStatus(): void;
}

export function scenarioBar(context: DrawContext): ScenarioBar {
  const { store, defaults, lang, t } = context;
  const pickId = "planner-scenario";
  const pick = el("select", { id: pickId });
  const showArchived = el("input", { type: "checkbox", id: "planner-show-archived" });
  /** The saved scenarios, the working one chosen; archived ones left out unless asked for or it is the working one. */
  const listed = () => store.state.scenarios.filter((s) => s.archived === null || showArchived.checked || s.id === store.state.working.scenarioId);
  const fillPick = () => {
    const chosen = pick.value || store.state.working.scenarioId;
    pick.replaceChildren(...listed().map((s) => el("option", { value: s.id, text: s.name[lang], selected: s.id === chosen })));
  };
  fillPick();
  showArchived.addEventListener("change", fillPick);
  let shownScenario = store.state.working.scenarioId;
  const loadButton = el("button", { type: "button", class: "secondary", text: t.load });
  const status = el("p", { class: "status", id: "planner-status" });
  loadButton.addEventListener("click", async () => {
    if (!mayDiscard(context)) return;
    loadButton.disabled = true;
    try {
      context.open(await loadWorking(pick.value));
    } catch (error) {
      status.textContent = errorText(error);
      loadButton.disabled = false;
    }
  });
  const element = el(
    "div",
    { class: "scenario-bar" },
    el("div", { class: "field-inline" }, el("label", { for: pickId, text: t.startFrom }), pick, loadButton),
    store.state.scenarios.some((s) => s.archived !== null)
      ? el("div", { class: "field-inline" }, showArchived, el("label", { for: "planner-show-archived", text: t.showArchived }))
      : "",
    status,
  );
  if (store.state.restoredDraft && isDirty(store.state.working, defaults)) {
    const discard = el("button", { type: "button", class: "secondary", text: t.discardDraft });
    const notice = el("p", { class: "notice", id: "draft-notice", role: "status" }, t.draftRestored, " ", discard);
    discard.addEventListener("click", () => {
      if (!window.confirm(t.discardConfirm)) return;
      const w = store.state.working;
      dropDraft(w, context.packageVersionId);
      store.update({ restoredDraft: false, working: { ...w, overlay: w.saved ? overlayOf(w.saved) : newWorking().overlay } });
      notice.remove();
      context.open(store.state.working);
    });
    element.append(notice);
  }
  return {
    element,
    showStatus() {
      const working = store.state.working;
      // After saving as a new scenario the list and the choice name it, not the one started from.
      if (pick.options.length !== listed().length) fillPick();
      // Saved as another scenario: choose it (a choice the planner made and has not loaded is kept otherwise).
      if (working.scenarioId !== shownScenario) {
        shownScenario = working.scenarioId;
        if (working.scenarioId !== null) pick.value = working.scenarioId;
      }
      const from =
        working.version && working.scenarioId
          ? t.loadedFrom(working.saved?.name[lang] ?? working.scenarioId, versionText(working.version, lang, context.f))
          : t.newScenario;
      const changed = isDirty(working, defaults) && working.version;
      status.replaceChildren(from, changed ? el("strong", { class: "dirty", text: ` ${t.changed}` }) : "");
    },
  };
}
