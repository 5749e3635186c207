/**
 * The two passes of columnQuantiles (model/quantiles.ts) on shapes meant to catch their shortcuts:
 * columns whose guessed range is one value, many rows, rows left over after the groups of eight,
 * buckets written as bytes four to a word (every byte of a word, the slots below and above the
 * guessed range and NaN's among them), and zeros of both signs. Expected values come from the
 * readable definition: sort the column, then simple-statistics' quantileSorted.
 */
import fc from "fast-check";
import { quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { columnQuantiles, quantiles, quantileScratch } from "../../model/quantiles.ts";

const bySorting = (values: ArrayLike<number>, probabilities: readonly number[]) => {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return probabilities.map((p) => quantileSorted(sorted, p));
};
const PS = [0, 0.1, 0.5, 0.9, 1];

describe("columnQuantiles' shortcuts", () => {
  it("a column that is one value in every sampled draw but not in all of them is not taken for a constant", () => {
    // 10,000 draws: the range is guessed from every 156th draw, so draws 1 and 9,999 are not in it
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 9998 }), (constant, other, at) => {
        const values = new Float64Array(10_000).fill(constant);
        values[at] = other;
        values[9_999] = other;
        expect(quantiles(values, PS)).toEqual(bySorting(values, PS));
      }),
      { numRuns: 30 },
    );
  });

  it("a constant column beside varying ones gives its value at every probability, the others their own", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), (count, constant, pool) => {
        // three columns: varying, constant, varying
        const values = Float64Array.from({ length: count * 3 }, (_, k) => (k % 3 === 1 ? constant : pool[k % pool.length]!));
        const column = (j: number) => Array.from({ length: count }, (_, i) => values[i * 3 + j]!);
        const got = columnQuantiles(values, { offset: 0, stride: 3, count, width: 3 }, PS, quantileScratch());
        expect(got).toEqual([0, 1, 2].map((j) => bySorting(column(j), PS)));
      }),
    );
  });

  it("zeros of both signs come out as sorting leaves them (a stable sort keeps the draws' order)", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? -0 : 0));
    const got = quantiles(values, PS);
    bySorting(values, PS).forEach((q, r) => expect(Object.is(got[r], q)).toBe(true));
  });

  it("131,067 draws, with rows left over after the groups of eight", () => {
    const n = 65_532 * 2 + 3;
    // a lopsided spread with ties: the square of a deterministic sequence, rounded to 1e-3
    const values = Float64Array.from({ length: n }, (_, i) => Math.round(((i * 7919) % 100_003) ** 2 / 1e4) / 1e3);
    const ps = [0.1, 0.5, 0.9, 0.999];
    expect(quantiles(values, ps)).toEqual(bySorting(values, ps));
    // more equal values than a Uint16 counts: no count wraps
    expect(quantiles(new Float64Array(n).fill(2.5), ps)).toEqual(ps.map(() => 2.5));
  });

  it("every count of rows from 1 to 40 (the rows left over after groups of eight come first)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 40, maxLength: 40 }), (count, pool) => {
        const values = Float64Array.from(pool.slice(0, count));
        expect(quantiles(values, PS)).toEqual(bySorting(values, PS));
      }),
    );
  });

  // from 8,064 draws a column has 252 buckets and 256 slots: the slot above the range (254) and NaN's (255) set a word's top bit
  const MANY = 8_064;

  it("wanted values outside the guessed range: in the slots below and above it, at every byte of a word", () => {
    // the range is guessed from every ⌊count / 64⌋-th draw; those hold 0–1, the others lie far below or far above
    for (const count of [10_000, 10_003, 10_006]) {
      const step = Math.floor(count / 64);
      const values = Float64Array.from({ length: count }, (_, i) => (i % step === 0 ? (i % 7) / 7 : i % 2 === 0 ? -1e6 - i : 1e6 + (i % 97)));
      const ps = [0, 0.1, 0.45, 0.5, 0.55, 0.9, 1];
      expect(quantiles(values, ps)).toEqual(bySorting(values, ps));
    }
  });

  it("equal sorting on draws past 8,064, counts not a multiple of eight, with ties and infinities", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MANY, max: MANY + 23 }),
        fc.array(fc.oneof(fc.integer({ min: -4, max: 4 }), fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((v) => v + 0), fc.constantFrom(Infinity, -Infinity)), { minLength: 1, maxLength: 97 }),
        (count, pool) => {
          // two columns, the second the first backwards, so each pool value lands at another byte of a word in each
          const values = Float64Array.from({ length: 2 * count }, (_, k) => pool[(k % 2 === 0 ? k >> 1 : count - (k >> 1)) % pool.length]!);
          const column = (j: number) => Array.from({ length: count }, (_, i) => values[2 * i + j]!);
          const ps = [0.1, 0.5, 0.9, 0.999];
          expect(columnQuantiles(values, { offset: 0, stride: 2, count, width: 2 }, ps, quantileScratch())).toEqual([0, 1].map((j) => bySorting(column(j), ps)));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("name the draw of a NaN wherever it lies: among the rows left over or at any byte of a word", () => {
    const count = MANY + 5; // five rows left over, then words of four
    for (const at of [0, 4, 5, 6, 7, 8, 1000, count - 1]) {
      const values = Float64Array.from({ length: count }, (_, i) => i % 10);
      values[at] = NaN;
      expect(() => quantiles(values, [0.5])).toThrow(new RegExp(`NaN at position ${at}$`));
    }
  });

  it("a scratch grown for one long column serves many short ones: each column's working memory fits", () => {
    // 8,064 draws of one column (256 slots), then 100 columns of 40 draws (5 slots each): fewer counts, more columns
    const scratch = quantileScratch();
    const long = Float64Array.from({ length: MANY }, (_, i) => (i * 37) % 101);
    expect(quantiles(long, PS, scratch)).toEqual(bySorting(long, PS));
    const count = 40;
    const width = 100;
    const values = Float64Array.from({ length: count * width }, (_, k) => ((k * 7919) % 263) - 100);
    const column = (j: number) => Array.from({ length: count }, (_, i) => values[i * width + j]!);
    expect(columnQuantiles(values, { offset: 0, stride: width, count, width }, PS, scratch)).toEqual(Array.from({ length: width }, (_, j) => bySorting(column(j), PS)));
  });

  it("one scratch through calls of any sizes, one after another, equals sorting in each", () => {
    // few draws of many columns, or many draws (up to 256 slots) of a few
    const shape = fc.oneof(
      fc.record({ count: fc.integer({ min: 1, max: 70 }), width: fc.integer({ min: 1, max: 120 }), seed: fc.integer({ min: 1, max: 1000 }) }),
      fc.record({ count: fc.integer({ min: 8_000, max: 8_200 }), width: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 1, max: 1000 }) }),
    );
    fc.assert(
      fc.property(fc.array(shape, { minLength: 2, maxLength: 4 }), (calls) => {
        const scratch = quantileScratch();
        for (const { count, width, seed } of calls) {
          const values = Float64Array.from({ length: count * width }, (_, k) => ((k * seed) % 211) - 50);
          const column = (j: number) => Array.from({ length: count }, (_, i) => values[i * width + j]!);
          expect(columnQuantiles(values, { offset: 0, stride: width, count, width }, PS, scratch)).toEqual(Array.from({ length: width }, (_, j) => bySorting(column(j), PS)));
        }
      }),
      { numRuns: 40 },
    );
  });
});
