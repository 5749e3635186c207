/**
 * The data package: a municipality's inputs, as plain typed data.
 *
 * Produced by {@link parseDataPackage} from file texts (see `data/README.md` for the file formats);
 * everything here has been validated, so the model never checks it again.
 */
import type { Adoption } from "./adoption.ts";
import type { AgeBand } from "./age-bands.ts";
import type { BySex, CohortAssumptions } from "./cohort.ts";
import type { Distribution } from "./distributions.ts";
import type { LeverKind } from "./levers.ts";
import type { Scenario } from "./scenario.ts";

export type { Adoption, LeverKind, Scenario };

/** A text a person reads, in Swedish and English. */
export interface LocalizedText {
  sv: string;
  en: string;
}

/** WHO WISN available working time, in days and hours per day. */
export interface WorkingTime {
  /** Working days in a year (weekdays), days. */
  workingDays: number;
  /** Public holidays falling on working days, days. */
  holidays: number;
  /** Annual leave, days. */
  leave: number;
  /** Sickness absence, days. */
  sickness: number;
  /** Other absence (training, other leave), days. Default 0. */
  otherAbsence: number;
  /** Working hours per day, hours. */
  hoursPerDay: number;
}

export interface Municipality {
  name: string;
  /**
   * Present when the package's figures are an illustration rather than the municipality's own
   * (e.g. assumed FTE levels): why, in Swedish and English. Every forecast output repeats it.
   */
  illustrative?: LocalizedText;
  /** ISO currency code of every amount, e.g. "SEK". */
  currency: string;
  /** Fully loaded cost of one FTE per year, in the currency. */
  costPerFte: number;
  workingTime: WorkingTime;
  /** Real discount rate for NPV, share per year. */
  discountRate: number;
  /** Last projected year. */
  horizon: number;
}

/**
 * What a driver counts: a `stock` is a level at a point in time (residents, an age band,
 * businesses); a `flow` is a number per year (dwellings completed, births, cases per year). A
 * growth multiplier scales a stock's change and a flow's level (see `drivers.ts`).
 */
export const DRIVER_TYPES = ["stock", "flow"] as const;
export type DriverType = (typeof DRIVER_TYPES)[number];

/** One driver's yearly values from its first year to the horizon, without gaps. */
export interface DriverSeries {
  id: string;
  /** What the driver is called (drivers.json; default: the id in both languages). */
  name: LocalizedText;
  /** Stock or flow (drivers.json; default `stock`). */
  type: DriverType;
  /** Unit of the values, e.g. "invånare" / "residents" (drivers.json; optional). */
  unit?: LocalizedText;
  /** The age band it counts, when drivers.json gives one (`ages`); see `driverBand` in `age-bands.ts` for the id's. */
  ages?: AgeBand;
  /** Year of `values[0]`. */
  firstYear: number;
  values: number[];
  /** `true` where the value is an actual (kind `actual`: a sourced figure). */
  actual: boolean[];
  /**
   * `true` where the value is an estimate of what happened (kind `estimate`: a past year with no
   * sourced figure). Like an actual, a scenario never changes it; unlike one, calibration and the
   * backtest say it is an estimate. Where neither is true the value is a forecast.
   */
  estimated: boolean[];
}

/** An activity's workload in the base year: bottom-up (WISN) or a share of the process's variable work. */
export type ActivityWorkload =
  | { kind: "bottom-up"; volume: number; unitTimeHours: number }
  | { kind: "share"; share: number };

/** The driver of a support process's activities: the delivery FTE of the processes it supports. */
export const SUPPORTED_FTE = "supported_fte";

export interface Activity {
  id: string;
  name: LocalizedText;
  workload: ActivityWorkload;
  /** Driver id → elasticity of the activity's volume. The id may be {@link SUPPORTED_FTE}. */
  drivers: Record<string, number>;
}

export interface Process {
  id: string;
  name: LocalizedText;
  /** Share 0–1 of the base year's actual FTE that does not move with any driver. */
  fixedShare: number;
  /** WISN category allowance share 0–1; CAF = 1 / (1 − supportShare). */
  supportShare: number;
  /** WISN individual allowances, FTE. */
  individualAllowanceFte: number;
  /**
   * Yearly relative change of the process's work that no driver explains (service standard,
   * coverage, mission): fixed work and activities are multiplied by (1 + drift)^(t − base year).
   * Default 0.
   */
  drift: number;
  /**
   * Driver id → elasticity of the fixed work; empty (the default) = fixed work stays at its
   * base-year FTE. The id may be {@link SUPPORTED_FTE} in a support process.
   */
  fixedDrivers: Record<string, number>;
  /** Ids of the processes this support process supports (resolved from "all"); empty for a core process. */
  supports: string[];
  activities: Activity[];
}

/** The fixed work of a process, as a lever target's activity. */
export const FIXED_WORK = "fixed";

export interface LeverTarget {
  process: string;
  /** An activity id of the process, or {@link FIXED_WORK}. */
  activity: string;
  /** Share 0–1 of the targeted work the lever can reach. */
  reach: number;
}

export interface Lever {
  id: string;
  name: LocalizedText;
  kind: LeverKind;
  targets: LeverTarget[];
  /** Share 0–1 of the reached work removed at full adoption. */
  efficiency: number;
  adoption: Adoption;
  /** J-curve depth: transition FTE-years per affected FTE per unit rise in adoption. */
  dip: number;
  /** Development effort and capital expenditure, spread evenly over `years` from `startYear`. */
  build: { startYear: number; years: number; personYears: number; capex: number };
  /** Development FTE for upkeep at full adoption. */
  upkeepFte: number;
  /** Licence cost per year at full adoption, currency. */
  licencesPerYear: number;
  /** System cost saved per year at full adoption, currency. */
  systemSavingsPerYear: number;
  /** Parameter name relative to the lever (e.g. "efficiency", "adoption.midpoint") → distribution. */
  distributions: Record<string, Distribution>;
}

/**
 * A named alternative forecast of some drivers (`driver-sets.json`, `driver-sets/<id>.csv`), e.g.
 * Statistics Sweden's projection beside the municipality's own; a scenario picks one by its id.
 */
export interface DriverSet {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /**
   * Driver id → its values from `firstYear` to the horizon. `firstYear` may lie in the driver's
   * history (a forecast file often starts with its base year): the model keeps the history there.
   */
  drivers: Record<string, { firstYear: number; values: number[] }>;
}

/** The scale factors of a population's assumptions, each a parameter `population.<name>` (default 1). */
export const POPULATION_SCALES = ["fertility", "mortality", "inMigration", "outMigration"] as const;
export type PopulationScale = (typeof POPULATION_SCALES)[number];

/**
 * A package's population (`population/`): the base of a cohort-component projection
 * (`cohort.ts`) whose age bands drive the package's age-band drivers after the population's base year.
 */
export interface Population {
  /** The year of the base population (31 December): the last year of every driver it drives. */
  baseYear: number;
  /** The open age group "maxAge and older". */
  maxAge: number;
  base: BySex;
  assumptions: CohortAssumptions;
  /**
   * In-migrants per year: perYear + perDwelling × the driver `dwellingsDriver` (homes built) of the
   * year + perResident × the residents at the end of the year before (homes others leave).
   */
  inMigrants: { perYear: number; perDwelling: number; perResident: number; dwellingsDriver?: string };
  /** Uncertainty of the assumptions' scale factors (`population.<name>` parameters). */
  distributions: Partial<Record<PopulationScale, Distribution>>;
  /**
   * The drivers the projection drives: each driver that is an age band (`drivers.json` `ages`, or
   * an id such as `residents_80plus`), with its band.
   */
  bands: { driver: string; band: AgeBand }[];
}

export interface DataPackage {
  municipality: Municipality;
  /** The last year with actual headcount. */
  baseYear: number;
  drivers: Record<string, DriverSeries>;
  /** Process id → year → actual FTE. */
  headcount: Record<string, Record<number, number>>;
  processes: Process[];
  levers: Lever[];
  scenarios: Record<string, Scenario>;
  /** Named alternative forecasts a scenario may pick (`driverSet`); none when absent. */
  driverSets?: Record<string, DriverSet>;
  /** The cohort projection's base and assumptions, when the package has `population/`. */
  population?: Population;
}
