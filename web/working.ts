/**
 * The working scenario: the saved version it came from, and the planner's assumptions as one
 * plain, immutable overlay on the package's defaults. Pure: every change returns a new overlay
 * (the store keeps it, `state.ts`), so an earlier overlay is never altered and undo can keep them.
 */
import { canonicalJson } from "../contract/canonical-json.ts";
import { equalsMedian, median, pointOrMedian } from "../model/median-rule.ts";
import type { Distribution } from "../model/distributions.ts";
import { recentred } from "../model/recentre.ts";
import { defaultScenario } from "../model/assumptions.ts";
import type { Assumptions, VersionInfo } from "./api.ts";
import type { Lang } from "../contract/locale.ts";
import type { ParameterInfo } from "./live-model.ts";

/** The planner's assumptions over the package's defaults: plain data that round-trips through JSON. */
export interface Overlay {
  readonly name: Readonly<{ sv: string; en: string }>;
  readonly description: Readonly<{ sv: string; en: string }>;
  readonly driverGrowthRates: Readonly<Record<string, number>>;
  /** Active levers, sorted. */
  readonly levers: readonly string[];
  /**
   * Parameter path → value for every path the planner or the scenario set, `growthMultiplier`
   * included; an inactive lever's values are kept while it is off.
   */
  readonly values: Readonly<Record<string, number>>;
  readonly uncertainty: Assumptions["uncertainty"];
  /** The package's driver set the scenario picks, or null for the package's own forecast. */
  readonly driverSet: string | null;
}

/** The scenario being edited. */
export interface Working {
  /** The saved scenario it was loaded from (and is saved back to as a new version), or null. */
  readonly scenarioId: string | null;
  /** The version it was loaded from or last saved as. */
  readonly version: VersionInfo | null;
  /** The assumptions of that version, to tell whether anything changed; null for a new scenario. */
  readonly saved: Assumptions | null;
  readonly overlay: Overlay;
}

/** The overlay of saved assumptions. */
export function overlayOf(a: Assumptions): Overlay {
  return {
    name: { ...a.name },
    description: { ...a.description },
    driverGrowthRates: { ...a.driverGrowthRates },
    levers: [...a.levers].sort(),
    values: { growthMultiplier: a.growthMultiplier, ...a.set },
    uncertainty: { ...a.uncertainty },
    driverSet: a.driverSet ?? null,
  };
}

/** A working scenario from a saved version's assumptions. */
export function workingFrom(a: Assumptions, scenarioId: string, version: VersionInfo): Working {
  return { scenarioId, version, saved: a, overlay: overlayOf(a) };
}

/** A new, unsaved working scenario: no levers, nothing set. */
export function newWorking(): Working {
  const { id: _new, ...empty } = defaultScenario("new", { sv: "Nytt scenario", en: "New scenario" });
  return { scenarioId: null, version: null, saved: null, overlay: overlayOf(empty) };
}

/** The lever id of a lever parameter path ("levers.e_services.efficiency" → "e_services"), or null. */
export function leverOfPath(path: string): string | null {
  const m = /^levers\.([a-z][a-z0-9_]*)\./.exec(path);
  return m ? m[1]! : null;
}

/** Whether a path belongs to one lever (not the settings of all levers: intensity, midpoint shift). */
function leverSetting(path: string): string | null {
  return path === "levers.intensity" || path === "levers.midpointShift" ? null : leverOfPath(path);
}

/** Whether a parameter takes part in the forecast: anything but the settings of an inactive lever. */
export function isActivePath(o: Overlay, path: string): boolean {
  const lever = leverSetting(path);
  return lever === null || o.levers.includes(lever);
}

/**
 * The current value of a parameter: the overlay's, else the median of the scenario's distribution
 * of it (the median rule), else the package's default (NaN if it has none).
 */
export function valueOf(o: Overlay, defaults: ReadonlyMap<string, ParameterInfo>, path: string): number {
  const d = o.uncertainty[path];
  return o.values[path] ?? (d === undefined ? undefined : median(d)) ?? defaults.get(path)?.default ?? Number.NaN;
}

/** Whether a value differs from the package's default for the path (false if it has none). */
export function differsFromDefault(defaults: ReadonlyMap<string, ParameterInfo>, path: string, value: number): boolean {
  const d = defaults.get(path)?.default;
  return d !== undefined && Math.abs(d - value) > 1e-12;
}

/** The overlay with one parameter set. */
export function withValue(o: Overlay, path: string, value: number): Overlay {
  return { ...o, values: { ...o.values, [path]: value } };
}

/** The overlay with a driver set picked (null: the package's own forecast). */
export function withDriverSet(o: Overlay, driverSet: string | null): Overlay {
  return { ...o, driverSet };
}

/** The overlay without a value for `path`: not set, so the package's default (or the scenario's median) applies. */
export function withoutValue(o: Overlay, path: string): Overlay {
  const { [path]: _removed, ...values } = o.values;
  return { ...o, values };
}

/** The overlay with a driver's yearly growth rate set, or removed (undefined: the package's own forecast). */
export function withDriverRate(o: Overlay, driverId: string, rate: number | undefined): Overlay {
  const { [driverId]: _old, ...rest } = o.driverGrowthRates;
  return { ...o, driverGrowthRates: rate === undefined ? rest : { ...rest, [driverId]: rate } };
}

/** The overlay with a lever switched on or off (its values are kept either way). */
export function withLever(o: Overlay, lever: string, active: boolean): Overlay {
  const others = o.levers.filter((id) => id !== lever);
  return { ...o, levers: active ? [...others, lever].sort() : others };
}

/**
 * The overlay named `name` in `lang`. A new name typed in one language names the scenario in both
 * (the other can be edited later); so does a name whose other language is empty.
 */
export function withName(o: Overlay, lang: Lang, name: string): Overlay {
  const other: Lang = lang === "sv" ? "en" : "sv";
  const renamed = name !== o.name[lang];
  return { ...o, name: { ...o.name, [lang]: name, ...(renamed || !o.name[other] ? { [other]: name } : {}) } };
}

/** Whether two overlays compile to different plans (other levers, driver growth rates or driver set), not only other values. */
export function structureChanged(a: Overlay, b: Overlay): boolean {
  const rates = Object.keys(a.driverGrowthRates);
  return (
    a.driverSet !== b.driverSet ||
    a.levers.length !== b.levers.length ||
    a.levers.some((id, i) => b.levers[i] !== id) ||
    rates.length !== Object.keys(b.driverGrowthRates).length ||
    rates.some((id) => a.driverGrowthRates[id] !== b.driverGrowthRates[id])
  );
}

/**
 * The assumptions of a working scenario, normalized like the server's: levers sorted, `set` with
 * only active levers' paths and values that differ from the package's default or were set before.
 * A value the planner chose decides its assumption, and its uncertainty follows it: where the
 * parameter has a distribution (the scenario's, else the lever's in the package), the
 * distribution is moved so that its median is the chosen value (`model/recentre.ts`), so the
 * Monte Carlo range is the range around the assumptions on screen.
 */
export function assumptionsOf(w: Working, defaults: ReadonlyMap<string, ParameterInfo>): Assumptions {
  const o = w.overlay;
  const before = w.saved?.set ?? {};
  const set: Record<string, number> = {};
  for (const [path, value] of Object.entries(o.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path === "growthMultiplier" || !isActivePath(o, path)) continue;
    const fallback = defaults.get(path)?.default;
    if (fallback !== undefined && Math.abs(fallback - value) < 1e-12 && !(path in before)) continue;
    set[path] = value;
  }
  const growthMultiplier = pointOrMedian(o.values.growthMultiplier, o.uncertainty.growthMultiplier, 1);
  const chosen = (path: string) => (path === "growthMultiplier" ? growthMultiplier : set[path]);
  const uncertainty: Record<string, Distribution> = {};
  const paths = new Set([...Object.keys(o.uncertainty), ...Object.keys(set), "growthMultiplier"]);
  for (const path of [...paths].sort()) {
    const own = o.uncertainty[path];
    const d = own ?? defaults.get(path)?.distribution;
    const value = chosen(path);
    if (d === undefined || !isActivePath(o, path)) continue;
    if (value === undefined || equalsMedian(value, median(d))) {
      if (own !== undefined) uncertainty[path] = own;
      continue;
    }
    const info = defaults.get(path);
    const moved = recentred(d, value, [info?.min ?? -Infinity, info?.max ?? Infinity]);
    if (moved !== undefined) uncertainty[path] = moved;
  }
  return {
    name: { ...o.name },
    description: { ...o.description },
    growthMultiplier,
    driverGrowthRates: { ...o.driverGrowthRates },
    levers: [...o.levers],
    set,
    uncertainty,
    ...(o.driverSet === null ? {} : { driverSet: o.driverSet }),
  };
}

/** {@link isDirty}'s answers, by working scenario (never changed in place: a change is a new one). */
const dirtyAnswers = new WeakMap<Working, { defaults: ReadonlyMap<string, ParameterInfo>; dirty: boolean }>();

/** Whether the working scenario differs from the version it came from (always true for a new one). */
export function isDirty(w: Working, defaults: ReadonlyMap<string, ParameterInfo>): boolean {
  const known = dirtyAnswers.get(w);
  if (known?.defaults === defaults) return known.dirty;
  // the canonical JSON of every assumption, twice: asked by each chart's label on every redraw
  const dirty = w.saved === null || canonicalJson(assumptionsOf(w, defaults)) !== canonicalJson(w.saved);
  dirtyAnswers.set(w, { defaults, dirty });
  return dirty;
}

/** One change the planner made to an overlay: a parameter value, a lever, a driver's rate, a distribution, the name. */
export interface OverlayChange {
  /** `values.<path>`, `levers.<id>`, `driverGrowthRates.<id>`, `uncertainty.<path>`, `name`, `description`. */
  field: string;
  /** What it was, in JSON (undefined: not set, a lever off). */
  before: unknown;
  after: unknown;
}

/** Every field of an overlay, keyed as {@link OverlayChange} names them. */
function fields(o: Overlay): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [path, v] of Object.entries(o.values)) map.set(`values.${path}`, v);
  for (const id of o.levers) map.set(`levers.${id}`, true);
  for (const [id, v] of Object.entries(o.driverGrowthRates)) map.set(`driverGrowthRates.${id}`, v);
  for (const [path, d] of Object.entries(o.uncertainty)) map.set(`uncertainty.${path}`, d);
  map.set("name", o.name);
  map.set("description", o.description);
  map.set("driverSet", o.driverSet);
  return map;
}

/** The changes from `base` to `mine`, sorted by field. */
export function overlayChanges(base: Overlay, mine: Overlay): OverlayChange[] {
  const a = fields(base);
  const b = fields(mine);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.filter((k) => canonicalJson(a.get(k) ?? null) !== canonicalJson(b.get(k) ?? null)).map((field) => ({ field, before: a.get(field), after: b.get(field) }));
}

/**
 * The planner's changes (from `base` to `mine`) made again on `theirs`, a newer version someone
 * else saved: every field the planner changed takes the planner's value, every other field keeps
 * theirs. (Assumptions are an overlay of independent fields, so this is always possible; where both
 * changed one field, the planner's value wins and the diff shown before saving says so.)
 */
export function rebase(base: Overlay, mine: Overlay, theirs: Overlay): Overlay {
  const changes = overlayChanges(base, mine);
  const values: Record<string, number> = { ...theirs.values };
  const rates: Record<string, number> = { ...theirs.driverGrowthRates };
  const uncertainty: Record<string, Assumptions["uncertainty"][string]> = { ...theirs.uncertainty };
  const levers = new Set(theirs.levers);
  let { name, description } = theirs;
  for (const { field, after } of changes) {
    const dot = field.indexOf(".");
    const [kind, key] = dot < 0 ? [field, ""] : [field.slice(0, dot), field.slice(dot + 1)];
    if (kind === "values") after === undefined ? delete values[key] : (values[key] = after as number);
    else if (kind === "driverGrowthRates") after === undefined ? delete rates[key] : (rates[key] = after as number);
    else if (kind === "uncertainty") after === undefined ? delete uncertainty[key] : (uncertainty[key] = after as Assumptions["uncertainty"][string]);
    else if (kind === "levers") after === undefined ? levers.delete(key) : levers.add(key);
    else if (kind === "name") name = mine.name;
    else if (kind === "description") description = mine.description;
  }
  const driverSet = changes.some((c) => c.field === "driverSet") ? mine.driverSet : theirs.driverSet;
  return { name, description, values, driverGrowthRates: rates, levers: [...levers].sort(), uncertainty, driverSet };
}
