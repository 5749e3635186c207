/**
 * The finance view's downloads: the saved version's forecast as XLSX and CSV, and its charts as
 * SVG files rendered on the server — each carrying the version id. An unsaved scenario has none.
 */
import { api } from "../../api.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";
import type { Working } from "../../working.ts";

export function downloads(context: ViewContext, working: Working, dirty: boolean): HTMLElement {
  const { lang, t } = context;
  const section = el("section", { class: "downloads", "aria-labelledby": "downloads-heading" }, el("h2", { id: "downloads-heading", text: t.downloads }));
  if (!working.scenarioId || !working.version) {
    section.append(el("p", { text: t.downloadsNone }));
    return section;
  }
  const id = working.scenarioId;
  const v = working.version.versionId;
  const name = `”${working.saved?.name[lang] ?? id}”`;
  section.append(
    el("p", { text: t.downloadsLead(t.scenarioWithVersion(name, t.versionLabel(working.version.number, v))) }),
    dirty ? el("p", { class: "note", text: t.downloadsUnsaved }) : "",
    el(
      "ul",
      { class: "download-links" },
      el("li", {}, el("a", { href: api.exportUrl(id, v, "xlsx", lang), download: "", "data-format": "xlsx", text: t.xlsx })),
      el("li", {}, el("a", { href: api.exportUrl(id, v, "csv", lang, "totals"), download: "", "data-format": "csv-totals", text: t.csvTotals })),
      el("li", {}, el("a", { href: api.exportUrl(id, v, "csv", lang, "processes"), download: "", "data-format": "csv-processes", text: t.csvProcesses })),
    ),
    el("p", { class: "hint", text: t.svgLead }),
    el(
      "ul",
      { class: "svg-links" },
      ...(["cumulative-net", "cost-savings", "fte-per-year", "fte-per-process"] as const).map((chart) =>
        el("li", {}, el("a", { href: api.chartUrl(id, v, chart, lang), "data-chart-svg": chart, text: t.svgChart[chart] })),
      ),
    ),
  );
  return section;
}
