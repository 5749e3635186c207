/**
 * The column samplers (model/samplers.ts) against the implementation they replace: stdlib's
 * samplers called one draw at a time, as `distributions.ts` did before issue 12's third push
 * (`previousSampler` below is that code). Every draw must be identical to the last bit
 * (Object.is), for fixed and random (fast-check) parameters, seeds and stream paths, on every
 * distribution type and on every branch of stdlib's beta sampler that PERT reaches.
 */
import { createHash } from "node:crypto";
import ln from "@stdlib/math-base-special-ln";
import beta from "@stdlib/random-base-beta";
import lognormal from "@stdlib/random-base-lognormal";
import normal from "@stdlib/random-base-normal";
import triangular from "@stdlib/random-base-triangular";
import uniform from "@stdlib/random-base-uniform";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { type Distribution, pertShape } from "../../model/distributions.ts";
import { fillDraws, lnBelow } from "../../model/samplers.ts";
import { sampleParameters, streamSeed } from "../../model/sampling.ts";
import { compile } from "./fixtures.ts";

/** The samplers as `distributions.ts` defined them before they moved to `samplers.ts` (main at 8fc97a4). */
function previousSampler(d: Distribution, seed: Uint32Array): () => number {
  switch (d.type) {
    case "triangular":
      return d.min === d.max ? () => d.min : triangular.factory(d.min, d.max, d.mode, { seed });
    case "pert": {
      if (d.min === d.max) return () => d.min;
      const { min } = d;
      const range = d.max - d.min;
      const draw = beta.factory(...pertShape(d), { seed });
      return () => min + range * draw();
    }
    case "normal":
      return d.sd === 0 ? () => d.mean : normal.factory(d.mean, d.sd, { seed });
    case "lognormal":
      return d.sigma === 0 ? () => Math.exp(d.mu) : lognormal.factory(d.mu, d.sigma, { seed });
    case "uniform":
      return d.min === d.max ? () => d.min : uniform.factory(d.min, d.max, { seed });
  }
}

/** The index of the first draw that differs in any bit from the previous implementation's, or null. */
function firstDifference(d: Distribution, seed: Uint32Array, count: number): string | null {
  const draw = previousSampler(d, seed);
  const out = new Float64Array(count);
  fillDraws(d, seed, out, 0, count);
  for (let i = 0; i < count; i++) {
    const expected = draw();
    if (!Object.is(out[i], expected)) return `draw ${i}: ${out[i]} vs ${expected}`;
  }
  return null;
}

// 1,000 draws use 2,000 to about 5,000 of the twister's outputs: several of its 624-output blocks.
const COUNT = 1000;

describe("column samplers", () => {
  it.each<[string, Distribution]>([
    ["triangular", { type: "triangular", min: 1, mode: 2, max: 4 }],
    ["triangular, mode at min", { type: "triangular", min: 1, mode: 1, max: 4 }],
    ["triangular, mode at max", { type: "triangular", min: -3, mode: 4, max: 4 }],
    // α = 1 + 4/3, β = 1 + 8/3: stdlib's normal-proposal sampler, computed here with its constants hoisted
    ["PERT, off-centre mode", { type: "pert", min: 1, mode: 2, max: 4 }],
    ["PERT, Nacka's efficiency", { type: "pert", min: 0.6, mode: 0.85, max: 0.95 }],
    // α = β = 3: stdlib's symmetric sampler
    ["PERT, mode at the midpoint", { type: "pert", min: 0, mode: 2, max: 4 }],
    // α = 1, β = 5 and α = 5, β = 1: stdlib's gamma-ratio sampler
    ["PERT, mode at min", { type: "pert", min: 0, mode: 0, max: 4 }],
    ["PERT, mode at max", { type: "pert", min: 0, mode: 4, max: 4 }],
    ["normal", { type: "normal", mean: 5, sd: 2 }],
    ["lognormal", { type: "lognormal", mu: 0, sigma: 0.5 }],
    ["uniform", { type: "uniform", min: -1, max: 3 }],
    ["zero-width triangular", { type: "triangular", min: 2, mode: 2, max: 2 }],
    ["zero-width PERT", { type: "pert", min: 2, mode: 2, max: 2 }],
    ["zero-width normal", { type: "normal", mean: 2, sd: 0 }],
    ["zero-width lognormal", { type: "lognormal", mu: 0.7, sigma: 0 }],
    ["zero-width uniform", { type: "uniform", min: 2, max: 2 }],
  ])("give the previous implementation's draws for fixed seeds: %s", (_, d) => {
    for (const seed of [streamSeed(42, "x"), streamSeed(0, "levers.e_services.efficiency"), streamSeed(0xffffffff, "growthMultiplier")]) {
      expect(firstDifference(d, seed, COUNT)).toBeNull();
    }
  });

  const seedArb = fc.tuple(fc.nat({ max: 0xffffffff }), fc.string({ minLength: 1, maxLength: 40 })).map(([seed, path]) => streamSeed(seed, path));
  const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  /** min ≤ mode ≤ max from three numbers, with a range from 1e-12 to 1e9 wide. */
  const minModeMax = fc
    .tuple(finite(-1e3, 1e3), fc.oneof(finite(0, 1), finite(1e-12, 1e9)), fc.oneof(finite(0, 1), fc.constantFrom(0, 0.5, 1)))
    .map(([min, width, at]) => ({ min, mode: min + width * at, max: min + width }))
    .filter((d) => d.min <= d.mode && d.mode <= d.max);
  const distributionArb: fc.Arbitrary<Distribution> = fc.oneof(
    minModeMax.map((d) => ({ type: "triangular" as const, ...d })),
    minModeMax.map((d) => ({ type: "pert" as const, ...d })),
    fc.record({ type: fc.constant("normal" as const), mean: finite(-1e6, 1e6), sd: fc.oneof(fc.constant(0), finite(1e-9, 1e6)) }),
    fc.record({ type: fc.constant("lognormal" as const), mu: finite(-5, 5), sigma: fc.oneof(fc.constant(0), finite(1e-9, 3)) }),
    fc
      .tuple(finite(-1e6, 1e6), fc.oneof(fc.constant(0), finite(1e-12, 1e6)))
      .map(([min, width]) => ({ type: "uniform" as const, min, max: min + width })),
  );

  it("give the previous implementation's draws for random distributions, seeds and paths", () => {
    fc.assert(
      fc.property(distributionArb, seedArb, (d, seed) => {
        expect(firstDifference(d, seed, 700)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  // PERT's sampler accepts a proposal without ln(u) when y ≥ u − 1 + 1e-12; that gives stdlib's
  // decision (y ≥ ln(u)) only if stdlib's ln(u) stays below that bound for every uniform u in [0, 1).
  it("rely on stdlib's ln(u) lying below u − 1 + 1e-12 on [0, 1)", () => {
    const below = (u: number) => ln(u) < u - 1.0 + 1e-12;
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), below), { numRuns: 10_000 });
    // where the bound is tightest: u next to 1 (ln u ≈ u − 1) and the largest uniform the twister gives
    for (let k = 1; k <= 60; k++) expect(below(1 - 2 ** -53 * k)).toBe(true);
    expect(below(9007199254740991 / 9007199254740992)).toBe(true);
  });

  // ... and accepts most proposals by lnBelow(z) ≤ ln(z) with a margin of 1e-9 (model/samplers.ts)
  it("bound ln from below, touching it at 1", () => {
    const below = (z: number) => lnBelow(z) <= ln(z) + 1e-13;
    fc.assert(fc.property(fc.oneof(fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 1e12, noNaN: true })), below), { numRuns: 10_000 });
    expect(lnBelow(1)).toBe(0);
    expect(lnBelow(0)).toBe(-Infinity);
    // the gap near 1 is of third order: ln(1 + h) − 2h/(2 + h) = h³/12 − h⁴/8 + 0.1375·h⁵ − … (the two series)
    expect(Math.log(1.01) - lnBelow(1.01)).toBeCloseTo(1e-6 / 12 - 1e-8 / 8, 10);
  });

  it("write only the draws they are asked for", () => {
    const out = new Float64Array(10).fill(-7);
    fillDraws({ type: "triangular", min: 0, mode: 1, max: 2 }, streamSeed(1, "x"), out, 3, 6);
    expect(Array.from(out.subarray(0, 3))).toEqual([-7, -7, -7]);
    expect(Array.from(out.subarray(6))).toEqual([-7, -7, -7, -7]);
    const previous = previousSampler({ type: "triangular", min: 0, mode: 1, max: 2 }, streamSeed(1, "x"));
    expect(Array.from(out.subarray(3, 6))).toEqual([previous(), previous(), previous()]);
  });

  it("draw Nacka's uncertain parameters as before, column for column", async () => {
    const nacka = await loadPackageFolder("data/nacka");
    const table = compile(nacka, nacka.scenarios["vaxa-utan-att-vaxa"]!).parameters;
    const draws = 2000;
    const sample = sampleParameters(table, draws, 42);
    // SHA-256 of these 38 × 2,000 doubles as main at 8fc97a4 drew them (stdlib's samplers one draw at a time)
    expect(createHash("sha256").update(new Uint8Array(sample.values.buffer)).digest("hex").slice(0, 32)).toBe("2f28c1f5ca61a0572d05a8030ff9f427");
    // and the same, computed here with the previous implementation and the bounds clamp
    const differences = table.uncertain.flatMap(({ parameter, distribution }, j) => {
      const draw = previousSampler(distribution, streamSeed(42, table.names[parameter]!));
      const [lower, upper] = [table.lower[parameter]!, table.upper[parameter]!];
      return Array.from(sample.values.subarray(j * draws, (j + 1) * draws), (value, i) => {
        const v = draw();
        return Object.is(value, v < lower ? lower : v > upper ? upper : v) ? [] : [`${table.names[parameter]} draw ${i}`];
      }).flat();
    });
    expect(differences).toEqual([]);
  });
});
