/**
 * Probability distributions for uncertain assumptions, chosen by name.
 *
 * Quantile functions come from stdlib (https://stdlib.io); a draw is the quantile of a uniform
 * number from a seeded generator (inverse-transform sampling), so one seeded stream gives the same
 * numbers on every machine.
 */
import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import lognormalQuantile from "@stdlib/stats-base-dists-lognormal-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import triangularQuantile from "@stdlib/stats-base-dists-triangular-quantile";
import uniformQuantile from "@stdlib/stats-base-dists-uniform-quantile";

export type Distribution =
  | { type: "triangular"; min: number; mode: number; max: number }
  | { type: "pert"; min: number; mode: number; max: number }
  | { type: "normal"; mean: number; sd: number }
  | { type: "lognormal"; mu: number; sigma: number }
  | { type: "uniform"; min: number; max: number };

export const DISTRIBUTION_TYPES = ["triangular", "pert", "normal", "lognormal", "uniform"] as const;

/**
 * The value below which a share `p` (0–1) of the distribution lies.
 *
 * PERT is the beta distribution on [min, max] with α = 1 + 4(mode − min)/(max − min) and
 * β = 1 + 4(max − mode)/(max − min) (Vose, *Risk Analysis*, 3rd ed., 2008, section III.7).
 * Zero-width distributions (min = max, sd = 0, sigma = 0) return their single value.
 */
export function quantile(distribution: Distribution, p: number): number {
  switch (distribution.type) {
    case "triangular": {
      const { min, mode, max } = distribution;
      return min === max ? min : triangularQuantile(p, min, max, mode);
    }
    case "pert": {
      const { min, mode, max } = distribution;
      if (min === max) return min;
      const range = max - min;
      const alpha = 1 + (4 * (mode - min)) / range;
      const beta = 1 + (4 * (max - mode)) / range;
      return min + range * betaQuantile(p, alpha, beta);
    }
    case "normal":
      return distribution.sd === 0 ? distribution.mean : normalQuantile(p, distribution.mean, distribution.sd);
    case "lognormal":
      return distribution.sigma === 0
        ? Math.exp(distribution.mu)
        : lognormalQuantile(p, distribution.mu, distribution.sigma);
    case "uniform":
      return distribution.min === distribution.max
        ? distribution.min
        : uniformQuantile(p, distribution.min, distribution.max);
  }
}

/** The distribution's median, the value a deterministic forecast uses when a parameter is uncertain. */
export function median(distribution: Distribution): number {
  return quantile(distribution, 0.5);
}
