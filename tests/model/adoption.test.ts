import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ADOPTION_CURVES, bassAdoption, logisticAdoption } from "../../model/adoption.ts";
import { chooseOption } from "../../model/registry.ts";

describe("logistic adoption", () => {
  it("matches its closed form ceiling / (1 + e^(−k(t − m)))", () => {
    expect(logisticAdoption(2023, 2020, 2023, 1, 0.8)).toBe(0.4);
    expect(logisticAdoption(2025, 2020, 2023, 0.5, 1)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15); // 0.7311
    expect(logisticAdoption(2021, 2020, 2023, 1, 1)).toBeCloseTo(1 / (1 + Math.exp(2)), 15); // 0.1192
  });

  it("is zero before the start year and tends to the ceiling", () => {
    expect(logisticAdoption(2019, 2020, 2023, 1, 1)).toBe(0);
    expect(logisticAdoption(2100, 2020, 2023, 1, 0.7)).toBeCloseTo(0.7, 12);
  });
});

describe("Bass diffusion", () => {
  it("matches the closed form F(τ) = (1 − e^(−(p+q)τ)) / (1 + (q/p)e^(−(p+q)τ)) (Bass 1969)", () => {
    // τ = 1 with p = 0.03, q = 0.38 (Sultan, Farley & Lehmann 1990 averages)
    const e = Math.exp(-0.41);
    expect(bassAdoption(2020, 2020, 0.03, 0.38, 1)).toBeCloseTo((1 - e) / (1 + (0.38 / 0.03) * e), 15);
    expect(bassAdoption(2025, 2020, 0.03, 0.38, 0.5)).toBeCloseTo(
      (0.5 * (1 - Math.exp(-0.41 * 6))) / (1 + (0.38 / 0.03) * Math.exp(-0.41 * 6)),
      15,
    );
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
