/**
 * The planner's key figures for a year the planner chooses: total FTE then and at the horizon
 * (against the baseline and the base year), the first year headcount holds flat, and the hump;
 * with a polite live region that says the same in a sentence once a movement ends.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { scenarioCaption, scenarioFacts } from "../../captions.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";

export interface KeyFigures {
  element: HTMLElement;
  /** Writes the figures of `result` for the year in focus. */
  draw(result: ForecastResult, focus: number): void;
  /** Says the scenario's figures in a sentence to assistive technology. */
  announce(result: ForecastResult, name: string, focus: number): void;
}

/** The key figures; `onFocus` is called with the year the planner chooses. */
export function keyFigures(context: ViewContext, focus: number, onFocus: (year: number) => void): KeyFigures {
  const { pkg, lang, t, f } = context;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const focusId = "planner-focus-year";
  const focusSelect = el("select", { id: focusId });
  for (let y = baseYear + 1; y <= horizon; y++) focusSelect.append(el("option", { value: y, text: String(y), selected: y === focus }));
  focusSelect.addEventListener("change", () => onFocus(Number(focusSelect.value)));
  const figures = el("dl", { class: "key-figures" });
  const live = el("p", { class: "visually-hidden", "aria-live": "polite", id: "planner-live" });
  const element = el(
    "section",
    { class: "key", "aria-labelledby": "planner-key" },
    el("div", { class: "key-head" }, el("h2", { id: "planner-key", text: t.keyFigures }), el("div", { class: "field-inline" }, el("label", { for: focusId, text: t.focusYear }), focusSelect)),
    figures,
    live,
  );

  const item = (name: string, key: string, value: string, detail: string) =>
    el("div", { class: "figure-item", "data-key": key }, el("dt", { text: name }), el("dd", {}, el("span", { class: "value", text: value }), el("span", { class: "detail", text: detail })));

  return {
    element,
    draw(result, year) {
      const row = result.totals.find((r) => r.year === year)!;
      const base = result.totals[0]!;
      const last = result.totals.at(-1)!;
      const inv = result.investment;
      figures.replaceChildren(
        item(t.kfFte(year), "fte", f.fte(row.totalFte), t.kfFteDetail(f.fte(row.baselineFte), f.fte(base.totalFte), baseYear)),
        item(t.kfHorizon(horizon), "fte-horizon", f.fte(last.totalFte), t.kfFteDetail(f.fte(last.baselineFte), f.fte(base.totalFte), baseYear)),
        item(t.kfFlat, "flat", result.holdsFlatFrom !== null ? t.kfFlatFrom(result.holdsFlatFrom) : t.kfFlatNever(horizon), ""),
        inv === null
          ? item(t.kfHump, "hump", t.kfNoLevers, "")
          : item(
              t.kfHump,
              "hump",
              inv.humpYear === null ? f.mkr(0) : f.mkr(inv.humpDepth),
              inv.humpYear === null ? "" : t.kfHumpDetail(String(inv.humpYear), inv.paybackYear === null ? t.kfNotPaidBack : String(inv.paybackYear)),
            ),
      );
    },
    announce(result, name, year) {
      live.textContent = scenarioCaption(scenarioFacts(result, { name, year }), lang);
    },
  };
}
