/**
 * The distributions an uncertain assumption can have, by name: one registry entry per
 * distribution with its words, its quantile function and its seeded sampler. Adding a
 * distribution is adding an entry here, and its parameters' schema (the file format,
 * `data/README.md`) in `distribution-schema.ts`, where the names come from (the type checker asks
 * for the entry).
 *
 * Both functions come from stdlib (https://stdlib.io). Quantiles (the tornado's P10 and P90) use
 * `@stdlib/stats-base-dists-*-quantile`; draws (Monte Carlo) use stdlib's samplers
 * `@stdlib/random-base-*`, each driven by a seeded 32-bit Mersenne Twister (`sampling.ts` says how
 * the streams are seeded). Zero-width distributions (min = max, sd = 0, sigma = 0), which stdlib
 * does not accept, have their single value as every quantile and every draw.
 *
 * PERT is the beta distribution on [min, max] with α = 1 + 4(mode − min)/(max − min) and
 * β = 1 + 4(max − mode)/(max − min) (Vose, *Risk Analysis*, 3rd ed., 2008, section III.7).
 */
import beta from "@stdlib/random-base-beta";
import lognormal from "@stdlib/random-base-lognormal";
import normal from "@stdlib/random-base-normal";
import triangular from "@stdlib/random-base-triangular";
import uniform from "@stdlib/random-base-uniform";
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
  /** A seeded generator of draws (`seed`: the MT19937 seed array of the stream). */
  sampler(d: D, seed: Uint32Array): () => number;
  /** Its parameters in words, numbers written by `format`: "0,4–0,7–0,85". */
  text(d: D, format: (value: number) => string): string;
}

const minModeMaxText = (d: { min: number; mode: number; max: number }, f: (v: number) => string) => `${f(d.min)}–${f(d.mode)}–${f(d.max)}`;

/** The distributions by name. */
export const DISTRIBUTIONS: { [T in DistributionType]: DistributionKind<Extract<Distribution, { type: T }>> } = {
  triangular: {
    label: { sv: "triangulär", en: "triangular" },
    quantile: (d, p) => (d.min === d.max ? d.min : triangularQuantile(p, d.min, d.max, d.mode)),
    sampler: (d, seed) => (d.min === d.max ? () => d.min : triangular.factory(d.min, d.max, d.mode, { seed })),
    text: minModeMaxText,
  },
  pert: {
    label: { sv: "PERT", en: "PERT" },
    quantile: (d, p) => (d.min === d.max ? d.min : d.min + (d.max - d.min) * betaQuantile(p, ...pertShape(d))),
    sampler: (d, seed) => {
      if (d.min === d.max) return () => d.min;
      const { min } = d;
      const range = d.max - d.min;
      const draw = beta.factory(...pertShape(d), { seed });
      return () => min + range * draw();
    },
    text: minModeMaxText,
  },
  normal: {
    label: { sv: "normal", en: "normal" },
    quantile: (d, p) => (d.sd === 0 ? d.mean : normalQuantile(p, d.mean, d.sd)),
    sampler: (d, seed) => (d.sd === 0 ? () => d.mean : normal.factory(d.mean, d.sd, { seed })),
    text: (d, f) => `μ ${f(d.mean)}, σ ${f(d.sd)}`,
  },
  lognormal: {
    label: { sv: "lognormal", en: "lognormal" },
    quantile: (d, p) => (d.sigma === 0 ? Math.exp(d.mu) : lognormalQuantile(p, d.mu, d.sigma)),
    sampler: (d, seed) => (d.sigma === 0 ? () => Math.exp(d.mu) : lognormal.factory(d.mu, d.sigma, { seed })),
    text: (d, f) => `μ ${f(d.mu)}, σ ${f(d.sigma)}`,
  },
  uniform: {
    label: { sv: "likformig", en: "uniform" },
    quantile: (d, p) => (d.min === d.max ? d.min : uniformQuantile(p, d.min, d.max)),
    sampler: (d, seed) => (d.min === d.max ? () => d.min : uniform.factory(d.min, d.max, { seed })),
    text: (d, f) => `${f(d.min)}–${f(d.max)}`,
  },
};

/** PERT's beta shape parameters α and β. */
function pertShape(d: { min: number; mode: number; max: number }): [number, number] {
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

/** A seeded generator of the distribution's draws; the distribution must be valid (`distributionSchema`). */
export function sampler(distribution: Distribution, seed: Uint32Array): () => number {
  return entry(distribution).sampler(distribution, seed);
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
