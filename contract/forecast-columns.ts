/**
 * A deterministic forecast as the API sends it: `ForecastResult` with its rows and totals as
 * columns, one array per field, instead of one object per row. The same numbers in half the bytes,
 * written in a fraction of the time (the server's writer is `server/forecast-json.ts`); a row's
 * year and process follow from its position, so they are not repeated.
 *
 * `forecastFromColumns` gives back the rows the views and the exports read.
 */
import type { ForecastResult, ProcessYear, YearTotal } from "../model/forecast.ts";

/** The fields of a process-year row sent as columns: every field but its year and process. */
export const PROCESS_YEAR_COLUMNS = ["baselineFte", "deliveryFte", "developmentFte", "transitionFte", "totalFte"] as const satisfies readonly (keyof ProcessYear)[];

/** The fields of a year's total sent as columns: every field but its year, in `YearTotal`'s order. */
export const YEAR_TOTAL_COLUMNS = Object.keys({
  residents: true,
  baselineFte: true,
  deliveryFte: true,
  developmentFte: true,
  transitionFte: true,
  totalFte: true,
  decouplingRatio: true,
  holdsFlat: true,
  capex: true,
  licences: true,
  changeFteCost: true,
  fteSavings: true,
  systemSavings: true,
  cost: true,
  savings: true,
  net: true,
  cumulativeNet: true,
} as const satisfies Record<Exclude<keyof YearTotal, "year">, true>) as Exclude<keyof YearTotal, "year">[];

type ProcessYearColumn = (typeof PROCESS_YEAR_COLUMNS)[number];
type YearTotalColumn = Exclude<keyof YearTotal, "year">;

/** `ForecastResult` with rows and totals as columns. */
export interface ForecastColumns extends Omit<ForecastResult, "rows" | "totals"> {
  /**
   * One array per field, one value per process and year: process by process in the order of
   * `processes`, and within a process year by year in the order of `years` (the value of process
   * p in year y is at p × years.length + y).
   */
  rows: { [F in ProcessYearColumn]: ProcessYear[F][] };
  /** One array per field, one value per year in the order of `years`. */
  totals: { [F in YearTotalColumn]: YearTotal[F][] };
}

/** The rows and totals of a forecast sent as columns, as `ForecastResult` holds them. */
export function forecastFromColumns(columns: ForecastColumns): ForecastResult {
  const { rows: rowColumns, totals: totalColumns, ...rest } = columns;
  const { years, processes } = columns;
  const rows: ProcessYear[] = [];
  for (let p = 0; p < processes.length; p++) {
    for (let y = 0; y < years.length; y++) {
      const row = { year: years[y]!, process: processes[p]!.id } as ProcessYear;
      for (const field of PROCESS_YEAR_COLUMNS) row[field] = rowColumns[field][p * years.length + y]!;
      rows.push(row);
    }
  }
  const totals = years.map((year, y) => {
    const total = { year } as Record<keyof YearTotal, YearTotal[keyof YearTotal]>;
    for (const field of YEAR_TOTAL_COLUMNS) total[field] = totalColumns[field][y]!;
    return total as YearTotal;
  });
  return { ...rest, rows, totals };
}
