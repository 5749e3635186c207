import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Distribution } from "../../model/distributions.ts";
import { mean, quantiles } from "../../model/quantiles.ts";
import { sampleDistribution, sampleParameters, streamSeed } from "../../model/sampling.ts";
import { compile } from "./fixtures.ts";
import { uncertainPackage, uncertainScenario } from "./uncertainty-fixtures.ts";

const KINDS: Distribution[] = [
  { type: "triangular", min: 1, mode: 2, max: 4 },
  { type: "pert", min: 1, mode: 2, max: 4 },
  { type: "normal", mean: 5, sd: 2 },
  { type: "lognormal", mu: 0, sigma: 0.5 },
  { type: "uniform", min: -1, max: 3 },
];

describe("seeded draws", () => {
  it.each(KINDS)("repeat to the last digit with the same seed and differ with another: $type", (d) => {
    const a = sampleDistribution(d, 1000, 42, "x");
    const b = sampleDistribution(d, 1000, 42, "x");
    const c = sampleDistribution(d, 1000, 43, "x");
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(a.every((v, i) => Object.is(v, b[i]))).toBe(true);
    expect(a.filter((v, i) => v !== c[i]).length).toBeGreaterThan(990);
  });

  // Fingerprints (SHA-256 of the 1,000 doubles of seed 42, stream "x") computed by the samplers as
  // they were before issue 12's second half (main at a1916ab), so that a faster sampler must give
  // the same numbers to the last bit; the other tests here check the draws' properties.
  const PREVIOUS: Record<Distribution["type"], string> = {
    triangular: "aa2b07ad2ad4aa94a748687d5f875928",
    pert: "e9f23e12f6cc5a92c904f75936a721e8",
    normal: "5f6e0b141d0ef82d8f4b6a98f2404bb0",
    lognormal: "37b6d3ae39c8819abff941cc1b0d4008",
    uniform: "07c7530da318128c5d0bdc2332c5645f",
  };
  it.each(KINDS)("give the previous implementation's numbers for a fixed seed: $type", (d) => {
    const draws = sampleDistribution(d, 1000, 42, "x");
    expect(createHash("sha256").update(new Uint8Array(draws.buffer)).digest("hex").slice(0, 32)).toBe(PREVIOUS[d.type]);
  });

  it("gives each parameter its own stream, named by its path", () => {
    const d: Distribution = { type: "uniform", min: 0, max: 1 };
    const a = sampleDistribution(d, 100, 42, "levers.a.efficiency");
    const b = sampleDistribution(d, 100, 42, "levers.b.efficiency");
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(streamSeed(7, "dip"))).toEqual([7, 100, 105, 112]);
  });

  it.each([
    // means: triangular (a+b+c)/3, PERT (min + 4·mode + max)/6, lognormal e^(μ+σ²/2) (Vose 2008)
    [KINDS[0]!, 7 / 3],
    [KINDS[1]!, 13 / 6],
    [KINDS[2]!, 5],
    [KINDS[3]!, Math.exp(0.125)],
    [KINDS[4]!, 1],
  ])("follows its distribution: mean of 20,000 draws of $type", (d, expected) => {
    const draws = sampleDistribution(d, 20_000, 1, "x");
    expect(mean(draws)).toBeCloseTo(expected, 1);
  });

  it("keeps triangular, PERT and uniform draws within their range", () => {
    for (const d of [KINDS[0]!, KINDS[1]!, KINDS[4]!]) {
      const draws = sampleDistribution(d, 5000, 3, "x");
      const [lo, hi] = quantiles(draws, [0, 1]);
      expect(lo).toBeGreaterThanOrEqual("min" in d ? d.min : -Infinity);
      expect(hi).toBeLessThanOrEqual("max" in d ? d.max : Infinity);
    }
  });

  it("returns the single value of a zero-width distribution", () => {
    const zero: Distribution[] = [
      { type: "triangular", min: 2, mode: 2, max: 2 },
      { type: "pert", min: 2, mode: 2, max: 2 },
      { type: "normal", mean: 2, sd: 0 },
      { type: "lognormal", mu: Math.log(2), sigma: 0 },
      { type: "uniform", min: 2, max: 2 },
    ];
    for (const d of zero) {
      const value = d.type === "lognormal" ? Math.exp(d.mu) : 2;
      expect(new Set(sampleDistribution(d, 50, 9, "x"))).toEqual(new Set([value]));
    }
  });

  it("rejects bad distributions and seeds with a message naming them", () => {
    expect(() => sampleDistribution({ type: "pert", min: 3, mode: 1, max: 2 }, 1, 1, "levers.x.dip")).toThrow(
      /invalid pert distribution for levers.x.dip: mode: expected min ≤ mode ≤ max/,
    );
    expect(() => sampleDistribution({ type: "beta" } as unknown as Distribution, 1, 1, "x")).toThrow(
      /invalid distribution type for x: "beta" \(expected one of triangular, pert, normal, lognormal, uniform\)/,
    );
    expect(() => sampleDistribution(KINDS[0]!, 1, -1, "x")).toThrow(/invalid seed: -1/);
    expect(() => sampleDistribution(KINDS[0]!, 1, 2 ** 32, "x")).toThrow(/invalid seed/);
  });

  it("draws a plan's uncertain parameters column by column, clamped to their bounds", () => {
    const plan = compile(uncertainPackage(), uncertainScenario());
    const sample = sampleParameters(plan.parameters, 500, 11);
    expect(sample.names).toEqual([
      "growthMultiplier",
      "costPerFte",
      "processes.big.activities.cases.elasticity.residents",
      "processes.small.activities.licences.elasticity.businesses",
      "levers.robot.efficiency",
    ]);
    const efficiency = sample.values.subarray(4 * 500, 5 * 500);
    expect(Array.from(efficiency)).toEqual(Array.from(sampleDistribution({ type: "pert", min: 0.2, mode: 0.4, max: 0.6 }, 500, 11, "levers.robot.efficiency")));
    // the same columns, drawn one at a time (as threads would), are identical
    const byColumn = new Float64Array(5 * 500);
    for (let j = 4; j >= 0; j--) sampleParameters(plan.parameters, 500, 11, [j], byColumn);
    expect(Array.from(byColumn)).toEqual(Array.from(sample.values));
    // a normal elasticity is unbounded; a share is clamped to [0, 1]
    const wide = compile(uncertainPackage(), uncertainScenario({ "levers.robot.efficiency": { type: "normal", mean: 0.9, sd: 0.5 } }));
    const clamped = sampleParameters(wide.parameters, 2000, 5).values.subarray(0, 2000);
    expect(Math.max(...clamped)).toBe(1);
    expect(Math.min(...clamped)).toBeGreaterThanOrEqual(0);
  });
});
