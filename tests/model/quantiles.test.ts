import fc from "fast-check";
import { quantile as ssQuantile } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { gather, gatherRows, quantiles, quantilesInPlace, yearQuantiles } from "../../model/quantiles.ts";

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

  it("refuse NaN and empty samples instead of returning nonsense", () => {
    expect(() => quantiles(Float64Array.of(1, NaN), [0.5])).toThrow(/NaN at position 1/);
    expect(() => quantiles(new Float64Array(0), [0.5])).toThrow(/empty/);
  });

  it("gather strided columns", () => {
    expect(Array.from(gather([0, 1, 2, 3, 4, 5, 6, 7], 1, 3, 3))).toEqual([1, 4, 7]);
  });

  it("gather adjacent strided columns column by column", () => {
    // rows of 4 from offset 1: [1 2 3 4] [5 6 7 8] [9 10 11 12]; two columns from each → [1 5 9] then [2 6 10]
    const values = Array.from({ length: 13 }, (_, i) => i);
    expect(Array.from(gatherRows(values, 1, 4, 3, 2, new Float64Array(6)))).toEqual([1, 5, 9, 2, 6, 10]);
  });
});

describe("quantilesInPlace", () => {
  it("gives simple-statistics' own quantiles (it sorts nothing, but places the same order statistics)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (values, probabilities) => {
          const expected = ssQuantile([...values], probabilities);
          expect(quantilesInPlace(Float64Array.from(values), probabilities)).toEqual(expected);
        },
      ),
    );
  });

  it("gives simple-statistics' own quantiles on samples large enough for Floyd–Rivest's sampling, with ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 5 })), { minLength: 601, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 7 }),
        (values, probabilities) => {
          const sample = Float64Array.from(values, (v) => v + 0); // -0 as 0: which of two equal zeros lands in a place is not a quantile's business
          expect(quantilesInPlace(sample, probabilities)).toEqual(ssQuantile(Array.from(sample), probabilities));
        },
      ),
      { numRuns: 60 },
    );
  });
});
