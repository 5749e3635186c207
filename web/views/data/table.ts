/** The data view's tables: a scrollable region named by the table's caption, column headings, rows. */
import { el } from "../../dom.ts";

export interface TableSpec {
  /** The table's class and the stem of its caption's id. */
  name: string;
  caption: string;
  /** Whether the caption is for screen readers only (the section's heading says it already). */
  captionHidden?: boolean;
  headings: readonly string[];
  rows: readonly HTMLTableRowElement[];
}

export function dataTable({ name, caption, captionHidden = false, headings, rows }: TableSpec): HTMLElement {
  const captionId = `${name}-caption`;
  return el(
    "div",
    { class: "table-wrap", role: "region", "aria-labelledby": captionId, tabindex: 0 },
    el(
      "table",
      { class: name },
      el("caption", { id: captionId, class: captionHidden ? "visually-hidden" : undefined, text: caption }),
      el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows),
    ),
  );
}
