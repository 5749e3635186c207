/**
 * Money measures of a lever package beyond what one run computes: IRR and investment per FTE avoided.
 */
import { irr } from "financial";

/**
 * Net present value of yearly flows, the first (the base year) undiscounted:
 * NPV = Σ_t flow_t / (1 + rate)^t. Excel's NPV discounts its first value one period, so
 * `=NPV(r; v1..vn)` equals this function on `[0, v1, …, vn]`.
 */
export function netPresentValue(flows: ArrayLike<number>, rate: number): number {
  const discount = 1 / (1 + rate);
  let factor = 1;
  let npv = 0;
  for (let t = 0; t < flows.length; t++) {
    npv += flows[t]! * factor;
    factor *= discount;
  }
  return npv;
}

/**
 * Internal rate of return of yearly net cash flows (the first at the base year), or `null` when
 * none exists: the flows never change sign, or Newton's method finds no root.
 * Uses the `financial` package (a port of numpy-financial; Excel's IRR gives the same values).
 */
export function internalRateOfReturn(net: ArrayLike<number>): number | null {
  const flows = Array.from(net);
  const first = flows.findIndex((v) => v !== 0);
  if (first < 0) return null;
  const rate = irr(flows.slice(first));
  return Number.isFinite(rate) ? rate : null;
}

/**
 * One-off investment ÷ FTE avoided in the horizon year, currency per FTE; `null` when no FTE is
 * avoided. The investment is capex plus the cost of the FTE spent building and in transition
 * (not licences or upkeep, which are running costs).
 */
export function investmentPerFteAvoided(investment: number, fteAvoided: number): number | null {
  return fteAvoided > 0 ? investment / fteAvoided : null;
}
