/**
 * The council briefing's four charts — FTE per year, FTE in the year compared with and without
 * levers, the investment hump, the probability of holding flat — each captioned in plain words
 * from the numbers, naming the version ids, with its numbers as a table.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { compareFteChart } from "../../../charts/compare-fte.ts";
import { compareHoldFlatChart } from "../../../charts/compare-hold-flat.ts";
import { compareHumpChart } from "../../../charts/compare-hump.ts";
import { compareYearChart } from "../../../charts/compare-year.ts";
import type { CompareEntry } from "../../../charts/chart-spec.ts";
import { compareFlatCaption, compareFteCaption, compareHoldsFlatCaption, compareHumpCaption, type ScenarioFacts } from "../../captions.ts";
import { chartWidth, el } from "../../dom.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
import type { ViewContext } from "../../view.ts";
import type { Compared } from "./compared.ts";

type YearRow = { year: number; cells: string[] };

/** The section of charts; draw them with the returned function once it is in the document (for the width). */
export function compareCharts(context: ViewContext, items: Compared[], facts: ScenarioFacts[], year: number): { element: HTMLElement; draw(): void } {
  const { pkg, lang, t, f } = context;
  const texts = { showTable: t.showTable, tableRegion: t.tableRegion };
  const figFte = new ChartFigure("compare-fte", texts);
  const figYear = new ChartFigure("compare-year", texts);
  const figHump = new ChartFigure("compare-hump", texts);
  const figFlat = new ChartFigure("compare-hold-flat", texts);
  const element = el("section", { class: "compare-charts", "aria-label": t.comparison }, figFte.element, figYear.element, figHump.element, figFlat.element);
  const flatTitle = lang === "sv" ? "Sannolikhet att hålla nollan" : "Probability of holding headcount flat";
  const years = items[0]!.result.years;

  const yearsTable = (cells: (r: ForecastResult["totals"][number]) => string[], names: string[]): TableData<YearRow> => ({
    caption: names.join(", "),
    columns: [
      { label: t.year, value: (r) => String(r.year), header: true },
      ...items.flatMap((item, i) =>
        names.map((n, k) => ({ label: names.length > 1 ? `${item.label}: ${n.toLowerCase()}` : item.label, value: (r: YearRow) => r.cells[i * names.length + k] ?? "", numeric: true })),
      ),
    ],
    rows: years.map((y) => ({
      year: y,
      cells: items.flatMap((item) => {
        const row = item.result.totals.find((r) => r.year === y);
        return row ? cells(row) : names.map(() => t.none);
      }),
    })),
  });

  const yearTable = (): TableData<number> => ({
    caption: `${t.fte} ${year}`,
    columns: [
      { label: t.scenario, value: (i) => items[i]!.label, header: true },
      { label: t.withLevers, value: (i) => f.number(facts[i]!.fteWith, 1), numeric: true },
      { label: t.withoutLevers, value: (i) => f.number(facts[i]!.fteWithout, 1), numeric: true },
      { label: `${t.baseYearLevel} ${pkg.baseYear}`, value: (i) => f.number(facts[i]!.baseFte, 1), numeric: true },
    ],
    rows: items.map((_, i) => i),
  });

  const flatTable = (): TableData<{ year: number }> => ({
    caption: flatTitle,
    columns: [
      { label: t.year, value: (r) => String(r.year), header: true },
      ...items.map((item) => ({
        label: item.label,
        value: (r: { year: number }) => {
          const p = item.uncertainty?.holdFlat.find((h) => h.year === r.year);
          return p ? f.percent(p.probability) : t.none;
        },
        numeric: true,
      })),
    ],
    rows: years.map((y) => ({ year: y })),
  });

  const draw = () => {
    const entries: CompareEntry[] = items.map((item) => ({ scenarioId: item.pick.scenario, label: item.label, versionId: item.version.versionId, result: item.result, holdFlat: item.uncertainty?.holdFlat }));
    const common = { lang, municipality: pkg.municipality.name, width: chartWidth(element), year };
    const ids = items.map((item) => item.version.versionId).join(", ");
    const idsSentence = lang === "sv" ? `Scenarioversioner ${ids}.` : `Scenario versions ${ids}.`;
    figFte.draw(compareFteChart(entries, { ...common, caption: `${compareHoldsFlatCaption(facts, lang)} ${idsSentence}` }), {
      table: () => yearsTable((r) => [f.number(r.totalFte, 1), f.number(r.baselineFte, 1)], [t.withLevers, t.withoutLevers]),
      tableNow: true,
    });
    figYear.draw(compareYearChart(entries, { ...common, caption: `${compareFteCaption(facts, lang)} ${idsSentence}` }), { table: yearTable, tableNow: true });
    figHump.draw(compareHumpChart(entries, { ...common, caption: `${compareHumpCaption(facts, lang)} ${idsSentence}` }), {
      table: () => yearsTable((r) => [f.number(r.cumulativeNet / 1e6, 1)], [`${t.cumulative} (${f.mkrUnit})`]),
      tableNow: true,
    });
    if (entries.some((e) => e.holdFlat !== undefined)) {
      figFlat.draw(compareHoldFlatChart(entries, { ...common, caption: `${compareFlatCaption(facts, lang)} ${idsSentence}` }), { table: flatTable, tableNow: true });
    } else {
      const errors = items.map((item) => item.uncertaintyError).filter((e): e is string => e !== null);
      figFlat.message(flatTitle, errors.length > 0 ? t.uncertaintyFailed(errors[0]!) : t.probabilityRunning);
    }
  };
  return { element, draw };
}
