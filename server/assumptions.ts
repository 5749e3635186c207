/**
 * A scenario's assumptions: the JSON of `data/README.md`'s `scenarios/<id>.json`, normalized
 * (every field present, levers sorted) so that the same assumptions always hash the same.
 */
import type { LocalizedText, Scenario } from "../model/data-package.ts";

/** A model {@link Scenario} without its id: what a scenario version stores and hashes. */
export type Assumptions = Omit<Scenario, "id">;

/** Assumptions as a request may give them: only what differs from the defaults. */
export type AssumptionsInput = { [K in keyof Assumptions]?: Assumptions[K] | undefined };

const UNNAMED: LocalizedText = { sv: "Namnlöst scenario", en: "Unnamed scenario" };

/** Fills in the defaults (growth multiplier 1, no levers, nothing set) and sorts the lever list. */
export function normalizeAssumptions(input: AssumptionsInput): Assumptions {
  return {
    name: input.name ?? UNNAMED,
    description: input.description ?? { sv: "", en: "" },
    growthMultiplier: input.growthMultiplier ?? 1,
    driverGrowthRates: { ...input.driverGrowthRates },
    levers: [...(input.levers ?? [])].sort(),
    set: { ...input.set },
    uncertainty: { ...input.uncertainty },
  };
}

/** The model's scenario for these assumptions under the given id. */
export function toScenario(id: string, a: Assumptions): Scenario {
  return { id, ...a };
}

/** The assumptions of a package's scenario. */
export function fromScenario(s: Scenario): Assumptions {
  return normalizeAssumptions(s);
}
