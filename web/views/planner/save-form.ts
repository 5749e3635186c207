/**
 * The planner's save form: name, comment and planner token; saved as a new version of the
 * scenario the work started from, or as a new scenario. The answer names the version id and links
 * to the council view of it.
 */
import { capitalize, driverName, parameterLabel } from "../../../model/parameter-labels.ts";
import { api, ApiError } from "../../api.ts";
import { el, errorText } from "../../dom.ts";
import { loadWorking, saveWorking } from "../../scenarios.ts";
import type { ViewContext } from "../../view.ts";
import { assumptionsOf, overlayChanges, overlayOf, rebase, withName, type Working } from "../../working.ts";

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

  /**
   * Someone saved a newer version first: the planner's changes (from the version the work began
   * on) are made again on the newer one and listed field by field; saving them is one click, and
   * nothing changes until then.
   */
  async function offerMerge(working: Working): Promise<void> {
    const newer = await loadWorking(working.scenarioId!, "latest");
    const base = overlayOf(working.saved!);
    const merged = rebase(base, working.overlay, newer.overlay);
    const changes = overlayChanges(newer.overlay, merged);
    // what a person reads: the assumption's name, not its path
    const fieldName = (field: string): string => {
      const [kind, ...rest] = field.split(".");
      const key = rest.join(".");
      if (kind === "values") return capitalize(parameterLabel(context.pkg, key, lang));
      if (kind === "levers") return context.pkg.levers.find((l) => l.id === key)?.name[lang] ?? key;
      if (kind === "driverGrowthRates") return `${capitalize(driverName(context.pkg, key, lang))}: ${t.driverRate.toLowerCase()}`;
      if (kind === "uncertainty") return `${capitalize(parameterLabel(context.pkg, key, lang))}: ${t.uncertainty}`;
      if (kind === "driverSet") return t.driverSet;
      return kind === "name" ? t.saveName : field;
    };
    const show = (v: unknown) => (v === undefined ? t.notSet : typeof v === "number" ? context.f.number(v, 4) : v === true ? t.on : JSON.stringify(v));
    const confirm = el("button", { type: "button", class: "primary", id: "merge-confirm", text: t.mergeSave });
    const cancel = el("button", { type: "button", class: "secondary", text: t.mergeCancel });
    const table = el(
      "table",
      { class: "merge-diff" },
      el("caption", { text: t.mergeCaption(newer.version!.number) }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t.mergeField }), el("th", { scope: "col", text: t.mergeTheirs }), el("th", { scope: "col", text: t.mergeMine }))),
      el("tbody", {}, ...changes.map((c) => el("tr", {}, el("th", { scope: "row", text: fieldName(c.field) }), el("td", { text: show(c.before) }), el("td", { text: show(c.after) })))),
    );
    result.replaceChildren(el("div", { class: "merge", id: "merge" }, el("p", { class: "error", text: t.conflictMerge(newer.version!.number) }), el("div", { class: "table-wrap" }, table), el("div", { class: "actions" }, confirm, cancel)));
    confirm.focus();
    cancel.addEventListener("click", () => result.replaceChildren(el("p", { text: t.mergeCancelled })));
    confirm.addEventListener("click", () => {
      store.update({ working: { ...newer, overlay: merged } });
      form.requestSubmit();
    });
  }

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
      if (error instanceof ApiError && error.status === 409 && /someone saved/.test(error.message) && working.scenarioId !== null && working.saved !== null) {
        await offerMerge(working).catch((e: unknown) => result.replaceChildren(el("p", { class: "error", text: t.saveFailed(errorText(e)) })));
      } else {
        result.replaceChildren(el("p", { class: "error", text: t.saveFailed(errorText(error)) }));
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
