/**
 * A small package with uncertain assumptions for the Monte Carlo, sensitivity and Arrow tests:
 * two processes (90 FTE moving with residents, 10 FTE with businesses), residents +10 % a year,
 * and one automation lever; its efficiency, the growth multiplier and both elasticities are
 * uncertain.
 */
import type { Distribution } from "../../model/distributions.ts";
import type { DataPackage, Scenario } from "../../model/data-package.ts";
import { lever, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

export function uncertainPackage(): DataPackage {
  const pkg = tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1210, 1331, 1464.1, 1610.51]),
      businesses: series("businesses", 2020, [50, 52, 54, 56, 58, 60]),
    },
    headcount: { big: { 2019: 85, 2020: 90 }, small: { 2019: 9, 2020: 10 } },
    processes: [
      process("big", [shareActivity("cases", 1, { residents: 1 })], { fixedShare: 0.2 }),
      process("small", [shareActivity("licences", 1, { businesses: 1 })]),
    ],
  });
  pkg.municipality = { ...pkg.municipality, horizon: 2025 };
  pkg.levers = [
    lever({
      id: "robot",
      targets: [{ process: "big", activity: "cases", reach: 0.5 }],
      efficiency: 0.4,
      adoption: { curve: "logistic", startYear: 2021, midpoint: 2022.5, steepness: 2, ceiling: 1 },
      dip: 0.5,
      build: { startYear: 2021, years: 1, personYears: 2, capex: 1_000_000 },
      upkeepFte: 0.5,
      licencesPerYear: 200_000,
      distributions: { efficiency: { type: "pert", min: 0.2, mode: 0.4, max: 0.6 } },
    }),
  ];
  return pkg;
}

/** The scenario with the lever and every kind of distribution. */
export function uncertainScenario(uncertainty: Record<string, Distribution> = UNCERTAINTY): Scenario {
  return scenario({ levers: ["robot"], uncertainty });
}

export const UNCERTAINTY: Record<string, Distribution> = {
  growthMultiplier: { type: "triangular", min: 0.5, mode: 1, max: 1.3 },
  "processes.big.activities.cases.elasticity.residents": { type: "normal", mean: 1, sd: 0.1 },
  "processes.small.activities.licences.elasticity.businesses": { type: "uniform", min: 0.8, max: 1.2 },
  costPerFte: { type: "lognormal", mu: Math.log(1_000_000), sigma: 0.1 },
};
