/**
 * The data packages stored on the server: municipality, id, years, who uploaded it, and links to
 * download it as an Excel workbook or a ZIP archive.
 */
import type { Formats, Lang } from "../../../contract/locale.ts";
import { api, type PackageListItem } from "../../api.ts";
import { el } from "../../dom.ts";
import { authorName } from "../../version-text.ts";
import { dataTable } from "./table.ts";
import type { DataTexts } from "./texts.ts";

export function packageTable(packages: readonly PackageListItem[], d: DataTexts, lang: Lang, f: Formats): HTMLElement {
  const uploaded = (p: PackageListItem) => {
    const last = p.uploads.at(-1);
    return last === undefined ? d.fromFolder : `${authorName(last.author, lang)}, ${f.date(last.at)}${last.fileName ? ` (${last.fileName})` : ""}`;
  };
  return dataTable({
    name: "packages",
    caption: d.packages,
    captionHidden: true,
    headings: [d.municipality, d.packageId, d.years, d.uploadedBy, d.download],
    rows: packages.map((p) =>
      el(
        "tr",
        { "data-package": p.package.versionId },
        el("th", { scope: "row" }, p.municipality, p.current ? el("span", { class: "badge", text: ` (${d.current})` }) : ""),
        el("td", {}, el("code", { class: "version-id", text: p.package.versionId })),
        el("td", { text: `${p.baseYear}–${p.horizon}` }),
        el("td", { text: uploaded(p) }),
        el(
          "td",
          { class: "downloads" },
          el("a", { href: api.packageUrl(p.package.hash, "xlsx"), download: "", text: d.downloadXlsx(p.package.versionId) }),
          " · ",
          el("a", { href: api.packageUrl(p.package.hash, "zip"), download: "", text: d.downloadZip(p.package.versionId) }),
        ),
      ),
    ),
  });
}
