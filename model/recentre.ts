/**
 * A distribution moved to a value the planner chose: the uncertainty follows the slider.
 *
 * The app's sliders choose a parameter's central value; where the parameter is uncertain (a
 * scenario's `uncertainty`, a lever's `distributions`), the Monte Carlo range must be the range
 * around that choice, not around the package's. The distribution keeps its shape and is moved so
 * that its median is the chosen value (the median rule, `median-rule.ts`, then holds for the new
 * pair): triangular, PERT and uniform by an affine map x → value + k·(x − median), which keeps
 * every quantile's place, with k = 1 (the same spread) unless that would reach past the
 * parameter's valid range, where k narrows it to fit; a normal one by its mean (its width is
 * checked against the range, not its ends: `bounds.ts`); a lognormal one by its scale (μ + ln of
 * the ratio), so that a positive parameter stays positive.
 */
import type { Distribution } from "./distributions.ts";
import { equalsMedian, median } from "./median-rule.ts";

/**
 * `distribution` moved so that its median is `value`, within `[lower, upper]`; undefined when it
 * cannot be (a lognormal moved to zero or below, or a bounded one pressed flat against a bound:
 * the value is then certain).
 *
 * @example recentred({ type: "triangular", min: 1.5, mode: 2, max: 2.5 }, 1, [0, 5])
 * // { type: "triangular", min: 0.5, mode: 1, max: 1.5 }
 * @example recentred({ type: "uniform", min: 1, max: 3 }, 0.5, [0, 5])
 * // { type: "uniform", min: 0, max: 1 } — narrowed by half to stay at or above 0
 */
export function recentred(distribution: Distribution, value: number, [lower, upper]: readonly [number, number]): Distribution | undefined {
  const m = median(distribution);
  if (equalsMedian(value, m)) return distribution;
  switch (distribution.type) {
    case "normal":
      return { ...distribution, mean: value };
    case "lognormal":
      return value > 0 ? { ...distribution, mu: distribution.mu + Math.log(value / m) } : undefined;
    case "triangular":
    case "pert":
    case "uniform": {
      const below = m - distribution.min;
      const above = distribution.max - m;
      const k = Math.min(1, below > 0 ? (value - lower) / below : 1, above > 0 ? (upper - value) / above : 1);
      if (!(k > 1e-6)) return undefined;
      const move = (x: number) => Math.min(upper, Math.max(lower, value + k * (x - m)));
      return distribution.type === "uniform"
        ? { ...distribution, min: move(distribution.min), max: move(distribution.max) }
        : { ...distribution, min: move(distribution.min), mode: move(distribution.mode), max: move(distribution.max) };
    }
  }
}
