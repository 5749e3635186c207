/**
 * The app's state: the language, the package, the saved scenarios, and the working scenario a
 * planner changes (shared by the planner and finance views). Plain data; views read it and
 * call the functions here to change it.
 */
import { canonicalJson } from "../contract/canonical-json.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { Assumptions, PackageAnswer, ScenarioInfo, VersionInfo } from "./api.ts";
import type { Lang } from "../contract/locale.ts";
import type { ParameterInfo } from "./live-model.ts";

/** The scenario being edited: where it came from and what has been changed. */
export interface Working {
  /** The saved scenario it was loaded from (and is saved back to as a new version), or null. */
  scenarioId: string | null;
  /** The version it was loaded from or last saved as. */
  version: VersionInfo | null;
  /** The assumptions of that version, to tell whether anything changed. */
  savedAssumptions: Assumptions | null;
  name: { sv: string; en: string };
  description: { sv: string; en: string };
  growthMultiplier: number;
  driverGrowthRates: Record<string, number>;
  /** Active levers. */
  levers: Set<string>;
  /** Parameter path → value, for every path the scenario sets (also of inactive levers, kept while they are off). */
  values: Map<string, number>;
  uncertainty: Assumptions["uncertainty"];
}

export interface AppState {
  lang: Lang;
  summary: PackageAnswer;
  pkg: DataPackage;
  packageHash: string;
  packageVersionId: string;
  defaults: Map<string, ParameterInfo>;
  scenarios: ScenarioInfo[];
  working: Working;
  /** Planner token for saving, kept for the browser session only. */
  token: string;
}

/** The lever id of a lever parameter path ("levers.e_services.efficiency" → "e_services"), or null. */
export function leverOfPath(path: string): string | null {
  const m = /^levers\.([a-z][a-z0-9_]*)\./.exec(path);
  return m ? m[1]! : null;
}

/** A working scenario from saved assumptions. */
export function workingFrom(a: Assumptions, scenarioId: string | null, version: VersionInfo | null): Working {
  return {
    scenarioId,
    version,
    savedAssumptions: a,
    name: { ...a.name },
    description: { ...a.description },
    growthMultiplier: a.growthMultiplier,
    driverGrowthRates: { ...a.driverGrowthRates },
    levers: new Set(a.levers),
    values: new Map(Object.entries(a.set)),
    uncertainty: { ...a.uncertainty },
  };
}

/**
 * The assumptions of a working scenario, normalized like the server's (levers sorted, `set` with
 * only active levers' paths and values that differ from the package's default or were set before).
 */
export function assumptionsOf(w: Working, defaults: Map<string, ParameterInfo>): Assumptions {
  const set: Record<string, number> = {};
  const before = w.savedAssumptions?.set ?? {};
  for (const [path, value] of [...w.values.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path === "growthMultiplier") continue;
    const lever = leverOfPath(path);
    const leverSetting = lever !== null && path !== "levers.intensity" && path !== "levers.midpointShift";
    if (leverSetting && !w.levers.has(lever)) continue;
    const fallback = defaults.get(path)?.default;
    if (fallback !== undefined && Math.abs(fallback - value) < 1e-12 && !(path in before)) continue;
    set[path] = value;
  }
  const uncertainty = Object.fromEntries(
    Object.entries(w.uncertainty).filter(([path]) => {
      const lever = leverOfPath(path);
      return lever === null || path === "levers.intensity" || path === "levers.midpointShift" || w.levers.has(lever);
    }),
  );
  return {
    name: { ...w.name },
    description: { ...w.description },
    growthMultiplier: w.values.get("growthMultiplier") ?? w.growthMultiplier,
    driverGrowthRates: { ...w.driverGrowthRates },
    levers: [...w.levers].sort(),
    set,
    uncertainty,
  };
}

/** Whether the working scenario differs from the version it came from (always true for a new one). */
export function isDirty(w: Working, defaults: Map<string, ParameterInfo>): boolean {
  if (w.savedAssumptions === null) return true;
  return canonicalJson(assumptionsOf(w, defaults)) !== canonicalJson(w.savedAssumptions);
}

/** The current value of a parameter in the working scenario: its own, else the package's default. */
export function valueOf(w: Working, defaults: Map<string, ParameterInfo>, path: string): number {
  if (path === "growthMultiplier") return w.values.get(path) ?? w.growthMultiplier;
  return w.values.get(path) ?? defaults.get(path)?.default ?? NaN;
}
