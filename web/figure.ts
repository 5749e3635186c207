/**
 * A chart on a page: a `<figure>` with its title, legend, the Plot SVG (drawn by the same chart
 * function the server renders to SVG files), a `<figcaption>` in plain words, and the chart's
 * numbers as a table in a `<details>` element: every chart has a text alternative.
 */
import * as Plot from "@observablehq/plot";
import type { ChartSpec } from "../charts/chart-spec.ts";
import { el, uid } from "./dom.ts";

/** A column of a chart's data table. */
export interface Column<R> {
  label: string;
  value: (row: R) => string;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** A row header (`<th scope="row">`) rather than a data cell. */
  header?: boolean;
}

/** The numbers behind a chart, as a table. */
export interface TableData<R = unknown> {
  /** The table's caption (what the rows are), for screen readers and the printed page. */
  caption: string;
  columns: Column<R>[];
  rows: R[];
}

/** Texts of the figure's own controls. */
export interface FigureTexts {
  /** "Visa siffrorna som tabell" */
  showTable: string;
  /** "Tabell: …" label of the scroll region. */
  tableRegion: (title: string) => string;
}

/** Draws a table into `table` (replacing its content). */
export function fillTable<R>(table: HTMLTableElement, data: TableData<R>): void {
  const caption = el("caption", { text: data.caption });
  const head = el("thead", {}, el("tr", {}, ...data.columns.map((c) => el("th", { scope: "col", class: c.numeric ? "num" : undefined, text: c.label }))));
  const body = el("tbody");
  for (const row of data.rows) {
    const tr = el("tr");
    for (const c of data.columns) {
      tr.append(el(c.header ? "th" : "td", { scope: c.header ? "row" : undefined, class: c.numeric ? "num" : undefined, text: c.value(row) }));
    }
    body.append(tr);
  }
  table.replaceChildren(caption, head, body);
}

/**
 * A figure that can be redrawn in place (the planner redraws on every slider movement): the SVG
 * and caption at once, the table when it is open or after the movement stops.
 */
export class ChartFigure {
  readonly element: HTMLElement;
  readonly #title: HTMLElement;
  readonly #subtitle: HTMLElement;
  readonly #legend: HTMLElement;
  readonly #plot: HTMLElement;
  readonly #caption: HTMLElement;
  readonly #details: HTMLDetailsElement;
  readonly #summary: HTMLElement;
  readonly #region: HTMLElement;
  readonly #table: HTMLTableElement;
  readonly #ids: { title: string; caption: string };
  #texts: FigureTexts | undefined;
  #pendingTable: (() => TableData<never>) | null = null;
  #lastLegend = "";

  constructor(
    readonly name: string,
    texts: FigureTexts,
  ) {
    const id = uid(`fig-${name}`);
    this.#ids = { title: `${id}-title`, caption: `${id}-caption` };
    this.#title = el("h3", { id: this.#ids.title, class: "chart-title" });
    this.#subtitle = el("p", { class: "chart-subtitle" });
    this.#legend = el("ul", { class: "legend" });
    this.#plot = el("div", { class: "plot" });
    this.#caption = el("figcaption", { id: this.#ids.caption });
    this.#table = el("table", { class: "data" });
    this.#region = el("div", { class: "table-wrap", tabindex: 0, role: "region" }, this.#table);
    this.#summary = el("summary");
    this.#details = el("details", { class: "chart-data" }, this.#summary, this.#region);
    this.#details.addEventListener("toggle", () => {
      if (this.#details.open) this.flushTable();
    });
    this.element = el(
      "figure",
      { class: "chart", "data-chart": name, "aria-labelledby": this.#ids.title },
      this.#title,
      this.#subtitle,
      this.#legend,
      this.#plot,
      this.#caption,
      this.#details,
    );
    this.setTexts(texts);
  }

  /** The box the chart is drawn in (its width is the chart's: the SVG is not scaled to fit). */
  get plotBox(): HTMLElement {
    return this.#plot;
  }

  setTexts(texts: FigureTexts): void {
    this.#summary.textContent = texts.showTable;
    this.#texts = texts;
  }

  /**
   * Draws the chart. `caption` replaces the spec's caption (e.g. one generated from the numbers);
   * the table is drawn now if `tableNow` or the table is open, else on {@link flushTable}.
   */
  draw<R>(spec: ChartSpec, options: { caption?: string; table: () => TableData<R>; tableNow?: boolean }): void {
    this.#title.textContent = spec.title;
    this.#subtitle.textContent = spec.subtitle;
    const legendKey = JSON.stringify(spec.legend);
    if (legendKey !== this.#lastLegend) {
      this.#lastLegend = legendKey;
      this.#legend.replaceChildren(
        ...spec.legend.map((item) =>
          el(
            "li",
            {},
            el("span", {
              class: `swatch ${item.shape ?? "square"}`,
              style: (item.shape ?? "square") === "square" ? `background:${item.color}` : `border-top-color:${item.color}`,
              "aria-hidden": "true",
            }),
            item.label,
          ),
        ),
      );
    }
    // A little larger text than Plot's 10 px default, for reading on screen and on paper.
    const plot = spec.plot.style === undefined ? { ...spec.plot, style: { fontSize: "12px" } } : spec.plot;
    const svg = Plot.plot(plot) as SVGSVGElement | HTMLElement;
    // The figure's caption and table are the text alternative: the SVG is one image to assistive
    // technology, so the labels Plot puts on its inner groups (not allowed on <g> without a role) go.
    for (const labelled of svg.querySelectorAll("[aria-label], [aria-description]")) {
      labelled.removeAttribute("aria-label");
      labelled.removeAttribute("aria-description");
    }
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", this.#ids.title);
    svg.setAttribute("aria-describedby", this.#ids.caption);
    this.#plot.replaceChildren(svg);
    this.#caption.textContent = options.caption ?? spec.caption;
    this.#region.setAttribute("aria-label", this.#texts?.tableRegion(spec.title) ?? spec.title);
    this.#pendingTable = options.table as unknown as () => TableData<never>;
    if (options.tableNow || this.#details.open) this.flushTable();
  }

  /** Draws the table of the last {@link draw} if it has not been drawn yet. */
  flushTable(): void {
    const table = this.#pendingTable;
    if (table === null) return;
    this.#pendingTable = null;
    fillTable(this.#table, table());
  }

  /** Shows a message instead of the chart (e.g. while numbers load, or when they failed). */
  message(title: string, text: string): void {
    this.#title.textContent = title;
    this.#subtitle.textContent = "";
    this.#legend.replaceChildren();
    this.#plot.replaceChildren(el("p", { class: "chart-message", text }));
    this.#caption.textContent = "";
    this.#pendingTable = null;
    this.#table.replaceChildren();
  }
}
