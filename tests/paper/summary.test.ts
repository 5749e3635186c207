/**
 * The summary's sentences from given facts: the investment figures are set by hand on a forecast
 * of the small package (its FTE: 10 in 2020, 13.31 in 2023, see paper.test.ts), so each sentence
 * can be read against them.
 */
import { describe, expect, it } from "vitest";
import type { InvestmentSummary } from "../../model/forecast.ts";
import { forecast } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import type { PaperVersion } from "../../paper/paper.ts";
import { probabilityText, quoted, summarySentences } from "../../paper/summary.ts";
import { parsed } from "../model/package-files.ts";
import { smallPackage } from "../model/small-package.ts";

const pkg = parsed(smallPackage());
const compiled = compilePlan(pkg, pkg.scenarios.baseline!);
if (!compiled.ok) throw new Error("the small package does not compile");
const base = forecast(compiled.plan);

function withInvestment(investment: Partial<InvestmentSummary> | null, uncertainty: PaperVersion["uncertainty"] = null): PaperVersion {
  const result = {
    ...base,
    investment: investment === null ? null : ({ humpDepth: 0, humpYear: null, paybackYear: null, npv: 0, ...investment } as InvestmentSummary),
  };
  return { scenarioId: "x", label: "Prov", number: 1, versionId: "abcdefabcdef", createdAt: "2026-12-01T08:00:00Z", author: "A", comment: null, assumptions: normalizeAssumptions({ name: { sv: "Prov", en: "Trial" } }), result, uncertainty };
}

describe("summarySentences", () => {
  it("names the hump's depth, year and payback, with the net present value", () => {
    const [flat, money] = summarySentences(withInvestment({ humpDepth: 47_854_613, humpYear: 2022, paybackYear: 2023, npv: 123_400_000 }), 2023, "sv");
    expect(flat).toBe("Med ”Prov” håller organisationen inte nollan fram till 2023: då behövs 13 årsarbetare mot 10 basåret 2020.");
    expect(money).toBe("Det kräver en investering som är djupast 2022 med 47,9\u00a0Mkr netto och är återbetald 2023 (nuvärde 123,4\u00a0Mkr).");
  });

  it("says when the hump is not paid back, when there is none, and in English", () => {
    expect(summarySentences(withInvestment({ humpDepth: 5e6, humpYear: 2021, paybackYear: null, npv: -2e6 }), 2023, "sv")[1]).toBe(
      "Det kräver en investering som är djupast 2021 med 5,0\u00a0Mkr netto och inte är återbetald före 2023 (nuvärde −2,0\u00a0Mkr).",
    );
    expect(summarySentences(withInvestment({}), 2023, "sv")[1]).toBe("Hävstängerna kräver ingen investeringspuckel: besparingarna är större än kostnaderna varje år.");
    expect(summarySentences(withInvestment({ humpDepth: 47_854_613, humpYear: 2022, paybackYear: 2023, npv: 123_400_000 }), 2023, "en")[1]).toBe(
      "It needs an investment that is deepest in 2022 at 47.9\u00a0MSEK net and has paid for itself by 2023 (net present value 123.4\u00a0MSEK).",
    );
  });

  it("says the probability in words at its ends, and when it could not be computed", () => {
    const run = (p: number) => ({ draws: 500, seed: 1, holdFlat: [{ year: 2023, probability: p }], uncertainParameters: 2 });
    expect(summarySentences(withInvestment(null, run(0.004)), 2023, "sv")[2]).toBe(
      "Sannolikheten att hålla nollan 2023 är under 1\u00a0%: i nästan ingen av 500 simuleringar av de osäkra antagandena håller organisationen nollan.",
    );
    expect(summarySentences(withInvestment(null, run(0.37)), 2023, "sv")[2]).toBe("Sannolikheten att hålla nollan 2023 är 37\u00a0%, i 500 simuleringar av de osäkra antagandena.");
    expect(summarySentences(withInvestment(null, null), 2023, "sv")[2]).toBe(
      "Sannolikheten att hålla nollan är inte beräknad (simuleringen av osäkerheten gick inte att köra).",
    );
  });
});

describe("quoted and probabilityText", () => {
  it("quote in each language's marks and keep an inexact 0 or 100 from showing", () => {
    expect(quoted("A", "sv")).toBe("”A”");
    expect(quoted("A", "en")).toBe("“A”");
    expect(probabilityText(0.999, "sv")).toBe("över 99\u00a0%");
    expect(probabilityText(0, "sv")).toBe("0\u00a0%");
  });
});
