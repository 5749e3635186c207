/**
 * Workload after WHO's Workload Indicators of Staffing Need (WISN), and the calibration of a
 * process's activities to its actual base-year FTE.
 *
 * WHO (2010, revised 2023), *Workload Indicators of Staffing Need: user's manual*.
 */
import type { Process, WorkingTime } from "./data-package.ts";

/**
 * WISN available working time per FTE and year, hours:
 * (working days − holidays − leave − sickness − other absence) × hours per day.
 */
export function availableHours(time: WorkingTime): number {
  const days = time.workingDays - time.holidays - time.leave - time.sickness - time.otherAbsence;
  return days * time.hoursPerDay;
}

/** WISN category allowance factor: CAF = 1 / (1 − share of time in support work). */
export function categoryAllowanceFactor(supportShare: number): number {
  return 1 / (1 - supportShare);
}

/** A process's base year, split into its parts so that they sum to the actual FTE. */
export interface ProcessCalibration {
  /** Actual FTE in the base year. */
  actualFte: number;
  /** FTE of the fixed work (fixedShare × actual); constant unless a lever removes it. */
  fixedFte: number;
  /** WISN individual allowances, FTE. */
  allowanceFte: number;
  /** Calibrated base-year FTE per activity, in the process's activity order. */
  activityFte: number[];
  /**
   * The uncalibrated WISN requirement, Σ(volume × unit time ÷ available hours) × CAF + individual
   * allowances, FTE; `null` for a top-down process (activities given as shares).
   */
  wisnRequiredFte: number | null;
  /** Actual variable FTE ÷ WISN variable requirement; `null` for a top-down process. */
  calibrationFactor: number | null;
}

/**
 * Splits the actual base-year FTE of a process into fixed work, individual allowances and its
 * activities, so that the parts sum to the actual exactly.
 *
 * Bottom-up activities keep the proportions of their WISN workload (volume × unit time × CAF);
 * top-down activities take their share of the variable work.
 */
export function calibrateProcess(process: Process, actualFte: number, hoursPerFte: number): ProcessCalibration {
  const fixedFte = process.fixedShare * actualFte;
  const allowanceFte = process.individualAllowanceFte;
  const variableFte = actualFte - fixedFte - allowanceFte;
  const caf = categoryAllowanceFactor(process.supportShare);
  const wisnActivityFte = process.activities.map((a) =>
    a.workload.kind === "bottom-up" ? ((a.workload.volume * a.workload.unitTimeHours) / hoursPerFte) * caf : null,
  );
  if (wisnActivityFte.every((f): f is number => f !== null)) {
    const wisnVariable = wisnActivityFte.reduce((s, f) => s + f, 0);
    const factor = wisnVariable > 0 ? variableFte / wisnVariable : 0;
    return {
      actualFte,
      fixedFte,
      allowanceFte,
      activityFte: wisnActivityFte.map((f) => f * factor),
      wisnRequiredFte: wisnVariable + allowanceFte,
      calibrationFactor: wisnVariable > 0 ? factor : null,
    };
  }
  return {
    actualFte,
    fixedFte,
    allowanceFte,
    activityFte: process.activities.map((a) => (a.workload.kind === "share" ? a.workload.share * variableFte : 0)),
    wisnRequiredFte: null,
    calibrationFactor: null,
  };
}
