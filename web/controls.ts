/**
 * A slider paired with a number input, both labelled and keyboard-operable: the control of every
 * numeric assumption in the planner.
 */
import { el } from "./dom.ts";

/** Options of {@link slider}. */
export interface SliderOptions {
  /** Id of the range input; the number input gets `${id}-value`. */
  id: string;
  label: string;
  /** Extra explanation under the label (referenced by aria-describedby). */
  hint?: string;
  /** Model value bounds and step (e.g. 0–1 for a share). */
  min: number;
  max: number;
  step: number;
  value: number;
  /** Shown value = model value × scale (100 for a share shown in %). Default 1. */
  scale?: number;
  /** Unit after the number box, e.g. "%" or "×". */
  unit?: string;
  /** Label of the number box, for assistive technology: e.g. "Tillväxtmultiplikator, värde". */
  valueLabel: string;
  /** Formats a model value for aria-valuetext, e.g. "60 %". */
  format: (value: number) => string;
  /** Called on every movement, with the model value. */
  onInput: (value: number) => void;
  /** Called when a movement ends (change event), with the model value. */
  onChange?: (value: number) => void;
  /** Marks the control as changed from the package's value. */
  changed?: boolean;
}

/** A slider and its number box. */
export interface Slider {
  element: HTMLElement;
  range: HTMLInputElement;
  setChanged(changed: boolean): void;
}

function decimals(step: number): number {
  const text = String(step);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A labelled range input with a number input beside it; moving either moves the other.
 *
 * @example container.append(slider({ id: "growth", label: "Tillväxt", min: 0, max: 3, step: 0.05, value: 2, ... }).element)
 */
export function slider(options: SliderOptions): Slider {
  const scale = options.scale ?? 1;
  const digits = decimals(options.step * scale);
  const shown = (v: number) => (v * scale).toFixed(digits);
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const range = el("input", {
    type: "range",
    id: options.id,
    min: shown(options.min),
    max: shown(options.max),
    step: shown(options.step),
    value: shown(options.value),
    "aria-describedby": hintId,
    "aria-valuetext": options.format(options.value),
  });
  const number = el("input", {
    type: "number",
    id: `${options.id}-value`,
    class: "number",
    min: shown(options.min),
    max: shown(options.max),
    step: shown(options.step),
    value: shown(options.value),
    "aria-label": options.valueLabel,
    inputmode: "decimal",
  });
  const label = el("label", { for: options.id, text: options.label });
  const element = el(
    "div",
    { class: options.changed ? "control changed" : "control" },
    label,
    options.hint ? el("p", { id: hintId, class: "hint", text: options.hint }) : null,
    el("div", { class: "control-row" }, range, number, options.unit ? el("span", { class: "unit", "aria-hidden": "true", text: options.unit }) : null),
  );
  const toModel = (text: string): number | undefined => {
    const v = Number(text.replace(",", ".")) / scale;
    if (!Number.isFinite(v)) return undefined;
    return Math.min(options.max, Math.max(options.min, v));
  };
  range.addEventListener("input", () => {
    const v = toModel(range.value);
    if (v === undefined) return;
    number.value = shown(v);
    range.setAttribute("aria-valuetext", options.format(v));
    options.onInput(v);
  });
  range.addEventListener("change", () => {
    const v = toModel(range.value);
    if (v !== undefined) options.onChange?.(v);
  });
  const fromNumber = (final: boolean) => {
    const v = toModel(number.value);
    if (v === undefined) return;
    range.value = shown(v);
    range.setAttribute("aria-valuetext", options.format(v));
    options.onInput(v);
    if (final) {
      number.value = shown(v);
      options.onChange?.(v);
    }
  };
  number.addEventListener("input", () => fromNumber(false));
  number.addEventListener("change", () => fromNumber(true));
  return {
    element,
    range,
    setChanged(changed: boolean) {
      element.classList.toggle("changed", changed);
    },
  };
}
