/**
 * A deterministic forecast as columns, and back to rows. Its own file, with only type imports, so
 * that the web app can turn the server's columnar answer into rows without loading the kernel.
 */
import type { ForecastResult, ProcessYear, ProcessYearField, YearTotal, YearTotalField } from "./forecast.ts";

/**
 * A forecast with its rows and totals as columns, one array per field: the value of process p in
 * year y is at p × years.length + y, a year's total at its year index. The same numbers as
 * {@link ForecastResult}, without an object per row. It is the server's answer
 * (`contract/forecast-columns.ts` lists its fields for the wire); {@link forecastFromColumns} turns it
 * back into rows.
 */
export interface ForecastColumns extends Omit<ForecastResult, "rows" | "totals"> {
  rows: { [F in ProcessYearField]: ProcessYear[F][] };
  totals: { [F in YearTotalField]: YearTotal[F][] };
}

/** A forecast's columns as rows: one object per process and year, process by process, and one per year. */
export function forecastFromColumns(columns: ForecastColumns): ForecastResult {
  const { rows: c, totals: t, years, processes } = columns;
  const Y = years.length;
  const rows: ProcessYear[] = [];
  for (let p = 0; p < processes.length; p++) {
    const process = processes[p]!.id;
    for (let y = 0; y < Y; y++) {
      const i = p * Y + y;
      rows.push({
        year: years[y]!,
        process,
        baselineFte: c.baselineFte[i]!,
        deliveryFte: c.deliveryFte[i]!,
        developmentFte: c.developmentFte[i]!,
        transitionFte: c.transitionFte[i]!,
        totalFte: c.totalFte[i]!,
      });
    }
  }
  const totals: YearTotal[] = [];
  for (let y = 0; y < Y; y++) {
    totals.push({
      year: years[y]!,
      residents: t.residents[y]!,
      baselineFte: t.baselineFte[y]!,
      deliveryFte: t.deliveryFte[y]!,
      developmentFte: t.developmentFte[y]!,
      transitionFte: t.transitionFte[y]!,
      totalFte: t.totalFte[y]!,
      decouplingRatio: t.decouplingRatio[y]!,
      holdsFlat: t.holdsFlat[y]!,
      capex: t.capex[y]!,
      licences: t.licences[y]!,
      changeFteCost: t.changeFteCost[y]!,
      fteSavings: t.fteSavings[y]!,
      systemSavings: t.systemSavings[y]!,
      cost: t.cost[y]!,
      savings: t.savings[y]!,
      net: t.net[y]!,
      cumulativeNet: t.cumulativeNet[y]!,
    });
  }
  return { ...columns, rows, totals };
}
