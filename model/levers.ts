/**
 * Levers: the kinds a lever can be (what its savings act on) and a lever's own numeric
 * parameters with their units, bounds and labels, each stated once. The parameter table
 * (`parameters.ts`), the package parser, the web app's sliders and every label of a parameter read
 * them from here; the adoption curve's parameters come from `adoption.ts`.
 */
import { ADOPTION_CURVE_NAMES, type AdoptionCurve, adoptionParameters } from "./adoption.ts";
import type { LocalizedText } from "./data-package.ts";
import type { ParameterSpec } from "./registry.ts";

/** What a lever kind acts on: the variable work of activities, a process's fixed work, or either. */
export interface LeverKindSpec {
  label: LocalizedText;
  actsOn: { activities: boolean; fixed: boolean };
}

/** The lever kinds by name (DESIGN.md section 3); the arithmetic is the same, the kind says what the lever means. */
export const LEVER_KINDS = {
  automation: { label: { sv: "automatisering", en: "automation" }, actsOn: { activities: true, fixed: false } },
  self_service: { label: { sv: "självbetjäning", en: "self-service" }, actsOn: { activities: true, fixed: false } },
  failure_demand: { label: { sv: "onödig efterfrågan", en: "failure demand" }, actsOn: { activities: true, fixed: false } },
  consolidation: { label: { sv: "konsolidering", en: "consolidation" }, actsOn: { activities: false, fixed: true } },
  stop_doing: { label: { sv: "sluta göra", en: "stop doing" }, actsOn: { activities: true, fixed: true } },
} as const satisfies Record<string, LeverKindSpec>;

export type LeverKind = keyof typeof LEVER_KINDS;
export const LEVER_KIND_NAMES = Object.keys(LEVER_KINDS) as [LeverKind, ...LeverKind[]];

const SHARE = [0, 1] as const;
/** Up to 10^4 FTE (or FTE-years), 10^15 a year in any currency: far past any lever of any municipality. */
const FTE = [0, 1e4] as const;
const MONEY = [0, 1e15] as const;
/** What one lever plausibly costs or saves a year, in any currency (10^11: SEK 100 billion). */
const PLAUSIBLE_MONEY = [0, 1e11] as const;

/** A lever's own parameter: where its number is in the lever's object, and its value when `levers.json` gives none. */
export interface LeverParameterSpec extends ParameterSpec {
  /** The path to the number, the same in `levers.json` and in a parsed lever: ["adoption", "midpoint"], ["targets", 0, "reach"]. */
  field: readonly (string | number)[];
  /** The value when `levers.json` gives neither a number nor a distribution; absent: the number is required. */
  fallback?: number;
}

/** What decides a lever's parameters: its curve and its targets (a parsed lever or a `levers.json` entry). */
export interface LeverShape {
  adoption: { curve: AdoptionCurve };
  targets: readonly { process: string; activity: string }[];
}

/** The number at a parameter's field of a lever's object, if there is one there. */
export function leverValue(lever: object, spec: LeverParameterSpec): number | undefined {
  let at: unknown = lever;
  for (const key of spec.field) at = at !== null && typeof at === "object" ? (at as Record<string | number, unknown>)[key] : undefined;
  return typeof at === "number" ? at : undefined;
}

/** The lever's parameters before its adoption curve's (the order of the parameter table). */
const BEFORE_CURVE: readonly LeverParameterSpec[] = [
  {
    name: "efficiency",
    unit: "share",
    bounds: SHARE,
    label: { sv: "effekt", en: "efficiency" },
    slider: { min: 0, max: 1, step: 0.01 },
    field: ["efficiency"],
  },
  {
    name: "dip",
    unit: "FTE-years per FTE",
    bounds: [0, 10],
    plausible: [0, 2],
    label: { sv: "omställningsdipp (J-kurvan)", en: "transition dip (J-curve)" },
    field: ["dip"],
    fallback: 0,
  },
  { name: "upkeepFte", unit: "FTE", bounds: FTE, plausible: [0, 100], label: { sv: "förvaltning (årsarbetare)", en: "upkeep (FTE)" }, field: ["upkeepFte"], fallback: 0 },
  {
    name: "licencesPerYear",
    unit: "currency per year",
    bounds: MONEY,
    plausible: PLAUSIBLE_MONEY,
    label: { sv: "licenser per år", en: "licences per year" },
    field: ["licencesPerYear"],
    fallback: 0,
  },
  {
    name: "systemSavingsPerYear",
    unit: "currency per year",
    bounds: MONEY,
    plausible: PLAUSIBLE_MONEY,
    label: { sv: "sparade systemkostnader per år", en: "system savings per year" },
    field: ["systemSavingsPerYear"],
    fallback: 0,
  },
];

/** The build's parameters, after the curve's. */
const BUILD: readonly LeverParameterSpec[] = [
  {
    name: "build.personYears",
    unit: "person-years",
    bounds: FTE,
    plausible: [0, 1000],
    label: { sv: "utvecklingsinsats (personår)", en: "build effort (person-years)" },
    field: ["build", "personYears"],
  },
  {
    name: "build.capex",
    unit: "currency",
    bounds: MONEY,
    plausible: PLAUSIBLE_MONEY,
    label: { sv: "investering", en: "capital expenditure" },
    field: ["build", "capex"],
  },
];

/** A lever's own parameters (not its curve's or reaches), as `levers.json` writes them. */
export const LEVER_OWN_PARAMETERS: readonly LeverParameterSpec[] = [...BEFORE_CURVE, ...BUILD];

/** The years a build is spread over (`build.years`): not a parameter of the model, but bounded like one. */
export const BUILD_YEARS: ParameterSpec = {
  name: "build.years",
  unit: "years",
  bounds: [0, 50],
  plausible: [0, 10],
  label: { sv: "utvecklingsår", en: "a number of build years" },
};

/** The reach of one target, `reach.<process>.<activity>`: the share of the targeted work the lever reaches. */
export const REACH: ParameterSpec = { name: "reach", unit: "share", bounds: SHARE, label: { sv: "räckvidd", en: "reach" }, slider: { min: 0, max: 1, step: 0.01 } };

/**
 * Every numeric parameter of a lever, relative to `levers.<id>.`, in the parameter table's order:
 * its own, its curve's (`adoption.ts`), its build's, and one reach per target.
 */
export function leverParameters(lever: LeverShape): LeverParameterSpec[] {
  const curve = adoptionParameters(lever.adoption.curve).map((spec): LeverParameterSpec => ({ ...spec, field: spec.name.split(".") }));
  const reaches = lever.targets.map(
    (t, i): LeverParameterSpec => ({ ...REACH, name: `reach.${t.process}.${t.activity}`, field: ["targets", i, "reach"] }),
  );
  return [...BEFORE_CURVE, ...curve, ...BUILD, ...reaches];
}

/** The lever parameter spec of a name relative to the lever ("efficiency", "adoption.p", "reach.x.y"), if any. */
export function leverParameterSpec(name: string): ParameterSpec | undefined {
  if (name.startsWith("reach.")) return REACH;
  const own = [...LEVER_OWN_PARAMETERS, ...ADOPTION_CURVE_NAMES.flatMap(adoptionParameters)];
  return own.find((s) => s.name === name);
}
