/**
 * Choosing a data package for a scenario: a new version of the scenario with its newest
 * assumptions, computed with the chosen package (the version records the package's hash).
 */
import type { Lang } from "../../../contract/locale.ts";
import { api, type PackageListItem, type ScenarioInfo } from "../../api.ts";
import { el, errorText } from "../../dom.ts";
import type { DataTexts } from "./texts.ts";

export function computeForm(
  d: DataTexts,
  lang: Lang,
  scenarios: readonly ScenarioInfo[],
  packages: readonly PackageListItem[],
  token: () => string,
  onSaved: () => void,
): HTMLFormElement {
  const scenario = el("select", { id: "compute-scenario" }, ...scenarios.map((s) => el("option", { value: s.id, text: s.name[lang] })));
  const pkg = el("select", { id: "compute-package" }, ...packages.map((p) => el("option", { value: p.package.hash, text: `${p.municipality} (${p.package.versionId})`, selected: !p.current && p === packages.at(-1) })));
  const comment = el("input", { type: "text", id: "compute-comment", maxlength: 1000, autocomplete: "off" });
  const button = el("button", { type: "submit", class: "secondary", text: d.computeButton });
  const result = el("p", { id: "compute-result", role: "status" });
  const form = el(
    "form",
    { class: "compute", "aria-labelledby": "compute-heading" },
    el("h2", { id: "compute-heading", text: d.compute }),
    el("p", { class: "hint", text: d.computeHint }),
    el(
      "div",
      { class: "field-row" },
      el("div", { class: "field-inline" }, el("label", { for: "compute-scenario", text: d.computeScenario }), scenario),
      el("div", { class: "field-inline" }, el("label", { for: "compute-package", text: d.computePackage }), pkg),
    ),
    el("div", { class: "field" }, el("label", { for: "compute-comment", text: d.computeComment }), comment),
    el("div", { class: "actions" }, button),
    result,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!token()) {
      result.className = "error";
      result.textContent = d.needToken;
      return;
    }
    button.disabled = true;
    try {
      const chosen = packages.find((p) => p.package.hash === pkg.value)!;
      const latest = await api.version(scenario.value, "latest");
      const answer = await api.updateScenario(token(), scenario.value, {
        parentVersion: latest.hash,
        assumptions: latest.assumptions,
        comment: comment.value.trim() || d.computeCommentDefault(chosen.package.versionId),
        packageHash: chosen.package.hash,
      });
      const name = answer.scenario.name[lang];
      const version = `version ${answer.version.number} (${answer.version.versionId})`;
      result.className = "saved";
      result.textContent = answer.created === false ? d.unchanged(name, version) : d.computed(name, version);
      onSaved();
    } catch (error) {
      result.className = "error";
      result.textContent = errorText(error);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
