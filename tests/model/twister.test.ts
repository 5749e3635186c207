/**
 * The twister (model/twister.ts) against stdlib's MT19937 (`@stdlib/random-base-mt19937`), which
 * the samplers' draws were defined by: the same 32-bit outputs and the same 53-bit uniforms for
 * the same seed arrays, to the last bit, and the reference code's published outputs.
 */
import mt19937 from "@stdlib/random-base-mt19937";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { streamSeed } from "../../model/sampling.ts";
import { Twister } from "../../model/twister.ts";

type Stdlib = ReturnType<typeof mt19937.factory> & { normalized: () => number };
const stdlib = (seed: Uint32Array) => mt19937.factory({ seed }) as Stdlib;

/** The first output (by index) where the two generators differ, or null; 1,300 outputs cross two twists. */
function firstDifference(seed: Uint32Array, count = 1300): string | null {
  const expected = stdlib(seed);
  const actual = new Twister(seed);
  for (let i = 0; i < count; i++) {
    const [a, e] = [actual.uint32(), expected()];
    if (a !== e) return `output ${i}: ${a} vs ${e}`;
  }
  const expectedUniform = stdlib(seed).normalized;
  const uniforms = new Twister(seed);
  for (let i = 0; i < count; i++) {
    const [a, e] = [uniforms.uniform(), expectedUniform()];
    if (!Object.is(a, e)) return `uniform ${i}: ${a} vs ${e}`;
  }
  return null;
}

describe("Twister", () => {
  it("gives the reference code's published outputs for init_by_array({0x123, 0x234, 0x345, 0x456})", () => {
    // mt19937ar.out, Matsumoto and Nishimura's test output of mt19937ar.c: its first five genrand_int32()
    const twister = new Twister(Uint32Array.of(0x123, 0x234, 0x345, 0x456));
    expect([1, 2, 3, 4, 5].map(() => twister.uint32())).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
  });

  it("gives stdlib's outputs and uniforms for the samplers' stream seeds", () => {
    for (const seed of [streamSeed(42, "x"), streamSeed(0, "levers.e_services.efficiency"), streamSeed(0xffffffff, "growthMultiplier")]) {
      expect(firstDifference(seed)).toBeNull();
    }
  });

  it("gives stdlib's outputs for seed arrays of any length and words, and for single seeds", () => {
    const word = fc.nat({ max: 0xffffffff });
    const seedArray = fc.oneof(
      fc.array(word, { minLength: 2, maxLength: 40 }),
      // longer than the state (624 words): init_by_array then loops over the seed, not the state
      fc.array(word, { minLength: 600, maxLength: 700 }),
      // stdlib seeds from a single word with init_genrand (and rejects 0)
      fc.integer({ min: 1, max: 0xffffffff }).map((w) => [w]),
    );
    fc.assert(
      fc.property(seedArray, (words) => {
        expect(firstDifference(Uint32Array.from(words))).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("restarts its stream when reseeded, whatever it drew before", () => {
    const seed = streamSeed(7, "y");
    const twister = new Twister(streamSeed(8, "z"));
    for (let i = 0; i < 1000; i++) twister.uint32();
    twister.reseed(seed);
    const expected = stdlib(seed);
    for (let i = 0; i < 700; i++) expect(twister.uint32()).toBe(expected());
  });

  it("fills a column with the uniforms it gives one at a time, from any position of its stream", () => {
    fc.assert(
      fc.property(fc.nat({ max: 700 }), fc.nat({ max: 2000 }), fc.nat({ max: 5 }), (skipped, count, offset) => {
        const seed = streamSeed(skipped, "fill");
        const [one, bulk] = [new Twister(seed), new Twister(seed)];
        // an odd number of outputs skipped leaves the stream where a twist splits a uniform's pair
        for (let i = 0; i < skipped; i++) [one.uint32(), bulk.uint32()];
        const out = new Float64Array(offset + count + 1).fill(-1);
        bulk.fillUniforms(out, offset, offset + count);
        for (let i = 0; i < offset; i++) expect(out[i]).toBe(-1);
        for (let i = offset; i < offset + count; i++) expect(out[i]).toBe(one.uniform());
        expect(out[offset + count]).toBe(-1);
        // and the stream goes on where the last uniform left it
        expect(bulk.uint32()).toBe(one.uint32());
      }),
      { numRuns: 200 },
    );
  });
});
