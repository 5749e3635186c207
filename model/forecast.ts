/**
 * The deterministic forecast: one run of the model on a plan's point values, as plain rows that
 * round-trip through JSON.
 */
import { decouplingRatio, holdsFlat } from "./decoupling.ts";
import type { Workspace } from "./evaluate.ts";
import { kernelFor } from "./kernel.ts";
import { finiteForecast } from "./finite.ts";
import { forecastFromColumns, type ForecastColumns } from "./forecast-columns.ts";
import type { LocalizedText } from "./data-package.ts";
import { internalRateOfReturn, investmentPerFteAvoided, type IrrStatus, MATERIAL_AMOUNT, NPV_CONVENTION } from "./investment.ts";
import type { ModelPlan } from "./plan.ts";
import type { ProcessCalibration } from "./workload.ts";

/** FTE of one process in one year, split into its components. */
export interface ProcessYear {
  year: number;
  process: string;
  /** FTE with today's ways of working ("grow with growth"): no levers. */
  baselineFte: number;
  /** FTE delivering the services with the levers' savings. */
  deliveryFte: number;
  /** FTE building and keeping up the levers' digital services (the competence shift). */
  developmentFte: number;
  /** FTE lost to the change while adoption rises (the J-curve). */
  transitionFte: number;
  /** delivery + development + transition. */
  totalFte: number;
}

/** The whole office organisation in one year: FTE, growth and money (currency). */
export interface YearTotal {
  year: number;
  /** Residents under the scenario's growth, or null without a `residents` driver. */
  residents: number | null;
  baselineFte: number;
  deliveryFte: number;
  developmentFte: number;
  transitionFte: number;
  totalFte: number;
  /** FTE growth ÷ resident growth since the base year; null in the base year. */
  decouplingRatio: number | null;
  /** Total FTE at or below the base year's. */
  holdsFlat: boolean;
  capex: number;
  licences: number;
  /** (development + transition FTE) × cost per FTE. */
  changeFteCost: number;
  /** (baseline − delivery FTE) × cost per FTE. */
  fteSavings: number;
  systemSavings: number;
  cost: number;
  savings: number;
  net: number;
  cumulativeNet: number;
}

/** The investment hump and its return (DESIGN.md section 4); currency unless stated. */
export interface InvestmentSummary {
  /** −min(cumulative net); 0 when cumulative net never goes below −`materialAmount` (no hump). */
  humpDepth: number;
  /** First year at the deepest point, or null without a hump. */
  humpYear: number | null;
  /** First year after the trough with cumulative net ≥ −`materialAmount`; null without a hump, or if not within the horizon. */
  paybackYear: number | null;
  /** The amount of money below which a cumulative net or a yearly flow counts as zero, currency. */
  materialAmount: number;
  /** Net present value of the yearly net (see `npvConvention`). */
  npv: number;
  /** How the NPV is computed: end of year, discounted to the base year, constant prices. */
  npvConvention: string;
  /** Discount rate used, share per year. */
  discountRate: number;
  /** Internal rate of return, share per year, when exactly one exists from −99 % up; otherwise null. */
  irr: number | null;
  /** `unique`, `none` or `several` (see `internalRateOfReturn`). */
  irrStatus: IrrStatus;
  /** One-off investment: capex + (build + transition FTE) × cost per FTE, over the horizon. */
  investment: number;
  /** Baseline − scenario total FTE in the horizon year. */
  fteAvoided: number;
  /** investment ÷ fteAvoided, or null when none are avoided. */
  investmentPerFteAvoided: number | null;
}

export interface LeverAdoption {
  id: string;
  /** Adoption share 0–1 per year from the base year. */
  adoption: number[];
}

/**
 * What a deterministic forecast is: the central estimate, every assumption at its median. A
 * parameter with a distribution takes the distribution's median (a point value given beside it
 * must equal that median); every other parameter its given value.
 */
export const CENTRAL_ESTIMATE = "every assumption at its median";

export interface ForecastResult {
  scenario: string;
  /** Why the package's figures are illustrative, not the municipality's own; null when they are its own. */
  illustrative: LocalizedText | null;
  /** {@link CENTRAL_ESTIMATE}: what the figures are. */
  estimate: typeof CENTRAL_ESTIMATE;
  baseYear: number;
  horizon: number;
  years: number[];
  processes: { id: string; calibration: ProcessCalibration }[];
  /** One row per process and year, process by process. */
  rows: ProcessYear[];
  /** One row per year. */
  totals: YearTotal[];
  levers: LeverAdoption[];
  /** First year from which total FTE stays at or below the base year to the horizon, or null. */
  holdsFlatFrom: number | null;
  /** Null when the scenario has no levers. */
  investment: InvestmentSummary | null;
}

/** The fields of a process-year row that differ from row to row: all but its year and process, in `ProcessYear`'s order. */
export type ProcessYearField = Exclude<keyof ProcessYear, "year" | "process">;
/** The fields of a year's total but its year, in `YearTotal`'s order. */
export type YearTotalField = Exclude<keyof YearTotal, "year">;

/**
 * The plain parts of a result that follow from the plan's structure alone, made once per structure
 * (a plan patched with new values shares its template's `calibration`): every forecast of that
 * structure shares these same arrays, and a writer may keep their text by identity. Frozen, as they
 * are shared.
 */
const structureParts = new WeakMap<object, { years: number[]; processes: ForecastResult["processes"] }>();

function partsOf(plan: ModelPlan): { years: number[]; processes: ForecastResult["processes"] } {
  let parts = structureParts.get(plan.calibration);
  if (parts === undefined || parts.years.length !== plan.yearCount || parts.years[0] !== plan.baseYear) {
    parts = {
      years: Object.freeze(Array.from({ length: plan.yearCount }, (_, y) => plan.baseYear + y)) as number[],
      processes: Object.freeze(plan.processIds.map((id, p) => Object.freeze({ id, calibration: plan.calibration[p]! }))) as ForecastResult["processes"],
    };
    structureParts.set(plan.calibration, parts);
  }
  return parts;
}

/**
 * Reads a finished run into columns: the one place the result's derived figures are computed
 * (a row's total FTE, the decoupling ratio, the cost of the change, the investment summary).
 *
 * @throws NonFiniteResultError when a number would not be finite (`finite.ts`).
 */
export function readForecastColumns(plan: ModelPlan, theta: Float64Array, ws: Workspace): ForecastColumns {
  const Y = plan.yearCount;
  const cells = plan.processIds.length * Y;
  const { years, processes } = partsOf(plan);
  const costPerFte = theta[plan.costPerFte]!;
  // Plain arrays filled in plain loops: this runs for every forecast the server answers.
  const baselineFte = new Array<number>(cells);
  const deliveryFte = new Array<number>(cells);
  const developmentFte = new Array<number>(cells);
  const transitionFte = new Array<number>(cells);
  const totalFte = new Array<number>(cells);
  for (let i = 0; i < cells; i++) {
    const delivery = ws.delivery[i]!;
    const development = ws.development[i]!;
    const transition = ws.transition[i]!;
    baselineFte[i] = ws.baseline[i]!;
    deliveryFte[i] = delivery;
    developmentFte[i] = development;
    transitionFte[i] = transition;
    totalFte[i] = delivery + development + transition;
  }
  const totals: ForecastColumns["totals"] = {
    residents: new Array<number | null>(Y),
    baselineFte: new Array<number>(Y),
    deliveryFte: new Array<number>(Y),
    developmentFte: new Array<number>(Y),
    transitionFte: new Array<number>(Y),
    totalFte: new Array<number>(Y),
    decouplingRatio: new Array<number | null>(Y),
    holdsFlat: new Array<boolean>(Y),
    capex: new Array<number>(Y),
    licences: new Array<number>(Y),
    changeFteCost: new Array<number>(Y),
    fteSavings: new Array<number>(Y),
    systemSavings: new Array<number>(Y),
    cost: new Array<number>(Y),
    savings: new Array<number>(Y),
    net: new Array<number>(Y),
    cumulativeNet: new Array<number>(Y),
  };
  const baseFte = ws.total[0]!;
  const baseResidents = ws.residents[0]!;
  for (let y = 0; y < Y; y++) {
    const residents = ws.residents[y]!;
    const total = ws.total[y]!;
    totals.residents[y] = Number.isNaN(residents) ? null : residents;
    totals.baselineFte[y] = ws.baselineTotal[y]!;
    totals.deliveryFte[y] = ws.deliveryTotal[y]!;
    totals.developmentFte[y] = ws.developmentTotal[y]!;
    totals.transitionFte[y] = ws.transitionTotal[y]!;
    totals.totalFte[y] = total;
    totals.decouplingRatio[y] = decouplingRatio(total, baseFte, residents, baseResidents);
    totals.holdsFlat[y] = holdsFlat(total, baseFte);
    totals.capex[y] = ws.capex[y]!;
    totals.licences[y] = ws.licences[y]!;
    totals.changeFteCost[y] = (ws.developmentTotal[y]! + ws.transitionTotal[y]!) * costPerFte;
    totals.fteSavings[y] = (ws.baselineTotal[y]! - ws.deliveryTotal[y]!) * costPerFte;
    totals.systemSavings[y] = ws.systemSavings[y]!;
    totals.cost[y] = ws.cost[y]!;
    totals.savings[y] = ws.savings[y]!;
    totals.net[y] = ws.net[y]!;
    totals.cumulativeNet[y] = ws.cumulativeNet[y]!;
  }
  let from = Y;
  while (from > 0 && totals.holdsFlat[from - 1]!) from--;
  const levers = plan.leverIds.map((id, l) => ({ id, adoption: Array.from(ws.adoption.subarray(l * Y, (l + 1) * Y)) }));

  let investment: InvestmentSummary | null = null;
  if (plan.leverIds.length > 0) {
    let oneOff = 0;
    for (let y = 0; y < Y; y++) oneOff += ws.capex[y]! + (ws.buildTotal[y]! + ws.transitionTotal[y]!) * costPerFte;
    const fteAvoided = ws.baselineTotal[Y - 1]! - ws.total[Y - 1]!;
    const irr = internalRateOfReturn(ws.net);
    investment = {
      humpDepth: ws.humpDepth,
      humpYear: ws.humpYearIndex >= 0 ? plan.baseYear + ws.humpYearIndex : null,
      paybackYear: ws.paybackYearIndex >= 0 ? plan.baseYear + ws.paybackYearIndex : null,
      materialAmount: MATERIAL_AMOUNT,
      npv: ws.npv,
      npvConvention: NPV_CONVENTION,
      discountRate: theta[plan.discountRate]!,
      irr: irr.irr,
      irrStatus: irr.status,
      investment: oneOff,
      fteAvoided,
      investmentPerFteAvoided: investmentPerFteAvoided(oneOff, fteAvoided),
    };
  }
  return finiteForecast({
    scenario: plan.scenarioId,
    illustrative: plan.illustrative,
    estimate: CENTRAL_ESTIMATE,
    baseYear: plan.baseYear,
    horizon: plan.horizon,
    years,
    processes,
    rows: { baselineFte, deliveryFte, developmentFte, transitionFte, totalFte },
    totals,
    levers,
    holdsFlatFrom: from < Y ? plan.baseYear + from : null,
    investment,
  });
}

/**
 * Reads a finished run into plain rows.
 *
 * @throws NonFiniteResultError when a number would not be finite (`finite.ts`).
 */
export function readForecast(plan: ModelPlan, theta: Float64Array, ws: Workspace): ForecastResult {
  return forecastFromColumns(readForecastColumns(plan, theta, ws));
}

/** The deterministic forecast of a plan in columns, at its point values or at the given parameter values. */
export function forecastColumns(plan: ModelPlan, theta: Float64Array = plan.parameters.values): ForecastColumns {
  const kernel = kernelFor(plan);
  return readForecastColumns(plan, theta, kernel.run(theta, kernel.workspace()));
}

/** The deterministic forecast of a plan, at its point values or at the given parameter values. */
export function forecast(plan: ModelPlan, theta: Float64Array = plan.parameters.values): ForecastResult {
  return forecastFromColumns(forecastColumns(plan, theta));
}
