/**
 * Goal seek (model/goal-seek.ts): the smallest lever intensity that holds total FTE at or below the
 * base year, checked on random packages (fast-check).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecast } from "../../model/forecast.ts";
import { goalSeek } from "../../model/goal-seek.ts";
import { compile, scenario } from "./fixtures.ts";
import { build, shapeArb } from "./random-packages.ts";

describe("goal seek on random packages", () => {
  it("the answer holds the target and a slightly smaller intensity does not", () => {
    fc.assert(
      fc.property(shapeArb, fc.integer({ min: 2025, max: 2030 }), (shape, targetYear) => {
        const { pkg, leverIds } = build(shape);
        const plan = compile(pkg, scenario({ levers: leverIds }));
        const result = goalSeek(plan, targetYear);
        const holdsAt = (intensity: number) => {
          const f = forecast(compile(pkg, scenario({ levers: leverIds, set: { "levers.intensity": intensity } })));
          return f.totals.filter((t) => t.year >= targetYear).every((t) => t.holdsFlat);
        };
        if (!result.reachable) {
          expect(holdsAt(result.fullIntensity)).toBe(false);
          return;
        }
        expect(holdsAt(result.intensity!)).toBe(true);
        if (result.intensity! > 0) expect(holdsAt(result.intensity! * (1 - 1e-4))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });
});
