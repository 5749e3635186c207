/**
 * Adoption curves: the share s(t) ∈ [0, ceiling] of a lever's potential that is in use in year t.
 *
 * Both curves are zero before the start year. Years are calendar years; s(t) is the adoption
 * reached in year t.
 */

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
export function logisticAdoption(
  year: number,
  startYear: number,
  midpoint: number,
  steepness: number,
  ceiling: number,
): number {
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
 * @example bassAdoption(2020, 2020, 0.03, 0.38, 1) // 0.0305 (one year of diffusion)
 */
export function bassAdoption(year: number, startYear: number, p: number, q: number, ceiling: number): number {
  const tau = year - startYear + 1;
  if (tau <= 0) return 0;
  const decay = Math.exp(-(p + q) * tau);
  return (ceiling * (1 - decay)) / (1 + (q / p) * decay);
}

/** The adoption curves by name; a lever's `adoption.curve` must be one of these. */
export const ADOPTION_CURVES = ["logistic", "bass"] as const;
export type AdoptionCurve = (typeof ADOPTION_CURVES)[number];

/** Resolves a curve name, rejecting unknown names with the list of valid ones. */
export function adoptionCurve(name: string): AdoptionCurve {
  const curve = ADOPTION_CURVES.find((c) => c === name);
  if (curve === undefined) {
    throw new Error(`invalid adoption curve: "${name}"; valid curves are ${ADOPTION_CURVES.join(", ")}`);
  }
  return curve;
}
