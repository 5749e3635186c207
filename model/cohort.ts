/**
 * The cohort-component population projection: a base population by single-year age and sex,
 * carried forward a year at a time. Each year people age one year, die, are born and move, in
 * that order; `model/README.md` ("Cohort-component projection") gives the formulas.
 *
 * Ages are completed ages on 31 December (Statistics Sweden's convention: the age attained by the
 * end of the year), 0 … maxAge, the last being the open group "maxAge and older". Every rate is
 * indexed by the age attained by the end of the projection year, so one cohort (people born in
 * the same year) moves along one diagonal.
 *
 * Pure: every input is an argument, nothing is read or kept. One readable function, so that a
 * faster kernel can call it (or be checked against it) without changing its arithmetic.
 */

/** Values by single-year age 0 … maxAge for each sex; the last entry is the open group. */
export interface BySex {
  women: ArrayLike<number>;
  men: ArrayLike<number>;
}

/** The demographic assumptions of a projection; rates are constant over the years. */
export interface CohortAssumptions {
  /**
   * Births per woman per year by age of the mother (age attained by the end of the year), ages
   * 0 … maxAge; zero outside the childbearing ages.
   */
  fertility: ArrayLike<number>;
  /** Boys born per girl (e.g. 1.05). */
  boysPerGirl: number;
  /**
   * Probability 0–1 of dying during the year, by sex and age attained by the end of the year
   * (age 0 = those born during the year).
   */
  mortality: BySex;
  /** Share of the year's in-migrants by sex and age; sums to 1 over both sexes and all ages. */
  inMigrationProfile: BySex;
  /** Out-migrants per survivor, by sex and age (share 0–1 of the population after deaths). */
  outMigrationRate: BySex;
}

/** The year's in-migrants (persons), from the year after the base year to the last year. */
export type InMigrants = ArrayLike<number>;

/**
 * Multipliers that a scenario or a Monte Carlo draw applies to the assumptions; 1 leaves an
 * assumption as it is.
 */
export interface CohortScales {
  /** Scales every fertility rate. */
  fertility: number;
  /** Scales every death probability (capped at 1). */
  mortality: number;
  /** Scales the in-migrants of every year. */
  inMigration: number;
  /** Scales every out-migration rate (capped at 1). */
  outMigration: number;
  /**
   * Scales the year's net migration (in − out): the scenario's growth multiplier. The extra net
   * migrants, (m − 1) × net, come with the in-migrants' age profile, so that faster growth comes
   * from families and young adults moving in while the oldest follow the cohorts already there.
   */
  netMigration: number;
}

export const NEUTRAL_SCALES: Readonly<CohortScales> = Object.freeze({
  fertility: 1,
  mortality: 1,
  inMigration: 1,
  outMigration: 1,
  netMigration: 1,
});

/** A projection: the population at the end of each year, and the year's flows. */
export interface CohortProjection {
  /** Year of index 0: the base year, whose population is the base population. */
  firstYear: number;
  /** The open age group: `women[i][maxAge]` are women aged maxAge and older. */
  maxAge: number;
  /** Women by age at the end of each year (index 0 = the base year). */
  women: Float64Array[];
  /** Men by age at the end of each year. */
  men: Float64Array[];
  /** Births, deaths (including those born in the year who die in it), in- and out-migrants, per year; 0 in the base year. */
  births: Float64Array;
  deaths: Float64Array;
  inMigrants: Float64Array;
  outMigrants: Float64Array;
  /** Net migration after the net-migration multiplier (m × (in − out)), less any clamped at zero. */
  netMigrants: Float64Array;
}

/**
 * Projects a base population year by year (the cohort-component method, e.g. Preston, Heuveline &
 * Guillot, *Demography*, 2001, ch. 6, in its one-year, age-at-end-of-year form used by
 * Statistics Sweden). For each year t after the base year, each sex s and age x:
 *
 *     ageing   A_s(x) = P_s(x−1, t−1)                 (1 ≤ x < ω);  A_s(ω) = P_s(ω−1, t−1) + P_s(ω, t−1)
 *     deaths   S_s(x) = A_s(x) · (1 − q_s(x))         (x ≥ 1)
 *     births   B = Σ_x f(x) · ½ (A_w(x) + S_w(x))    (mid-year women: the cohort before and after the year's deaths)
 *              A_boys(0) = B · r / (1 + r),  A_girls(0) = B / (1 + r),  S_s(0) = A_s(0) · (1 − q_s(0))
 *     moving   I_s(x) = I(t) · π_s(x),  O_s(x) = o_s(x) · S_s(x),  N = Σ_s,x (I_s(x) − O_s(x))
 *              I(t) = (inMigrants(t) + ρ · Σ_s,x P_s(x, t−1)) · scale   (ρ: in-migrants per resident)
 *              P_s(x, t) = max(0, S_s(x) + I_s(x) − O_s(x) + (m − 1) · N · π_s(x))
 *
 * with f scaled by `scales.fertility`, q by `scales.mortality`, I by `scales.inMigration`, o by
 * `scales.outMigration` (q and o capped at 1) and m = `scales.netMigration`.
 *
 * @param base the population at the end of the base year by sex and age 0 … maxAge (open last).
 * @param inMigrants in-migrants in each year after the base year (index 0 = base year + 1).
 * @param inMigrantsPerResident more in-migrants each year per resident at the end of the year
 *   before (people moving into homes others leave): I(t) = inMigrants(t) + rate · P(t − 1).
 * @returns the population in the base year and each of the `inMigrants.length` following years.
 * @throws Error if the arrays' lengths differ from the base population's ages.
 * @example
 * // One woman aged 0; no births, deaths or migration (every rate 0): a year later she is 1.
 * const zero = [0, 0, 0];
 * const none = { fertility: zero, boysPerGirl: 1.05, mortality: { women: zero, men: zero },
 *   inMigrationProfile: { women: zero, men: zero }, outMigrationRate: { women: zero, men: zero } };
 * projectCohorts(2024, { women: [1, 0, 0], men: zero }, none, [0]).women[1] // Float64Array [0, 1, 0]
 */
export function projectCohorts(
  baseYear: number,
  base: BySex,
  assumptions: CohortAssumptions,
  inMigrants: InMigrants,
  scales: CohortScales = NEUTRAL_SCALES,
  inMigrantsPerResident = 0,
): CohortProjection {
  const ages = base.women.length;
  checkCohortLengths(ages, base, assumptions);
  const maxAge = ages - 1;
  const years = inMigrants.length;
  const result: CohortProjection = {
    firstYear: baseYear,
    maxAge,
    women: [Float64Array.from(base.women)],
    men: [Float64Array.from(base.men)],
    births: new Float64Array(years + 1),
    deaths: new Float64Array(years + 1),
    inMigrants: new Float64Array(years + 1),
    outMigrants: new Float64Array(years + 1),
    netMigrants: new Float64Array(years + 1),
  };
  const boyShare = assumptions.boysPerGirl / (1 + assumptions.boysPerGirl);
  // The rates after the scale factors, once: q and o capped at 1.
  const fertility = scaled(assumptions.fertility, scales.fertility, Infinity);
  const women = sexRates(assumptions, "women", scales, ages);
  const men = sexRates(assumptions, "men", scales, ages);

  for (let y = 1; y <= years; y += 1) {
    const previousWomen = result.women[y - 1]!;
    const previousMen = result.men[y - 1]!;
    // Ageing, deaths and (for women) the births they give, ages 1 and over, in one pass per sex.
    const ofWomen = ageAndSurvive(previousWomen, women, fertility);
    const ofMen = ageAndSurvive(previousMen, men, null);
    const births = ofWomen.births;
    const boys = births * boyShare;
    const deaths = ofWomen.deaths + ofMen.deaths + bornAndSurvive(births - boys, women) + bornAndSurvive(boys, men);

    const residents = ofWomen.before + ofMen.before;
    const yearIn = ((inMigrants[y - 1] ?? 0) + inMigrantsPerResident * residents) * scales.inMigration;
    const outTotal = ofWomen.leaving + women.outRate[0]! * women.survivors[0]! + ofMen.leaving + men.outRate[0]! * men.survivors[0]!;
    // The multiplier's extra (or missing) net migrants move with the in-migrants' age profile.
    const extra = (scales.netMigration - 1) * (yearIn - outTotal);
    const nextWomen = new Float64Array(ages);
    const nextMen = new Float64Array(ages);
    const netTotal = move(women, yearIn, extra, nextWomen) + move(men, yearIn, extra, nextMen);
    result.women.push(nextWomen);
    result.men.push(nextMen);
    result.births[y] = births;
    result.deaths[y] = deaths;
    result.inMigrants[y] = yearIn;
    result.outMigrants[y] = outTotal;
    result.netMigrants[y] = netTotal;
  }
  return result;
}

/** One sex's rates after scaling, and the year's survivors (scratch). */
interface SexYear {
  mortality: Float64Array;
  outRate: Float64Array;
  inShare: Float64Array;
  survivors: Float64Array;
}

function sexRates(assumptions: CohortAssumptions, sex: "women" | "men", scales: CohortScales, ages: number): SexYear {
  return {
    mortality: scaled(assumptions.mortality[sex], scales.mortality, 1),
    outRate: scaled(assumptions.outMigrationRate[sex], scales.outMigration, 1),
    inShare: Float64Array.from(assumptions.inMigrationProfile[sex]),
    survivors: new Float64Array(ages),
  };
}

/** Rates times a scale factor, at most `cap`. */
function scaled(rates: ArrayLike<number>, scale: number, cap: number): Float64Array {
  const out = new Float64Array(rates.length);
  for (let x = 0; x < rates.length; x += 1) out[x] = Math.min(cap, (rates[x] ?? 0) * scale);
  return out;
}

/**
 * One sex's year, ages 1 and over, in one pass: everyone one year older (the open group keeps its
 * members and takes in the age below it), the deaths, the survivors (into `sex.survivors`), the
 * births of the women (given `fertility`: births per woman × the mid-year women, the cohort before
 * and after the year's deaths), the out-migrants, and the people at the start of the year.
 */
function ageAndSurvive(previous: Float64Array, sex: SexYear, fertility: Float64Array | null): { deaths: number; births: number; leaving: number; before: number } {
  const last = previous.length - 1;
  const { mortality, outRate, survivors } = sex;
  let deaths = 0;
  let births = 0;
  let leaving = 0;
  let before = previous[0]!;
  for (let x = 1; x <= last; x += 1) {
    before += previous[x]!;
    const aged = x < last ? previous[x - 1]! : previous[last - 1]! + previous[last]!;
    const dying = aged * mortality[x]!;
    const survived = aged - dying;
    survivors[x] = survived;
    deaths += dying;
    if (fertility !== null) births += fertility[x]! * 0.5 * (aged + survived);
    leaving += outRate[x]! * survived;
  }
  return { deaths, births, leaving, before };
}

/** The year's newborns of one sex and the survivors among them (age 0); returns those who die in their year of birth. */
function bornAndSurvive(born: number, sex: SexYear): number {
  const dying = born * sex.mortality[0]!;
  sex.survivors[0] = born - dying;
  return dying;
}

/** The population at the end of the year after moving, into `next`; returns its net migration. */
function move(sex: SexYear, yearIn: number, extra: number, next: Float64Array): number {
  let net = 0;
  for (let x = 0; x < next.length; x += 1) {
    const survived = sex.survivors[x]!;
    const share = sex.inShare[x]!;
    const population = Math.max(0, survived + yearIn * share - sex.outRate[x]! * survived + extra * share);
    next[x] = population;
    net += population - survived;
  }
  return net;
}

/** Women and men together at each age in year index `y` of a projection. */
export function totalByAge(projection: CohortProjection, y: number): Float64Array {
  const women = projection.women[y];
  const men = projection.men[y];
  if (women === undefined || men === undefined) throw new Error(`year index ${y} is outside the projection`);
  return women.map((value, x) => value + (men[x] ?? 0));
}



/** Throws unless every rate has one value per age of the base population (at least ages 0 and 1+). */
export function checkCohortLengths(ages: number, base: BySex, assumptions: CohortAssumptions): void {
  const lengths: [string, number][] = [
    ["base.men", base.men.length],
    ["fertility", assumptions.fertility.length],
    ["mortality.women", assumptions.mortality.women.length],
    ["mortality.men", assumptions.mortality.men.length],
    ["inMigrationProfile.women", assumptions.inMigrationProfile.women.length],
    ["inMigrationProfile.men", assumptions.inMigrationProfile.men.length],
    ["outMigrationRate.women", assumptions.outMigrationRate.women.length],
    ["outMigrationRate.men", assumptions.outMigrationRate.men.length],
  ];
  if (ages < 2) throw new Error(`the base population has ${ages} age groups: expected at least 2 (ages 0 and 1+)`);
  for (const [name, length] of lengths) {
    if (length !== ages) throw new Error(`${name} has ${length} ages: expected ${ages} (0 … ${ages - 1}+, as the base population)`);
  }
}
