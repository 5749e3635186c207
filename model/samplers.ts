/**
 * Seeded draws of each distribution of `distributions.ts`, written straight into a column. Only
 * the Monte Carlo draws (`sampling.ts`) import this module, so the web page, which uses the
 * distributions' quantiles but never draws, does not load the samplers.
 *
 * The draws are stdlib's (https://stdlib.io) to the last bit: the same 32-bit Mersenne Twister
 * seeded the same way (`twister.ts` steps it as `@stdlib/random-base-mt19937` does), the same
 * uniforms and normals consumed in the same order, the same arithmetic. What stdlib adds per draw
 * and per column (a closure chain a number, a factory that defines some twenty properties a
 * stream) is left out:
 *
 * - one twister serves every column in turn, reseeded for each;
 * - triangular and uniform apply stdlib's inverse CDF to the twister's uniforms inline
 *   (`@stdlib/random-base-triangular` and `-uniform` compute the same formulas, one call chain a draw);
 * - normals are stdlib's own improved ziggurat (`@stdlib/random-base-improved-ziggurat`'s
 *   `lib/improved_ziggurat.js`, with its tables and its `exp`) driven by that twister; normal and
 *   lognormal draws are stdlib's formulas over it (the lognormal is `@stdlib/random-base-lognormal`'s
 *   `lib/lognormal.js`);
 * - PERT with both shapes above 1 and unequal (a mode strictly inside the range and off-centre) runs
 *   stdlib's beta rejection sampler for that case (`@stdlib/random-base-beta`'s `sample2.js`: a
 *   normal proposal accepted by a log-density test with `@stdlib/math-base-special-ln`) with its
 *   per-draw constants computed once a column and most acceptances decided by bounds of the
 *   logarithms instead of the logarithms (the same decisions, `lnBelow` says why); the other PERT
 *   shapes call stdlib's beta sampler (`lib/beta.js`) over the same twister and ziggurat.
 *
 * The tests compare every sampler with stdlib's own factories for fixed and random parameters and seeds.
 */
import betaSample from "@stdlib/random-base-beta/lib/beta.js";
import improvedZiggurat from "@stdlib/random-base-improved-ziggurat/lib/improved_ziggurat.js";
import lognormal from "@stdlib/random-base-lognormal/lib/lognormal.js";
import ln from "@stdlib/math-base-special-ln";
import { type Distribution, type DistributionType, pertShape } from "./distributions.ts";
import { Twister } from "./twister.ts";

/** Writes draws of `d` into `out[from]` … `out[to − 1]` from the stream seeded by `seed` (an MT19937 seed array). */
type Fill<D> = (d: D, seed: Uint32Array, out: Float64Array, from: number, to: number) => void;

/**
 * The one stream every column is drawn from, reseeded for each column (drawing is synchronous), and
 * stdlib's uniform, 32-bit and normal samplers over it, which share it as stdlib's factories share
 * one state between them.
 */
const stream = new Twister(Uint32Array.of(0));
const randu = (): number => stream.uniform();
const randi = (): number => stream.uint32();
const randn = improvedZiggurat(randu, randi);

/**
 * A lower bound of ln(z) for z ≥ 0: (z − 1)/√z below 1, 2(z − 1)/(z + 1) from 1 (both touch ln at
 * 1: their difference from ln has a derivative of −(√z − 1)²/(2z√z), resp. (z − 1)²/(z(z + 1)²)).
 *
 * It lets the PERT sampler accept most proposals without logarithms and with stdlib's decisions.
 * In exact arithmetic stdlib's y = A ln(x/A) + B ln((1 − x)/B) + C ln C + s²/2 equals
 * A ln(x/μ) + B ln((1 − x)/(1 − μ)) + s²/2 (μ = A/C, C = A + B), which is at least
 * A·lnBelow(x/μ) + B·lnBelow((1 − x)/(1 − μ)) + s²/2; and ln(u) ≤ u − 1. So a bound at or above
 * u − 1 + 1e-9 means y ≥ ln(u): stdlib accepts too. The margin is some 1e4 times the rounding of
 * both sides (where the bound reaches u − 1 ≥ −1, every term is below 20 in size: A, B ≤ 4,
 * s²/2 ≤ 2C as x is within [0, 1], lnBelow < 2), and of μ, C and L being rounded.
 */
export function lnBelow(z: number): number {
  return z < 1.0 ? (z - 1.0) / Math.sqrt(z) : (2.0 * (z - 1.0)) / (z + 1.0);
}

/**
 * PERT's draws for shapes α, β > 1, α ≠ β, scaled to [min, min + range]: stdlib's beta sampler for
 * that case (`@stdlib/random-base-beta` 0.2.2, `lib/sample2.js`), with the same shared twister
 * and the same operations in the same order.
 */
function fillBetaByNormalProposal(alpha: number, beta: number, seed: Uint32Array, min: number, range: number, out: Float64Array, from: number, to: number): void {
  stream.reseed(seed);
  const A = alpha - 1.0;
  const B = beta - 1.0;
  const C = A + B;
  const L = C * ln(C);
  const mu = A / C;
  // stdlib writes pow(C, 0.5), which stdlib's pow returns as sqrt(C)
  const sigma = 0.5 / Math.sqrt(C);
  const nu = 1.0 - mu;
  for (let i = from; i < to; i++) {
    let x: number;
    for (;;) {
      const s = randn();
      x = mu + s * sigma;
      if (x >= 0.0 && x <= 1.0) {
        const u = randu();
        // Most proposals are accepted by a bound below y, without logarithms; see lnBelow.
        if (A * lnBelow(x / mu) + B * lnBelow((1.0 - x) / nu) + 0.5 * s * s >= u - 1.0 + 1e-9) break;
        let y = A * ln(x / A);
        y += B * ln((1.0 - x) / B);
        y += L + 0.5 * s * s;
        // stdlib accepts when y ≥ ln(u). As ln(u) ≤ u − 1, most of the others are accepted without
        // ln(u), with the same decisions: the margin 1e-12 is far above the rounding of ln(u) and
        // of u − 1 (a few 1e-16 for u ≥ 1/2; below 1/2, u − 1 exceeds ln(u) by more than 0.19).
        if (y >= u - 1.0 + 1e-12 || y >= ln(u)) break;
      }
    }
    out[i] = min + range * x;
  }
}

/** Each distribution's sampler; a zero-width distribution (which stdlib does not accept) gives its single value. */
const SAMPLERS: { [T in DistributionType]: Fill<Extract<Distribution, { type: T }>> } = {
  triangular: ({ min: a, mode: c, max: b }, seed, out, from, to) => {
    if (a === b) {
      out.fill(a, from, to);
      return;
    }
    // @stdlib/random-base-triangular 0.2.2, lib/triangular.js, with its per-draw constants hoisted
    stream.reseed(seed).fillUniforms(out, from, to);
    const fc = (c - a) / (b - a);
    const left = (b - a) * (c - a);
    const right = (b - a) * (b - c);
    for (let i = from; i < to; i++) {
      const u = out[i]!;
      out[i] = u < fc ? a + Math.sqrt(left * u) : b - Math.sqrt(right * (1.0 - u));
    }
  },
  pert: (d, seed, out, from, to) => {
    const { min } = d;
    if (min === d.max) {
      out.fill(min, from, to);
      return;
    }
    const range = d.max - min;
    const [alpha, beta_] = pertShape(d);
    // stdlib's beta picks its algorithm in this order (lib/beta.js)
    if (!(alpha === beta_ && alpha > 1.5) && alpha > 1.0 && beta_ > 1.0) {
      fillBetaByNormalProposal(alpha, beta_, seed, min, range, out, from, to);
      return;
    }
    stream.reseed(seed);
    for (let i = from; i < to; i++) out[i] = min + range * betaSample(randu, randn, alpha, beta_);
  },
  normal: (d, seed, out, from, to) => {
    const { mean, sd } = d;
    if (sd === 0) {
      out.fill(mean, from, to);
      return;
    }
    // @stdlib/random-base-normal 0.2.2, lib/normal.js
    stream.reseed(seed);
    for (let i = from; i < to; i++) out[i] = mean + sd * randn();
  },
  lognormal: (d, seed, out, from, to) => {
    const { mu, sigma } = d;
    if (sigma === 0) {
      out.fill(Math.exp(mu), from, to);
      return;
    }
    stream.reseed(seed);
    for (let i = from; i < to; i++) out[i] = lognormal(randn, mu, sigma);
  },
  uniform: ({ min: a, max: b }, seed, out, from, to) => {
    if (a === b) {
      out.fill(a, from, to);
      return;
    }
    // @stdlib/random-base-uniform 0.2.3, lib/uniform.js
    stream.reseed(seed).fillUniforms(out, from, to);
    for (let i = from; i < to; i++) {
      const r = out[i]!;
      out[i] = b * r + (1.0 - r) * a;
    }
  },
};

/**
 * Writes seeded draws of a distribution into `out[from]` … `out[to − 1]`; the distribution must be
 * valid (`distributionSchema`).
 *
 * @param seed the MT19937 seed array of the stream (`sampling.ts` says how it is made).
 */
export function fillDraws(distribution: Distribution, seed: Uint32Array, out: Float64Array, from: number, to: number): void {
  (SAMPLERS[distribution.type] as Fill<Distribution>)(distribution, seed, out, from, to);
}
