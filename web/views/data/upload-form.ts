/**
 * Uploading a data package: a ZIP archive, an Excel workbook, or the package's files (zipped here
 * with fflate, their folder paths kept, so a `scenarios/` or `population/` folder travels too).
 * The server checks it with the command line's parser; the answer's findings are shown as a table
 * of severity, file, line, field and message.
 */
import { zipSync } from "fflate";
import type { PackageFinding } from "../../../model/package-error.ts";
import { api, ApiError, type PackageUploadAnswer } from "../../api.ts";
import { el, errorText } from "../../dom.ts";
import { dataTable } from "./table.ts";
import type { DataTexts } from "./texts.ts";

/** What is sent: one ZIP or XLSX file as it is, or several files zipped with their relative paths. */
async function uploadBody(files: readonly File[]): Promise<{ bytes: Uint8Array; name: string }> {
  const only = files[0]!;
  if (files.length === 1 && /\.(zip|xlsx)$/i.test(only.name)) return { bytes: new Uint8Array(await only.arrayBuffer()), name: only.name };
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.webkitRelativePath || file.name] = new Uint8Array(await file.arrayBuffer());
  return { bytes: zipSync(entries), name: files.length === 1 ? only.name : `${files.length} files` };
}

/** The findings as a table (severity, file, line, field, message). */
export function findingsTable(findings: readonly PackageFinding[], d: DataTexts): HTMLElement {
  return dataTable({
    name: "findings",
    caption: d.findings,
    headings: [d.severity, d.file, d.line, d.field, d.message],
    rows: findings.map((f) =>
      el(
        "tr",
        { class: `finding finding-${f.severity}` },
        el("td", { text: d.severities[f.severity] }),
        el("td", {}, el("code", { text: f.file })),
        el("td", { text: f.line === undefined ? "" : String(f.line) }),
        el("td", {}, f.field === undefined ? "" : el("code", { text: f.field })),
        el("td", { lang: "en", text: f.message }),
      ),
    ),
  });
}

/**
 * The upload form.
 *
 * @param token the token to send (read when the form is sent).
 * @param onStored called with the answer when a package was stored (or was already).
 */
export function uploadForm(d: DataTexts, token: () => string, onStored: (answer: PackageUploadAnswer) => void): HTMLFormElement {
  const input = el("input", { type: "file", id: "upload-files", multiple: true, accept: ".zip,.xlsx,.csv,.json", "aria-describedby": "upload-hint" });
  const button = el("button", { type: "submit", class: "primary", text: d.uploadButton });
  const result = el("div", { class: "upload-result", id: "upload-result", "aria-live": "polite" });
  const form = el(
    "form",
    { class: "upload", "aria-labelledby": "upload-heading" },
    el("h2", { id: "upload-heading", text: d.upload }),
    el("p", { class: "hint", id: "upload-hint", text: d.uploadHint }),
    el("div", { class: "field" }, el("label", { for: "upload-files", text: d.uploadFiles }), input),
    el("div", { class: "actions" }, button),
    result,
  );
  const say = (className: string, text: string, findings: readonly PackageFinding[] = []) =>
    result.replaceChildren(el("p", { class: className, role: className === "error" ? "alert" : "status", text }), findings.length > 0 ? findingsTable(findings, d) : "");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const files = [...(input.files ?? [])];
    if (files.length === 0) return say("error", d.noFile);
    if (!token()) return say("error", d.needToken);
    button.disabled = true;
    result.setAttribute("aria-busy", "true");
    say("loading", d.uploading);
    try {
      const answer = await api.uploadPackage(token(), await uploadBody(files));
      const text = answer.created ? d.stored(answer.municipality, answer.package.versionId) : d.alreadyStored(answer.municipality, answer.package.versionId);
      say("saved", text, answer.report);
      onStored(answer);
    } catch (error) {
      const report = error instanceof ApiError ? (error.body as { report?: PackageFinding[] } | undefined)?.report : undefined;
      if (report !== undefined) say("error", d.rejected(report.filter((f) => f.severity === "error").length), report);
      else say("error", errorText(error));
    } finally {
      button.disabled = false;
      result.removeAttribute("aria-busy");
    }
  });
  return form;
}
