import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ADOPTION_CURVES, bassAdoption, logisticAdoption } from "../../model/adoption.ts";
import { chooseOption } from "../../model/registry.ts";

describe("logistic adoption", () => {
  it("is half the ceiling at the midpoint, and 10 % and 90 % of it ln 9 / steepness years either side", () => {
    // s(m) = c / (1 + e⁰) = c / 2; s(m ± ln 9 / k) = c / (1 + 9^∓1) = 0.1 c and 0.9 c, by hand.
    expect(logisticAdoption(2023, 2020, 2023, 1, 0.8)).toBe(0.4);
    // k = ln(9) / 2 = 1.0986122886681097 (`echo 'l(9)/2' | bc -l`): 10 % two years before the midpoint, 90 % two years after
    const k = 1.0986122886681097;
    expect(logisticAdoption(2021, 2020, 2023, k, 1)).toBeCloseTo(0.1, 12);
    expect(logisticAdoption(2025, 2020, 2023, k, 1)).toBeCloseTo(0.9, 12);
    // so steepness 1 takes ln 9 = 2.197 years from the midpoint to 90 % (2 ln 9 = 4.39 from 10 % to 90 %, as documented)
    expect(logisticAdoption(2023 + 2.1972245773362196, 2020, 2023, 1, 1)).toBeCloseTo(0.9, 12);
  });

  it("is zero before the start year and tends to the ceiling", () => {
    expect(logisticAdoption(2019, 2020, 2023, 1, 1)).toBe(0);
    expect(logisticAdoption(2100, 2020, 2023, 1, 0.7)).toBeCloseTo(0.7, 12);
  });
});

describe("Bass diffusion", () => {
  it("gives the values computed by hand for p = 0.03, q = 0.38 (Sultan, Farley & Lehmann 1990 averages)", () => {
    // F(τ) = (1 − e^(−(p+q)τ)) / (1 + (q/p)·e^(−(p+q)τ)), computed with `bc -l`:
    // τ = 1: (1 − e^−0.41) / (1 + 12.667·e^−0.41) = 0.0357581642564416
    expect(bassAdoption(2020, 2020, 0.03, 0.38, 1)).toBeCloseTo(0.0357581642564416, 15);
    // τ = 6, ceiling 0.5: 0.5 · (1 − e^−2.46) / (1 + 12.667·e^−2.46) = 0.2196176089364376
    expect(bassAdoption(2025, 2020, 0.03, 0.38, 0.5)).toBeCloseTo(0.2196176089364376, 15);
  });

  it("solves Bass's equation dF/dτ = (p + qF)(1 − F), F(0) = 0 (checked by integrating it numerically)", () => {
    const p = 0.03;
    const q = 0.38;
    const slope = (f: number) => (p + q * f) * (1 - f);
    // classical Runge–Kutta, 1000 steps a year
    const h = 0.001;
    let f = 0;
    for (let year = 1; year <= 15; year++) {
      for (let i = 0; i < 1000; i++) {
        const k1 = slope(f);
        const k2 = slope(f + (h / 2) * k1);
        const k3 = slope(f + (h / 2) * k2);
        const k4 = slope(f + h * k3);
        f += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
      }
      expect(bassAdoption(2019 + year, 2020, p, q, 1)).toBeCloseTo(f, 10);
    }
  });

  it("with q → 0 becomes pure innovation, 1 − e^(−pτ)", () => {
    expect(bassAdoption(2024, 2020, 0.1, 1e-12, 1)).toBeCloseTo(1 - Math.exp(-0.5), 10);
  });

  it("with p → 0 has nobody to imitate and stays near zero", () => {
    expect(bassAdoption(2030, 2020, 1e-12, 0.38, 1)).toBeLessThan(1e-9);
  });

  it("peaks in adoption speed near t* = ln(q/p)/(p+q) after launch", () => {
    const p = 0.03;
    const q = 0.38;
    const speeds = Array.from({ length: 20 }, (_, t) => bassAdoption(2000 + t, 2000, p, q, 1) - bassAdoption(1999 + t, 2000, p, q, 1));
    const peak = speeds.indexOf(Math.max(...speeds)) + 1; // τ at the end of the fastest year
    expect(Math.abs(peak - Math.log(q / p) / (p + q))).toBeLessThan(1); // t* ≈ 6.2 years
  });
});

describe("both curves", () => {
  it("never decrease and stay within [0, ceiling]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, q, k, ceiling) => {
          let previousBass = 0;
          let previousLogistic = 0;
          for (let year = 2018; year <= 2040; year++) {
            const b = bassAdoption(year, 2020, p, q, ceiling);
            const l = logisticAdoption(year, 2020, 2025, k, ceiling);
            expect(b).toBeGreaterThanOrEqual(previousBass - 1e-15);
            expect(l).toBeGreaterThanOrEqual(previousLogistic - 1e-15);
            expect(b).toBeLessThanOrEqual(ceiling + 1e-15);
            expect(l).toBeLessThanOrEqual(ceiling + 1e-15);
            previousBass = b;
            previousLogistic = l;
          }
        },
      ),
    );
  });

  it("are chosen by name, and an unknown name lists the valid ones", () => {
    expect(chooseOption(ADOPTION_CURVES, "adoption curve", "bass")).toBe("bass");
    expect(() => chooseOption(ADOPTION_CURVES, "adoption curve", "nonesuch")).toThrow(
      `invalid adoption curve: "nonesuch" (expected one of ${Object.keys(ADOPTION_CURVES).join(", ")})`,
    );
    expect(() => chooseOption(ADOPTION_CURVES, "adoption curve", "constructor")).toThrow(/invalid adoption curve/);
  });
});
