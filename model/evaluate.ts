/**
 * One run of the model: a plan and a vector of parameter values in, FTE and money by year out.
 *
 * This is the model's arithmetic (DESIGN.md sections 2–4) written once, over typed arrays, into a
 * workspace allocated once per plan; the deterministic forecast, Monte Carlo, sensitivity and goal
 * seek all call it. Arrays indexed by process, activity, driver or lever and year are laid out
 * [item × yearCount + year index], the year index counting from the base year.
 */
import { bassAdoption, logisticAdoption } from "./adoption.ts";
import { scaledDriver } from "./drivers.ts";
import { netPresentValue } from "./investment.ts";
import {
  BASS,
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
} from "./plan.ts";

/** Everything one run writes. Reused across runs: read what you need before the next run. */
export interface Workspace {
  /** ln(D(t) / D(base)) per driver and year. */
  driverLogRatio: Float64Array;
  /** Residents per year (NaN without a `residents` driver). */
  residents: Float64Array;
  /** Adoption s(t) per lever and year. */
  adoption: Float64Array;
  /** Effective reach per lever target (reach × intensity, at most 1). */
  reach: Float64Array;
  /** FTE per activity and year without levers, and with them. */
  activityBaseline: Float64Array;
  activityDelivery: Float64Array;
  /** FTE per process and year: baseline (no levers), delivery (with levers), development, transition. */
  baseline: Float64Array;
  delivery: Float64Array;
  development: Float64Array;
  transition: Float64Array;
  /** ln of the supported processes' FTE growth, baseline and with levers (scratch, per year). */
  supportedBaselineLog: Float64Array;
  supportedDeliveryLog: Float64Array;
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
  /** −min(cumulative net), or 0 when it never goes below zero. */
  humpDepth: number;
  /** Year index of the hump's trough, or −1 without a hump. */
  humpYearIndex: number;
  /** First year index at or after the trough with cumulative net ≥ 0, or −1 if none within the horizon. */
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
    adoption: new Float64Array(plan.leverIds.length * Y),
    reach: new Float64Array(plan.targetProcess.length),
    activityBaseline: new Float64Array(plan.activityIds.length * Y),
    activityDelivery: new Float64Array(plan.activityIds.length * Y),
    baseline: perProcess(),
    delivery: perProcess(),
    development: perProcess(),
    transition: perProcess(),
    supportedBaselineLog: perYear(),
    supportedDeliveryLog: perYear(),
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

/** Drivers under the growth multipliers: D(t) = D(base) + m·(path(t) − D(base)), as log ratios. */
function projectDrivers(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const g = theta[plan.growthMultiplier]!;
  for (let d = 0; d < plan.driverIds.length; d++) {
    const base = plan.driverBase[d]!;
    const m = g * theta[plan.driverMultiplier[d]!]!;
    const isResidents = d === plan.residentsDriver;
    for (let y = 0; y < Y; y++) {
      const value = scaledDriver(base, plan.driverPath[d * Y + y]!, m);
      ws.driverLogRatio[d * Y + y] = base > 0 ? Math.log(value / base) : 0;
      if (isResidents) ws.residents[y] = value;
    }
  }
  if (plan.residentsDriver < 0) ws.residents.fill(NaN);
}

/** Adoption per lever and year, zero in the base year, and each target's effective reach. */
function adopt(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  const shift = theta[plan.midpointShift]!;
  for (let l = 0; l < plan.leverIds.length; l++) {
    const at = l * LEVER_STRIDE;
    const start = theta[plan.leverParameter[at + L_START]!]!;
    const shape1 = theta[plan.leverParameter[at + L_SHAPE_1]!]!;
    const shape2 = theta[plan.leverParameter[at + L_SHAPE_2]!]!;
    const ceiling = theta[plan.leverParameter[at + L_CEILING]!]!;
    const bass = plan.leverCurve[l] === BASS;
    ws.adoption[l * Y] = 0;
    for (let y = 1; y < Y; y++) {
      const year = plan.baseYear + y;
      ws.adoption[l * Y + y] = bass
        ? bassAdoption(year, start, shape1, shape2, ceiling)
        : logisticAdoption(year, start, shape1 + shift, shape2, ceiling);
    }
  }
  const intensity = theta[plan.intensity]!;
  for (let t = 0; t < ws.reach.length; t++) {
    const reach = theta[plan.targetReach[t]!]! * intensity;
    ws.reach[t] = reach < 1 ? reach : 1;
  }
}

/** Π over the targets in list[from..to) of (1 − reach·efficiency·s(t)): the share of the work left. */
function remainingShare(
  plan: ModelPlan,
  theta: Float64Array,
  ws: Workspace,
  list: Int32Array,
  from: number,
  to: number,
  y: number,
): number {
  let share = 1;
  for (let k = from; k < to; k++) {
    const t = list[k]!;
    const l = plan.targetLever[t]!;
    const efficiency = theta[plan.leverParameter[l * LEVER_STRIDE + L_EFFICIENCY]!]!;
    share *= 1 - ws.reach[t]! * efficiency * ws.adoption[l * plan.yearCount + y]!;
  }
  return share;
}

/** Growth of the supported processes' FTE, ln(Σ FTE(t) / Σ FTE(base)), baseline and with levers. */
function supportedGrowth(plan: ModelPlan, ws: Workspace, p: number): void {
  const Y = plan.yearCount;
  const from = plan.supportedStart[p]!;
  const to = plan.supportedStart[p + 1]!;
  let base = 0;
  for (let k = from; k < to; k++) base += ws.baseline[plan.supportedList[k]! * Y]!;
  for (let y = 0; y < Y; y++) {
    let b = 0;
    let d = 0;
    for (let k = from; k < to; k++) {
      b += ws.baseline[plan.supportedList[k]! * Y + y]!;
      d += ws.delivery[plan.supportedList[k]! * Y + y]!;
    }
    ws.supportedBaselineLog[y] = base > 0 ? Math.log(b / base) : 0;
    ws.supportedDeliveryLog[y] = base > 0 ? Math.log(d / base) : 0;
  }
}

/**
 * Workload per process: FTE_p(t) = Σ_a FTE_a(base)·Π_d (D_d(t)/D_d(base))^e_ad · (levers' remaining
 * share) + individual allowances + fixed work · (levers' remaining share), in dependency order.
 */
function projectWorkload(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  for (let i = 0; i < plan.processOrder.length; i++) {
    const p = plan.processOrder[i]!;
    const isSupport = plan.supportedStart[p + 1]! > plan.supportedStart[p]!;
    if (isSupport) supportedGrowth(plan, ws, p);
    const fixed = plan.fixedFte[p]!;
    const allowance = plan.allowanceFte[p]!;
    const fixedFrom = plan.fixedTargetStart[p]!;
    const fixedTo = plan.fixedTargetStart[p + 1]!;
    for (let y = 0; y < Y; y++) {
      ws.baseline[p * Y + y] = fixed + allowance;
      ws.delivery[p * Y + y] =
        fixed * remainingShare(plan, theta, ws, plan.fixedTargetList, fixedFrom, fixedTo, y) + allowance;
    }
    for (let a = plan.processActivityStart[p]!; a < plan.processActivityStart[p + 1]!; a++) {
      const base = plan.activityFte[a]!;
      const targetFrom = plan.activityTargetStart[a]!;
      const targetTo = plan.activityTargetStart[a + 1]!;
      for (let y = 0; y < Y; y++) {
        let logBaseline = 0;
        let logDelivery = 0;
        for (let k = plan.termStart[a]!; k < plan.termStart[a + 1]!; k++) {
          const e = theta[plan.termElasticity[k]!]!;
          const d = plan.termDriver[k]!;
          if (d >= 0) {
            const r = e * ws.driverLogRatio[d * Y + y]!;
            logBaseline += r;
            logDelivery += r;
          } else {
            logBaseline += e * ws.supportedBaselineLog[y]!;
            logDelivery += e * ws.supportedDeliveryLog[y]!;
          }
        }
        const baseline = base * Math.exp(logBaseline);
        const volume = logDelivery === logBaseline ? baseline : base * Math.exp(logDelivery);
        const delivery = volume * remainingShare(plan, theta, ws, plan.activityTargetList, targetFrom, targetTo, y);
        ws.activityBaseline[a * Y + y] = baseline;
        ws.activityDelivery[a * Y + y] = delivery;
        ws.baseline[p * Y + y]! += baseline;
        ws.delivery[p * Y + y]! += delivery;
      }
    }
  }
}

/**
 * The J-curve and the competence shift: per lever, transition FTE = dip × affected FTE × rise in
 * adoption, and development FTE = build effort spread over the build years + upkeep × adoption;
 * both attributed to the targeted processes in proportion to the work each target reaches. Also
 * the lever's capex, licences and system savings per year.
 */
function changeEffort(plan: ModelPlan, theta: Float64Array, ws: Workspace): void {
  const Y = plan.yearCount;
  ws.development.fill(0);
  ws.transition.fill(0);
  ws.buildTotal.fill(0);
  ws.capex.fill(0);
  ws.licences.fill(0);
  ws.systemSavings.fill(0);
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
    for (let y = 0; y < Y; y++) {
      const s = ws.adoption[l * Y + y]!;
      const rise = y > 0 ? s - ws.adoption[l * Y + y - 1]! : 0;
      const building = y >= buildFrom && y < buildFrom + buildYears;
      const build = building ? buildFte : 0;
      if (building) ws.capex[y]! += capex;
      ws.buildTotal[y]! += build;
      ws.licences[y]! += licences * s;
      ws.systemSavings[y]! += systemSavings * s;
      let affected = 0;
      for (let t = targetFrom; t < targetTo; t++) affected += ws.reach[t]! * targetedFte(plan, ws, t, y);
      const transition = dip * affected * rise;
      const development = build + upkeep * s;
      for (let t = targetFrom; t < targetTo; t++) {
        const weight = affected > 0 ? (ws.reach[t]! * targetedFte(plan, ws, t, y)) / affected : t === targetFrom ? 1 : 0;
        const cell = plan.targetProcess[t]! * Y + y;
        ws.development[cell]! += development * weight;
        ws.transition[cell]! += transition * weight;
      }
    }
  }
}

/** Baseline FTE of the work a target acts on: its activity, or its process's fixed work. */
function targetedFte(plan: ModelPlan, ws: Workspace, t: number, y: number): number {
  const a = plan.targetActivity[t]!;
  return a >= 0 ? ws.activityBaseline[a * plan.yearCount + y]! : plan.fixedFte[plan.targetProcess[t]!]!;
}

/**
 * Totals and money (DESIGN.md section 4): cost = capex + licences + (development + transition FTE) ×
 * cost per FTE; savings = (baseline − delivery FTE) × cost per FTE + system savings; net, its
 * cumulative sum, NPV, and the hump's depth, year and payback.
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
  ws.humpDepth = -trough;
  ws.humpYearIndex = trough < 0 ? troughIndex : -1;
  ws.paybackYearIndex = -1;
  for (let y = troughIndex; y < Y; y++) {
    if (ws.cumulativeNet[y]! >= 0) {
      ws.paybackYearIndex = y;
      break;
    }
  }
}

/** Runs the model for one vector of parameter values (the plan's `parameters.values`, or a draw). */
export function evaluate(plan: ModelPlan, theta: Float64Array, ws: Workspace): Workspace {
  projectDrivers(plan, theta, ws);
  adopt(plan, theta, ws);
  projectWorkload(plan, theta, ws);
  changeEffort(plan, theta, ws);
  account(plan, theta, ws);
  return ws;
}
