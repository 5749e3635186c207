/**
 * The two passes of columnQuantiles (model/quantiles.ts) on shapes meant to catch their shortcuts:
 * columns whose guessed range is one value, more rows than one tally holds, rows left over after
 * the groups of four, and zeros of both signs. Expected values come from the readable definition:
 * sort the column, then simple-statistics' quantileSorted.
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

  it("more draws than one tally holds (65,532 rows), with rows left over after the groups of four", () => {
    const n = 65_532 * 2 + 3;
    // a lopsided spread with ties: the square of a deterministic sequence, rounded to 1e-3
    const values = Float64Array.from({ length: n }, (_, i) => Math.round(((i * 7919) % 100_003) ** 2 / 1e4) / 1e3);
    const ps = [0.1, 0.5, 0.9, 0.999];
    expect(quantiles(values, ps)).toEqual(bySorting(values, ps));
    // 65,535 equal values fit no Uint16 count past 65,535: the tally is added up before it could wrap
    expect(quantiles(new Float64Array(n).fill(2.5), ps)).toEqual(ps.map(() => 2.5));
  });

  it("every count of rows from 1 to 40 (the rows left over after groups of four come first)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 40, maxLength: 40 }), (count, pool) => {
        const values = Float64Array.from(pool.slice(0, count));
        expect(quantiles(values, PS)).toEqual(bySorting(values, PS));
      }),
    );
  });
});
