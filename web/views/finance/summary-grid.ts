/**
 * The finance view's summary of the investment: the hump's depth, year and payback, NPV, IRR,
 * investment per FTE avoided, the one-off investment, FTE avoided at the horizon, and the hump's
 * P10–P90 range once the server's Monte Carlo run is in.
 */
import type { InvestmentSummary } from "../../../model/forecast.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";

export interface SummaryGrid {
  element: HTMLElement;
  /** Writes the hump's range ("30,1 – 70,4 Mkr"), or the word for none. */
  showRange(text: string): void;
  /** Writes the NPV's P10–P90 under it, and a notice when the NPV lies outside it. */
  showNpvRange(text: string, notice: string): void;
}

export function summaryGrid(context: ViewContext, inv: InvestmentSummary, horizon: number): SummaryGrid {
  const { t, f } = context;
  const item = (label: string, key: string, value: string) => el("div", { class: "summary-item", "data-key": key }, el("dt", { text: label }), el("dd", { text: value }));
  const range = el("dd", { text: "…" });
  const npvRange = el("span", { class: "range" });
  const summary = el(
    "dl",
    { class: "summary-grid" },
    item(t.sDepth, "depth", f.mkr(inv.humpDepth)),
    item(t.sYear, "year", inv.humpYear === null ? t.none : String(inv.humpYear)),
    item(t.sPayback, "payback", inv.humpYear === null ? t.none : inv.paybackYear === null ? t.notPaidBack(horizon) : String(inv.paybackYear)),
    el("div", { class: "summary-item", "data-key": "npv" }, el("dt", { text: t.sNpv(f.percent(inv.discountRate, 1)) }), el("dd", {}, f.mkr(inv.npv), npvRange)),
    item(t.sIrr, "irr", inv.irr === null ? t.noIrr : f.percent(inv.irr, 1)),
    item(t.sPerFte, "per-fte", inv.investmentPerFteAvoided === null ? t.none : f.tkr(inv.investmentPerFteAvoided)),
    item(t.sInvestment, "investment", f.mkr(inv.investment)),
    item(t.sFteAvoided(horizon), "fte-avoided", f.fte(inv.fteAvoided)),
    el("div", { class: "summary-item", "data-key": "range" }, el("dt", { text: t.sRange }), range),
  );
  return {
    element: el("section", { "aria-labelledby": "finance-summary" }, el("h2", { id: "finance-summary", text: t.summary }), summary),
    showRange(text) {
      range.textContent = text;
    },
    showNpvRange(text, notice) {
      npvRange.replaceChildren(text, notice ? el("strong", { text: ` ${notice}` }) : "");
    },
  };
}
