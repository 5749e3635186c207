/**
 * One run of the model: a plan and a vector of parameter values in, FTE and money by year out.
 *
 * This is the model's arithmetic (DESIGN.md sections 2–4) written once, over typed arrays, into a
 * workspace allocated once per plan; the deterministic forecast, Monte Carlo, sensitivity and goal
 * seek all call it. Arrays indexed by process, activity, driver or lever and year are laid out
 * [item × yearCount + year index], the year index counting from the base year.
 */
import { ADOPTION_CURVE_LIST } from "./adoption.ts";
import { populationDriverPaths } from "./cohort-drivers.ts";
import { scenarioDriver } from "./drivers.ts";
import { MATERIAL_AMOUNT, netPresentValue } from "./investment.ts";
import {
  L_CAPEX,
  L_CEILING,
  L_DIP,
  L_EFFICIENCY,
  L_LICENCES,
  L_PERSON_YEARS,
  L_SHAPE_1,
  L_SHAPE_2,
  L_START,
  L_SYSTEM_SAVINGS,
  L_UPKEEP,
  LEVER_STRIDE,
  type ModelPlan,
  type PopulationPlan,
} from "./plan.ts";

/** Everything one run writes. Reused across runs: read what you need before the next run. */
export interface Workspace {
  /** ln(D(t) / D(base)) per driver and year. */
  driverLogRatio: Float64Array;
  /** Residents per year (NaN without a `residents` driver). */
  residents: Float64Array;
  /**
   * The last cohort projection's band sums and the five values it was run with (fertility,
   * mortality, in- and out-migration scales, growth multiplier): a run with the same values reuses
   * them (a lever's slider, a Monte Carlo run whose population is certain) when the plan's population
   * is the same. Null before the first.
   */
  population: { plan: PopulationPlan; values: Float64Array; paths: Float64Array[] } | null;
  /** Adoption s(t) per lever and year. */
  adoption: Float64Array;
  /** Effective reach per lever target (reach × intensity, at most 1). */
  reach: Float64Array;
  /** Share of a target's work left per target and year: 1 − reach·efficiency·s(t). */
  targetRemaining: Float64Array;
  /** Baseline FTE a target reaches per target and year: reach × FTE of its activity or fixed work. */
  targetReached: Float64Array;
  /** One lever's affected FTE (Σ of its targets' reached FTE), development and transition FTE (scratch, per year). */
  leverAffected: Float64Array;
  leverDevelopment: Float64Array;
  leverTransition: Float64Array;
  /** FTE per activity and year without levers, and with them. */
  activityBaseline: Float64Array;
  activityDelivery: Float64Array;
  /** Fixed work per process and year without levers, FTE (constant unless it follows a driver or drifts). */
  fixedBaseline: Float64Array;
  /** Growth of the fixed work per process and year, Π_d (D_d(t)/D_d(base))^f_pd. */
  fixedGrowth: Float64Array;
  /** FTE per process and year: baseline (no levers), delivery (with levers), development, transition. */
  baseline: Float64Array;
  delivery: Float64Array;
  development: Float64Array;
  transition: Float64Array;
  /** Scratch per year: ln of the supported processes' FTE growth, one process's drift factors, a log growth and a growth. */
  supportedLog: Float64Array;
  drift: Float64Array;
  logScratch: Float64Array;
  growthScratch: Float64Array;
  /**
   * Baseline volume growth per activity and year, Π_d (D_d(t)/D_d(base))^e_ad. Written only for an
   * activity whose growth is not its twin's (see {@link Workspace.twinBefore}).
   */
  activityGrowth: Float64Array;
  /**
   * Per activity, the nearest activity evaluated before it with the same drivers in the same
   * order (and, for a driver `supported_fte`, in the same process), or −1. When their elasticities
   * are also equal, their growth is identical, so it is computed once (fixed by the plan; the
   * equality of elasticities is checked on every run).
   */
  twinBefore: Int32Array;
  /** Per activity, the activity whose growth arrays hold its growth in this run (itself, or a twin). */
  growthSource: Int32Array;
  /** Totals per year, FTE. `build` is the development FTE spent building (the rest is upkeep). */
  baselineTotal: Float64Array;
  deliveryTotal: Float64Array;
  developmentTotal: Float64Array;
  buildTotal: Float64Array;
  transitionTotal: Float64Array;
  total: Float64Array;
  /** Money per year, currency. */
  capex: Float64Array;
  licences: Float64Array;
  systemSavings: Float64Array;
  cost: Float64Array;
  savings: Float64Array;
  net: Float64Array;
  cumulativeNet: Float64Array;
  /** Net present value of `net` at the discount rate, discounted to the base year. */
  npv: number;
  /** −min(cumulative net), or 0 when it never goes below −{@link MATERIAL_AMOUNT} (no hump). */
  humpDepth: number;
  /** Year index of the hump's trough (the first year at the minimum), or −1 without a hump. */
  humpYearIndex: number;
  /** First year index after the trough with cumulative net ≥ −{@link MATERIAL_AMOUNT}, or −1 without a hump or if none within the horizon. */
  paybackYearIndex: number;
}

export function createWorkspace(plan: ModelPlan): Workspace {
  const Y = plan.yearCount;
  const P = plan.processIds.length;
  const perYear = () => new Float64Array(Y);
  const perProcess = () => new Float64Array(P * Y);
  return {
    driverLogRatio: new Float64Array(plan.driverIds.length * Y),
    residents: perYear(),
    population: null,
    adoption: new Float64Array(plan.leverIds.length * Y),
    reach: new Float64Array(plan.targetProcess.length),
    targetRemaining: new Float64Array(plan.targetProcess.length * Y),
    targetReached: new Float64Array(plan.targetProcess.length * Y),
    leverAffected: perYear(),
    leverDevelopment: perYear(),
    leverTransition: perYear(),
    activityBaseline: new Float64Array(plan.activityIds.length * Y),
    activityDelivery: new Float64Array(plan.activityIds.length * Y),
    fixedBaseline: perProcess(),
    fixedGrowth: perProcess(),
    baseline: perProcess(),
    delivery: perProcess(),
    development: perProcess(),
    transition: perProcess(),
    supportedLog: perYear(),
    drift: perYear(),
    logScratch: perYear(),
    growthScratch: perYear(),
    activityGrowth: new Float64Array(plan.activityIds.length * Y),
    twinBefore: twins(plan),
    growthSource: new Int32Array(plan.activityIds.length),
    baselineTotal: perYear(),
    deliveryTotal: perYear(),
    developmentTotal: perYear(),
    buildTotal: perYear(),
    transitionTotal: perYear(),
    total: perYear(),
    capex: perYear(),
    licences: perYear(),
    systemSavings: perYear(),
    cost: perYear(),
    savings: perYear(),
    net: perYear(),
    cumulativeNet: perYear(),
    npv: 0,
    humpDepth: 0,
    humpYearIndex: -1,
    paybackYearIndex: -1,
  };
}

/** {@link Workspace.twinBefore}: activities with the same driver terms, in evaluation order. */
function twins(plan: ModelPlan): Int32Array {
  const twinBefore = new Int32Array(plan.activityIds.length).fill(-1);
  const last = new Map<string, number>();
  for (const p of plan.processOrder) {
    for (let a = plan.processActivityStart[p]!; a < plan.processActivityStart[p + 1]!; a++) {
      const drivers = Array.from(plan.termDriver.subarray(plan.termStart[a]!, plan.termStart[a + 1]!));
      const shape = drivers.includes(-1) ? `${p}:${drivers.join(",")}` : drivers.join(",");
      twinBefore[a] = last.get(shape) ?? -1;
      last.set(shape, a);
    }
  }
  return twinBefore;
}

/** The activity whose growth arrays hold a twin's growth equal to a's in this run, or −1. */
function sameGrowthAs(plan: ModelPlan, theta: Float64Array, ws: Workspace, a: number): number {
  const from = plan.termStart[a]!;
  const count = plan.termStart[a + 1]! - from;
  for (let b = ws.twinBefore[a]!; b >= 0; b = ws.twinBefore[b]!) {
    const other = plan.termStart[b]!;
    let same = true;
    for (let k = 0; k < count && same; k++) {
      same = theta[plan.termElasticity[from + k]!] === theta[plan.termElasticity[other + k]!];
    }
    if (same) return ws.growthSource[b]!;
  }
  return -1;
}

/**
 * Drivers under the growth multipliers, as log ratios to the base year: the package's values up to
 * each driver's last actual year; after it a stock's change and a flow's level scaled by m
 * (see {@link scenarioDriver}).
 */
function projectDrivers(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const g = theta[plan.growthMultiplier]!;
  for (let d = 0; d < plan.driverIds.length; d++) {
    const base = plan.driverBase[d]!;
    const anchor = plan.driverAnchor[d]!;
    const anchorIndex = plan.driverAnchorIndex[d]!;
    const type = plan.driverIsFlow[d] === 1 ? "flow" : "stock";
    const m = g * theta[plan.driverMultiplier[d]!]!;
    const isResidents = d === plan.residentsDriver;
    for (let y = 0; y < Y; y++) {
      const value = scenarioDriver(type, y > anchorIndex, anchor, plan.driverPath[d * Y + y]!, m, base);
      ws.driverLogRatio[d * Y + y] = base > 0 ? Math.log(value / base) : 0;
      if (isResidents) ws.residents[y] = value;
    }
  }
  if (plan.population !== null && plan.population.driver.length > 0) projectPopulationDrivers(plan, theta, ws);
  if (plan.residentsDriver < 0) ws.residents.fill(NaN);
}

/**
 * The drivers a population drives, after its base year: the projection with this run's scale
 * factors and the growth multiplier on net migration; each band's growth since the base year
 * applied to the driver's value then, A (its last history year: the same in every scenario), and
 * the driver's own multiplier m_d on that change: D(t) = A + m_d · (A · band(t) / band(start) − A).
 */
function projectPopulationDrivers(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const p = plan.population!;
  const Y = plan.yearCount;
  const g = theta[plan.growthMultiplier]!;
  const values = Float64Array.of(theta[p.fertility]!, theta[p.mortality]!, theta[p.inMigration]!, theta[p.outMigration]!, g);
  if (ws.population === null || ws.population.plan !== p || ws.population.values.some((v, i) => v !== values[i])) {
    const dwellings = (year: number) => (p.dwellings < 0 ? 0 : plan.driverPath[p.dwellings * Y + year - plan.baseYear]!);
    ws.population = { plan: p, values, paths: populationDriverPaths(p, plan.horizon, theta, dwellings, g) };
  }
  const paths = ws.population.paths;
  p.driver.forEach((d, k) => {
    const base = plan.driverBase[d]!;
    const start = base * Math.exp(ws.driverLogRatio[d * Y + p.startIndex]!);
    const m = theta[plan.driverMultiplier[d]!]!;
    const path = paths[k]!;
    for (let y = p.startIndex + 1; y < Y; y++) {
      const value = scenarioDriver("stock", true, start, start * (path[y - p.startIndex]! / path[0]!), m, base);
      ws.driverLogRatio[d * Y + y] = base > 0 ? Math.log(value / base) : 0;
      if (d === plan.residentsDriver) ws.residents[y] = value;
    }
  });
}

/**
 * Adoption per lever and year, zero in the base year; each target's effective reach; and the share
 * of each target's work left per year, 1 − reach·efficiency·s(t).
 */
function adopt(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const shift = theta[plan.midpointShift]!;
  for (let l = 0; l < plan.leverIds.length; l++) {
    const at = l * LEVER_STRIDE;
    const start = theta[plan.leverParameter[at + L_START]!]!;
    const shape1 = theta[plan.leverParameter[at + L_SHAPE_1]!]!;
    const shape2 = theta[plan.leverParameter[at + L_SHAPE_2]!]!;
    const ceiling = theta[plan.leverParameter[at + L_CEILING]!]!;
    const curve = ADOPTION_CURVE_LIST[plan.leverCurve[l]!]!;
    ws.adoption[l * Y] = 0;
    for (let y = 1; y < Y; y++) {
      const year = plan.baseYear + y;
      ws.adoption[l * Y + y] = curve.adoption(year, start, shape1, shape2, ceiling, shift);
    }
  }
  const intensity = theta[plan.intensity]!;
  const { adoption, targetRemaining } = ws;
  for (let t = 0; t < ws.reach.length; t++) {
    const scaled = theta[plan.targetReach[t]!]! * intensity;
    const reach = scaled < 1 ? scaled : 1;
    const l = plan.targetLever[t]!;
    const efficiency = theta[plan.leverParameter[l * LEVER_STRIDE + L_EFFICIENCY]!]!;
    ws.reach[t] = reach;
    for (let y = 0; y < Y; y++) targetRemaining[t * Y + y] = 1 - reach * efficiency * adoption[l * Y + y]!;
  }
}

/** Π over the targets in list[from..to) of (1 − reach·efficiency·s(t)) in year y: the share of the work left. */
function remainingShare(
  targetRemaining: Float64Array,
  Y: number,
  list: Int32Array,
  from: number,
  to: number,
  y: number,
): number {
  let share = 1;
  for (let k = from; k < to; k++) share *= targetRemaining[list[k]! * Y + y]!;
  return share;
}

/** (1 + drift)^y per year index y: the process's drift since the base year. */
function driftFactors(drift: number, out: Float64Array): void {
  for (let y = 0; y < out.length; y++) out[y] = Math.pow(1 + drift, y);
}

/**
 * ln of the supported processes' FTE growth, ln(Σ F(t) / Σ F(base)), into `out`: F is the
 * baseline FTE for the baseline, and delivery + development + transition FTE with the levers, so
 * that support carries the HR, finance and IT load of the people who build and change the
 * services as well as of those who deliver them.
 */
function supportedLogGrowth(plan: ModelPlan, ws: Workspace, p: number, withLevers: boolean, out: Float64Array): void {
  const Y = plan.yearCount;
  const from = plan.supportedStart[p]!;
  const to = plan.supportedStart[p + 1]!;
  let base = 0;
  for (let k = from; k < to; k++) base += ws.baseline[plan.supportedList[k]! * Y]!;
  for (let y = 0; y < Y; y++) {
    let sum = 0;
    for (let k = from; k < to; k++) {
      const i = plan.supportedList[k]! * Y + y;
      sum += withLevers ? ws.delivery[i]! + ws.development[i]! + ws.transition[i]! : ws.baseline[i]!;
    }
    out[y] = base > 0 ? Math.log(sum / base) : 0;
  }
}

/** Whether any of the driver terms [from, to) is the supported processes' FTE. */
function usesSupportedFte(termDriver: Int32Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (termDriver[k]! < 0) return true;
  return false;
}

/**
 * Growth per year of work moved by the driver terms [from, to), Π_d (D_d(t)/D_d(base))^e_d,
 * computed as exp(Σ_d e_d·ln(D_d(t)/D_d(base))), into out[offset .. offset + yearCount). A term
 * with driver −1 is the supported processes' FTE, whose log growth is `supportedLog`.
 */
function termGrowth(
  plan: ModelPlan,
  theta: Float64Array,
  ws: Workspace,
  terms: { driver: Int32Array; elasticity: Int32Array; from: number; to: number },
  supportedLog: Float64Array,
  out: Float64Array,
  offset: number,
): void {
  const Y = plan.yearCount;
  const log = ws.logScratch;
  log.fill(0);
  for (let k = terms.from; k < terms.to; k++) {
    const e = theta[terms.elasticity[k]!]!;
    const d = terms.driver[k]!;
    const ratio = d >= 0 ? ws.driverLogRatio : supportedLog;
    const at = d >= 0 ? d * Y : 0;
    for (let y = 0; y < Y; y++) log[y]! += e * ratio[at + y]!;
  }
  for (let y = 0; y < Y; y++) out[offset + y] = Math.exp(log[y]!);
}

const activityTerms = (plan: ModelPlan, a: number) => ({
  driver: plan.termDriver,
  elasticity: plan.termElasticity,
  from: plan.termStart[a]!,
  to: plan.termStart[a + 1]!,
});

const fixedTerms = (plan: ModelPlan, p: number) => ({
  driver: plan.fixedTermDriver,
  elasticity: plan.fixedTermElasticity,
  from: plan.fixedTermStart[p]!,
  to: plan.fixedTermStart[p + 1]!,
});

/**
 * Baseline workload per process ("grow with growth", no levers), in dependency order:
 *
 *     fixed_p(t)   = fixed_p(base) · Π_d (D_d(t)/D_d(base))^f_pd · (1 + drift_p)^(t − base)
 *     activity(t)  = FTE_a(base) · Π_d (D_d(t)/D_d(base))^e_ad · (1 + drift_p)^(t − base)
 *     baseline_p(t) = fixed_p(t) + Σ_a activity(t) + individual allowances
 *
 * Activities with the same drivers and elasticities grow alike: their growth is computed once.
 */
function projectBaseline(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const { activityGrowth: growth, drift, supportedLog } = ws;
  for (let i = 0; i < plan.processOrder.length; i++) {
    const p = plan.processOrder[i]!;
    const row = p * Y;
    if (plan.supportedStart[p + 1]! > plan.supportedStart[p]!) supportedLogGrowth(plan, ws, p, false, supportedLog);
    driftFactors(theta[plan.processDrift[p]!]!, drift);
    termGrowth(plan, theta, ws, fixedTerms(plan, p), supportedLog, ws.fixedGrowth, row);
    const fixed = plan.fixedFte[p]!;
    const allowance = plan.allowanceFte[p]!;
    for (let y = 0; y < Y; y++) {
      const fixedNow = fixed * ws.fixedGrowth[row + y]! * drift[y]!;
      ws.fixedBaseline[row + y] = fixedNow;
      ws.baseline[row + y] = fixedNow + allowance;
    }
    for (let a = plan.processActivityStart[p]!; a < plan.processActivityStart[p + 1]!; a++) {
      const twin = sameGrowthAs(plan, theta, ws, a);
      const source = twin >= 0 ? twin : a;
      if (twin < 0) termGrowth(plan, theta, ws, activityTerms(plan, a), supportedLog, growth, a * Y);
      ws.growthSource[a] = source;
      const base = plan.activityFte[a]!;
      for (let y = 0; y < Y; y++) {
        const baseline = base * growth[source * Y + y]! * drift[y]!;
        ws.activityBaseline[a * Y + y] = baseline;
        ws.baseline[row + y]! += baseline;
      }
    }
  }
}

/**
 * Delivery workload per process (with the levers' savings), in dependency order, after
 * {@link changeEffort}: each activity's and the fixed work's baseline × the levers' remaining
 * share, Π_l (1 − reach·efficiency·s_l(t)), + individual allowances. A support process's work that
 * follows `supported_fte` is recomputed from the supported processes' delivery + development +
 * transition FTE.
 */
function projectDelivery(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const { targetRemaining, drift, supportedLog, growthScratch } = ws;
  const { fixedTargetList, activityTargetList } = plan;
  for (let i = 0; i < plan.processOrder.length; i++) {
    const p = plan.processOrder[i]!;
    const row = p * Y;
    const isSupport = plan.supportedStart[p + 1]! > plan.supportedStart[p]!;
    if (isSupport) {
      supportedLogGrowth(plan, ws, p, true, supportedLog);
      driftFactors(theta[plan.processDrift[p]!]!, drift);
    }
    const fixed = fixedTerms(plan, p);
    const fixedMoves = isSupport && usesSupportedFte(fixed.driver, fixed.from, fixed.to);
    if (fixedMoves) termGrowth(plan, theta, ws, fixed, supportedLog, growthScratch, 0);
    const fixedFrom = plan.fixedTargetStart[p]!;
    const fixedTo = plan.fixedTargetStart[p + 1]!;
    for (let y = 0; y < Y; y++) {
      const fixedNow = fixedMoves ? plan.fixedFte[p]! * growthScratch[y]! * drift[y]! : ws.fixedBaseline[row + y]!;
      ws.delivery[row + y] = fixedNow * remainingShare(targetRemaining, Y, fixedTargetList, fixedFrom, fixedTo, y) + plan.allowanceFte[p]!;
    }
    for (let a = plan.processActivityStart[p]!; a < plan.processActivityStart[p + 1]!; a++) {
      const terms = activityTerms(plan, a);
      const moves = isSupport && usesSupportedFte(terms.driver, terms.from, terms.to);
      if (moves) termGrowth(plan, theta, ws, terms, supportedLog, growthScratch, 0);
      const targetFrom = plan.activityTargetStart[a]!;
      const targetTo = plan.activityTargetStart[a + 1]!;
      const targeted = targetTo > targetFrom;
      for (let y = 0; y < Y; y++) {
        const volume = moves ? plan.activityFte[a]! * growthScratch[y]! * drift[y]! : ws.activityBaseline[a * Y + y]!;
        const delivery = targeted ? volume * remainingShare(targetRemaining, Y, activityTargetList, targetFrom, targetTo, y) : volume;
        ws.activityDelivery[a * Y + y] = delivery;
        ws.delivery[row + y]! += delivery;
      }
    }
  }
}

/**
 * The J-curve and the competence shift: per lever, transition FTE = dip × affected FTE × rise in
 * adoption, and development FTE = build effort spread over the build years + upkeep × adoption;
 * both attributed to the targeted processes in proportion to the baseline work each target reaches
 * (all to the lever's first target in a year where it reaches none). Also the lever's capex,
 * licences and system savings per year.
 */
function changeEffort(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  ws.development.fill(0);
  ws.transition.fill(0);
  ws.buildTotal.fill(0);
  ws.capex.fill(0);
  ws.licences.fill(0);
  ws.systemSavings.fill(0);
  const { targetReached, adoption, leverAffected: affected, leverDevelopment, leverTransition } = ws;
  for (let t = 0; t < ws.reach.length; t++) {
    const reach = ws.reach[t]!;
    const a = plan.targetActivity[t]!;
    const work = a >= 0 ? ws.activityBaseline : ws.fixedBaseline;
    const at = (a >= 0 ? a : plan.targetProcess[t]!) * Y;
    for (let y = 0; y < Y; y++) targetReached[t * Y + y] = reach * work[at + y]!;
  }
  for (let l = 0; l < plan.leverIds.length; l++) {
    const at = l * LEVER_STRIDE;
    const dip = theta[plan.leverParameter[at + L_DIP]!]!;
    const upkeep = theta[plan.leverParameter[at + L_UPKEEP]!]!;
    const licences = theta[plan.leverParameter[at + L_LICENCES]!]!;
    const systemSavings = theta[plan.leverParameter[at + L_SYSTEM_SAVINGS]!]!;
    const buildYears = plan.buildYears[l]!;
    const buildFrom = plan.buildStart[l]! - plan.baseYear;
    const buildFte = buildYears > 0 ? theta[plan.leverParameter[at + L_PERSON_YEARS]!]! / buildYears : 0;
    const capex = buildYears > 0 ? theta[plan.leverParameter[at + L_CAPEX]!]! / buildYears : 0;
    const targetFrom = plan.targetStart[l]!;
    const targetTo = plan.targetStart[l + 1]!;
    affected.fill(0);
    for (let t = targetFrom; t < targetTo; t++) {
      for (let y = 0; y < Y; y++) affected[y]! += targetReached[t * Y + y]!;
    }
    for (let y = 0; y < Y; y++) {
      const s = adoption[l * Y + y]!;
      const rise = y > 0 ? s - adoption[l * Y + y - 1]! : 0;
      const building = y >= buildFrom && y < buildFrom + buildYears;
      const build = building ? buildFte : 0;
      if (building) ws.capex[y]! += capex;
      ws.buildTotal[y]! += build;
      ws.licences[y]! += licences * s;
      ws.systemSavings[y]! += systemSavings * s;
      leverTransition[y] = dip * affected[y]! * rise;
      leverDevelopment[y] = build + upkeep * s;
    }
    for (let t = targetFrom; t < targetTo; t++) {
      const row = plan.targetProcess[t]! * Y;
      const fallback = t === targetFrom ? 1 : 0;
      for (let y = 0; y < Y; y++) {
        const weight = affected[y]! > 0 ? targetReached[t * Y + y]! / affected[y]! : fallback;
        ws.development[row + y]! += leverDevelopment[y]! * weight;
        ws.transition[row + y]! += leverTransition[y]! * weight;
      }
    }
  }
}

/**
 * Totals and money (DESIGN.md section 4): cost = capex + licences + (development + transition FTE) ×
 * cost per FTE; savings = (baseline − delivery FTE) × cost per FTE + system savings; net, its
 * cumulative sum, NPV, and the hump's depth, year (the first year at the minimum) and payback.
 */
function account(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const P = plan.processIds.length;
  const costPerFte = theta[plan.costPerFte]!;
  let cumulative = 0;
  let trough = 0;
  let troughIndex = 0;
  for (let y = 0; y < Y; y++) {
    let baseline = 0;
    let delivery = 0;
    let development = 0;
    let transition = 0;
    for (let p = 0; p < P; p++) {
      baseline += ws.baseline[p * Y + y]!;
      delivery += ws.delivery[p * Y + y]!;
      development += ws.development[p * Y + y]!;
      transition += ws.transition[p * Y + y]!;
    }
    ws.baselineTotal[y] = baseline;
    ws.deliveryTotal[y] = delivery;
    ws.developmentTotal[y] = development;
    ws.transitionTotal[y] = transition;
    ws.total[y] = delivery + development + transition;
    const cost = ws.capex[y]! + ws.licences[y]! + (development + transition) * costPerFte;
    const savings = (baseline - delivery) * costPerFte + ws.systemSavings[y]!;
    const net = savings - cost;
    cumulative += net;
    ws.cost[y] = cost;
    ws.savings[y] = savings;
    ws.net[y] = net;
    ws.cumulativeNet[y] = cumulative;
    if (cumulative < trough) {
      trough = cumulative;
      troughIndex = y;
    }
  }
  ws.npv = netPresentValue(ws.net, theta[plan.discountRate]!);
  // A hump must be material: a cumulative net within MATERIAL_AMOUNT of zero is zero, so that
  // floating-point residue (a lever whose dip equals its savings) is not reported as a hump.
  const hump = trough < -MATERIAL_AMOUNT;
  ws.humpDepth = hump ? -trough : 0;
  ws.humpYearIndex = hump ? troughIndex : -1;
  ws.paybackYearIndex = -1;
  for (let y = troughIndex; hump && y < Y; y++) {
    if (ws.cumulativeNet[y]! >= -MATERIAL_AMOUNT) {
      ws.paybackYearIndex = y;
      break;
    }
  }
}

/** Runs the model for one vector of parameter values (the plan's `parameters.values`, or a draw). */
export function evaluate(plan: ModelPlan, theta: Float64Array, ws: Workspace): Workspace {
  projectDrivers(plan, theta, ws);
  adopt(plan, theta, ws);
  projectBaseline(plan, theta, ws);
  changeEffort(plan, theta, ws);
  projectDelivery(plan, theta, ws);
  account(plan, theta, ws);
  return ws;
}
