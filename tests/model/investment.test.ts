import { describe, expect, it } from "vitest";
import { npv as financialNpv } from "financial";
import { internalRateOfReturn, netPresentValue } from "../../model/investment.ts";

describe("net present value", () => {
  it("reproduces Microsoft's NPV example: 10 %, −10,000, 3,000, 4,200, 6,800 → 1,188.44", () => {
    // support.microsoft.com, "NPV function", example 1: Excel discounts its first value one period,
    // so the flows start with a zero base year here.
    expect(netPresentValue([0, -10_000, 3_000, 4_200, 6_800], 0.1)).toBeCloseTo(1188.44, 2);
  });

  it("reproduces Microsoft's second NPV example: 8 %, −40,000 now, then 8,000 … 14,500 → 1,922.06", () => {
    // "NPV function", example 2: =NPV(8%, 8000, 9200, 10000, 12000, 14500) − 40000
    expect(netPresentValue([-40_000, 8_000, 9_200, 10_000, 12_000, 14_500], 0.08)).toBeCloseTo(1922.06, 2);
    // and with a loss of 9,000 in the sixth year: −3,749.47
    expect(netPresentValue([-40_000, 8_000, 9_200, 10_000, 12_000, 14_500, -9_000], 0.08)).toBeCloseTo(-3749.47, 2);
  });

  it("agrees with numpy-financial's npv (the financial package)", () => {
    const flows = [-3e6, -1.2e6, 1.3e6, 1.3e6, 1.3e6];
    expect(netPresentValue(flows, 0.035)).toBeCloseTo(financialNpv(0.035, flows), 6);
  });
});

describe("internal rate of return", () => {
  it("reproduces Microsoft's IRR example: −70,000 then 12,000 … 26,000", () => {
    // support.microsoft.com, "IRR function": after four years −2.1 %, after five years 8.7 %
    expect(internalRateOfReturn([-70_000, 12_000, 15_000, 18_000, 21_000])!).toBeCloseTo(-0.021, 3);
    expect(internalRateOfReturn([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000])!).toBeCloseTo(0.0866, 4);
  });

  it("ignores the zero flows before the first investment", () => {
    expect(internalRateOfReturn([0, 0, -70_000, 12_000, 15_000, 18_000, 21_000, 26_000])!).toBeCloseTo(0.0866, 4);
  });

  it("says there is none when the flows never change sign", () => {
    expect(internalRateOfReturn([0, 100, 200])).toBeNull();
    expect(internalRateOfReturn([-100, -200])).toBeNull();
    expect(internalRateOfReturn([0, 0, 0])).toBeNull();
  });
});
