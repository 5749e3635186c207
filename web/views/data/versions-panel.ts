/**
 * Scenarios and their newest versions — name, number and id, author, date, comment, the package
 * it was computed with — with the archived ones hidden unless "Visa arkiverade" is ticked, and a
 * button to archive or bring back each (the server allows it to admin tokens only and says so).
 * A component: any view can mount it.
 */
import type { Formats, Lang } from "../../../contract/locale.ts";
import { api, type ScenarioInfo } from "../../api.ts";
import { el, errorText } from "../../dom.ts";
import { messages } from "../../i18n.ts";
import { authorName, shortId, versionText } from "../../version-text.ts";
import { dataTable } from "./table.ts";
import type { DataTexts } from "./texts.ts";

export interface VersionsPanelOptions {
  d: DataTexts;
  lang: Lang;
  f: Formats;
  scenarios: readonly ScenarioInfo[];
  token: () => string;
  /** Called with the server's new list after a scenario was archived or brought back. */
  onChanged: (scenarios: ScenarioInfo[]) => void;
  /** Whether archived scenarios are shown at first (they are hidden by default). */
  showArchived?: boolean;
  /** Told when "Visa arkiverade" changes, so a view drawn again keeps it. */
  onToggle?: (showArchived: boolean) => void;
}

export function versionsPanel({ d, lang, f, scenarios, token, onChanged, showArchived = false, onToggle }: VersionsPanelOptions): HTMLElement {
  const toggle = el("input", { type: "checkbox", id: "show-archived", checked: showArchived });
  const body = el("div", { class: "versions-body" });
  const status = el("p", { id: "versions-status", role: "status" });

  const act = async (s: ScenarioInfo) => {
    if (!token()) {
      status.className = "error";
      status.textContent = d.needToken;
      return;
    }
    try {
      await api.setArchived(token(), s.id, s.archived === null);
      status.className = "";
      status.textContent = "";
      onChanged((await api.scenarios()).scenarios);
    } catch (error) {
      status.className = "error";
      status.textContent = errorText(error);
    }
  };

  const draw = () => {
    const shown = scenarios.filter((s) => toggle.checked || s.archived === null);
    const hidden = scenarios.length - shown.length;
    body.replaceChildren(
      shown.length === 0
        ? el("p", { text: d.noScenarios })
        : dataTable({
            name: "versions",
            caption: d.versions,
            captionHidden: true,
            headings: [d.scenario, d.versionCount, d.latest, d.package, d.state, ""],
            rows: shown.map((s) => {
              const button = el("button", {
                type: "button",
                class: "secondary",
                "aria-label": s.archived ? d.unarchive(s.name[lang]) : d.archive(s.name[lang]),
                text: s.archived ? d.unarchiveLabel : d.archiveLabel,
              });
              button.addEventListener("click", () => void act(s));
              return el(
                "tr",
                { "data-scenario": s.id, class: s.archived ? "archived" : undefined },
                el("th", { scope: "row", text: s.name[lang] }),
                el("td", { text: String(s.versionCount) }),
                el("td", { "data-version-id": s.latest.versionId, text: versionText(s.latest, lang, f) }),
                el("td", {}, el("code", { text: shortId(s.latest.packageHash) })),
                el("td", { text: s.archived ? d.archived(authorName(s.archived.by, lang), f.date(s.archived.at)) : d.active }),
                el("td", {}, button),
              );
            }),
          }),
      hidden > 0 ? el("p", { class: "hint", text: d.archivedCount(hidden) }) : "",
    );
  };
  toggle.addEventListener("change", () => {
    onToggle?.(toggle.checked);
    draw();
  });
  draw();
  return el(
    "section",
    { class: "versions-panel", "aria-labelledby": "versions-heading" },
    el("h2", { id: "versions-heading", text: d.versions }),
    el("div", { class: "field-inline" }, toggle, el("label", { for: "show-archived", text: messages(lang).showArchived })),
    body,
    status,
  );
}
