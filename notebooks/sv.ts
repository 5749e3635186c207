/**
 * Swedish formatting and small page elements for the notebooks, which cannot use Notebook Kit's
 * CDN built-ins (`Inputs`, `html`): numbers as `1 234,5`, money in Mkr, shares in %, a select,
 * a slider and a table built from plain DOM elements.
 *
 * A select or a slider here works with Notebook Kit's `view()`: the returned element has a
 * `value` and emits `input` events, so `const x = view(select(...))` re-runs every cell that uses x.
 */

const formats = new Map<number, Intl.NumberFormat>();

/** A number in Swedish: `num(1234.5, 1)` → "1 234,5" (non-breaking space, true minus sign). */
export function num(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  let format = formats.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(digits, format);
  }
  // Avoid "−0" for values that round to zero.
  const rounded = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;
  return format.format(rounded);
}

/** An amount in SEK as millions: `mkr(47_854_613)` → "47,9 Mkr". */
export function mkr(sek: number | null | undefined, digits = 1): string {
  return sek === null || sek === undefined || !Number.isFinite(sek) ? "–" : `${num(sek / 1e6, digits)} Mkr`;
}

/** A share 0–1 as a percentage: `pct(0.1234)` → "12,3 %". */
export function pct(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined || !Number.isFinite(share) ? "–" : `${num(share * 100, digits)} %`;
}

/** A change as a signed percentage: `change(1.05)` → "+5,0 %". */
export function change(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "–";
  const text = pct(ratio - 1, digits);
  return ratio - 1 > 0 && text !== pct(0, digits) ? `+${text}` : text;
}

/** FTE (årsarbetare) with one decimal. */
export function fte(value: number | null | undefined): string {
  return num(value, 1);
}

/** A year, without a thousands separator; "–" for none. */
export function year(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : String(value);
}

/** Plot tick format for Swedish numbers: `{ tickFormat: svTicks(1) }`. */
export function svTicks(digits = 0): (value: number) => string {
  return (value) => num(value, digits);
}

/** Plot tick format for years (no separator): `x: { tickFormat: yearTicks }`. */
export const yearTicks = (value: number): string => String(value);

/** Plot tick format for SEK amounts shown in Mkr. */
export const mkrTicks = (sek: number): string => num(sek / 1e6, 0);

/** Plot tick format for shares shown as %, e.g. 0.25 → "25 %". */
export const pctTicks = (share: number): string => `${num(share * 100, 0)} %`;

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
 * Label positions for the ends of many lines: the values in the same order, moved apart so that
 * neighbours are at least `gap` apart (in the values' units), for `Plot.text` labels that would
 * otherwise overlap. `spreadLabels([1, 1.1, 5], 0.5)` → [1, 1.5, 5].
 */
export function spreadLabels(values: readonly number[], gap: number): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const placed = new Array<number>(values.length);
  let previous = -Infinity;
  for (const { v, i } of order) {
    previous = Math.max(v, previous + gap);
    placed[i] = previous;
  }
  return placed;
}
