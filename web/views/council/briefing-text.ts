/**
 * The council briefing's title block: municipality, date printed, package, and every version
 * compared with its id and when it was saved (also the printed page's header).
 */
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";
import { authorName, commentText, shortId } from "../../version-text.ts";
import type { Compared } from "./compared.ts";

/** The title block, dated `now`. */
export function briefingHeader(context: ViewContext, items: Compared[], now: Date): HTMLElement {
  const { pkg, packageVersionId, lang, t, f } = context;
  return el(
    "header",
    { class: "briefing-header" },
    el("h2", { id: "briefing-title", text: t.printTitle }),
    el("p", { class: "meta" }, `${pkg.municipality.name}. ${t.printMeta(f.date(now))} `, t.printPackage(packageVersionId)),
    el("h3", { class: "versions-title", text: t.printVersions }),
    el(
      "ul",
      { class: "version-list" },
      ...items.map((item) =>
        el(
          "li",
          {},
          `${item.label}: `,
          el("code", { class: "version-id", "data-version-id": item.version.versionId, text: item.version.versionId }),
          ` (${t.versionLabel(item.version.number, item.version.versionId).replace(/ \(.*\)$/, "")}, ${t.savedAt.toLowerCase()} ${f.date(item.version.createdAt)}, ${t.savedBy(authorName(item.version.author, lang))}; ${t.printPackage(shortId(item.version.packageHash)).replace(/\.$/, "").toLowerCase()})`,
          item.version.comment ? ` — ${commentText(item.version.comment, lang)}` : "",
        ),
      ),
    ),
  );
}
