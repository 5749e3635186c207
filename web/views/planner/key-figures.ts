/**
 * The planner's key figures for a year the planner chooses: total FTE then and at the horizon
 * (against the baseline and the base year), the first year headcount holds flat, and the hump;
 * with a polite live region that says the same in a sentence once a movement ends. Each figure is
 * the central estimate (every assumption at its median) with its P10–P90 under it, computed in
 * the background for the assumptions on screen, and a notice when it lies outside that range.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { el } from "../../dom.ts";
import type { Uncertainty } from "../../uncertainty.ts";
import type { DrawContext } from "../../view.ts";

export interface KeyFigures {
  element: HTMLElement;
  /** Writes the figures of `result` for the year in focus. */
  draw(result: ForecastResult, focus: number): void;
  /** Says the scenario's figures in a sentence to assistive technology. */
  announce(result: ForecastResult, name: string, focus: number): void;
  /** Marks the ranges as being computed ("beräknar …", aria-busy) or shows them (null: none could be computed). */
  showRanges(state: "running" | Uncertainty | null): void;
}

/** The key figures; `onFocus` is called with the year the planner chooses. */
export function keyFigures(context: DrawContext, focus: number, onFocus: (year: number) => void): KeyFigures {
  const { pkg, lang, t, f } = context;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const focusId = "planner-focus-year";
  const focusSelect = el("select", { id: focusId });
  for (let y = baseYear + 1; y <= horizon; y++) focusSelect.append(el("option", { value: y, text: String(y), selected: y === focus }));
  focusSelect.addEventListener("change", () => onFocus(Number(focusSelect.value)));
  const figures = el("dl", { class: "key-figures" });
  const rangeStatus = el("p", { class: "hint range-status", role: "status", id: "planner-range-status" });
  const live = el("p", { class: "visually-hidden", "aria-live": "polite", id: "planner-live" });
  const element = el(
    "section",
    { class: "key", "aria-labelledby": "planner-key" },
    el("div", { class: "key-head" }, el("h2", { id: "planner-key", text: t.keyFigures }), el("div", { class: "field-inline" }, el("label", { for: focusId, text: t.focusYear }), focusSelect)),
    el("p", { class: "hint", text: t.centralEstimate }),
    figures,
    rangeStatus,
    live,
  );
  let shown: { result: ForecastResult; year: number } | null = null;
  let ranges: Uncertainty | null = null;

  /** The P10–P90 line of a figure, with a notice when the figure lies outside its own range. */
  const rangeLine = (key: string, value: number | null): HTMLElement | null => {
    if (ranges === null || value === null || !shown) return null;
    const central = ranges.central.find((c) => (key === "hump" ? c.figure === "humpDepth" : c.figure === "totalFte" && c.year === (key === "fte" ? shown!.year : horizon)));
    if (!central || central.p10 === null || central.p90 === null) return null;
    const write = key === "hump" ? (v: number) => f.mkr(v) : (v: number) => f.fte(v);
    // the range is of this very value's assumptions (computed for them), but a value moved since is not compared
    const outside = value < central.p10 - 1e-9 * Math.abs(central.p10) || value > central.p90 + 1e-9 * Math.abs(central.p90);
    return el("span", { class: outside ? "range outside" : "range" }, t.rangeP10P90(write(central.p10), write(central.p90)), outside ? el("strong", { text: ` ${t.outsideOwnRange}` }) : "");
  };

  const item = (name: string, key: string, value: string, detail: string, point: number | null = null) =>
    el(
      "div",
      { class: "figure-item", "data-key": key },
      el("dt", { text: name }),
      el("dd", {}, el("span", { class: "value", text: value }), el("span", { class: "detail", text: detail }), rangeLine(key, point)),
    );

  return {
    element,
    draw(result, year) {
      shown = { result, year };
      const row = result.totals.find((r) => r.year === year)!;
      const base = result.totals[0]!;
      const last = result.totals.at(-1)!;
      const inv = result.investment;
      figures.replaceChildren(
        item(t.kfFte(year), "fte", f.fte(row.totalFte), t.kfFteDetail(f.fte(row.baselineFte), f.fte(base.totalFte), baseYear), row.totalFte),
        item(t.kfHorizon(horizon), "fte-horizon", f.fte(last.totalFte), t.kfFteDetail(f.fte(last.baselineFte), f.fte(base.totalFte), baseYear), last.totalFte),
        item(t.kfFlat, "flat", result.holdsFlatFrom !== null ? t.kfFlatFrom(result.holdsFlatFrom) : t.kfFlatNever(horizon), ""),
        inv === null
          ? item(t.kfHump, "hump", t.kfNoLevers, "")
          : item(
              t.kfHump,
              "hump",
              inv.humpYear === null ? f.mkr(0) : f.mkr(inv.humpDepth),
              inv.humpYear === null ? "" : t.kfHumpDetail(String(inv.humpYear), inv.paybackYear === null ? t.kfNotPaidBack : String(inv.paybackYear)),
              inv.humpYear === null ? null : inv.humpDepth,
            ),
      );
    },
    showRanges(state) {
      if (state === "running") {
        ranges = null;
        element.setAttribute("aria-busy", "true");
        rangeStatus.textContent = t.rangesRunning;
        return;
      }
      element.removeAttribute("aria-busy");
      ranges = state;
      rangeStatus.textContent = state === null ? t.rangesFailed : state.uncertainParameters === 0 ? t.uncertaintyNone : t.rangesDone(f.number(state.draws));
      if (shown) this.draw(shown.result, shown.year);
    },
    announce(result, name, year) {
      // The sentence's words come after the first chart, with the other views' captions (a chunk of their own).
      void import("../../captions.ts").then(({ scenarioCaption, scenarioFacts }) => {
        live.textContent = scenarioCaption(scenarioFacts(result, { name, year }), lang);
      });
    },
  };
}
