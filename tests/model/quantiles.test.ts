import fc from "fast-check";
import { quantile as ssQuantile, quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { columnQuantiles, columnSums, mean, quantiles, quantileScratch, yearQuantiles } from "../../model/quantiles.ts";

describe("quantiles", () => {
  it("match R's type 7 on a known sample", () => {
    // R: quantile(c(2, 4, 4, 5, 7, 9, 10, 12, 15, 21), c(0.1, 0.5, 0.9)) → 3.8, 8.0, 15.6
    const sample = Float64Array.of(21, 4, 9, 2, 15, 4, 12, 5, 10, 7);
    const [p10, p50, p90] = quantiles(sample, [0.1, 0.5, 0.9]);
    expect(p10).toBeCloseTo(3.8, 12);
    expect(p50).toBeCloseTo(8, 12);
    expect(p90).toBeCloseTo(15.6, 12);
    expect(Array.from(sample)).toEqual([21, 4, 9, 2, 15, 4, 12, 5, 10, 7]); // not reordered
  });

  it("match simple-statistics on random samples", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const ps = [0, 0.1, 0.25, 0.5, 0.9, 1];
        expect(quantiles(Float64Array.from(values), ps)).toEqual(ssQuantile([...values], ps));
      }),
    );
  });

  it("read year quantiles as years that occurred, with NaN (none) after every year", () => {
    // type 1: the smallest year with at least p of the draws at or before it
    expect(yearQuantiles(Float64Array.of(2026, 2024, 2025, 2027, 2025), [0.1, 0.5, 0.9])).toEqual([2024, 2025, 2027]);
    expect(yearQuantiles(Float64Array.of(2025, NaN, 2026, NaN), [0.1, 0.5, 0.9])).toEqual([2025, 2026, null]);
  });

  it("read year quantiles as sorting with NaN last does, years and none in any mix", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 2024, max: 2050 }), fc.constant(NaN)), { minLength: 1, maxLength: 300 }), fc.array(probability, { minLength: 1, maxLength: 5 }), (draws, ps) => {
        const sample = Float64Array.from(draws);
        const sorted = Float64Array.from(draws).sort(); // typed-array sort puts NaN last
        const expected = ps.map((p) => {
          const year = sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
          return Number.isNaN(year) ? null : year;
        });
        expect(yearQuantiles(sample, ps)).toEqual(expected);
        expect(Array.from(sample)).toEqual(draws); // left as it was
      }),
    );
    expect(() => yearQuantiles(Float64Array.of(2025), [1.5])).toThrow(/between 0 and 1/);
  });

  it("refuse NaN and empty samples instead of returning nonsense", () => {
    expect(() => quantiles(Float64Array.of(1, NaN), [0.5])).toThrow(/NaN at position 1/);
    expect(() => quantiles(new Float64Array(0), [0.5])).toThrow(/empty/);
  });

});

/** The readable definition: sort a copy, then simple-statistics' quantileSorted. */
const bySorting = (values: ArrayLike<number>, probabilities: readonly number[]) => {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return probabilities.map((p) => quantileSorted(sorted, p));
};
// -0 as 0: which of two equal zeros an order statistic is, is not a quantile's business
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0);
const tied = fc.oneof(finite, fc.integer({ min: 0, max: 5 }));
const probability = fc.double({ min: 0, max: 1, noNaN: true });

describe("quantiles by bucket counts", () => {
  it("equal sorting and simple-statistics' quantileSorted, with ties, for any probabilities", () => {
    fc.assert(
      fc.property(fc.array(tied, { minLength: 1, maxLength: 400 }), fc.array(probability, { minLength: 1, maxLength: 6 }), (values, ps) => {
        const sample = Float64Array.from(values);
        expect(quantiles(sample, ps)).toEqual(bySorting(values, ps));
        expect(Array.from(sample)).toEqual(values); // left as it was
      }),
    );
  });

  it("equal sorting for samples of 1, 2, 3 and 10 values, constant samples and the reported P10, P50, P90", () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 10), finite, fc.array(finite, { minLength: 10, maxLength: 10 }), (n, constant, values) => {
        const ps = [0, 0.1, 0.5, 0.9, 1];
        expect(quantiles(new Float64Array(n).fill(constant), ps)).toEqual(ps.map(() => constant));
        expect(quantiles(Float64Array.from(values.slice(0, n)), ps)).toEqual(bySorting(values.slice(0, n), ps));
      }),
    );
  });

  it("equal sorting on 10,000 draws however they are spread: smooth, lopsided, with far outliers, mostly tied, or sorted", () => {
    // shapes chosen to defeat the guessed range: every value outside it, or all in one bucket
    const shapes: Record<string, (u: number, i: number) => number> = {
      smooth: (u) => 1000 + 50 * Math.log(u / (1 - u)),
      lopsided: (u) => Math.exp(8 * u),
      outliers: (u, i) => (i % 997 === 0 ? 1e300 * (u - 0.5) : u),
      "mostly tied": (u) => (u < 0.85 ? 7 : u),
      sorted: (_, i) => i / 3,
      "sorted backwards": (_, i) => -i,
      "huge range": (u) => (u - 0.5) * Number.MAX_VALUE,
    };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(shapes)), fc.array(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), { minLength: 10_000, maxLength: 10_000 }), (shape, us) => {
        const values = us.map((u, i) => shapes[shape]!(u, i));
        const ps = [0.1, 0.5, 0.9, 0.25, 1];
        expect(quantiles(Float64Array.from(values), ps)).toEqual(bySorting(values, ps));
      }),
      { numRuns: 25 },
    );
  });

  it("take infinities as values", () => {
    const values = [Infinity, 1, -Infinity, 2, 3, Infinity];
    expect(quantiles(Float64Array.from(values), [0, 0.1, 0.5, 0.9, 1])).toEqual(bySorting(values, [0, 0.1, 0.5, 0.9, 1]));
  });

  it("read adjacent strided columns where they lie, each equal to sorting that column", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(tied, { minLength: 1, maxLength: 3000 }),
        (count, width, gap, pool) => {
          // rows of width + gap values after an offset of 2: column j of draw i at 2 + i × (width + gap) + j
          const stride = width + gap;
          const values = Float64Array.from({ length: 2 + count * stride }, (_, k) => pool[k % pool.length]!);
          const columns = { offset: 2, stride, count, width };
          const ps = [0.1, 0.5, 0.9];
          const column = (j: number) => Array.from({ length: count }, (_, i) => values[2 + i * stride + j]!);
          const scratch = quantileScratch();
          // the sums of the last columns (at least one), and how many of their values are at or below 1
          const from = Math.floor(width / 2);
          const sums = columnSums(width, from, width, 1);
          expect(columnQuantiles(values, columns, ps, scratch, sums)).toEqual(Array.from({ length: width }, (_, j) => bySorting(column(j), ps)));
          for (let j = 0; j < width; j++) {
            // the mean as `mean` adds it (in the order of the draws); nothing for the columns not asked for
            expect(sums.sums[j]! / count).toBe(j < from ? 0 : mean(column(j)));
            expect(sums.atOrBelow[j]).toBe(j < from ? 0 : column(j).filter((v) => v <= 1).length);
          }
          // the same scratch again, now with other sizes in it
          expect(columnQuantiles(values, { ...columns, width: 1 }, ps, scratch)).toEqual([bySorting(column(0), ps)]);
        },
      ),
    );
  });

  it("name the draw and the column that holds NaN", () => {
    expect(() => columnQuantiles(Float64Array.of(1, 2, 3, NaN, 5, 6), { offset: 0, stride: 2, count: 3, width: 2 }, [0.5])).toThrow(
      /NaN at position 1 of column 1/,
    );
    expect(() => quantiles(Float64Array.of(NaN), [0.5])).toThrow(/NaN at position 0/);
  });

  it("refuse probabilities outside 0–1 as simple-statistics does", () => {
    expect(() => quantiles(Float64Array.of(1, 2, 3), [1.5])).toThrow(/between 0 and 1/);
  });
});
