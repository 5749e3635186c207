/**
 * Money measures of a lever package beyond what one run computes: NPV, IRR and investment per FTE
 * avoided, and the tolerance below which an amount of money is no amount at all.
 */

/**
 * Amounts of money smaller than this, in the currency, count as zero: a hump, a hump year and a
 * payback year exist only when the cumulative net goes below −MATERIAL_AMOUNT, and the IRR
 * ignores yearly flows smaller than it. One currency unit (1 SEK) is far below anything that
 * matters to a budget and far above the floating-point residue of a sum of millions (about 1e-9).
 */
export const MATERIAL_AMOUNT = 1;

/** How the NPV is computed, as every output that shows an NPV states it. */
export const NPV_CONVENTION =
  "each year's net cash flow at the end of that year, discounted to the end of the base year (the base year's flow undiscounted), in constant prices at the real discount rate";

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

/** `unique`: exactly one rate found; `none`: no rate from −99 % up; `several`: more than one. */
export const IRR_STATUSES = ["unique", "none", "several"] as const;
export type IrrStatus = (typeof IRR_STATUSES)[number];

export interface InternalRateOfReturn {
  /** The rate, share per year, when `status` is `unique`; otherwise null. */
  irr: number | null;
  status: IrrStatus;
}

/** The lowest rate searched: −99 % a year. */
export const IRR_LOWEST = -0.99;
/** The highest rate scanned when the flows change sign more than once: 100,000 % a year. */
export const IRR_SCAN_HIGHEST = 1000;
/** Rates scanned (evenly in ln(1 + r)) when the flows change sign more than once. */
export const IRR_SCAN_POINTS = 2000;

/** Σ_t flows_t · x^t (Horner), x = 1 / (1 + r): the NPV as a polynomial in the discount factor. */
function presentValueAt(flows: number[], x: number): number {
  let sum = 0;
  for (let t = flows.length - 1; t >= 0; t--) sum = sum * x + flows[t]!;
  return sum;
}

/** The rate in [lo, hi] where the NPV changes sign, by bisection to the last representable digit. */
function bisect(flows: number[], lo: number, hi: number): number {
  const npv = (r: number) => presentValueAt(flows, 1 / (1 + r));
  const loSign = Math.sign(npv(lo));
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    const value = npv(mid);
    if (value === 0) return mid;
    if (Math.sign(value) === loSign) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Internal rate of return of yearly net cash flows (the first at the base year): the rate r ≥ −99 %
 * at which their NPV is zero, and whether it is unique.
 *
 * Yearly flows smaller than `tolerance` in absolute value count as zero. With V sign changes in
 * the remaining flows, Descartes' rule of signs says the NPV, a polynomial in 1/(1 + r), has V
 * roots above −100 %, or fewer by an even number:
 *
 * - V = 0: none.
 * - V = 1: exactly one. It is found by bisection between −99 % and a rate where the NPV has the
 *   sign of the first flow; when it lies below −99 % the answer is `none`.
 * - V ≥ 2: the NPV is evaluated at {@link IRR_SCAN_POINTS} rates evenly spaced in ln(1 + r) from
 *   −99 % to {@link IRR_SCAN_HIGHEST} and every change of sign is bisected: one → `unique`, more →
 *   `several`, none → `none` (a root where the NPV touches zero without crossing is not counted).
 *   When the cumulative flows change sign exactly once, Norström's criterion guarantees exactly one
 *   root above 0 %, which the scan finds; a further root below 0 % makes the answer `several`.
 *
 * @example internalRateOfReturn([-100, -50, -10, 5, 5, 5]) // { irr: -0.4786…, status: "unique" }
 */
export function internalRateOfReturn(net: ArrayLike<number>, tolerance = MATERIAL_AMOUNT): InternalRateOfReturn {
  const flows = Array.from(net, (v) => (Math.abs(v) < tolerance ? 0 : v));
  const signs = flows.filter((v) => v !== 0).map(Math.sign);
  let changes = 0;
  for (let i = 1; i < signs.length; i++) if (signs[i] !== signs[i - 1]) changes++;
  const none: InternalRateOfReturn = { irr: null, status: "none" };
  if (changes === 0) return none;
  const npv = (r: number) => presentValueAt(flows, 1 / (1 + r));

  if (changes === 1) {
    const first = signs[0]!;
    const atLowest = npv(IRR_LOWEST);
    if (atLowest === 0) return { irr: IRR_LOWEST, status: "unique" };
    if (Math.sign(atLowest) === first) return none; // the root lies below −99 %
    let hi = 1;
    while (Math.sign(npv(hi)) !== first && hi < Number.MAX_VALUE / 4) hi = hi * 2 + 1;
    return { irr: bisect(flows, IRR_LOWEST, hi), status: "unique" };
  }

  const roots: number[] = [];
  const lowest = Math.log(1 + IRR_LOWEST);
  const step = (Math.log(1 + IRR_SCAN_HIGHEST) - lowest) / (IRR_SCAN_POINTS - 1);
  let previousRate = IRR_LOWEST;
  let previous = npv(previousRate);
  if (previous === 0) roots.push(previousRate);
  for (let i = 1; i < IRR_SCAN_POINTS; i++) {
    const rate = Math.exp(lowest + i * step) - 1;
    const value = npv(rate);
    if (value === 0) roots.push(rate);
    else if (previous !== 0 && Math.sign(value) !== Math.sign(previous)) roots.push(bisect(flows, previousRate, rate));
    previousRate = rate;
    previous = value;
  }
  if (roots.length === 0) return none;
  return roots.length === 1 ? { irr: roots[0]!, status: "unique" } : { irr: null, status: "several" };
}

/**
 * One-off investment ÷ FTE avoided in the horizon year, currency per FTE; `null` when no FTE is
 * avoided. The investment is capex plus the cost of the FTE spent building and in transition
 * (not licences or upkeep, which are running costs).
 */
export function investmentPerFteAvoided(investment: number, fteAvoided: number): number | null {
  return fteAvoided > 0 ? investment / fteAvoided : null;
}
