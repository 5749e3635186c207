/**
 * Quantiles of Monte Carlo columns.
 *
 * Continuous outcomes (FTE, money) use R's type 7 (linear interpolation between order statistics,
 * the default of R, NumPy and simple-statistics): only the order statistics the quantiles need are
 * found, by counting the values per bucket of each column's range and selecting (simple-statistics'
 * `quickselect`) among the few in the buckets that hold them ({@link columnQuantiles}); the columns
 * are read where they lie in the draw-major arrays, neither copied nor reordered. Its
 * `quantileSorted` interpolates between them, so the numbers are simple-statistics' own.
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
 * Where a sample lies in a draw-major array: `width` adjacent columns, column j's value of draw i
 * at values[offset + i × stride + j] for i < count. A plain sample is { offset: 0, stride: 1, count: its length, width: 1 }.
 */
export interface Columns {
  offset: number;
  stride: number;
  count: number;
  width: number;
}

/** Working memory of {@link columnQuantiles}, kept by a caller that takes quantiles of many columns; it grows as needed. */
export interface QuantileScratch {
  /** Values per bucket, column after column. */
  counts: Int32Array;
  /** 1 for a bucket that holds a wanted order statistic. */
  wanted: Uint8Array;
  /** The values of the wanted buckets, column after column. */
  collected: Float64Array;
}

/** Empty working memory for {@link columnQuantiles}. */
export function quantileScratch(): QuantileScratch {
  return { counts: new Int32Array(0), wanted: new Uint8Array(0), collected: new Float64Array(0) };
}

/**
 * Type 7 quantiles of a sample (R, NumPy's default, simple-statistics), leaving the sample as it is.
 *
 * @param probabilities shares 0–1.
 * @throws Error if the sample is empty or holds NaN.
 * @example quantiles(Float64Array.of(1, 2, 3, 4), [0.5]) // [2.5]
 */
export function quantiles(sample: Float64Array, probabilities: readonly number[], scratch?: QuantileScratch): number[] {
  return columnQuantiles(sample, { offset: 0, stride: 1, count: sample.length, width: 1 }, probabilities, scratch)[0]!;
}

/** How many equal buckets a guessed range is split into: about 30 values each where the values lie evenly. */
const bucketsFor = (count: number) => Math.min(1024, Math.max(1, count >> 5));
/** How many draws, evenly spaced, give a column's guessed range. */
const RANGE_SAMPLE = 64;

/**
 * Type 7 quantiles of each of `columns.width` adjacent columns of a draw-major array, read where
 * they lie (rows in order, nothing gathered, copied or reordered): one array of quantiles per column.
 *
 * Only the order statistics at ⌊(n − 1)p⌋ and ⌈(n − 1)p⌉ are found and simple-statistics'
 * `quantileSorted` interpolates between them. An order statistic is one value whatever the way it
 * is found, so the quantiles are simple-statistics' own. They are found in two passes over the rows:
 *
 * 1. Each column's range is guessed from a few evenly spaced draws and split into equal buckets,
 *    with one bucket below it and one above it ({@link bucketOf}). A value's bucket never decreases
 *    as the value grows, so counting the values per bucket tells which bucket holds each wanted
 *    order statistic and how many values lie below it.
 * 2. The values of those buckets (a few per cent of the column) are collected, and
 *    simple-statistics' `quickselect` (Floyd–Rivest) places the wanted ones among them.
 *
 * A poor guess, ties or a lopsided column only make the collected part larger (at worst the whole
 * column, a plain selection), never the result different.
 *
 * @throws Error if `count` is 0 or a value is NaN.
 */
export function columnQuantiles(values: Float64Array, columns: Columns, probabilities: readonly number[], scratch = quantileScratch()): number[][] {
  const { count: n, width } = columns;
  if (n === 0) throw new Error("quantiles of an empty sample");
  // positions of probabilities outside 0–1 are not looked for: quantileSorted refuses them below
  const within = probabilities.filter((p) => p >= 0 && p <= 1);
  const positions = [...new Set(within.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((a, b) => a - b);
  const range = guessRanges(values, columns);
  const slots = range.buckets + SLOTS_BESIDE_BUCKETS;
  if (scratch.counts.length < width * slots) {
    scratch.counts = new Int32Array(width * slots);
    scratch.wanted = new Uint8Array(width * slots);
  }
  const { counts, wanted } = scratch;
  counts.fill(0, 0, width * slots);
  countBuckets(values, columns, range, counts);
  for (let j = 0; j < width; j++) if (counts[j * slots + nanSlot(range.buckets)]! > 0) throwAtNaN(values, columns, j);

  // each wanted position's bucket, and its rank among the collected values (those of wanted buckets, in bucket order)
  const local = Array.from({ length: width }, () => new Array<number>(positions.length));
  const start = new Int32Array(width + 1);
  for (let j = 0; j < width; j++) {
    const base = j * slots;
    let bucket = 0;
    let below = 0; // values in buckets before `bucket`
    let collectedBelow = 0; // values in wanted buckets before `bucket`
    positions.forEach((k, r) => {
      while (below + counts[base + bucket]! <= k) {
        below += counts[base + bucket]!;
        if (wanted[base + bucket]) collectedBelow += counts[base + bucket]!;
        bucket++;
      }
      wanted[base + bucket] = 1;
      local[j]![r] = collectedBelow + k - below;
    });
    start[j + 1] = start[j]! + collectedBelow + (positions.length > 0 ? counts[base + bucket]! : 0);
  }
  if (scratch.collected.length < start[width]!) scratch.collected = new Float64Array(start[width]!);
  const { collected } = scratch;
  collectWanted(values, columns, range, wanted, start.slice(0, width), collected);
  wanted.fill(0, 0, width * slots);

  return local.map((ranks, j) => {
    const part = collected.subarray(start[j]!, start[j + 1]!);
    // a column of one value (the base year) is all collected: selecting among ties is slow, and needless
    if (!allEqual(part)) placeOrderStatistics(part, ranks, 0, ranks.length - 1, 0, part.length - 1);
    // quantileSorted reads only `length` and the two positions of each probability: a sparse
    // stand-in for the sorted column holds just those
    const sorted: Record<number, number> & { length: number } = { length: n };
    positions.forEach((k, r) => (sorted[k] = part[ranks[r]!]!));
    // simple-statistics works on any indexable array; its types say number[]
    return probabilities.map((p) => quantileSorted(sorted as unknown as number[], p));
  });
}

/** Each column's guessed range, split into `buckets` equal buckets by `scale` (buckets per unit). */
interface Ranges {
  lo: Float64Array;
  hi: Float64Array;
  scale: Float64Array;
  buckets: number;
}

/** Per column: the buckets of its range, and slots below it, above it and for NaN. */
const SLOTS_BESIDE_BUCKETS = 4;
const nanSlot = (buckets: number) => buckets + 3;

/** Each column's smallest and largest value among evenly spaced draws. */
function guessRanges(values: Float64Array, columns: Columns): Ranges {
  const { offset, stride, count, width } = columns;
  const buckets = bucketsFor(count);
  const lo = new Float64Array(width).fill(Infinity);
  const hi = new Float64Array(width).fill(-Infinity);
  const step = Math.max(1, Math.floor(count / RANGE_SAMPLE));
  for (let i = 0; i < count; i += step) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) {
      const v = values[row + j]!;
      if (v < lo[j]!) lo[j] = v;
      if (v > hi[j]!) hi[j] = v;
    }
  }
  // an infinite, empty or vanishing range puts every value of the column in one bucket
  const scale = lo.map((l, j) => {
    const s = buckets / (hi[j]! - l);
    return s >= 0 && s < Infinity ? s : 0;
  });
  return { lo, hi, scale, buckets };
}

/**
 * A value's slot in its column's counts: 0 below the range lo–hi, 1 + ⌊(v − lo) × scale⌋ in it
 * (1 to buckets + 1: the top value may round into a bucket of its own), buckets + 2 above it,
 * {@link nanSlot} for NaN. Never decreases as v grows: each step (comparison, subtraction,
 * multiplication, truncation) is monotone in floating point.
 */
function bucketOf(v: number, lo: number, hi: number, scale: number, buckets: number): number {
  if (v < lo) return 0;
  if (v <= hi) return 1 + (((v - lo) * scale) | 0);
  return v > hi ? buckets + 2 : buckets + 3;
}

/**
 * counts[j × slots + slot] += 1 for every value: the first pass. Four rows at a time, so that four
 * counts are updated independently (one at a time, each waits for the last: twice as slow).
 */
function countBuckets(values: Float64Array, columns: Columns, range: Ranges, counts: Int32Array): void {
  const { offset, stride, count, width } = columns;
  const { lo, hi, scale, buckets } = range;
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  let i = 0;
  for (; i + 3 < count; i += 4) {
    const r0 = offset + i * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    for (let j = 0; j < width; j++) {
      const l = lo[j]!;
      const h = hi[j]!;
      const s = scale[j]!;
      const base = j * slots;
      const b0 = bucketOf(values[r0 + j]!, l, h, s, buckets);
      const b1 = bucketOf(values[r1 + j]!, l, h, s, buckets);
      const b2 = bucketOf(values[r2 + j]!, l, h, s, buckets);
      const b3 = bucketOf(values[r3 + j]!, l, h, s, buckets);
      counts[base + b0]!++;
      counts[base + b1]!++;
      counts[base + b2]!++;
      counts[base + b3]!++;
    }
  }
  for (; i < count; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) counts[j * slots + bucketOf(values[row + j]!, lo[j]!, hi[j]!, scale[j]!, buckets)]!++;
  }
}

/** Copies the values of wanted buckets, column j's from fill[j] on: the second pass. */
function collectWanted(values: Float64Array, columns: Columns, range: Ranges, wanted: Uint8Array, fill: Int32Array, collected: Float64Array): void {
  const { offset, stride, count, width } = columns;
  const { lo, hi, scale, buckets } = range;
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  for (let i = 0; i < count; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) {
      const v = values[row + j]!;
      if (wanted[j * slots + bucketOf(v, lo[j]!, hi[j]!, scale[j]!, buckets)]) collected[fill[j]!++] = v;
    }
  }
}

function allEqual(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

function throwAtNaN(values: Float64Array, columns: Columns, j: number): never {
  const { offset, stride, count, width } = columns;
  let i = 0;
  while (i < count && !Number.isNaN(values[offset + i * stride + j]!)) i++;
  throw new Error(`quantiles of a sample with NaN at position ${i}${width > 1 ? ` of column ${j}` : ""}`);
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

/** Arithmetic mean of each column, each summed in the order of the draws (as {@link mean}). */
export function columnMeans(values: Float64Array, columns: Columns): number[] {
  const { offset, stride, count, width } = columns;
  const sums = new Float64Array(width);
  for (let i = 0; i < count; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) sums[j]! += values[row + j]!;
  }
  return Array.from(sums, (sum) => sum / count);
}

/** Share (0–1) of the draws of each column for which `test` holds (as {@link share}). */
export function columnShares(values: Float64Array, columns: Columns, test: (value: number) => boolean): number[] {
  const { offset, stride, count, width } = columns;
  const hits = new Int32Array(width);
  for (let i = 0; i < count; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) if (test(values[row + j]!)) hits[j]!++;
  }
  return Array.from(hits, (n) => n / count);
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
