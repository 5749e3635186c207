import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../model/distributions.ts";
import { median } from "../../model/median-rule.ts";
import { recentred } from "../../model/recentre.ts";

describe("recentred", () => {
  it("moves a triangular distribution by the difference when it fits (hand-computed: 1.5–2–2.5 to 1 is 0.5–1–1.5)", () => {
    expect(recentred({ type: "triangular", min: 1.5, mode: 2, max: 2.5 }, 1, [0, 5])).toEqual({ type: "triangular", min: 0.5, mode: 1, max: 1.5 });
  });

  it("narrows it to stay in range (uniform 1–3, median 2, to 0.5: k = 0.5/1, so 0–1)", () => {
    expect(recentred({ type: "uniform", min: 1, max: 3 }, 0.5, [0, 5])).toEqual({ type: "uniform", min: 0, max: 1 });
  });

  it("moves a normal by its mean and a lognormal by its scale (median e^μ: e^0 = 1 to 2 is μ = ln 2)", () => {
    expect(recentred({ type: "normal", mean: 1, sd: 0.2 }, 3, [0, 5])).toEqual({ type: "normal", mean: 3, sd: 0.2 });
    const moved = recentred({ type: "lognormal", mu: 0, sigma: 0.3 }, 2, [0, 5]);
    expect(moved).toEqual({ type: "lognormal", mu: Math.log(2), sigma: 0.3 });
    expect(recentred({ type: "lognormal", mu: 0, sigma: 0.3 }, 0, [0, 5])).toBeUndefined();
  });

  it("gives nothing when the value sits on a bound the distribution spreads towards (the value is then certain)", () => {
    expect(recentred({ type: "pert", min: 0.2, mode: 0.5, max: 0.8 }, 1, [0, 1])).toBeUndefined();
  });

  it("has the chosen value as its median and stays within the range, for any value inside it", () => {
    const bounded = fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
      .filter(([a, , c]) => c - a > 1e-3);
    fc.assert(
      fc.property(bounded, fc.constantFrom("triangular", "pert", "uniform"), fc.double({ min: 0.001, max: 0.999, noNaN: true }), ([min, mode, max], type, value) => {
        const d: Distribution = type === "uniform" ? { type, min, max } : { type: type as "triangular" | "pert", min, mode, max };
        const moved = recentred(d, value, [0, 1]);
        if (moved === undefined) return;
        expect(median(moved)).toBeCloseTo(value, 9);
        expect(moved.type === "normal" || moved.type === "lognormal" ? 0 : moved.min).toBeGreaterThanOrEqual(0);
        expect(moved.type === "normal" || moved.type === "lognormal" ? 1 : moved.max).toBeLessThanOrEqual(1);
      }),
    );
  });
});
