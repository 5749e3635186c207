/**
 * finiteColumns (model/finite.ts) checks every value without a branch per value; here against the
 * plain definition: the first value that is not finite, in column order, names its column and draw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finiteColumns, NonFiniteResultError } from "../../model/finite.ts";

const NAMES = ["fte", "baselineFte", "net", "cumulativeNet", "npv", "humpDepth"] as const;

/** Columns of `draws` draws: fte 3 values a draw, baselineFte, net and cumulativeNet 2, npv and humpDepth 1. */
function columnsOf(draws: number, fill: (name: string, index: number) => number) {
  const column = (name: string, perDraw: number) => Float64Array.from({ length: draws * perDraw }, (_, i) => fill(name, i));
  return {
    fte: column("fte", 3),
    baselineFte: column("baselineFte", 2),
    net: column("net", 2),
    cumulativeNet: column("cumulativeNet", 2),
    npv: column("npv", 1),
    humpDepth: column("humpDepth", 1),
    humpYear: new Float64Array(draws).fill(NaN),
    paybackYear: new Float64Array(draws).fill(NaN),
    holdsFlatFrom: new Float64Array(draws).fill(NaN),
  };
}

describe("finiteColumns", () => {
  it("passes finite columns of any size, the largest and smallest doubles and −0 included", () => {
    const extremes = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -0, 0, 1e-310];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(...extremes)), { minLength: 1, maxLength: 20 }), (draws, pool) => {
        const columns = columnsOf(draws, (_, i) => pool[i % pool.length]!);
        expect(finiteColumns(columns, draws)).toBe(columns);
      }),
    );
  });

  it("names the first value that is not finite, as a plain scan of each column in turn would", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.record({ name: fc.constantFrom(...NAMES), at: fc.nat(), value: fc.constantFrom(NaN, Infinity, -Infinity) }), { minLength: 1, maxLength: 4 }),
        (draws, bad) => {
          const columns = columnsOf(draws, (_, i) => i * 0.5 - 3);
          for (const { name, at, value } of bad) columns[name][at % columns[name].length] = value;
          // the plain definition: the first column in order with a value that is not finite, and its first such value
          const name = NAMES.find((n) => columns[n].some((v) => !Number.isFinite(v)))!;
          const index = columns[name].findIndex((v) => !Number.isFinite(v));
          const perDraw = columns[name].length / draws;
          const error = (() => {
            try {
              finiteColumns(columns, draws);
            } catch (e) {
              return e;
            }
          })();
          expect(error).toBeInstanceOf(NonFiniteResultError);
          expect((error as NonFiniteResultError).what).toBe(`${name} in draw ${Math.floor(index / perDraw) + 1}`);
          expect(Object.is((error as NonFiniteResultError).value, columns[name][index])).toBe(true);
        },
      ),
    );
  });
});
