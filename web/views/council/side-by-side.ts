/**
 * The council briefing's key figures, one column per version: version id, FTE in the year compared
 * with and without levers, the first year headcount holds flat, the hump, its year and payback,
 * NPV, and the probability of holding flat (once the Monte Carlo runs are in).
 */
import type { ScenarioFacts } from "../../captions.ts";
import { el } from "../../dom.ts";
import type { ViewContext } from "../../view.ts";
import type { Compared } from "./compared.ts";

/** The table in a scrollable region. `complete` says whether the Monte Carlo runs are all in. */
export function sideBySide(context: ViewContext, items: Compared[], facts: ScenarioFacts[], years: { year: number; flatYear: number }, complete: boolean): HTMLElement {
  const { t, f } = context;
  const row = (label: string, cells: string[]) => el("tr", {}, el("th", { scope: "row", text: label }), ...cells.map((c) => el("td", { class: "num", text: c })));
  const probability = (fa: ScenarioFacts, item: Compared) => (fa.flat ? f.percent(fa.flat.probability) : item.uncertaintyError || complete ? t.none : "…");
  const table = el(
    "table",
    { class: "side-by-side" },
    el("caption", { text: t.sideBySide }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t.scenario }), ...items.map((item) => el("th", { scope: "col", text: item.label })))),
    el(
      "tbody",
      {},
      row(t.versionId, items.map((item) => item.version.versionId)),
      row(t.cFte(years.year), facts.map((fa) => f.fte(fa.fteWith))),
      row(t.cFteWithout(years.year), facts.map((fa) => f.fte(fa.fteWithout))),
      row(t.cFlatFrom, facts.map((fa) => (fa.holdsFlatFrom === null ? t.kfFlatNever(fa.horizon) : String(fa.holdsFlatFrom)))),
      row(t.cHump, facts.map((fa) => (fa.hasLevers ? f.mkr(fa.humpDepth ?? 0) : t.kfNoLevers))),
      row(t.cHumpYear, facts.map((fa) => (fa.humpYear === null ? t.none : String(fa.humpYear)))),
      row(t.cPayback, facts.map((fa) => (!fa.hasLevers || fa.humpYear === null ? t.none : fa.paybackYear === null ? t.kfNotPaidBack : String(fa.paybackYear)))),
      row(t.cNpv, items.map((item) => (item.result.investment ? f.mkr(item.result.investment.npv) : t.none))),
      row(t.cProbability(years.flatYear), facts.map((fa, i) => probability(fa, items[i]!))),
    ),
  );
  return el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": t.sideBySide }, table);
}
