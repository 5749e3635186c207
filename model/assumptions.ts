/**
 * A scenario's assumptions as the model takes them: the defaults of a scenario that leaves
 * everything as the package gives it, and the normal form every set of assumptions is stored and
 * hashed in. Their shape and types are the scenario schema's (`scenario.ts`); kept apart from it
 * so that the model in the browser, which reads no files, does not load zod.
 */
import type { LocalizedText } from "./data-package.ts";
import { pointOrMedian } from "./median-rule.ts";
import type { Assumptions, AssumptionsInput, Scenario } from "./scenario.ts";

/** The assumptions of a scenario that leaves everything as the package gives it. */
export const DEFAULT_ASSUMPTIONS = {
  name: { sv: "Namnlöst scenario", en: "Unnamed scenario" },
  description: { sv: "", en: "" },
  growthMultiplier: 1,
  driverGrowthRates: {},
  levers: [],
  set: {},
  uncertainty: {},
} as const;

/**
 * Fills in the defaults (the growth multiplier: the median of its distribution when the assumptions
 * make it uncertain, else 1) and sorts the lever list, so that the same assumptions always hash the same.
 */
export function normalizeAssumptions(input: AssumptionsInput): Assumptions {
  const d = DEFAULT_ASSUMPTIONS;
  return {
    name: input.name ?? { ...d.name },
    description: input.description ?? { ...d.description },
    growthMultiplier: pointOrMedian(input.growthMultiplier, input.uncertainty?.growthMultiplier, d.growthMultiplier),
    driverGrowthRates: { ...input.driverGrowthRates },
    levers: [...(input.levers ?? [])].sort(),
    set: { ...input.set },
    uncertainty: { ...input.uncertainty },
    // Left out when absent, so that scenarios without a driver set keep the hashes they had.
    ...(input.driverSet === undefined ? {} : { driverSet: input.driverSet }),
  };
}

/** A scenario that keeps every assumption as the package gives it, with the given levers active. */
export function defaultScenario(id: string, name: LocalizedText, levers: string[] = []): Scenario {
  return { id, ...normalizeAssumptions({ name }), levers };
}
