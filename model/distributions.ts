/**
 * The distributions an uncertain assumption can have, by name: one registry entry per
 * distribution with its words and its quantile function. Adding a distribution is adding an entry
 * here, its parameters' schema (the file format, `data/README.md`) in `distribution-schema.ts`,
 * where the names come from (the type checker asks for the entry), and its sampler in `samplers.ts`
 * (kept apart, as the schemas are, so that what only needs quantiles, the web page, loads neither).
 *
 * Quantiles (the tornado's P10 and P90) come from stdlib (https://stdlib.io),
 * `@stdlib/stats-base-dists-*-quantile`; draws (Monte Carlo) are stdlib's samplers'
 * (`samplers.ts`). Zero-width distributions (min = max, sd = 0, sigma = 0), which stdlib does not
 * accept, have their single value as every quantile and every draw.
 *
 * PERT is the beta distribution on [min, max] with α = 1 + 4(mode − min)/(max − min) and
 * β = 1 + 4(max − mode)/(max − min) (Vose, *Risk Analysis*, 3rd ed., 2008, section III.7).
 */
import betaQuantile from "@stdlib/stats-base-dists-beta-quantile";
import lognormalQuantile from "@stdlib/stats-base-dists-lognormal-quantile";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import triangularQuantile from "@stdlib/stats-base-dists-triangular-quantile";
import uniformQuantile from "@stdlib/stats-base-dists-uniform-quantile";
import type { LocalizedText } from "./data-package.ts";
import type { Distribution, DistributionType } from "./distribution-schema.ts";

export type { Distribution, DistributionType };

/** What a registry entry holds for distributions of the shape `D`. */
interface DistributionKind<D extends Distribution> {
  /** The distribution's name in words. */
  label: LocalizedText;
  /** The value below which a share `p` (0–1) of the distribution lies. */
  quantile(d: D, p: number): number;
  /** Its parameters in words, numbers written by `format`: "0,4–0,7–0,85". */
  text(d: D, format: (value: number) => string): string;
}

const minModeMaxText = (d: { min: number; mode: number; max: number }, f: (v: number) => string) => `${f(d.min)}–${f(d.mode)}–${f(d.max)}`;

/** The distributions by name. */
export const DISTRIBUTIONS: { [T in DistributionType]: DistributionKind<Extract<Distribution, { type: T }>> } = {
  triangular: {
    label: { sv: "triangulär", en: "triangular" },
    quantile: (d, p) => (d.min === d.max ? d.min : triangularQuantile(p, d.min, d.max, d.mode)),
    text: minModeMaxText,
  },
  pert: {
    label: { sv: "PERT", en: "PERT" },
    quantile: (d, p) => (d.min === d.max ? d.min : d.min + (d.max - d.min) * betaQuantile(p, ...pertShape(d))),
    text: minModeMaxText,
  },
  normal: {
    label: { sv: "normal", en: "normal" },
    quantile: (d, p) => (d.sd === 0 ? d.mean : normalQuantile(p, d.mean, d.sd)),
    text: (d, f) => `μ ${f(d.mean)}, σ ${f(d.sd)}`,
  },
  lognormal: {
    label: { sv: "lognormal", en: "lognormal" },
    quantile: (d, p) => (d.sigma === 0 ? Math.exp(d.mu) : lognormalQuantile(p, d.mu, d.sigma)),
    text: (d, f) => `μ ${f(d.mu)}, σ ${f(d.sigma)}`,
  },
  uniform: {
    label: { sv: "likformig", en: "uniform" },
    quantile: (d, p) => (d.min === d.max ? d.min : uniformQuantile(p, d.min, d.max)),
    text: (d, f) => `${f(d.min)}–${f(d.max)}`,
  },
};

/** PERT's beta shape parameters α and β. */
export function pertShape(d: { min: number; mode: number; max: number }): [number, number] {
  const range = d.max - d.min;
  return [1 + (4 * (d.mode - d.min)) / range, 1 + (4 * (d.max - d.mode)) / range];
}

/** The registry entry of a distribution, typed for any distribution. */
function entry(d: Distribution): DistributionKind<Distribution> {
  return DISTRIBUTIONS[d.type] as DistributionKind<Distribution>;
}

/**
 * The value below which a share `p` (0–1) of the distribution lies.
 *
 * @example quantile({ type: "uniform", min: 0, max: 10 }, 0.9) // 9
 */
export function quantile(distribution: Distribution, p: number): number {
  return entry(distribution).quantile(distribution, p);
}

/**
 * A distribution in words, its numbers written by `format`.
 *
 * @example distributionText({ type: "pert", min: 0.4, mode: 0.7, max: 0.85 }, "sv") // "PERT 0.4–0.7–0.85"
 */
export function distributionText(distribution: Distribution, lang: keyof LocalizedText, format: (value: number) => string = String): string {
  const kind = entry(distribution);
  return `${kind.label[lang]} ${kind.text(distribution, format)}`;
}
