/**
 * Adoption curves, by name: the share s(t) ∈ [0, ceiling] of a lever's potential in use in year
 * t. One registry entry per curve holds its words, its two shape parameters (name, unit, bounds,
 * Swedish and English label) and its formula. Every other part of Vaxa (the parameter table, the
 * compiled plan, the model run, goal seek, the web app's sliders, the labels of the tornado and
 * the notebooks) reads the curve from here: adding a curve is adding an entry, and its schema in
 * `levers.json` in `adoption-schema.ts` (the type checker asks for it). The schemas are kept apart
 * so that the model in the browser, which reads no files, does not load zod.
 *
 * Every curve is zero before its start year and has a `startYear` and a `ceiling`; years are
 * calendar years and s(t) is the adoption reached in year t.
 */
import type { AdoptionFile } from "./adoption-schema.ts";
import type { LocalizedText } from "./data-package.ts";
import { YEAR_RANGE } from "./ranges.ts";
import type { ParameterSpec } from "./registry.ts";

/**
 * Logistic S-curve: s(t) = ceiling / (1 + e^(−steepness·(t − midpoint))) from the start year on.
 *
 * @param year calendar year
 * @param startYear first year with any adoption
 * @param midpoint year in which half of the ceiling is reached
 * @param steepness growth rate per year (> 0); 1 takes about 4.4 years from 10 % to 90 % of the ceiling
 * @param ceiling share 0–1 reached in the long run
 * @example logisticAdoption(2023, 2020, 2023, 1, 0.8) // 0.4
 */
export function logisticAdoption(year: number, startYear: number, midpoint: number, steepness: number, ceiling: number): number {
  if (year < startYear) return 0;
  return ceiling / (1 + Math.exp(-steepness * (year - midpoint)));
}

/**
 * Bass diffusion, closed form: s(t) = ceiling · (1 − e^(−(p+q)τ)) / (1 + (q/p)·e^(−(p+q)τ)) with
 * τ = t − startYear + 1, the years of diffusion completed by the end of year t.
 *
 * Bass, F. M. (1969), "A New Product Growth Model for Consumer Durables", Management Science
 * 15(5), 215–227. Typical values p ≈ 0.03, q ≈ 0.38 (Sultan, Farley & Lehmann 1990).
 *
 * @param p coefficient of innovation (> 0), per year
 * @param q coefficient of imitation (≥ 0), per year
 * @example bassAdoption(2020, 2020, 0.03, 0.38, 1) // 0.0358 (one year of diffusion: (1 − e^−0.41) / (1 + 12.67·e^−0.41))
 */
export function bassAdoption(year: number, startYear: number, p: number, q: number, ceiling: number): number {
  const tau = year - startYear + 1;
  if (tau <= 0) return 0;
  const decay = Math.exp(-(p + q) * tau);
  return (ceiling * (1 - decay)) / (1 + (q / p) * decay);
}

/** What a registry entry holds for one curve. */
export interface AdoptionCurveKind {
  /** The curve's name in words. */
  label: LocalizedText;
  /** Its two shape parameters, in the order {@link AdoptionCurveKind.adoption} takes them. */
  shape: readonly [ParameterSpec, ParameterSpec];
  /**
   * s(t). `midpointShift` (years, `levers.midpointShift`) moves the curve in time where the curve
   * has a midpoint; a curve without one ignores it.
   */
  adoption(year: number, startYear: number, shape1: number, shape2: number, ceiling: number, midpointShift: number): number;
  /**
   * How many years goal seek's `timing` mode may move the curve earlier before it would start
   * adoption in the base year or before (`firstYear` = the year after the base year), or null when
   * the curve does not move in time.
   */
  timingRoom: ((shape1: number, firstYear: number) => number) | null;
}

/** The parameters every curve has, relative to the lever. */
export const ADOPTION_START: ParameterSpec = {
  name: "adoption.startYear",
  unit: "year",
  bounds: YEAR_RANGE,
  label: { sv: "startår", en: "start year" },
  slider: { years: true, step: 1 },
};
export const ADOPTION_CEILING: ParameterSpec = {
  name: "adoption.ceiling",
  unit: "share",
  bounds: [0.001, 1],
  label: { sv: "högsta användning", en: "adoption ceiling" },
};

/** The curves' shape parameters (`adoption-schema.ts` takes them from {@link ADOPTION_CURVES}). */
const MIDPOINT: ParameterSpec = { name: "adoption.midpoint", unit: "year", bounds: YEAR_RANGE, label: { sv: "mittpunkt", en: "midpoint" }, slider: { years: true, step: 0.5 } };
/**
 * 100 a year is a step (10 % to 90 % of the ceiling in two weeks), which a package may mean; 0.001
 * takes four millennia, and below 0.1 (44 years) is implausible.
 */
const STEEPNESS: ParameterSpec = { name: "adoption.steepness", unit: "per year", bounds: [0.001, 100], plausible: [0.1, 100], label: { sv: "branthet", en: "steepness" } };
const BASS_P: ParameterSpec = {
  name: "adoption.p",
  unit: "per year",
  bounds: [1e-6, 1],
  plausible: [0.001, 0.1],
  label: { sv: "innovationskoefficient p (Bass)", en: "coefficient of innovation p (Bass)" },
  slider: { min: 0.001, max: 0.3, step: 0.001 },
};
const BASS_Q: ParameterSpec = {
  name: "adoption.q",
  unit: "per year",
  bounds: [0, 10],
  plausible: [0, 1],
  label: { sv: "imitationskoefficient q (Bass)", en: "coefficient of imitation q (Bass)" },
  slider: { min: 0, max: 1, step: 0.01 },
};

/** The adoption curves by name. */
export const ADOPTION_CURVES = {
  logistic: {
    label: { sv: "logistisk S-kurva", en: "logistic S-curve" },
    shape: [MIDPOINT, STEEPNESS],
    adoption: (year, start, midpoint, steepness, ceiling, shift) => logisticAdoption(year, start, midpoint + shift, steepness, ceiling),
    timingRoom: (midpoint, firstYear) => midpoint - firstYear,
  },
  bass: {
    label: { sv: "Bass-diffusion", en: "Bass diffusion" },
    shape: [BASS_P, BASS_Q],
    adoption: (year, start, p, q, ceiling) => bassAdoption(year, start, p, q, ceiling),
    timingRoom: null,
  },
} as const satisfies Record<string, AdoptionCurveKind>;

export type AdoptionCurve = keyof typeof ADOPTION_CURVES;

/** The curves in a fixed order: a compiled plan stores a lever's curve as its index here. */
export const ADOPTION_CURVE_LIST: readonly AdoptionCurveKind[] = Object.values(ADOPTION_CURVES);
export const ADOPTION_CURVE_NAMES = Object.keys(ADOPTION_CURVES) as AdoptionCurve[];

export type { AdoptionFile };

/** Every number of a curve's object present. */
type Resolved<A> = A extends unknown ? { [K in keyof A]-?: Exclude<A[K], undefined> } : never;

/** A lever's adoption curve with every number known (given, or the median of its distribution). */
export type Adoption = Resolved<AdoptionFile>;

/** The parameters of a lever's curve, relative to the lever: start year, the shape, ceiling. */
export function adoptionParameters(curve: AdoptionCurve): readonly ParameterSpec[] {
  return [ADOPTION_START, ...ADOPTION_CURVES[curve].shape, ADOPTION_CEILING];
}

/** The value of a curve parameter of an adoption, by its name relative to the lever ("adoption.midpoint"). */
export function adoptionValue(adoption: Adoption, name: string): number {
  const value = (adoption as unknown as Record<string, unknown>)[name.replace(/^adoption\./, "")];
  if (typeof value !== "number") throw new Error(`internal: a ${adoption.curve} curve has no parameter ${name}`);
  return value;
}
