/**
 * A deterministic forecast as the API sends it: `ForecastResult` with its rows and totals as
 * columns, one array per field, instead of one object per row. The same numbers in half the bytes,
 * written in a fraction of the time (the server's writer is `server/forecast-json.ts`); a row's
 * year and process follow from its position, so they are not repeated.
 *
 * `forecastFromColumns` (`model/forecast-columns.ts`, the model's own) gives back the rows the views
 * and the exports read.
 */
import type { ProcessYear, YearTotal } from "../model/forecast.ts";

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

export { forecastFromColumns, type ForecastColumns } from "../model/forecast-columns.ts";
