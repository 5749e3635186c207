/**
 * The deterministic forecast: one run of the model on a plan's point values, as plain rows that
 * round-trip through JSON.
 */
import { decouplingRatio, holdsFlat } from "./decoupling.ts";
import type { Workspace } from "./evaluate.ts";
import { kernelFor } from "./kernel.ts";
import { finiteForecast } from "./finite.ts";
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

/**
 * Reads a finished run into plain rows.
 *
 * @throws NonFiniteResultError when a number would not be finite (`finite.ts`).
 */
export function readForecast(plan: ModelPlan, theta: Float64Array, ws: Workspace): ForecastResult {
  const Y = plan.yearCount;
  const years = Array.from({ length: Y }, (_, y) => plan.baseYear + y);
  const costPerFte = theta[plan.costPerFte]!;
  // Plain loops: this runs for every forecast the server answers, and closures per row cost more than the rows.
  const rows: ProcessYear[] = [];
  for (let p = 0; p < plan.processIds.length; p++) {
    const process = plan.processIds[p]!;
    for (let y = 0; y < Y; y++) {
      const i = p * Y + y;
      const deliveryFte = ws.delivery[i]!;
      const developmentFte = ws.development[i]!;
      const transitionFte = ws.transition[i]!;
      rows.push({
        year: years[y]!,
        process,
        baselineFte: ws.baseline[i]!,
        deliveryFte,
        developmentFte,
        transitionFte,
        totalFte: deliveryFte + developmentFte + transitionFte,
      });
    }
  }
  const baseFte = ws.total[0]!;
  const baseResidents = ws.residents[0]!;
  const totals: YearTotal[] = [];
  for (let y = 0; y < Y; y++) {
    const residents = ws.residents[y]!;
    const totalFte = ws.total[y]!;
    totals.push({
      year: years[y]!,
      residents: Number.isNaN(residents) ? null : residents,
      baselineFte: ws.baselineTotal[y]!,
      deliveryFte: ws.deliveryTotal[y]!,
      developmentFte: ws.developmentTotal[y]!,
      transitionFte: ws.transitionTotal[y]!,
      totalFte,
      decouplingRatio: decouplingRatio(totalFte, baseFte, residents, baseResidents),
      holdsFlat: holdsFlat(totalFte, baseFte),
      capex: ws.capex[y]!,
      licences: ws.licences[y]!,
      changeFteCost: (ws.developmentTotal[y]! + ws.transitionTotal[y]!) * costPerFte,
      fteSavings: (ws.baselineTotal[y]! - ws.deliveryTotal[y]!) * costPerFte,
      systemSavings: ws.systemSavings[y]!,
      cost: ws.cost[y]!,
      savings: ws.savings[y]!,
      net: ws.net[y]!,
      cumulativeNet: ws.cumulativeNet[y]!,
    });
  }
  let from = Y;
  while (from > 0 && totals[from - 1]!.holdsFlat) from--;
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
    processes: plan.processIds.map((id, p) => ({ id, calibration: plan.calibration[p]! })),
    rows,
    totals,
    levers,
    holdsFlatFrom: from < Y ? plan.baseYear + from : null,
    investment,
  });
}

/** The deterministic forecast of a plan, at its point values or at the given parameter values. */
export function forecast(plan: ModelPlan, theta: Float64Array = plan.parameters.values): ForecastResult {
  const kernel = kernelFor(plan);
  return readForecast(plan, theta, kernel.run(theta, kernel.workspace()));
}
