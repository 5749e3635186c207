/**
 * Saved scenarios as the working scenario: loading a version to work on, and saving the working
 * scenario as a new version or a new scenario (the server's `/api/scenarios`).
 */
import { api, type Assumptions, type ScenarioInfo, type Version } from "./api.ts";
import { type Working, workingFrom } from "./working.ts";

/** The scenario the planner starts from when the link names none (if the package has it). */
const DEFAULT_SCENARIO = "vaxa-utan-att-vaxa";

/**
 * The scenario the planner starts from: the link's (`#planering?s=<id>`), else Nacka's main
 * scenario, else the first saved one; undefined when none is saved. The server's first screen
 * (`server/first-screen.ts`) draws the same one for a link that names none.
 */
export function firstScenarioId(scenarios: readonly ScenarioInfo[], wanted?: string): string | undefined {
  return [wanted, DEFAULT_SCENARIO].find((id) => id && scenarios.some((s) => s.id === id)) ?? scenarios[0]?.id;
}

/** A saved version (number, id or "latest") of a scenario as the working scenario. */
export async function loadWorking(scenarioId: string, version: string | number = "latest"): Promise<Working> {
  const { assumptions, ...info } = await api.version(scenarioId, version);
  return workingFrom(assumptions, scenarioId, info);
}

/** What {@link saveWorking} saved. */
export interface Saved {
  version: Version;
  /** False when the assumptions were those of the newest version already (no new version). */
  created: boolean;
}

/**
 * Saves `assumptions` as a new version of the working scenario's saved scenario (`asVersion`, if
 * it has one) or as a new scenario.
 *
 * @throws ApiError with the server's message (409 when someone saved a newer version first).
 */
export async function saveWorking(token: string, working: Working, assumptions: Assumptions, comment: string, asVersion: boolean): Promise<Saved> {
  // Computed with the package the working scenario came with (its version's), as the browser computed it.
  const extra = { ...(comment ? { comment } : {}), ...(working.version ? { packageHash: working.version.packageHash } : {}) };
  const answer =
    asVersion && working.scenarioId !== null && working.version !== null
      ? await api.updateScenario(token, working.scenarioId, { parentVersion: working.version.hash, assumptions, ...extra })
      : await api.createScenario(token, { assumptions, ...extra });
  // The server leaves `created` out when it did create a version.
  return { version: answer.version, created: answer.created ?? true };
}
