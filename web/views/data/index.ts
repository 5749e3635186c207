/**
 * The data view (`#data`): the municipality's own data — upload a package and see what the check
 * found, the packages on the server with their downloads (Excel workbook, zip), a scenario
 * computed with a chosen package — and the scenarios' versions, with archiving.
 */
import { api, type PackageListItem } from "../../api.ts";
import { el, errorText, isAbort } from "../../dom.ts";
import type { View, ViewContext } from "../../view.ts";
import { computeForm } from "./compute-form.ts";
import { packageTable } from "./package-list.ts";
import { dataTexts } from "./texts.ts";
import { uploadForm } from "./upload-form.ts";
import { versionsPanel } from "./versions-panel.ts";

export function dataView(context: ViewContext): View {
  const { store, lang, t, f } = context;
  const d = dataTexts(lang);
  const token = () => store.state.token;
  let showArchived = false;
  let packages: PackageListItem[] = [];

  const tokenInput = el("input", { type: "password", id: "data-token", value: store.state.token, autocomplete: "off", "aria-describedby": "data-token-hint" });
  tokenInput.addEventListener("change", () => store.update({ token: tokenInput.value.trim() }));

  const packagesBody = el("div", { class: "packages-body", "aria-busy": "true" }, el("p", { class: "loading", role: "status", text: t.loading }));
  const computeSlot = el("div");
  const versionsSlot = el("div");

  const drawVersions = () => {
    versionsSlot.replaceChildren(
      versionsPanel({
        d,
        lang,
        f,
        scenarios: store.state.scenarios,
        token,
        showArchived,
        onToggle: (shown) => (showArchived = shown),
        onChanged: (scenarios) => {
          store.update({ scenarios });
          drawVersions();
          drawCompute();
        },
      }),
    );
  };
  const drawCompute = () => {
    const active = store.state.scenarios.filter((s) => s.archived === null);
    computeSlot.replaceChildren(
      packages.length === 0
        ? ""
        : computeForm(d, lang, active, packages, token, () => {
            void api.scenarios().then(({ scenarios }) => {
              store.update({ scenarios });
              drawVersions();
            });
          }),
    );
  };

  const controller = new AbortController();
  const loadPackages = async () => {
    packagesBody.setAttribute("aria-busy", "true");
    try {
      packages = (await api.packages()).packages;
      if (controller.signal.aborted) return;
      packagesBody.replaceChildren(packageTable(packages, d, lang, f));
      drawCompute();
    } catch (error) {
      if (isAbort(error)) return;
      packagesBody.replaceChildren(el("p", { class: "error", role: "alert", text: errorText(error) }));
    } finally {
      packagesBody.removeAttribute("aria-busy");
    }
  };

  const root = el(
    "div",
    { class: "view data" },
    el("h1", { text: t.viewTitles.data }),
    el("p", { class: "lead", text: d.lead }),
    el(
      "div",
      { class: "field token-field" },
      el("label", { for: "data-token", text: d.token }),
      el("p", { class: "hint", id: "data-token-hint", text: d.tokenHint }),
      tokenInput,
    ),
    uploadForm(d, () => {
      store.update({ token: tokenInput.value.trim() });
      return token();
    }, () => void loadPackages()),
    el("section", { class: "packages-panel", "aria-labelledby": "packages-heading" }, el("h2", { id: "packages-heading", text: d.packages }), el("p", { class: "hint", text: d.packagesLead }), packagesBody),
    computeSlot,
    versionsSlot,
  );
  drawVersions();
  queueMicrotask(() => void loadPackages());
  return {
    element: root,
    destroy() {
      controller.abort();
    },
  };
}
