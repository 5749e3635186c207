/**
 * Age bands as data: a band is a range of single-year ages, `[from, to]` with `to = null` for
 * "and older". Drivers such as `residents_80plus` are sums of single-year ages over a band, so a
 * package may use any bands (SKR's, Nacka's, or its own, e.g. 80–89 and 90+ where needs differ).
 *
 * Pure: no I/O. `drivers.json` declares a driver's band as `"ages": [from, to]` (see
 * `data/README.md`); a driver id that follows the naming convention below is read the same way.
 */

/** A range of completed ages (age on 31 December), both ends included; `to = null` means "and older". */
export interface AgeBand {
  from: number;
  to: number | null;
}

/** SKR's (Sveriges Kommuner och Regioner) usual age groups for municipal services. */
export const SKR_AGE_BANDS: readonly AgeBand[] = Object.freeze([
  { from: 0, to: 5 },
  { from: 6, to: 15 },
  { from: 16, to: 19 },
  { from: 20, to: 66 },
  { from: 67, to: 79 },
  { from: 80, to: null },
]);

/** The bands of the Nacka package's drivers (`residents_0_5` … `residents_80plus`). */
export const NACKA_AGE_BANDS: readonly AgeBand[] = Object.freeze([
  { from: 0, to: 5 },
  { from: 6, to: 15 },
  { from: 16, to: 19 },
  { from: 20, to: 64 },
  { from: 65, to: 79 },
  { from: 80, to: null },
]);

/** Named presets, for the command line (`--bands skr`). */
export const AGE_BAND_PRESETS: Readonly<Record<string, readonly AgeBand[]>> = Object.freeze({
  skr: SKR_AGE_BANDS,
  nacka: NACKA_AGE_BANDS,
});

/** Every age: the driver `residents`. */
export const ALL_AGES: AgeBand = Object.freeze({ from: 0, to: null });

const BAND_ID = /^residents(?:_(\d{1,3})_(\d{1,3})|_(\d{1,3})plus)?$/;

/**
 * The band a driver id names by convention: `residents` (every age), `residents_<from>_<to>`,
 * `residents_<from>plus`; undefined for any other id.
 *
 * @example bandOfDriverId("residents_80plus") // { from: 80, to: null }
 */
export function bandOfDriverId(id: string): AgeBand | undefined {
  const match = BAND_ID.exec(id);
  if (match === null) return undefined;
  const [, from, to, plus] = match;
  if (plus !== undefined) return { from: Number(plus), to: null };
  if (from !== undefined && to !== undefined) {
    const band = { from: Number(from), to: Number(to) };
    return band.to >= band.from ? band : undefined;
  }
  return ALL_AGES;
}

/**
 * The band a driver counts: the one drivers.json declares (`ages`), else the one its id names
 * ({@link bandOfDriverId}); undefined for a driver that is no count of residents by age.
 */
export function driverBand(driver: { id: string; ages?: AgeBand | undefined }): AgeBand | undefined {
  return driver.ages ?? bandOfDriverId(driver.id);
}

/**
 * The conventional driver id of a band.
 *
 * @example driverIdOfBand({ from: 90, to: null }) // "residents_90plus"
 */
export function driverIdOfBand(band: AgeBand): string {
  if (band.from === 0 && band.to === null) return "residents";
  return band.to === null ? `residents_${band.from}plus` : `residents_${band.from}_${band.to}`;
}

/** "80–89", "90+" (for messages and labels). */
export function formatAgeBand(band: AgeBand): string {
  return band.to === null ? `${band.from}+` : band.from === band.to ? `${band.from}` : `${band.from}–${band.to}`;
}

/**
 * Why `band` is not a valid band (negative, reversed, fractional), or undefined when it is.
 * With `maxAge` (the open last age of a population), a band must not split the open group.
 */
export function ageBandProblem(band: AgeBand, maxAge?: number): string | undefined {
  if (!Number.isInteger(band.from) || band.from < 0) return `the first age ${band.from} is not a whole number from 0`;
  if (band.to !== null && (!Number.isInteger(band.to) || band.to < band.from)) {
    return `the last age ${band.to} is not a whole number from ${band.from} (write null for "and older")`;
  }
  if (maxAge !== undefined && band.from > maxAge) return `the ages start at ${band.from}, above the oldest age group ${maxAge}+`;
  if (maxAge !== undefined && band.to !== null && band.to >= maxAge) {
    return `the band ends at ${band.to}, inside the open age group ${maxAge}+: end it below ${maxAge} or write null`;
  }
  return undefined;
}

/**
 * The sum over a band of values by single-year age, `byAge[x]` for ages 0 … maxAge where the
 * last entry is the open group "maxAge and older".
 *
 * @throws Error if the band splits the open age group (see {@link ageBandProblem}).
 * @example sumAgeBand([10, 20, 30, 5], { from: 2, to: null }) // 35
 */
export function sumAgeBand(byAge: ArrayLike<number>, band: AgeBand): number {
  const maxAge = byAge.length - 1;
  const problem = ageBandProblem(band, maxAge);
  if (problem !== undefined) throw new Error(`age band ${formatAgeBand(band)}: ${problem}`);
  const last = band.to ?? maxAge;
  let sum = 0;
  for (let age = band.from; age <= last; age += 1) sum += byAge[age] ?? 0;
  return sum;
}
