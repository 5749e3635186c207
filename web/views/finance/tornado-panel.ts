/**
 * The finance view's tornado: which assumptions move the chosen outcome (the hump's depth, NPV or
 * FTE in a year) most, from the model's one-at-a-time sensitivity run in the browser on the
 * compiled plan, with the outcome chosen in a list and the assumptions named in words.
 */
import type { ModelPlan } from "../../../model/plan.ts";
import { tornadoChart } from "../../../charts/tornado.ts";
import { tornadoCaption } from "../../captions.ts";
import { scenarioChartOptions } from "../../chart-options.ts";
import { el, errorText } from "../../dom.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
import { computeTornado, type TornadoResult, WEB_TORNADO_OUTCOMES, type WebTornadoOutcome } from "../../tornado.ts";
import type { ScenarioLabel, ViewContext } from "../../view.ts";

export interface TornadoPanel {
  /** The outcome list (shown only when the scenario has levers). */
  controls: HTMLElement;
  figure: HTMLElement;
  draw(width: number): void;
}

/**
 * The tornado of `plan` (null when the scenario has no levers: then a message says so). `year` is
 * the year of the FTE outcome; the outcome chosen is kept in the route's `tornado` parameter.
 */
export function tornadoPanel(context: ViewContext, plan: ModelPlan | null, year: number, label: ScenarioLabel): TornadoPanel {
  const { pkg, lang, t, f } = context;
  const title = lang === "sv" ? "Vilka antaganden påverkar mest?" : "Which assumptions matter most?";
  const figure = new ChartFigure("tornado", { showTable: t.showTable, tableRegion: t.tableRegion });
  const select = el("select", { id: "tornado-outcome" });
  let outcome: WebTornadoOutcome = WEB_TORNADO_OUTCOMES.find((o) => o === context.params.tornado) ?? "humpDepth";
  for (const o of WEB_TORNADO_OUTCOMES) {
    const text = o === "humpDepth" ? t.sDepth : o === "npv" ? t.cNpv : t.kfFte(year);
    select.append(el("option", { value: o, text, selected: o === outcome }));
  }
  const controls = el("div", { class: "field-inline tornado-outcome" }, el("label", { for: "tornado-outcome", text: t.tornadoOutcome }), select);
  const common = scenarioChartOptions(context, label);
  let tornado: TornadoResult | null = null;
  let width = 720;

  const table = (tr: TornadoResult): TableData<TornadoResult["bars"][number]> => {
    const unit = tr.unit === "money" ? f.mkrUnit : f.fteUnit;
    const value = (v: number) => (tr.unit === "money" ? f.number(v / 1e6, 1) : f.number(v, 1));
    return {
      caption: `${t.parameter}: ${tr.output[lang]}`,
      columns: [
        { label: t.parameter, value: (b) => b.label, header: true },
        { label: t.lowValue, value: (b) => b.lowText },
        { label: t.highValue, value: (b) => b.highText },
        { label: `${t.atLow} (${unit})`, value: (b) => value(b.outputAtLow), numeric: true },
        { label: `${t.atHigh} (${unit})`, value: (b) => value(b.outputAtHigh), numeric: true },
      ],
      rows: [...tr.bars].sort((a, b) => Math.abs(b.outputAtHigh - b.outputAtLow) - Math.abs(a.outputAtHigh - a.outputAtLow)),
    };
  };

  const run = () => {
    if (plan === null) return;
    try {
      tornado = computeTornado(plan, outcome, year, lang, pkg);
    } catch (error) {
      tornado = null;
      figure.message(title, t.tornadoUnavailable(errorText(error)));
    }
  };

  const draw = () => {
    if (plan === null) {
      figure.message(title, t.noLeversFinance);
      return;
    }
    if (tornado === null) return;
    if (tornado.bars.length === 0) {
      figure.message(title, t.uncertaintyNone);
      return;
    }
    const spec = tornadoChart(tornado.bars, { ...common, width, base: tornado.base, output: tornado.output[lang], unit: tornado.unit });
    const words = tornadoCaption({ output: tornado.output[lang], unit: tornado.unit, base: tornado.base, top: tornado.bars[0] ?? null }, lang);
    const drawn = tornado;
    figure.draw(spec, { caption: `${spec.caption} ${words}`, table: () => table(drawn) });
  };

  select.addEventListener("change", () => {
    outcome = select.value as WebTornadoOutcome;
    context.setParams({ tornado: outcome });
    run();
    draw();
  });
  run();

  return {
    controls,
    figure: figure.element,
    draw(w) {
      width = w;
      draw();
    },
  };
}
