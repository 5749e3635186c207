/**
 * The one table of bounds: every number a data package, a scenario or a request can give, with its
 * unit, its valid range (outside: an error naming the file, line and field, or the request's
 * field path) and its plausible range (outside: a warning). The package parser's schemas, the CSV
 * readers, the scenario checker (`set`, `uncertainty`) and the server's request schemas all read
 * their ranges from the specs listed here, so a number is held to the same range wherever it is
 * written.
 *
 * The specs live in the registries of what they describe: a lever's own parameters in `levers.ts`,
 * an adoption curve's in `adoption.ts`, the package-wide parameters and the numbers that are not
 * parameters of the model here. {@link NUMERIC_INPUTS} lists every one with where it is written;
 * `data/README.md` prints the same table (a test keeps the two equal).
 *
 * Why the ranges are finite and where they end: every valid range keeps the model's arithmetic
 * finite for any package a municipality could have (a driver changing a millionfold with an
 * elasticity of 10 gives 10^60, not an overflow), and ends well past any real value, so a valid
 * package is never refused; the plausible ranges end where a real package's values end, so a
 * slip of a decimal mark or a digit is shown.
 */
import { ADOPTION_CURVE_NAMES, adoptionParameters } from "./adoption.ts";
import type { Distribution } from "./distributions.ts";
import { BUILD_YEARS, LEVER_OWN_PARAMETERS, REACH } from "./levers.ts";
import { shortNumber } from "./median-rule.ts";
import type { ParameterSpec } from "./registry.ts";
import { rangeText, YEAR_RANGE } from "./ranges.ts";

/** A spec's plausible range (its valid range when it names none). */
export function plausibleRange(spec: ParameterSpec): readonly [number, number] {
  return spec.plausible ?? spec.bounds;
}

/** Whether a value is within a spec's valid range. */
export function withinBounds(spec: Pick<ParameterSpec, "bounds">, value: number): boolean {
  return value >= spec.bounds[0] && value <= spec.bounds[1];
}

/** The warning for a valid value outside its spec's plausible range, or undefined when it is within it. */
export function implausible(spec: ParameterSpec, value: number): string | undefined {
  const [lo, hi] = plausibleRange(spec);
  if (value >= lo && value <= hi) return undefined;
  return `${shortNumber(value)} is valid but outside the plausible range ${rangeText(spec, [lo, hi])} of ${spec.label.en}: most likely a mistake (a misplaced decimal mark, a digit too many, another unit); check it`;
}

/** Largest sigma of a lognormal distribution (of the logarithm): 2 puts P90 at 13 times the median. */
export const LOGNORMAL_SIGMA_LIMIT = 2;

/**
 * Why a distribution does not fit a parameter's valid range, or undefined when it does: a
 * bounded distribution (triangular, PERT, uniform) must lie within the range, a normal one must be
 * no wider (sd) than the range, a lognormal one have sigma ≤ {@link LOGNORMAL_SIGMA_LIMIT}. (Draws
 * are clamped to the range; a distribution mostly outside it would be a point value in disguise.)
 * Its median is checked by `medianOutOfRange` (`median-rule.ts`).
 */
export function distributionOutside(distribution: Distribution, spec: Pick<ParameterSpec, "bounds" | "unit">): string | undefined {
  const range = rangeText(spec);
  switch (distribution.type) {
    case "triangular":
    case "pert":
    case "uniform": {
      const ends: [string, number][] =
        distribution.type === "uniform"
          ? [["min", distribution.min], ["max", distribution.max]]
          : [["min", distribution.min], ["mode", distribution.mode], ["max", distribution.max]];
      const outside = ends.filter(([, value]) => !withinBounds(spec, value));
      if (outside.length === 0) return undefined;
      return `the distribution reaches past the valid range ${range}: ${outside.map(([name, value]) => `${name} ${shortNumber(value)}`).join(", ")}`;
    }
    case "normal": {
      const width = spec.bounds[1] - spec.bounds[0];
      return distribution.sd <= width ? undefined : `the distribution is wider than the valid range ${range}: sd ${shortNumber(distribution.sd)} is more than ${shortNumber(width)}`;
    }
    case "lognormal":
      return distribution.sigma <= LOGNORMAL_SIGMA_LIMIT ? undefined : `sigma ${shortNumber(distribution.sigma)} is more than ${LOGNORMAL_SIGMA_LIMIT}: the distribution spreads over more than a hundredfold`;
  }
}

/**
 * The parameters that are not a lever's own, by path pattern (`<driver>`, `<process>`, … stand for
 * ids), with unit, bounds and label. A lever's parameters are in `levers.ts` and `adoption.ts`.
 */
export const PACKAGE_PARAMETERS = {
  /** 5 = five times the forecast growth; the web app's slider ends at 3. */
  growthMultiplier: {
    name: "growthMultiplier",
    unit: "factor",
    bounds: [0, 5],
    plausible: [0, 3],
    label: { sv: "tillväxtmultiplikator", en: "growth multiplier" },
    slider: { min: 0, max: 3, step: 0.05 },
  },
  driverGrowthMultiplier: {
    name: "drivers.<driver>.growthMultiplier",
    unit: "factor",
    bounds: [0, 5],
    plausible: [0, 3],
    label: { sv: "tillväxtmultiplikator", en: "growth multiplier" },
    slider: { min: 0, max: 3, step: 0.05 },
  },
  /** Up to 10^10 a year in any currency: a fully loaded FTE costs about 10^4 (EUR, USD) to 10^8 (KRW, IDR). */
  costPerFte: {
    name: "costPerFte",
    unit: "currency per FTE",
    bounds: [1, 1e10],
    plausible: [1e4, 1e9],
    label: { sv: "kostnad per årsarbetare", en: "cost per FTE" },
  },
  discountRate: { name: "discountRate", unit: "share", bounds: [-0.5, 0.5], plausible: [0, 0.1], label: { sv: "diskonteringsränta", en: "discount rate" } },
  /**
   * Elasticities are bounded to ±10: a driver that doubles would multiply the work by 2^10 ≈ 1,000,
   * far past anything a municipality's history supports, while larger values overflow the arithmetic.
   */
  elasticity: {
    name: "processes.<process>.activities.<activity>.elasticity.<driver>",
    unit: "elasticity",
    bounds: [-10, 10],
    plausible: [-1, 2],
    label: { sv: "elasticitet mot", en: "elasticity to" },
  },
  /** The work of fixed work that follows a driver (`fixedDrivers`), bounded like the activities' elasticities. */
  fixedElasticity: {
    name: "processes.<process>.fixed.elasticity.<driver>",
    unit: "elasticity",
    bounds: [-10, 10],
    plausible: [-1, 2],
    label: { sv: "elasticitet mot", en: "elasticity to" },
  },
  /** Drift is bounded to ±50 % a year: that doubles or halves the work in under two years, far past any change of service standard. */
  drift: {
    name: "processes.<process>.drift",
    unit: "per year",
    bounds: [-0.5, 0.5],
    plausible: [-0.05, 0.05],
    label: { sv: "standardförändring per år", en: "drift per year" },
  },
  /** Reach × intensity is capped at 1: 100 reaches the cap for any reach of 1 % or more. */
  intensity: {
    name: "levers.intensity",
    unit: "factor",
    bounds: [0, 100],
    plausible: [0, 10],
    label: { sv: "hävstängernas räckvidd ×", en: "levers' reach ×" },
    // Up to 10: what goal seek answers for the Nacka package at full intensity (every reach 1, the smallest reach being 0.1).
    slider: { min: 0, max: 10, step: 0.05 },
  },
  /** Years the adoption midpoints move: more than the longest horizon a package may have. */
  midpointShift: {
    name: "levers.midpointShift",
    unit: "years",
    bounds: [-50, 50],
    plausible: [-10, 10],
    label: { sv: "hävstängernas mittpunkt ± år", en: "levers' midpoints ± years" },
    slider: { min: -6, max: 6, step: 0.5 },
  },
} as const satisfies Record<string, ParameterSpec>;

/** A population's scale factor (`population/`, `population.<name>`): 1 keeps its rates as given. */
const populationScale = (name: string, sv: string, en: string): ParameterSpec => ({
  name: `population.${name}`,
  unit: "factor",
  bounds: [0, 5],
  plausible: [0.5, 2],
  label: { sv, en },
  slider: { min: 0.5, max: 1.5, step: 0.05 },
});

/**
 * The scale factors of a package's population (`population/`), `population.<name>`: 1 keeps the
 * rates as given. Mortality and out-migration rates are capped at 1 after scaling (`cohort.ts`).
 */
export const POPULATION_PARAMETERS = {
  fertility: populationScale("fertility", "fruktsamhet ×", "fertility ×"),
  mortality: populationScale("mortality", "dödlighet ×", "mortality ×"),
  inMigration: populationScale("inMigration", "inflyttning ×", "in-migration ×"),
  outMigration: populationScale("outMigration", "utflyttning ×", "out-migration ×"),
} as const satisfies Record<"fertility" | "mortality" | "inMigration" | "outMigration", ParameterSpec>;

/**
 * The numbers of a package's population/ files (`parse-population.ts`). The valid ranges keep a
 * projection finite (rates that are probabilities end at 1); the plausible ones end where a
 * Swedish municipality's figures end (at 100+ about 40 % die in a year; a fertility rate by age
 * of mother peaks near 0.15; out-migration of young adults reaches 0.3 where students leave).
 */
export const POPULATION_NUMBERS = {
  people: { name: "value", unit: "count", bounds: [0, 1e9], plausible: [0, 1e6], label: { sv: "invånare", en: "people of one age and sex" } },
  fertility: { name: "rate", unit: "per year", bounds: [0, 1], plausible: [0, 0.3], label: { sv: "födda per kvinna", en: "births per woman a year" } },
  mortality: { name: "rate", unit: "share", bounds: [0, 1], plausible: [0, 0.8], label: { sv: "dödsrisk", en: "a probability of dying in a year" } },
  inShare: { name: "in_share", unit: "factor", bounds: [0, 1e9], label: { sv: "inflyttarnas åldersprofil", en: "a weight of the in-migrants' age profile" } },
  outRate: { name: "out_rate", unit: "share", bounds: [0, 1], plausible: [0, 0.5], label: { sv: "utflyttade per invånare", en: "out-migrants per resident" } },
  boysPerGirl: { name: "boysPerGirl", unit: "factor", bounds: [0.5, 2], plausible: [1, 1.1], label: { sv: "pojkar per flicka", en: "boys born per girl" } },
  perYear: { name: "inMigrants.perYear", unit: "count per year", bounds: [0, 1e8], plausible: [0, 1e6], label: { sv: "inflyttade per år", en: "in-migrants a year" } },
  perDwelling: { name: "inMigrants.perDwelling", unit: "count", bounds: [0, 100], plausible: [0, 6], label: { sv: "inflyttade per ny bostad", en: "in-migrants per dwelling built" } },
  perResident: { name: "inMigrants.perResident", unit: "share", bounds: [0, 1], plausible: [0, 0.3], label: { sv: "inflyttade per invånare", en: "in-migrants per resident" } },
} as const satisfies Record<string, ParameterSpec>;

const days = (name: string, plausible: readonly [number, number], sv: string, en: string): ParameterSpec => ({
  name: `workingTime.${name}`,
  unit: "days",
  bounds: [0, 366],
  plausible,
  label: { sv, en },
});

/** The numbers of the package's files that are not parameters of the model. */
export const FILE_NUMBERS = {
  workingDays: days("workingDays", [200, 320], "arbetsdagar per år", "working days a year"),
  holidays: days("holidays", [0, 30], "helgdagar", "public holidays"),
  leave: days("leave", [0, 60], "semester", "annual leave"),
  sickness: days("sickness", [0, 60], "sjukfrånvaro", "sickness absence"),
  otherAbsence: days("otherAbsence", [0, 60], "annan frånvaro", "other absence"),
  hoursPerDay: { name: "workingTime.hoursPerDay", unit: "hours per day", bounds: [0.5, 24], plausible: [4, 10], label: { sv: "timmar per dag", en: "hours per day" } },
  /** The years a package names: history, horizon, start years. */
  year: { name: "year", unit: "year", bounds: YEAR_RANGE, label: { sv: "år", en: "a year" } },
  /** A driver's yearly value (`drivers.csv`): a count such as residents or dwellings completed; 10^12 is far past any. */
  driverValue: { name: "value", unit: "count", bounds: [0, 1e12], plausible: [0, 1e8], label: { sv: "värde", en: "a driver's value" } },
  /** A process's actual FTE in a year (`headcount.csv`). */
  fte: { name: "fte", unit: "FTE", bounds: [0, 1e6], plausible: [0, 1e5], label: { sv: "årsarbetare", en: "FTE" } },
  fixedShare: {
    name: "fixedShare",
    unit: "share",
    bounds: [0, 0.99],
    plausible: [0, 0.8],
    label: { sv: "andel fast arbete", en: "a share of fixed work" },
  },
  /** WISN's category allowance: CAF = 1 ÷ (1 − supportShare), so 0.9 multiplies the work tenfold. */
  supportShare: {
    name: "supportShare",
    unit: "share",
    bounds: [0, 0.9],
    plausible: [0, 0.5],
    label: { sv: "andel stödarbete", en: "a share of support work" },
  },
  individualAllowanceFte: {
    name: "individualAllowanceFte",
    unit: "FTE",
    bounds: [0, 1e4],
    plausible: [0, 100],
    label: { sv: "individuella tillägg", en: "individual allowances" },
  },
  volume: { name: "volume", unit: "count per year", bounds: [0, 1e9], plausible: [0, 1e7], label: { sv: "volym", en: "a volume per year" } },
  /** 10^5 hours is about 60 FTE-years for one case. */
  unitTimeHours: { name: "unitTimeHours", unit: "hours", bounds: [0, 1e5], plausible: [0, 5000], label: { sv: "tid per ärende", en: "a unit time" } },
  activityShare: { name: "share", unit: "share", bounds: [0, 1], label: { sv: "andel", en: "a share" } },
  /** A scenario's yearly growth rate of a driver (`driverGrowthRates`). */
  growthRate: {
    name: "driverGrowthRates.<driver>",
    unit: "per year",
    bounds: [-0.5, 0.5],
    plausible: [-0.1, 0.1],
    label: { sv: "tillväxttakt per år", en: "a yearly growth rate" },
  },
} as const satisfies Record<string, ParameterSpec>;

/** A row of the table of bounds: where a number is written and its spec. */
export interface NumericInput {
  /** The file: a package file, or `scenarios/<id>.json` (a request's assumptions have the same fields). */
  file: string;
  /** The field: keys joined by dots, `[]` for every item of a list, `<driver>` (any id) for every key of an object. */
  field: string;
  spec: ParameterSpec;
}

/**
 * Every number a package, a scenario or a request can give, with its spec (`data/README.md`
 * prints this table; the plausibility warnings walk the JSON files by it). A scenario's `set`
 * holds a parameter to the range of the field it overrides (`set costPerFte` to
 * municipality.json's `costPerFte`); the parameters only a scenario sets are listed as `set.<path>`.
 */
export const NUMERIC_INPUTS: readonly NumericInput[] = (() => {
  const f = FILE_NUMBERS;
  const p = PACKAGE_PARAMETERS;
  const q = POPULATION_NUMBERS;
  const curves = ADOPTION_CURVE_NAMES.flatMap((curve) => adoptionParameters(curve)).filter((spec, index, all) => all.indexOf(spec) === index);
  const row = (file: string, field: string, spec: ParameterSpec): NumericInput => ({ file, field, spec });
  const scenario = "scenarios/<id>.json";
  return [
    row("municipality.json", "costPerFte", p.costPerFte),
    row("municipality.json", "discountRate", p.discountRate),
    ...[f.workingDays, f.holidays, f.leave, f.sickness, f.otherAbsence, f.hoursPerDay].map((spec) => row("municipality.json", spec.name, spec)),
    row("municipality.json", "horizon", f.year),
    row("drivers.csv", "year", f.year),
    row("drivers.csv", "value", f.driverValue),
    row("headcount.csv", "year", f.year),
    row("headcount.csv", "fte", f.fte),
    ...[f.fixedShare, f.supportShare, f.individualAllowanceFte].map((spec) => row("processes.json", `processes[].${spec.name}`, spec)),
    row("processes.json", "processes[].drift", p.drift),
    row("processes.json", "processes[].fixedDrivers.<driver>", p.fixedElasticity),
    ...[f.volume, f.unitTimeHours, f.activityShare].map((spec) => row("processes.json", `processes[].activities[].${spec.name}`, spec)),
    row("processes.json", "processes[].activities[].drivers.<driver>", p.elasticity),
    ...LEVER_OWN_PARAMETERS.map((spec) => row("levers.json", `levers[].${spec.name}`, spec)),
    row("levers.json", "levers[].build.startYear", f.year),
    row("levers.json", "levers[].build.years", BUILD_YEARS),
    ...curves.map((spec) => row("levers.json", `levers[].${spec.name}`, spec)),
    row("levers.json", "levers[].targets[].reach", REACH),
    row(scenario, "growthMultiplier", p.growthMultiplier),
    row(scenario, "driverGrowthRates.<driver>", f.growthRate),
    row(scenario, "set.drivers.<driver>.growthMultiplier", p.driverGrowthMultiplier),
    row(scenario, "set.levers.intensity", p.intensity),
    row(scenario, "set.levers.midpointShift", p.midpointShift),
    ...Object.values(POPULATION_PARAMETERS).map((spec) => row(scenario, `set.${spec.name}`, spec)),
    row("population/population.json", "baseYear", f.year),
    ...[q.boysPerGirl, q.perYear, q.perDwelling, q.perResident].map((spec) => row("population/population.json", spec.name, spec)),
    row("population/base.csv", "value", q.people),
    row("population/fertility.csv", "rate", q.fertility),
    row("population/mortality.csv", "rate", q.mortality),
    row("population/migration.csv", "in_share", q.inShare),
    row("population/migration.csv", "out_rate", q.outRate),
  ];
})();
