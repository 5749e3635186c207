/**
 * The data package: a municipality's inputs, as plain typed data.
 *
 * Produced by {@link parseDataPackage} from file texts (see `data/README.md` for the file formats);
 * everything here has been validated, so the model never checks it again.
 */
import type { Distribution } from "./distributions.ts";

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

/** One driver's yearly values from its first year to the horizon, without gaps. */
export interface DriverSeries {
  id: string;
  /** Year of `values[0]`. */
  firstYear: number;
  values: number[];
  /** `true` where the value is an actual, `false` where it is a forecast. */
  actual: boolean[];
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
  /** Ids of the processes this support process supports (resolved from "all"); empty for a core process. */
  supports: string[];
  activities: Activity[];
}

export const LEVER_KINDS = ["automation", "self_service", "failure_demand", "consolidation", "stop_doing"] as const;
export type LeverKind = (typeof LEVER_KINDS)[number];

/** The fixed work of a process, as a lever target's activity. */
export const FIXED_WORK = "fixed";

export interface LeverTarget {
  process: string;
  /** An activity id of the process, or {@link FIXED_WORK}. */
  activity: string;
  /** Share 0–1 of the targeted work the lever can reach. */
  reach: number;
}

export type Adoption =
  | { curve: "logistic"; startYear: number; midpoint: number; steepness: number; ceiling: number }
  | { curve: "bass"; startYear: number; p: number; q: number; ceiling: number };

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

export interface Scenario {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  /** Scales every driver's change from the base year; 2 = double the growth. */
  growthMultiplier: number;
  /** Driver id → yearly growth rate replacing the driver's forecast years. */
  driverGrowthRates: Record<string, number>;
  /** Ids of the active levers; none = the baseline. */
  levers: string[];
  /** Parameter path → value, overriding any numeric assumption. */
  set: Record<string, number>;
  /** Parameter path → distribution. */
  uncertainty: Record<string, Distribution>;
}

/** A scenario that keeps every assumption as the package gives it, with the given levers active. */
export function defaultScenario(id: string, name: LocalizedText, levers: string[] = []): Scenario {
  return {
    id,
    name,
    description: { sv: "", en: "" },
    growthMultiplier: 1,
    driverGrowthRates: {},
    levers,
    set: {},
    uncertainty: {},
  };
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
}
