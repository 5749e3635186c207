/**
 * The paper's charts on the page — FTE per year, FTE in the year compared, the investment hump on
 * its own scale and over the whole period, and the probability of holding flat when it is
 * informative (`paper/paper.ts` decides) — each with a caption written from the numbers and
 * naming the version ids, its numbers as an open table, its source line and, when the figures are
 * illustrative, the statement that says so in its footer.
 */
import type { Paper, PaperTable } from "../../../paper/paper.ts";
import { compareFlatCaption, compareFteCaption, compareHoldsFlatCaption, compareHumpCaption, type ScenarioFacts } from "../../captions.ts";
import { chartWidth, el } from "../../dom.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
import type { ViewContext } from "../../view.ts";

/** A table of the paper as a figure's table. */
export function tableData(table: PaperTable): TableData<string[]> {
  return {
    caption: table.caption,
    columns: table.columns.map((c, i) => ({ label: c.label, value: (row: string[]) => row[i] ?? "", numeric: c.numeric === true && i > 0, header: i === 0 })),
    rows: table.rows,
  };
}

/** The section of charts; draw them with the returned function once it is in the document (for the width). */
export function compareCharts(context: ViewContext, paper: Paper, facts: ScenarioFacts[]): { element: HTMLElement; draw(): void } {
  const { lang, t } = context;
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const ids = paper.versionIds.join(", ");
  const idsSentence = lang === "sv" ? `Scenarioversioner ${ids}.` : `Scenario versions ${ids}.`;
  // The plain-language captions of the web app, where there is one for the chart.
  const captions: Record<string, () => string> = {
    "compare-fte": () => compareHoldsFlatCaption(facts, lang),
    "compare-year": () => compareFteCaption(facts, lang),
    "compare-hump-years": () => compareHumpCaption(facts, lang),
    "compare-hold-flat": () => compareFlatCaption(facts, lang),
  };
  const figures = paper.charts.map((chart) => ({ chart, figure: new ChartFigure(chart.spec.name, texts) }));
  const element = el(
    "section",
    { class: "compare-charts", "aria-label": t.comparison },
    ...paper.notes.map((note) => el("p", { class: "paper-note", text: note })),
    ...figures.map(({ chart, figure }) =>
      el(
        "div",
        { class: "paper-chart" },
        figure.element,
        el("p", { class: "chart-source", text: chart.source }),
        ...(paper.illustrative ? [el("p", { class: "chart-footer illustrative", text: paper.illustrative })] : []),
      ),
    ),
  );
  const draw = () => {
    const width = chartWidth(element);
    for (const { chart, figure } of figures) {
      const own = captions[chart.spec.name];
      const spec = { ...chart.spec, plot: { ...chart.spec.plot, width } };
      figure.draw(spec, { caption: own ? `${own()} ${idsSentence}` : chart.spec.caption, table: () => tableData(chart.table), tableNow: true });
      figure.element.querySelector("details")?.setAttribute("open", "");
    }
  };
  return { element, draw };
}
