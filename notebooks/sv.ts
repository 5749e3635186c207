/**
 * Swedish formatting (`contract/locale.ts`) and small page elements for the notebooks, which
 * cannot use Notebook Kit's CDN built-ins (`Inputs`, `html`): numbers as `1 234,5`, money in Mkr,
 * shares in %, a chart of `charts/` with its legend, a select, a slider and a table built from
 * plain DOM elements.
 *
 * A select or a slider here works with Notebook Kit's `view()`: the returned element has a
 * `value` and emits `input` events, so `const x = view(select(...))` re-runs every cell that uses x.
 */
import type { ChartSpec } from "../charts/chart-spec.ts";
import { signedChange } from "../charts/frame.ts";
import { formats } from "../contract/locale.ts";

const f = formats("sv");

/** A number in Swedish with exactly `digits` decimals: `num(1234.5, 1)` → "1 234,5"; "–" for none. */
export function num(value: number | null | undefined, digits = 0): string {
  return f.fixed(value ?? null, digits);
}

/** An amount in SEK as millions: `mkr(47_854_613)` → "47,9 Mkr". */
export function mkr(sek: number | null | undefined, digits = 1): string {
  return f.mkr(sek ?? null, digits);
}

/** A share 0–1 as a percentage with at most `digits` decimals: `pct(0.1234)` → "12,3 %". */
export function pct(share: number | null | undefined, digits = 1): string {
  return f.percent(share ?? null, digits);
}

/** A change as a signed percentage: `change(1.05)` → "+5 %". */
export function change(ratio: number | null | undefined, digits = 1): string {
  return signedChange(f, ratio, digits);
}

/** FTE (årsarbetare) with one decimal. */
export function fte(value: number | null | undefined): string {
  return num(value, 1);
}

/** A year, without a thousands separator; "–" for none. */
export function year(value: number | null | undefined): string {
  return f.year(value ?? null);
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  properties: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), properties);
  node.append(...children);
  return node;
}

let inputCount = 0;

/** An input wrapped with its label, exposing the value of `read()` as `value` (for `view()`). */
function labelled<T>(label: string, control: HTMLElement, read: () => T, after?: HTMLElement): HTMLElement & { value: T } {
  const id = `vaxa-input-${++inputCount}`;
  control.id = id;
  const wrapper = element("div", { className: "vaxa-input" });
  wrapper.style.cssText = "display:flex;gap:0.75rem;align-items:center;margin:0.5rem 0;font:13px/1.4 var(--sans-serif);";
  const text = element("label", { htmlFor: id, textContent: label });
  text.style.cssText = "min-width:10rem;";
  wrapper.append(text, control, ...(after ? [after] : []));
  Object.defineProperty(wrapper, "value", { get: read, enumerable: true });
  return wrapper as unknown as HTMLElement & { value: T };
}

/** A labelled drop-down list; its value is the chosen option's `value`. */
export function select<T extends string>(
  label: string,
  options: readonly { value: T; label: string }[],
  initial: T | undefined = options[0]?.value,
): HTMLElement & { value: T } {
  const control = element(
    "select",
    {},
    options.map((o) => element("option", { value: o.value, textContent: o.label, selected: o.value === initial })),
  );
  return labelled(label, control, () => control.value as T);
}

/** A labelled slider; its value is a number, shown beside it with `format`. */
export function slider(
  label: string,
  { min, max, step, value, format = (v: number) => num(v, 2) }: { min: number; max: number; step: number; value: number; format?: (v: number) => string },
): HTMLElement & { value: number } {
  const control = element("input", { type: "range", min: String(min), max: String(max), step: String(step), value: String(value) });
  const shown = element("output", { textContent: format(value) });
  control.addEventListener("input", () => {
    shown.textContent = format(control.valueAsNumber);
  });
  return labelled(label, control, () => control.valueAsNumber, shown);
}

/** A labelled number field; its value is the number typed (or `value` while the field is not a number). */
export function numberInput(
  label: string,
  { min, max, step = 1, value }: { min?: number; max?: number; step?: number; value: number },
): HTMLElement & { value: number } {
  const control = element("input", { type: "number", step: String(step), value: String(value) });
  if (min !== undefined) control.min = String(min);
  if (max !== undefined) control.max = String(max);
  control.style.width = "8rem";
  return labelled(label, control, () => (Number.isFinite(control.valueAsNumber) ? control.valueAsNumber : value));
}

/** A column of {@link table}: a heading, how to read a cell, and whether it is a number (right-aligned). */
export interface Column<R> {
  label: string;
  value: (row: R) => string | number | null;
  numeric?: boolean;
}

/** A plain HTML table of rows, with an optional caption saying what it shows. */
export function table<R>(rows: readonly R[], columns: readonly Column<R>[], caption?: string): HTMLTableElement {
  const head = element("thead", {}, [
    element(
      "tr",
      {},
      columns.map((c) => {
        const th = element("th", { textContent: c.label, scope: "col" });
        if (c.numeric) th.style.textAlign = "right";
        return th;
      }),
    ),
  ]);
  const body = element(
    "tbody",
    {},
    rows.map((row) =>
      element(
        "tr",
        {},
        columns.map((c) => {
          const v = c.value(row);
          const td = element("td", { textContent: v === null ? "–" : String(v) });
          if (c.numeric) {
            td.style.textAlign = "right";
            td.style.fontVariantNumeric = "tabular-nums";
          }
          return td;
        }),
      ),
    ),
  );
  const node = element("table", { className: "vaxa-table" }, [
    ...(caption ? [element("caption", { textContent: caption })] : []),
    head,
    body,
  ]);
  node.style.maxWidth = "100%";
  return node;
}

/**
 * A chart of `charts/` on a page: the plot that `Plot.plot(toPlotOptions(spec))` drew, with the
 * chart's legend (swatches as the server's SVG files draw them) between its title and its plot.
 */
export function withLegend(spec: ChartSpec, plot: Element): Element {
  const items = spec.legend.map((item) => {
    const swatch = element("span");
    const line = item.shape === "line" || item.shape === "dashed";
    swatch.style.cssText = line
      ? `display:inline-block;width:16px;border-top:2.5px ${item.shape === "dashed" ? "dashed" : "solid"} ${item.color};vertical-align:middle;margin-right:4px;`
      : `display:inline-block;width:12px;height:12px;background:${item.color};vertical-align:middle;margin-right:4px;`;
    const entry = element("span", {}, [swatch, item.label]);
    entry.style.cssText = "margin-right:1rem;white-space:nowrap;";
    return entry;
  });
  const legend = element("div", { className: "vaxa-legend" }, items);
  legend.style.cssText = "font:12px/1.6 var(--sans-serif);margin:0.25rem 0;";
  const svg = plot.tagName.toLowerCase() === "figure" ? plot.querySelector(":scope > svg") : null;
  if (svg === null) return element("div", {}, [legend, plot]);
  svg.before(legend);
  return plot;
}
