import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { holdsFlat, holdsFlatLimit } from "../../model/decoupling.ts";

describe("holding flat", () => {
  it("allows one part in a billion above the base year for rounding", () => {
    // 1,000 FTE × (1 + 1e-9) = 1,000.000001
    expect(holdsFlatLimit(1000)).toBeCloseTo(1000.000001, 9);
    expect(holdsFlat(1000.0000009, 1000)).toBe(true);
    expect(holdsFlat(1000.0000011, 1000)).toBe(false);
  });

  it("is FTE at or below the limit, the comparison the Monte Carlo summary counts with", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (fte, base) => {
        expect(holdsFlat(fte, base)).toBe(fte <= holdsFlatLimit(base));
        expect(holdsFlat(holdsFlatLimit(base), base)).toBe(true);
      }),
    );
  });
});
