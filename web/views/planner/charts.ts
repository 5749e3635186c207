/**
 * The planner's two charts: total FTE per year (with and without levers, against the base year's
 * level) and FTE per process in the year in focus, each with its numbers as a table. Drawn again
 * on every movement; the tables wait until the movement ends unless they are open.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { fteProcessBarsChart, processBars, type ProcessBar } from "../../../charts/fte-process-bars.ts";
import { ftePerYearChart } from "../../../charts/fte-per-year.ts";
import { scenarioChartOptions } from "../../chart-options.ts";
import { chartWidth } from "../../dom.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
import type { DrawContext, ScenarioLabel } from "../../view.ts";

type Total = ForecastResult["totals"][number];

export interface PlannerCharts {
  elements: HTMLElement[];
  /** Takes the width of the charts' container (after layout, and when the window is resized). */
  measure(): void;
  /** Draws both charts, or only the total's (`onlyTotal`: the bars follow with {@link drawBars}). */
  draw(result: ForecastResult, focus: number, label: ScenarioLabel, tableNow: boolean, onlyTotal?: boolean): void;
  drawBars(result: ForecastResult, focus: number, label: ScenarioLabel, tableNow: boolean): void;
  /** Draws the tables of the last {@link draw} that were left for later. */
  flushTables(): void;
}

export function plannerCharts(context: DrawContext): PlannerCharts {
  const { pkg, t, f } = context;
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const total = new ChartFigure("fte-per-year", texts);
  const bars = new ChartFigure("fte-process-bars", texts);
  let width = 720;

  const totalsTable = (result: ForecastResult, name: string): TableData<Total> => {
    const base = result.totals[0]!.totalFte;
    return {
      caption: `${t.fte}: ${name}`,
      columns: [
        { label: t.year, value: (r) => String(r.year), header: true },
        { label: t.withLevers, value: (r) => f.number(r.totalFte, 1), numeric: true },
        { label: t.withoutLevers, value: (r) => f.number(r.baselineFte, 1), numeric: true },
        { label: t.baseYearLevel, value: () => f.number(base, 1), numeric: true },
      ],
      rows: result.totals,
    };
  };

  const barsTable = (rows: ProcessBar[], year: number): TableData<ProcessBar> => ({
    caption: t.kfFte(year),
    columns: [
      { label: t.process, value: (b) => b.name, header: true },
      { label: t.withLevers, value: (b) => f.number(b.scenario, 1), numeric: true },
      { label: t.withoutLevers, value: (b) => f.number(b.baseline, 1), numeric: true },
      { label: `${t.baseYearLevel} ${pkg.baseYear}`, value: (b) => f.number(b.base, 1), numeric: true },
    ],
    rows,
  });

  return {
    elements: [total.element, bars.element],
    measure() {
      // The plot's own box, inside the figure's padding: a chart as wide as the box is shown at its
      // drawn size, as the server's first chart in the page is (`server/first-screen.ts`).
      width = chartWidth(total.plotBox);
    },
    draw(result, focus, label, tableNow, onlyTotal = false) {
      const common = { ...scenarioChartOptions(context, label), width };
      total.draw(ftePerYearChart(result, common), { table: () => totalsTable(result, label.name), tableNow });
      if (!onlyTotal) this.drawBars(result, focus, label, tableNow);
    },
    drawBars(result, focus, label, tableNow) {
      const common = { ...scenarioChartOptions(context, label), width };
      bars.draw(fteProcessBarsChart(result, { ...common, year: focus }), { table: () => barsTable(processBars(result, focus, common.processNames), focus), tableNow });
    },
    flushTables() {
      bars.flushTable();
      total.flushTable();
    },
  };
}
