/**
 * Quantiles of Monte Carlo columns.
 *
 * Continuous outcomes (FTE, money) use R's type 7 (linear interpolation between order statistics,
 * the default of R, NumPy and simple-statistics): only the order statistics the quantiles need are
 * placed, by simple-statistics' `quickselect` and scans, in a buffer the caller reuses (no copy, no
 * sort), and its `quantileSorted` interpolates between them, so the numbers are simple-statistics' own.
 * Years use the inverse of the empirical distribution (R's type 1), so that a quantile of payback
 * years is a year that occurred.
 *
 * Missing-data policy: NaN marks "none" (no hump, no payback within the horizon). For continuous
 * columns NaN is not allowed; for years it sorts after every year (it means "later than the
 * horizon" or "never"), so a quantile that falls on it is `null`.
 */
import { quantileSorted, quickselect } from "simple-statistics";

/** The quantiles Vaxa reports: P10, P50, P90. */
export const REPORTED_QUANTILES = [0.1, 0.5, 0.9] as const;

/**
 * Copies a strided column out of a draw-major array: values[offset + i × stride] for i < count.
 *
 * @param out a reusable buffer of length ≥ count.
 */
export function gather(
  values: ArrayLike<number>,
  offset: number,
  stride: number,
  count: number,
  out: Float64Array = new Float64Array(count),
): Float64Array {
  for (let i = 0; i < count; i++) out[i] = values[offset + i * stride]!;
  return count === out.length ? out : out.subarray(0, count);
}

/**
 * Copies `width` adjacent strided columns at once: out[j × count + i] = values[offset + i × stride + j]
 * for j < width, i < count. Each row's `width` values are read together, which on a draw-major
 * array costs one pass over the rows instead of `width` (see {@link gather}).
 *
 * @param out a reusable buffer of length ≥ width × count.
 */
export function gatherRows(values: ArrayLike<number>, offset: number, stride: number, count: number, width: number, out: Float64Array): Float64Array {
  for (let i = 0; i < count; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) out[j * count + i] = values[row + j]!;
  }
  return out;
}

/**
 * Type 7 quantiles of a sample (R, NumPy's default, simple-statistics).
 *
 * @param probabilities shares 0–1.
 * @throws Error if the sample is empty or holds NaN.
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // [2.5]
 */
export function quantiles(sample: Float64Array, probabilities: readonly number[]): number[] {
  return quantilesInPlace(Float64Array.from(sample), probabilities);
}

/**
 * {@link quantiles}, reordering `sample` itself (a buffer the caller reuses). The order statistics at
 * ⌊(n − 1)p⌋ and ⌈(n − 1)p⌉ are placed by {@link placeOrderStatistics}; simple-statistics'
 * `quantileSorted` interpolates between them. An order statistic is one value whatever the
 * algorithm that places it, so the quantiles are simple-statistics' own.
 */
export function quantilesInPlace(sample: Float64Array, probabilities: readonly number[]): number[] {
  const n = sample.length;
  if (n === 0) throw new Error("quantiles of an empty sample");
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(sample[i]!)) throw new Error(`quantiles of a sample with NaN at position ${i}`);
  }
  const positions = [...new Set(probabilities.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((a, b) => a - b);
  placeOrderStatistics(sample, positions, 0, positions.length - 1, 0, n - 1);
  // simple-statistics works on any indexable array; its types say number[].
  return probabilities.map((p) => quantileSorted(sample as unknown as number[], p));
}

/**
 * Puts the order statistics at `positions[from..to]` (ascending, all within left..right) in their
 * places, with smaller values left of each and larger right of it.
 *
 * The middle position first, by simple-statistics' `quickselect` (Floyd–Rivest), then each half on
 * its own side of it, so every later selection works on a part of the buffer; a position at the
 * edge of its part (the upper neighbour of one just placed, as ⌈(n − 1)p⌉ is of ⌊(n − 1)p⌋) is the
 * part's smallest or largest value, found by one scan.
 */
function placeOrderStatistics(values: Float64Array, positions: number[], from: number, to: number, left: number, right: number): void {
  if (from > to) return;
  const middle = (from + to) >> 1;
  const k = positions[middle]!;
  if (k === left || k === right) {
    let best = left;
    for (let i = left + 1; i <= right; i++) {
      if (k === left ? values[i]! < values[best]! : values[i]! > values[best]!) best = i;
    }
    const v = values[best]!;
    values[best] = values[k]!;
    values[k] = v;
  } else {
    quickselect(values as unknown as number[], k, left, right);
  }
  placeOrderStatistics(values, positions, from, middle - 1, left, k - 1);
  placeOrderStatistics(values, positions, middle + 1, to, k + 1, right);
}

/**
 * Quantiles of calendar years where NaN means "none": the smallest year y with at least a share p
 * of the sample at or below y (type 1), or `null` when that falls on "none".
 *
 * @example yearQuantiles(Float64Array.of(2025, 2026, NaN, NaN), [0.1, 0.5, 0.9]) // [2025, 2026, null]
 */
export function yearQuantiles(sample: Float64Array, probabilities: readonly number[]): (number | null)[] {
  if (sample.length === 0) throw new Error("quantiles of an empty sample");
  const sorted = Float64Array.from(sample).sort(); // typed-array sort puts NaN last
  return probabilities.map((p) => {
    const k = Math.max(1, Math.ceil(p * sorted.length));
    const year = sorted[k - 1]!;
    return Number.isNaN(year) ? null : year;
  });
}

/** Arithmetic mean of a column. */
export function mean(sample: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i]!;
  return sum / sample.length;
}

/** Share (0–1) of a sample for which `test` holds. */
export function share(sample: ArrayLike<number>, test: (value: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < sample.length; i++) if (test(sample[i]!)) n++;
  return n / sample.length;
}
