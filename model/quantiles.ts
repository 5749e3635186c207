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

/**
 * Sums of columns `from` to `to` (exclusive), and how many of their values are at or below
 * `limit`, taken in the first pass of {@link columnQuantiles} while the rows are at hand; indexed
 * by column. Make one with {@link columnSums}.
 */
export interface ColumnSums {
  from: number;
  to: number;
  limit: number;
  /** Each column's values added in the order of the draws, as {@link mean} adds them. */
  sums: Float64Array;
  /** How many of each column's values are at or below `limit` (NaN never is). */
  atOrBelow: Int32Array;
}

/** Zero sums of columns from–to of `width` columns, for values at or below `limit`. */
export function columnSums(width: number, from: number, to: number, limit: number): ColumnSums {
  return { from, to, limit, sums: new Float64Array(width), atOrBelow: new Int32Array(width) };
}

/** Sums of no column: what {@link columnQuantiles} takes when it is asked for none. */
const NO_SUMS = columnSums(0, 0, 0, 0);

/** Working memory of {@link columnQuantiles}, kept by a caller that takes quantiles of many columns; it grows as needed. */
export interface QuantileScratch {
  /** Values per slot, column after column (and a spare column). */
  counts: Int32Array;
  /**
   * Each value's slot, a byte, four draws to a word, column after column (the draws after those
   * left over by groups of eight): the counts and the second pass read these, not the values.
   */
  codes: Int32Array;
  /** Bit k (of word k >> 5) set for a bucket that holds a wanted order statistic. */
  wanted: Int32Array;
  /** Per slot of the column at hand: 1 if it is wanted (what the second pass looks up, byte by byte). */
  wantedSlots: Uint8Array;
  /** The draws of the column at hand whose values are collected. */
  draws: Int32Array;
  /** The values of the wanted buckets, column after column. */
  collected: Float64Array;
  /** Per column: its guessed range lo–hi, buckets per unit of it, and where its next collected value goes. */
  lo: Float64Array;
  hi: Float64Array;
  scale: Float64Array;
  fill: Int32Array;
  /** A stand-in for a sorted column: only the wanted order statistics are written in it. */
  sorted: Float64Array;
}

/** Empty working memory for {@link columnQuantiles}. */
export function quantileScratch(): QuantileScratch {
  const none = new Float64Array(0);
  return {
    counts: new Int32Array(0),
    codes: new Int32Array(0),
    wanted: new Int32Array(0),
    wantedSlots: new Uint8Array(MAX_SLOTS),
    draws: new Int32Array(0),
    collected: none,
    lo: none,
    hi: none,
    scale: none,
    fill: new Int32Array(0),
    sorted: none,
  };
}

/** The scratch, grown to hold `count` rows of `width` columns of `slots` slots each. */
function fitScratch(scratch: QuantileScratch, count: number, width: number, slots: number): QuantileScratch {
  // one spare column for countSlots; `wanted` as many slots, so that it fits whenever `counts` does
  if (scratch.counts.length < (width + 1) * slots) {
    scratch.counts = new Int32Array((width + 1) * slots);
    scratch.wanted = new Int32Array((((width + 1) * slots) >> 5) + 1);
  }
  if (scratch.codes.length < width * (count >> 2)) scratch.codes = new Int32Array(width * (count >> 2));
  if (scratch.lo.length < width) {
    scratch.lo = new Float64Array(width);
    scratch.hi = new Float64Array(width);
    scratch.scale = new Float64Array(width);
    scratch.fill = new Int32Array(width);
  }
  if (scratch.sorted.length < count) {
    scratch.sorted = new Float64Array(count);
    scratch.draws = new Int32Array(count);
  }
  return scratch;
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

/** Per column: the buckets of its range, and slots below it, above it and for NaN. */
const SLOTS_BESIDE_BUCKETS = 4;
/** A slot is written in a byte. */
const MAX_SLOTS = 256;
/** How many equal buckets a guessed range is split into: about 30 values each where the values lie evenly, and at most what a byte holds. */
const bucketsFor = (count: number) => Math.min(MAX_SLOTS - SLOTS_BESIDE_BUCKETS, Math.max(1, count >> 5));
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
 *    order statistic and how many values lie below it. Each value's bucket is written down as a
 *    byte, and the bytes are counted column by column.
 * 2. The draws whose byte is a wanted bucket (a few per cent of the column) are found from the
 *    bytes, an eighth of the values' size, and only their values are read and collected;
 *    simple-statistics' `quickselect` (Floyd–Rivest) places the wanted ones among them.
 *
 * A column of one value (the base year: its guessed range is one value and every count falls in
 * it) needs neither the second pass nor a selection. A poor guess, ties or a lopsided column only
 * make the collected part larger (at worst the whole column, a plain selection), never the result different.
 *
 * Given `sums`, it adds up their columns in the first pass too.
 *
 * @throws Error if `count` is 0 or a value is NaN.
 */
export function columnQuantiles(values: Float64Array, columns: Columns, probabilities: readonly number[], scratch = quantileScratch(), sums = NO_SUMS): number[][] {
  const { count: n, width } = columns;
  if (n === 0) throw new Error("quantiles of an empty sample");
  // positions of probabilities outside 0–1 are not looked for: quantileSorted refuses them below
  const within = probabilities.filter((p) => p >= 0 && p <= 1);
  const positions = [...new Set(within.flatMap((p) => [Math.floor((n - 1) * p), Math.ceil((n - 1) * p)]))].sort((a, b) => a - b);
  const buckets = bucketsFor(n);
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  const { counts, wanted, lo, hi, fill, sorted } = fitScratch(scratch, n, width, slots);
  guessRanges(values, columns, buckets, scratch);
  counts.fill(0, 0, width * slots);
  slotRows(values, columns, buckets, scratch, sums);
  countSlots(n, width, buckets, scratch);
  for (let j = 0; j < width; j++) if (counts[j * slots + nanSlot(buckets)]! > 0) throwAtNaN(values, columns, j);

  // each wanted position's bucket, and its rank among the collected values (those of wanted buckets, in bucket order)
  const ranks = new Int32Array(width * positions.length);
  const start = new Int32Array(width + 1);
  const constant = new Uint8Array(width);
  for (let j = 0; j < width; j++) {
    const base = j * slots;
    // every value within lo = hi, so equal to lo (and nonzero, so no −0 beside +0): every order statistic is lo
    constant[j] = lo[j] === hi[j] && lo[j] !== 0 && counts[base + 1] === n ? 1 : 0;
    let bucket = 0;
    let below = 0; // values in buckets before `bucket`
    let collectedBelow = 0; // values in wanted buckets before `bucket`
    for (let r = 0; r < positions.length && !constant[j]; r++) {
      const k = positions[r]!;
      while (below + counts[base + bucket]! <= k) {
        below += counts[base + bucket]!;
        if (isWanted(wanted, base + bucket)) collectedBelow += counts[base + bucket]!;
        bucket++;
      }
      wanted[(base + bucket) >> 5]! |= 1 << ((base + bucket) & 31);
      ranks[j * positions.length + r] = collectedBelow + k - below;
    }
    start[j + 1] = start[j]! + (constant[j] || positions.length === 0 ? 0 : collectedBelow + counts[base + bucket]!);
  }
  if (scratch.collected.length < start[width]!) scratch.collected = new Float64Array(start[width]!);
  const { collected } = scratch;
  if (start[width]! > 0) {
    fill.set(start.subarray(0, width));
    collectWanted(values, columns, buckets, scratch);
  }
  wanted.fill(0, 0, ((width * slots) >> 5) + 1);

  const result = new Array<number[]>(width);
  for (let j = 0; j < width; j++) {
    const part = collected.subarray(start[j]!, start[j + 1]!);
    const own = ranks.subarray(j * positions.length, (j + 1) * positions.length);
    // a column of ties the guess did not see as one value: selecting among ties is slow, and needless
    if (!constant[j] && !allEqual(part)) placeOrderStatistics(part, own, 0, own.length - 1, 0, part.length - 1);
    // quantileSorted reads only `length` and the two positions of each probability: the stand-in
    // for the sorted column holds just those
    const standIn = sorted.subarray(0, n);
    positions.forEach((k, r) => (standIn[k] = constant[j] ? lo[j]! : part[own[r]!]!));
    // simple-statistics works on any indexable array; its types say number[]
    result[j] = probabilities.map((p) => quantileSorted(standIn as unknown as number[], p));
  }
  return result;
}

const nanSlot = (buckets: number) => buckets + 3;

/** Each column's smallest and largest value among evenly spaced draws, and `buckets` per their difference. */
function guessRanges(values: Float64Array, columns: Columns, buckets: number, scratch: QuantileScratch): void {
  const { offset, stride, count, width } = columns;
  const { lo, hi, scale } = scratch;
  lo.fill(Infinity, 0, width);
  hi.fill(-Infinity, 0, width);
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
  for (let j = 0; j < width; j++) {
    const s = buckets / (hi[j]! - lo[j]!);
    scale[j] = s >= 0 && s < Infinity ? s : 0;
  }
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
 * Each value's slot (in {@link QuantileScratch.codes}, four draws to a word) and the `sums`: the
 * first pass over the values, row after row. Eight rows at a time: a column's range is read once
 * for two words (measured faster than four rows). The rows left over come first and are counted
 * at once, so that their loop has run before the main one is optimised (a loop first reached in
 * optimised code is left for the interpreter, in every later run).
 */
function slotRows(values: Float64Array, columns: Columns, buckets: number, scratch: QuantileScratch, sums: ColumnSums): void {
  const { offset, stride, count, width } = columns;
  const { lo, hi, scale, codes, counts } = scratch;
  const { from: sumFrom, to: sumTo, limit, sums: sum, atOrBelow } = sums;
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  const left = count % 8;
  const groups = (count - left) >> 2;
  for (let i = 0; i < left; i++) {
    const row = offset + i * stride;
    for (let j = 0; j < width; j++) counts[j * slots + bucketOf(values[row + j]!, lo[j]!, hi[j]!, scale[j]!, buckets)]!++;
    for (let j = sumFrom; j < sumTo; j++) {
      const v = values[row + j]!;
      sum[j]! += v;
      atOrBelow[j]! += v <= limit ? 1 : 0;
    }
  }
  for (let g = 0; g < groups; g += 2) {
    const r0 = offset + (left + 4 * g) * stride;
    const r1 = r0 + stride;
    const r2 = r1 + stride;
    const r3 = r2 + stride;
    const r4 = r3 + stride;
    const r5 = r4 + stride;
    const r6 = r5 + stride;
    const r7 = r6 + stride;
    for (let j = 0; j < width; j++) {
      const l = lo[j]!;
      const h = hi[j]!;
      const s = scale[j]!;
      const b0 = bucketOf(values[r0 + j]!, l, h, s, buckets);
      const b1 = bucketOf(values[r1 + j]!, l, h, s, buckets);
      const b2 = bucketOf(values[r2 + j]!, l, h, s, buckets);
      const b3 = bucketOf(values[r3 + j]!, l, h, s, buckets);
      const b4 = bucketOf(values[r4 + j]!, l, h, s, buckets);
      const b5 = bucketOf(values[r5 + j]!, l, h, s, buckets);
      const b6 = bucketOf(values[r6 + j]!, l, h, s, buckets);
      const b7 = bucketOf(values[r7 + j]!, l, h, s, buckets);
      const w = j * groups + g;
      codes[w] = b0 | (b1 << 8) | (b2 << 16) | (b3 << 24);
      codes[w + 1] = b4 | (b5 << 8) | (b6 << 16) | (b7 << 24);
    }
    for (let j = sumFrom; j < sumTo; j++) {
      const v0 = values[r0 + j]!;
      const v1 = values[r1 + j]!;
      const v2 = values[r2 + j]!;
      const v3 = values[r3 + j]!;
      const v4 = values[r4 + j]!;
      const v5 = values[r5 + j]!;
      const v6 = values[r6 + j]!;
      const v7 = values[r7 + j]!;
      // added one after another, in the order of the draws
      sum[j] = sum[j]! + v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7;
      atOrBelow[j]! += (v0 <= limit ? 1 : 0) + (v1 <= limit ? 1 : 0) + (v2 <= limit ? 1 : 0) + (v3 <= limit ? 1 : 0) + (v4 <= limit ? 1 : 0) + (v5 <= limit ? 1 : 0) + (v6 <= limit ? 1 : 0) + (v7 <= limit ? 1 : 0);
    }
  }
}

/**
 * counts[j × slots + slot] += the number of column j's values in the slot, for the rows after those
 * {@link slotRows} counted itself: from their codes, column by column, so that a column's counts
 * stay in the fastest cache. Two columns at a time, so that their counts go up independently (3–5 %
 * faster, paired); with an odd width the last column is paired with itself, its twin's counts
 * going to the spare column after the last.
 */
function countSlots(count: number, width: number, buckets: number, scratch: QuantileScratch): void {
  const { codes, counts } = scratch;
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  const groups = (count - (count % 8)) >> 2;
  for (let j = 0; j < width; j += 2) {
    const a = j * slots;
    const b = a + slots;
    const twin = j + 1 < width ? groups : 0;
    for (let w = j * groups, end = w + groups; w < end; w++) {
      const x = codes[w]!;
      const y = codes[w + twin]!;
      counts[a + (x & 255)]!++;
      counts[b + (y & 255)]!++;
      counts[a + ((x >>> 8) & 255)]!++;
      counts[b + ((y >>> 8) & 255)]!++;
      counts[a + ((x >>> 16) & 255)]!++;
      counts[b + ((y >>> 16) & 255)]!++;
      counts[a + (x >>> 24)]!++;
      counts[b + (y >>> 24)]!++;
    }
  }
}

/**
 * Copies the values of wanted buckets, column j's from fill[j] on, in the order of the draws: the
 * second pass. It reads the codes, column by column, a word (four draws) at a time, and only the
 * values it copies: first which draws they are, then their values, in loads that do not wait on
 * one another.
 */
function collectWanted(values: Float64Array, columns: Columns, buckets: number, scratch: QuantileScratch): void {
  const { offset, stride, count, width } = columns;
  const { lo, hi, scale, codes, wanted, wantedSlots: is, draws, fill, collected } = scratch;
  const slots = buckets + SLOTS_BESIDE_BUCKETS;
  const left = count % 8;
  const groups = (count - left) >> 2;
  for (let j = 0; j < width; j++) {
    const base = j * slots;
    let any = 0;
    for (let slot = 0; slot < MAX_SLOTS; slot++) any |= is[slot] = slot < slots ? isWanted(wanted, base + slot) : 0;
    if (any === 0) continue;
    let n = 0;
    for (let i = 0; i < left; i++) {
      if (is[bucketOf(values[offset + i * stride + j]!, lo[j]!, hi[j]!, scale[j]!, buckets)]) draws[n++] = i;
    }
    for (let g = 0, w = j * groups; g < groups; g++, w++) {
      const x = codes[w]!;
      if ((is[x & 255]! | is[(x >>> 8) & 255]! | is[(x >>> 16) & 255]! | is[x >>> 24]!) !== 0) {
        const i = left + 4 * g;
        if (is[x & 255]) draws[n++] = i;
        if (is[(x >>> 8) & 255]) draws[n++] = i + 1;
        if (is[(x >>> 16) & 255]) draws[n++] = i + 2;
        if (is[x >>> 24]) draws[n++] = i + 3;
      }
    }
    let f = fill[j]!;
    for (let k = 0; k < n; k++) collected[f++] = values[offset + draws[k]! * stride + j]!;
    fill[j] = f;
  }
}

/** 1 if bucket k's bit is set, else 0. */
const isWanted = (wanted: Int32Array, k: number) => (wanted[k >> 5]! >>> (k & 31)) & 1;

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
function placeOrderStatistics(values: Float64Array, positions: ArrayLike<number>, from: number, to: number, left: number, right: number): void {
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
 * @throws Error if the sample is empty or a probability is not from 0 to 1.
 * @example yearQuantiles(Float64Array.of(2025, 2026, NaN, NaN), [0.1, 0.5, 0.9]) // [2025, 2026, null]
 */
export function yearQuantiles(sample: Float64Array, probabilities: readonly number[]): (number | null)[] {
  if (sample.length === 0) throw new Error("quantiles of an empty sample");
  // the k-th smallest of the sorted sample, NaN last: "none" past the years, else selected among them
  const all = new Float64Array(sample.length);
  let count = 0;
  for (let i = 0; i < sample.length; i++) if (!Number.isNaN(sample[i]!)) all[count++] = sample[i]!;
  const years = all.subarray(0, count);
  return probabilities.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new Error("quantiles must be between 0 and 1");
    const k = Math.max(1, Math.ceil(p * sample.length));
    if (k > count) return null;
    quickselect(years as unknown as number[], k - 1);
    return years[k - 1]!;
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
