/**
 * The planner's save form: name, comment and planner token; saved as a new version of the
 * scenario the work started from, or as a new scenario. The answer names the version id and links
 * to the council view of it.
 */
import { api, ApiError } from "../../api.ts";
import { el, errorText } from "../../dom.ts";
import { saveWorking } from "../../scenarios.ts";
import type { ViewContext } from "../../view.ts";
import { assumptionsOf, withName } from "../../working.ts";

export function saveForm(context: ViewContext): HTMLFormElement {
  const { store, defaults, lang, t } = context;
  const w = store.state.working;
  const nameInput = el("input", { type: "text", id: "save-name", value: w.overlay.name[lang], autocomplete: "off", maxlength: 120 });
  const comment = el("textarea", { id: "save-comment", rows: 2, maxlength: 1000 });
  const token = el("input", { type: "password", id: "save-token", value: store.state.token, autocomplete: "off", "aria-describedby": "save-token-hint" });
  const modeVersion = el("input", { type: "radio", name: "save-mode", id: "save-mode-version", value: "version", checked: w.scenarioId !== null, disabled: w.scenarioId === null });
  const modeVersionLabel = el("label", { for: "save-mode-version", text: t.saveAsVersion(w.saved?.name[lang] ?? w.overlay.name[lang]) });
  const modeNew = el("input", { type: "radio", name: "save-mode", id: "save-mode-new", value: "new", checked: w.scenarioId === null });
  const button = el("button", { type: "submit", class: "primary", text: t.saveButton });
  const result = el("div", { class: "save-result", role: "status", id: "save-result" });
  const form = el(
    "form",
    { class: "save", "aria-labelledby": "save-heading" },
    el("h2", { id: "save-heading", text: t.save }),
    el("p", { class: "hint", text: t.saveLead }),
    el("div", { class: "field" }, el("label", { for: "save-name", text: t.saveName }), nameInput),
    el("div", { class: "field" }, el("label", { for: "save-comment", text: t.saveComment }), comment),
    el("div", { class: "field" }, el("label", { for: "save-token", text: t.token }), el("p", { class: "hint", id: "save-token-hint", text: t.tokenHint }), token),
    el(
      "fieldset",
      { class: "radios" },
      el("legend", { text: t.saveMode }),
      el("div", {}, modeVersion, modeVersionLabel),
      el("div", {}, modeNew, el("label", { for: "save-mode-new", text: t.saveAsNew })),
    ),
    el("div", { class: "actions" }, button),
    result,
  );

  token.addEventListener("change", () => store.update({ token: token.value.trim() }));

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = nameInput.value.trim();
    store.update({ token: token.value.trim() });
    if (!store.state.token) {
      result.replaceChildren(el("p", { class: "error", text: t.needToken }));
      token.focus();
      return;
    }
    if (!name) {
      result.replaceChildren(el("p", { class: "error", text: t.needName }));
      nameInput.focus();
      return;
    }
    store.updateOverlay((o) => withName(o, lang, name));
    const working = store.state.working;
    const text = comment.value.trim();
    button.disabled = true;
    result.replaceChildren(el("p", { text: t.saving }));
    try {
      const saved = await saveWorking(store.state.token, working, assumptionsOf(working, defaults), text, modeVersion.checked);
      const { assumptions, ...info } = saved.version;
      store.update((s) => ({ working: { ...s.working, scenarioId: info.scenarioId, version: info, saved: assumptions } }));
      await api
        .scenarios()
        .then((list) => store.update({ scenarios: list.scenarios }))
        .catch(() => undefined);
      const link = el("a", { href: `#beslutsunderlag?v=${encodeURIComponent(`${info.scenarioId}@${info.versionId}`)}`, text: t.openInCouncil });
      result.replaceChildren(
        el(
          "p",
          { class: "saved" },
          saved.created ? t.saved(assumptions.name[lang], info.number) : t.savedUnchanged(info.number),
          el("code", { class: "version-id", "data-version-id": info.versionId, text: info.versionId }),
          ". ",
          link,
        ),
      );
      comment.value = "";
      modeVersion.disabled = false;
      // The scenario saved to from now on is the one just saved (a new one, after "Nytt scenario").
      modeVersionLabel.textContent = t.saveAsVersion(assumptions.name[lang]);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 409 && /someone saved/.test(error.message) ? t.conflict : errorText(error);
      result.replaceChildren(el("p", { class: "error", text: t.saveFailed(message) }));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
