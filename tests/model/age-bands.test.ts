/**
 * Age bands as data (model/age-bands.ts): driver ids, presets and sums over single-year ages.
 */
import { describe, expect, it } from "vitest";
import { ageBandProblem, bandOfDriverId, driverIdOfBand, NACKA_AGE_BANDS, SKR_AGE_BANDS, sumAgeBand } from "../../model/age-bands.ts";

describe("age bands", () => {
  it("reads and writes the conventional driver ids", () => {
    expect(bandOfDriverId("residents")).toEqual({ from: 0, to: null });
    expect(bandOfDriverId("residents_20_64")).toEqual({ from: 20, to: 64 });
    expect(bandOfDriverId("residents_80plus")).toEqual({ from: 80, to: null });
    expect(bandOfDriverId("residents_64_20")).toBeUndefined();
    expect(bandOfDriverId("businesses")).toBeUndefined();
    for (const band of [...SKR_AGE_BANDS, ...NACKA_AGE_BANDS, { from: 80, to: 89 }, { from: 90, to: null }]) {
      expect(bandOfDriverId(driverIdOfBand(band))).toEqual(band);
    }
  });

  it("has SKR's preset and the Nacka package's bands, each covering every age once", () => {
    expect(SKR_AGE_BANDS.map(driverIdOfBand)).toEqual([
      "residents_0_5",
      "residents_6_15",
      "residents_16_19",
      "residents_20_66",
      "residents_67_79",
      "residents_80plus",
    ]);
    for (const bands of [SKR_AGE_BANDS, NACKA_AGE_BANDS]) {
      bands.forEach((band, i) => expect(band.from).toBe(i === 0 ? 0 : (bands[i - 1]!.to ?? NaN) + 1));
      expect(bands[bands.length - 1]!.to).toBeNull();
    }
  });

  it("sums single-year ages over a band, the open group included in an open band", () => {
    const byAge = [1, 2, 3, 4, 5]; // ages 0–3 and 4+
    expect(sumAgeBand(byAge, { from: 0, to: null })).toBe(15);
    expect(sumAgeBand(byAge, { from: 1, to: 2 })).toBe(5); // 2 + 3, by hand
    expect(sumAgeBand(byAge, { from: 3, to: null })).toBe(9);
    expect(() => sumAgeBand(byAge, { from: 3, to: 5 })).toThrow(/inside the open age group 4\+/);
  });

  it("names what is wrong with a band", () => {
    expect(ageBandProblem({ from: -1, to: 5 })).toMatch(/not a whole number from 0/);
    expect(ageBandProblem({ from: 10, to: 5 })).toMatch(/not a whole number from 10/);
    expect(ageBandProblem({ from: 80, to: 89 }, 100)).toBeUndefined();
    expect(ageBandProblem({ from: 101, to: null }, 100)).toMatch(/above the oldest age group 100\+/);
  });
});
