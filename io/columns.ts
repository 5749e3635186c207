/**
 * The numeric columns of a forecast's tables, in the order every export writes them, so that the
 * CSV and the spreadsheet of one version always agree.
 */
import type { ProcessYear, YearTotal } from "../model/forecast.ts";

/** FTE components per process and year. */
export const PROCESS_COLUMNS = ["baselineFte", "deliveryFte", "developmentFte", "transitionFte", "totalFte"] as const satisfies readonly (keyof ProcessYear)[];

/** Residents, FTE and money per year (`holdsFlat`, a yes/no, is written after them). */
export const TOTAL_COLUMNS = [
  "residents",
  "baselineFte",
  "deliveryFte",
  "developmentFte",
  "transitionFte",
  "totalFte",
  "decouplingRatio",
  "capex",
  "licences",
  "changeFteCost",
  "fteSavings",
  "systemSavings",
  "cost",
  "savings",
  "net",
  "cumulativeNet",
] as const satisfies readonly (keyof YearTotal)[];
