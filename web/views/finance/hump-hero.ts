/**
 * The hump in large type at the top of the finance view — its depth, the year it is deepest and
 * the year it is paid back, findable in seconds — and, once the server's Monte Carlo run is in,
 * its range in a sentence.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";

export interface HumpHero {
  element: HTMLElement;
  /** Writes the hump's range (a sentence) under its depth. */
  showRange(sentence: string): void;
}

export function humpHero(context: ViewContext, result: ForecastResult): HumpHero {
  const { t, f } = context;
  const inv = result.investment;
  const heading = el("h2", { id: "hump-heading", text: t.humpHeadline });
  const range = el("p", { class: "hero-range", id: "hump-range" });
  const element = el("section", { class: "hero", "aria-labelledby": "hump-heading" }, heading);
  if (inv === null) {
    element.append(el("p", { class: "hero-detail", text: t.noLeversFinance }));
  } else if (inv.humpYear === null) {
    element.append(el("p", { class: "hero-value", text: t.noHump }));
  } else {
    const payback = inv.paybackYear === null ? t.notPaidBack(result.horizon) : t.paybackAt(String(inv.paybackYear));
    element.append(
      el("p", { class: "hero-value", "data-key": "hump-depth", text: f.mkr(inv.humpDepth) }),
      el("p", { class: "hero-detail" }, `${t.humpAt(String(inv.humpYear))} · ${payback}`),
      range,
    );
  }
  return {
    element,
    showRange(sentence) {
      range.textContent = sentence;
    },
  };
}
