/**
 * The planner's scenario bar: which saved scenario to start from (loaded on "Ladda"), and a status
 * line saying which version the working scenario comes from and whether it has been changed.
 */
import { el, errorText } from "../../dom.ts";
import { loadWorking } from "../../scenarios.ts";
import type { ViewContext } from "../../view.ts";
import { versionText } from "../../version-text.ts";
import { isDirty } from "../../working.ts";

export interface ScenarioBar {
  element: HTMLElement;
  /** Writes the status line from the store's working scenario. */
  showStatus(): void;
}

export function scenarioBar(context: ViewContext): ScenarioBar {
  const { store, defaults, lang, t } = context;
  const pickId = "planner-scenario";
  const pick = el("select", { id: pickId });
  /** The saved scenarios, the working one chosen; archived ones left out unless it is the working one. */
  const fillPick = () => {
    const { scenarios, working } = store.state;
    pick.replaceChildren(
      ...scenarios
        .filter((s) => s.archived === null || s.id === working.scenarioId)
        .map((s) => el("option", { value: s.id, text: s.name[lang], selected: s.id === working.scenarioId })),
    );
  };
  fillPick();
  const loadButton = el("button", { type: "button", class: "secondary", text: t.load });
  const status = el("p", { class: "status", id: "planner-status" });
  loadButton.addEventListener("click", async () => {
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
    status,
  );
  return {
    element,
    showStatus() {
      const working = store.state.working;
      // After saving as a new scenario the list and the choice name it, not the one started from.
      if (pick.value !== (working.scenarioId ?? pick.value) || pick.options.length !== store.state.scenarios.filter((s) => s.archived === null || s.id === working.scenarioId).length) fillPick();
      const from =
        working.version && working.scenarioId
          ? t.loadedFrom(working.saved?.name[lang] ?? working.scenarioId, versionText(working.version, lang, context.f))
          : t.newScenario;
      const changed = isDirty(working, defaults) && working.version;
      status.replaceChildren(from, changed ? el("strong", { class: "dirty", text: ` ${t.changed}` }) : "");
    },
  };
}
