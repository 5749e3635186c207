/** A package small enough to compute by hand; its forecast is worked out in `evaluate.test.ts`. */
import type { DataPackage } from "../../model/data-package.ts";
import { lever, series, tinyPackage } from "./fixtures.ts";

/**
 * One process of 10 FTE with flat residents, and one automation lever reaching half of its work at
 * efficiency 0.4. The adoption is a step: a logistic with steepness 50 and midpoint 2021.5 is 0 in
 * 2021 (1.4e-11) and 1 from 2022 on (to 1e-11), so every figure can be computed by hand.
 */
export function stepLeverPackage(): DataPackage {
  const flat = series("residents", 2020, [1000, 1000, 1000, 1000, 1000, 1000, 1000]);
  const pkg = tinyPackage({ drivers: { residents: flat } });
  pkg.municipality = { ...pkg.municipality, horizon: 2026, costPerFte: 1_000_000, discountRate: 0.05 };
  pkg.levers = [
    lever({
      id: "robot",
      targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
      efficiency: 0.4,
      adoption: { curve: "logistic", startYear: 2021, midpoint: 2021.5, steepness: 50, ceiling: 1 },
      dip: 0.5,
      build: { startYear: 2021, years: 1, personYears: 2, capex: 1_000_000 },
      upkeepFte: 0.5,
      licencesPerYear: 200_000,
    }),
  ];
  return pkg;
}
