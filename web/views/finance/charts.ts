/**
 * The finance view's money charts: the cumulative net with the Monte Carlo P10–P90 band (once the
 * server's run is in) and yearly cost and savings, each with its numbers as a table.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { costSavingsChart } from "../../../charts/cost-savings.ts";
import { cumulativeNetBandChart } from "../../../charts/cumulative-net-band.ts";
import { humpRangeSentence, humpSentence, scenarioFacts } from "../../captions.ts";
import { scenarioChartOptions } from "../../chart-options.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
import type { Uncertainty } from "../../uncertainty.ts";
import type { ScenarioLabel, ViewContext } from "../../view.ts";

type Total = ForecastResult["totals"][number];

export interface FinanceCharts {
  hump: HTMLElement;
  cost: HTMLElement;
  /** Draws both charts `width` wide, the hump with the band when `uncertainty` is there. */
  draw(width: number, uncertainty: Uncertainty | null): void;
}

export function financeCharts(context: ViewContext, result: ForecastResult, label: ScenarioLabel): FinanceCharts {
  const { lang, t, f } = context;
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const humpFigure = new ChartFigure("cumulative-net-band", texts);
  const costFigure = new ChartFigure("cost-savings", texts);
  const common = scenarioChartOptions(context, label);

  const humpCaption = (uncertainty: Uncertainty | null): string | undefined => {
    const humpRange = uncertainty ? { p10: uncertainty.humpDepth.p10, p90: uncertainty.humpDepth.p90 } : null;
    const facts = scenarioFacts(result, { name: label.name, humpRange });
    const parts = [humpSentence(facts, lang), humpRangeSentence(facts, lang)].filter((s) => s !== "");
    const version = lang === "sv" ? `Scenarioversion ${label.versionId}.` : `Scenario version ${label.versionId}.`;
    return parts.length > 0 ? `${parts.join(" ")} ${version}` : undefined;
  };

  const humpTable = (band: Uncertainty["band"] | null): TableData<Total> => {
    const byYear = new Map((band ?? []).map((b) => [b.year, b]));
    const mkr = (v: number | undefined) => f.number((v ?? Number.NaN) / 1e6, 1);
    const columns = [
      { label: t.year, value: (row: Total) => String(row.year), header: true },
      { label: `${t.cumulative} (${f.mkrUnit})`, value: (row: Total) => mkr(row.cumulativeNet), numeric: true },
    ];
    if (band) {
      columns.push(
        { label: `${t.p10} (${f.mkrUnit})`, value: (row: Total) => mkr(byYear.get(row.year)?.p10), numeric: true },
        { label: `${t.p50} (${f.mkrUnit})`, value: (row: Total) => mkr(byYear.get(row.year)?.p50), numeric: true },
        { label: `${t.p90} (${f.mkrUnit})`, value: (row: Total) => mkr(byYear.get(row.year)?.p90), numeric: true },
      );
    }
    return { caption: `${t.cumulative}: ${label.name}`, columns, rows: result.totals };
  };

  const costTable = (): TableData<Total> => ({
    caption: `${t.cost}, ${t.savings.toLowerCase()}: ${label.name}`,
    columns: [
      { label: t.year, value: (row) => String(row.year), header: true },
      { label: `${t.cost} (${f.mkrUnit})`, value: (row) => f.number(row.cost / 1e6, 1), numeric: true },
      { label: `${t.savings} (${f.mkrUnit})`, value: (row) => f.number(row.savings / 1e6, 1), numeric: true },
      { label: `${t.net} (${f.mkrUnit})`, value: (row) => f.number(row.net / 1e6, 1), numeric: true },
    ],
    rows: result.totals,
  });

  return {
    hump: humpFigure.element,
    cost: costFigure.element,
    draw(width, uncertainty) {
      const band = uncertainty?.band ?? null;
      humpFigure.draw(cumulativeNetBandChart(result, { ...common, width, band }), { caption: humpCaption(uncertainty), table: () => humpTable(band) });
      costFigure.draw(costSavingsChart(result, { ...common, width }), { table: costTable });
    },
  };
}
