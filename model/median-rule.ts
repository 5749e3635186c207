/**
 * The median rule: one central estimate.
 *
 * Where a parameter has a distribution, the deterministic forecast uses the distribution's median,
 * so that the headline figures are "every assumption at its median" and sit near the middle of
 * the Monte Carlo range (a point value at the mode of a skewed distribution would not). A point
 * value given beside a distribution (in the same file: a lever's field and its `distributions`
 * entry; a scenario's `growthMultiplier` or `set` entry and its `uncertainty` entry) must equal
 * the median, within a relative {@link MEDIAN_TOLERANCE}, or the package or scenario is refused.
 */
import { type Distribution, distributionText, quantile } from "./distributions.ts";

/** Relative tolerance within which a given point value counts as the distribution's median. */
export const MEDIAN_TOLERANCE = 1e-9;

/** Whether a point value equals a median within {@link MEDIAN_TOLERANCE} (relative to the larger of the two). */
export function equalsMedian(value: number, medianValue: number): boolean {
  return Math.abs(value - medianValue) <= MEDIAN_TOLERANCE * Math.max(Math.abs(value), Math.abs(medianValue));
}

/** Medians already computed, by the distribution's JSON text; emptied when it reaches {@link MEDIANS_KEPT}. */
const medians = new Map<string, number>();
const MEDIANS_KEPT = 10_000;

/**
 * The distribution's median, its quantile at one half (the distributions registry's quantile
 * function). Kept by the distribution's content, because a beta quantile (PERT) is an iterative
 * search that every plan compiled for a package, on the server and in the browser, would otherwise
 * repeat for the same distributions; a distribution with other numbers is another text, so the
 * value kept is always its own.
 */
export function median(distribution: Distribution): number {
  const key = JSON.stringify(distribution);
  let m = medians.get(key);
  if (m === undefined) {
    m = quantile(distribution, 0.5);
    if (medians.size >= MEDIANS_KEPT) medians.clear();
    medians.set(key, m);
  }
  return m;
}

/** A number for a message: up to 10 significant digits, no float noise. */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/**
 * The message for a point value that is not its distribution's median, or undefined when it is.
 *
 * @param field where the point value is, e.g. `efficiency` or `set["levers.x.dip"]`.
 * @param distributionField where the distribution is, e.g. `distributions.efficiency`.
 */
export function medianMismatch(field: string, value: number, distributionField: string, distribution: Distribution): string | undefined {
  const m = median(distribution);
  if (equalsMedian(value, m)) return undefined;
  return (
    `${field} is ${shortNumber(value)} but the median of its distribution (${distributionField}: ${distributionText(distribution, "en")}) ` +
    `is ${shortNumber(m)}: the forecast uses the median, so a value given beside a distribution must equal it; ` +
    `remove ${field} or change the distribution`
  );
}

/**
 * The message for a distribution whose median lies outside the parameter's valid range, or
 * undefined when it lies inside.
 *
 * @param field the parameter's field, named in the message when given.
 */
export function medianOutOfRange(distribution: Distribution, [lower, upper]: readonly [number, number], field?: string): string | undefined {
  const m = median(distribution);
  if (m >= lower && m <= upper) return undefined;
  const range = field === undefined ? `${lower} to ${upper}` : `of ${field}, ${lower} to ${upper}`;
  return `the median ${shortNumber(m)} of ${distributionText(distribution, "en")} is outside the valid range ${range}`;
}

/**
 * A parameter's deterministic value when its point value may be absent: the given value, else
 * the distribution's median, else the default.
 */
export function pointOrMedian(given: number | undefined, distribution: Distribution | undefined, fallback: number): number {
  return given ?? (distribution === undefined ? fallback : median(distribution));
}
