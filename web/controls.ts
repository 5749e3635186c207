/**
 * A slider paired with a number input, both labelled and keyboard-operable: the control of every
 * numeric assumption in the planner.
 */
import { LOCALE, type Lang } from "../contract/locale.ts";
import { readNumberText } from "../model/number-text.ts";
import { el } from "./dom.ts";
import { messages } from "./i18n.ts";

/** How a number box writes, reads and checks its values, in the view's language. */
export interface NumberBoxOptions {
  /** Id of the text input. */
  id: string;
  lang: Lang;
  /** Model value bounds (shown value = model value × scale). */
  min: number;
  max: number;
  /** Decimals shown (of the shown value). */
  digits: number;
  /** Shown value = model value × scale (100 for a share shown in %). Default 1. */
  scale?: number;
  /** Digits grouped ("700 000"); off for years and small factors. Default false. */
  grouping?: boolean;
  value: number | undefined;
  /** Label of the box, for assistive technology. */
  ariaLabel?: string;
  /** Called with each value typed that is read and within bounds (`final` when the box is left). */
  onValue: (value: number, final: boolean) => void;
  /**
   * Called when the box is emptied and left: the value is "not set"; returns the value that then
   * applies (its default), which the box shows. Without it an empty box is refused.
   */
  onClear?: () => number | undefined;
}

/** A number box: text that the person types in their language, read by `model/number-text.ts`. */
export interface NumberBox {
  input: HTMLInputElement;
  /** The refusal beside the box (empty while the text is read). */
  message: HTMLElement;
  /** Shows `value` (unless the person is typing in the box). */
  show(value: number | undefined): void;
}

/**
 * A text box for a number in the person's language ("1,25" and "1 234,5" in Swedish, "1,234.5" in
 * English), never `type="number"` (which reads only the browser's own format and gives an empty
 * value for the rest). What cannot be read, or lies outside the bounds, is refused beside the box
 * (`aria-invalid`, `aria-describedby`) and changes nothing; an empty box is "not set".
 */
export function numberBox(options: NumberBoxOptions): NumberBox {
  const scale = options.scale ?? 1;
  const t = messages(options.lang);
  const format = new Intl.NumberFormat(LOCALE[options.lang], { maximumFractionDigits: options.digits, useGrouping: options.grouping ?? false });
  const write = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? "" : format.format(v * scale));
  const messageId = `${options.id}-message`;
  const input = el("input", {
    type: "text",
    id: options.id,
    class: "number",
    value: write(options.value),
    inputmode: "decimal",
    autocomplete: "off",
    spellcheck: "false",
    "aria-label": options.ariaLabel,
  });
  const message = el("span", { id: messageId, class: "field-message", role: "status" });
  const refuse = (text: string) => {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", [input.dataset.describedby, messageId].filter(Boolean).join(" "));
    message.textContent = text;
  };
  const accept = () => {
    input.removeAttribute("aria-invalid");
    if (input.dataset.describedby) input.setAttribute("aria-describedby", input.dataset.describedby);
    else input.removeAttribute("aria-describedby");
    message.textContent = "";
  };
  const read = (final: boolean) => {
    const result = readNumberText(input.value, options.lang);
    if (!result.ok) {
      if (result.problem === "empty" && options.onClear) {
        accept();
        if (final) input.value = write(options.onClear());
        return;
      }
      if (final || result.problem !== "empty") refuse(t.numberRefused(result.problem));
      return;
    }
    const v = result.value / scale;
    if (v < options.min - 1e-12 || v > options.max + 1e-12) {
      refuse(t.numberOutside(write(options.min), write(options.max)));
      return;
    }
    accept();
    options.onValue(v, final);
    if (final) input.value = write(v);
  };
  input.addEventListener("input", () => read(false));
  input.addEventListener("change", () => read(true));
  return {
    input,
    message,
    show(value) {
      if (document.activeElement !== input) {
        input.value = write(value);
        accept();
      }
    },
  };
}

/** Options of {@link slider}. */
export interface SliderOptions {
  /** Id of the range input; the number box gets `${id}-value`. */
  id: string;
  lang: Lang;
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
  /** Called when the number box is emptied: the value is not set; returns the value that then applies. */
  onClear?: () => number;
  /** Marks the control as changed from the package's value. */
  changed?: boolean;
}

/** A slider and its number box. */
export interface Slider {
  element: HTMLElement;
  range: HTMLInputElement;
  setChanged(changed: boolean): void;
  /** Shows a value set elsewhere (undo, a value cleared back to its default). */
  show(value: number): void;
}

function decimals(step: number): number {
  const text = String(step);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * A labelled range input with a number box beside it; moving either moves the other.
 *
 * @example container.append(slider({ id: "growth", lang: "sv", label: "Tillväxt", min: 0, max: 3, step: 0.05, value: 2, ... }).element)
 */
export function slider(options: SliderOptions): Slider {
  const scale = options.scale ?? 1;
  const digits = decimals(options.step * scale);
  // The range input's own attributes are in the browser's format (a decimal point), never shown.
  const attribute = (v: number) => (v * scale).toFixed(digits);
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  const range = el("input", {
    type: "range",
    id: options.id,
    min: attribute(options.min),
    max: attribute(options.max),
    step: attribute(options.step),
    value: attribute(options.value),
    "aria-describedby": hintId,
    "aria-valuetext": options.format(options.value),
  });
  const showRange = (v: number) => {
    range.value = attribute(v);
    range.setAttribute("aria-valuetext", options.format(v));
  };
  const box = numberBox({
    id: `${options.id}-value`,
    lang: options.lang,
    min: options.min,
    max: options.max,
    digits,
    scale,
    value: options.value,
    ariaLabel: options.valueLabel,
    onValue: (v, final) => {
      showRange(v);
      options.onInput(v);
      if (final) options.onChange?.(v);
    },
    ...(options.onClear ? { onClear: () => clear(options.onClear!) } : {}),
  });
  const clear = (onClear: () => number) => {
    const v = onClear();
    showRange(v);
    return v;
  };
  const label = el("label", { for: options.id, text: options.label });
  const element = el(
    "div",
    { class: options.changed ? "control changed" : "control" },
    label,
    options.hint ? el("p", { id: hintId, class: "hint", text: options.hint }) : null,
    el("div", { class: "control-row" }, range, box.input, options.unit ? el("span", { class: "unit", "aria-hidden": "true", text: options.unit }) : null),
    box.message,
  );
  const fromRange = (): number | undefined => {
    const v = Number(range.value) / scale;
    return Number.isFinite(v) ? v : undefined;
  };
  range.addEventListener("input", () => {
    const v = fromRange();
    if (v === undefined) return;
    box.show(v);
    range.setAttribute("aria-valuetext", options.format(v));
    options.onInput(v);
  });
  range.addEventListener("change", () => {
    const v = fromRange();
    if (v !== undefined) options.onChange?.(v);
  });
  return {
    element,
    range,
    setChanged(changed: boolean) {
      element.classList.toggle("changed", changed);
    },
    show(v) {
      showRange(v);
      box.show(v);
    },
  };
}
