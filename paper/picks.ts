/**
 * Which saved versions the council view compares, as the fragment's `v` parameter writes them:
 * `vaxa-utan-att-vaxa@3f2a9c1d0b4e,baseline@latest`. Pure.
 */
import type { ArchivedState } from "../contract/api.ts";

/** At most this many versions are compared. */
export const MAX_COMPARED = 4;

/** A chosen version: scenario id and version (number, id or "latest"). */
export interface Pick {
  scenario: string;
  version: string;
}

/** Reads `a@3f2a9c1d0b4e,b@latest` (a missing version is "latest"; parts that are no scenario id are left out). */
export function parsePicks(text: string | null | undefined): Pick[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const [scenario = "", version = "latest"] = part.split("@", 2);
      return { scenario, version: version || "latest" };
    })
    .filter((p) => /^[a-z][a-z0-9_-]*$/.test(p.scenario));
}

/** Writes picks the way {@link parsePicks} reads them. */
export function formatPicks(picks: Pick[]): string {
  return picks.map((p) => `${p.scenario}@${p.version}`).join(",");
}

/**
 * The versions compared when none are chosen: the newest version of the first {@link MAX_COMPARED}
 * saved scenarios that are not archived: an admin archives test and old scenarios to leave them
 * out of the default comparison.
 */
export function defaultPicks(scenarios: readonly { id: string; archived: ArchivedState | null; latest: { versionId: string } }[]): Pick[] {
  return scenarios
    .filter((s) => s.archived === null)
    .slice(0, MAX_COMPARED)
    .map((s) => ({ scenario: s.id, version: s.latest.versionId }));
}
