/**
 * Calibration: driver elasticities per process fitted from the headcount history.
 *
 * For a process with actual FTE F_t and drivers D_d,t in the history years, relative to a base year
 * b (by default the package's base year):
 *
 *     ln(F_t / F_b) = Σ_d e_d · ln(D_d,t / D_d,b)            (least squares, no intercept)
 *
 * The fit goes through the origin because the model is anchored there: in the base year every
 * driver ratio is 1 and the model's FTE equals the actual, so a fitted intercept (a drift in FTE
 * that no driver explains) would contradict the model it is meant to feed. The normal equations
 * (XᵀX) e = Xᵀy are solved with mathjs (`lusolve`), for one driver as for several; the standard
 * errors come from s²·(XᵀX)⁻¹.
 *
 * Few points limit this a great deal. Nacka's history is 2015–2018: three points besides the base
 * year. One driver can be fitted, with two degrees of freedom to judge it; two drivers leave one;
 * and drivers that grew in step (residents and the age bands, all interpolated linearly in those
 * years) cannot be told apart at all. The fit statistics and warnings say so for each process.
 *
 * The result is plain data that round-trips through JSON; {@link calibrationToSet} turns it into a
 * scenario's `set` (parameter path → value).
 */
import { inv, lusolve } from "mathjs";
import { sampleCorrelation } from "simple-statistics";
import { type DataPackage, type Process, SUPPORTED_FTE } from "./data-package.ts";
import { availableHours, calibrateProcess } from "./workload.ts";

export const CALIBRATION_METHOD = "log-log least squares through the origin";

/** Fitted elasticities above this (or below 0) are flagged: workload rarely grows much faster than its driver. */
export const PLAUSIBLE_ELASTICITY = 3;

export interface CalibrationOptions {
  /**
   * Drivers to fit per process id. Default: each process's main driver, the one with the largest
   * FTE-weighted elasticity in the package (one driver, because the history is short).
   */
  drivers?: Record<string, string[]>;
  /** Base year of the ratios and last year used. Default: the package's base year. */
  baseYear?: number;
}

/** How well one process's elasticities are determined. */
export interface ProcessFit {
  drivers: string[];
  /** History years used besides the base year. */
  years: number[];
  /** Number of points (years) in the fit. */
  points: number;
  /** Standard error of each elasticity; null without degrees of freedom (points ≤ drivers). */
  standardErrors: Record<string, number | null>;
  /** Uncentred R² (the usual measure for a fit without intercept); null when undefined. */
  rSquared: number | null;
  /** Residual standard deviation of ln(F_t / F_b); null without degrees of freedom. */
  residualSd: number | null;
  /** Why the fit is weak or missing, in plain words. */
  warnings: string[];
}

/** Fitted elasticities: plain data that round-trips through JSON. */
export interface Calibration {
  method: typeof CALIBRATION_METHOD;
  baseYear: number;
  /** Process id → driver id → elasticity. A process whose fit failed is absent (see `fitStats`). */
  elasticities: Record<string, Record<string, number>>;
  /** Process id → fit statistics, for every process. */
  fitStats: Record<string, ProcessFit>;
}

/** The value of a driver in a year, or undefined; `supported_fte` is the supported processes' headcount. */
function driverValue(pkg: DataPackage, process: Process, driver: string, year: number): number | undefined {
  if (driver === SUPPORTED_FTE) {
    let sum = 0;
    for (const id of process.supports) {
      const fte = pkg.headcount[id]?.[year];
      if (fte === undefined) return undefined;
      sum += fte;
    }
    return process.supports.length > 0 ? sum : undefined;
  }
  const series = pkg.drivers[driver];
  return series?.values[year - series.firstYear];
}

/** Whether a driver's value in a year is an estimate (kind `forecast`) rather than an actual. */
function isEstimate(pkg: DataPackage, driver: string, year: number): boolean {
  const series = pkg.drivers[driver];
  return series !== undefined && series.actual[year - series.firstYear] === false;
}

/** Base-year FTE of each activity of a process (calibrated to the actual), and its variable FTE. */
function activityWeights(pkg: DataPackage, process: Process, baseYear: number): { fte: number[]; variable: number; actual: number } {
  const actual = pkg.headcount[process.id]?.[baseYear] ?? 0;
  const c = calibrateProcess(process, actual, availableHours(pkg.municipality.workingTime));
  return { fte: c.activityFte, variable: actual - c.fixedFte - c.allowanceFte, actual };
}

/** The driver with the largest FTE-weighted elasticity over a process's activities. */
export function mainDriver(pkg: DataPackage, process: Process, baseYear = pkg.baseYear): string {
  const { fte } = activityWeights(pkg, process, baseYear);
  const weight = new Map<string, number>();
  process.activities.forEach((a, i) => {
    for (const [d, e] of Object.entries(a.drivers)) weight.set(d, (weight.get(d) ?? 0) + (fte[i] ?? 0) * e);
  });
  let best = "";
  let bestWeight = -Infinity;
  for (const [d, w] of weight) {
    if (w > bestWeight) {
      best = d;
      bestWeight = w;
    }
  }
  return best;
}

/** Least squares through the origin: e = (XᵀX)⁻¹Xᵀy, with its statistics. */
function fitThroughOrigin(
  x: number[][],
  y: number[],
): { e: number[]; standardErrors: (number | null)[]; rSquared: number | null; residualSd: number | null } {
  const n = y.length;
  const k = x[0]!.length;
  const xtx = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => x.reduce((s, row) => s + row[i]! * row[j]!, 0)),
  );
  const xty = Array.from({ length: k }, (_, i) => x.reduce((s, row, t) => s + row[i]! * y[t]!, 0));
  const e = (lusolve(xtx, xty) as number[][]).map((row) => row[0]!);
  const residuals = y.map((v, t) => v - x[t]!.reduce((s, xi, i) => s + xi * e[i]!, 0));
  const ssr = residuals.reduce((s, r) => s + r * r, 0);
  const sst = y.reduce((s, v) => s + v * v, 0);
  const dof = n - k;
  const variance = dof > 0 ? ssr / dof : null;
  const covariance = variance !== null ? (inv(xtx) as number[][]) : null;
  return {
    e,
    standardErrors: e.map((_, i) => (covariance && variance !== null ? Math.sqrt(variance * covariance[i]![i]!) : null)),
    rSquared: sst > 0 ? 1 - ssr / sst : null,
    residualSd: variance !== null ? Math.sqrt(variance) : null,
  };
}

/** Fits one process; returns its elasticities (or none) and its statistics. */
function fitProcess(pkg: DataPackage, process: Process, drivers: string[], baseYear: number): { elasticities?: Record<string, number>; fit: ProcessFit } {
  const warnings: string[] = [];
  const fit = (extra: Partial<ProcessFit> = {}): ProcessFit => ({
    drivers,
    years: [],
    points: 0,
    standardErrors: Object.fromEntries(drivers.map((d) => [d, null])),
    rSquared: null,
    residualSd: null,
    warnings,
    ...extra,
  });
  const history = pkg.headcount[process.id] ?? {};
  const base = history[baseYear];
  const baseDrivers = drivers.map((d) => driverValue(pkg, process, d, baseYear));
  if (base === undefined || !(base > 0)) {
    warnings.push(`no positive headcount in the base year ${baseYear}`);
    return { fit: fit() };
  }
  const missing = drivers.filter((_, i) => !(baseDrivers[i]! > 0));
  if (missing.length > 0) {
    warnings.push(`no positive value in ${baseYear} for ${missing.join(", ")}`);
    return { fit: fit() };
  }
  const years: number[] = [];
  const x: number[][] = [];
  const y: number[] = [];
  for (const year of Object.keys(history).map(Number).sort((a, b) => a - b)) {
    if (year >= baseYear) continue;
    const fte = history[year]!;
    const values = drivers.map((d) => driverValue(pkg, process, d, year));
    if (!(fte > 0) || values.some((v) => !(v! > 0))) continue;
    years.push(year);
    y.push(Math.log(fte / base));
    x.push(values.map((v, i) => Math.log(v! / baseDrivers[i]!)));
  }
  const estimated = drivers.filter((d) => years.some((year) => isEstimate(pkg, d, year)) || isEstimate(pkg, d, baseYear));
  if (estimated.length > 0) {
    warnings.push(`history values of ${estimated.join(", ")} are estimates (kind "forecast" in drivers.csv), not actuals`);
  }
  const k = drivers.length;
  if (years.length < k) {
    warnings.push(`${years.length} history point${years.length === 1 ? "" : "s"} besides the base year cannot determine ${k} elasticit${k === 1 ? "y" : "ies"}`);
    return { fit: fit({ years, points: years.length }) };
  }
  if (years.length === k) warnings.push("as many points as elasticities: the fit is exact and nothing is left to judge it by");
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (years.length < 2) continue;
      const r = sampleCorrelation(
        x.map((row) => row[i]!),
        x.map((row) => row[j]!),
      );
      if (Math.abs(r) > 0.95) {
        warnings.push(`${drivers[i]} and ${drivers[j]} moved almost in step (r = ${r.toFixed(3)}): their elasticities cannot be told apart`);
      }
    }
  }
  try {
    const result = fitThroughOrigin(x, y);
    if (!result.e.every(Number.isFinite)) throw new Error("not finite");
    drivers.forEach((d, i) => {
      const e = result.e[i]!;
      if (e < 0 || e > PLAUSIBLE_ELASTICITY) {
        warnings.push(
          `the elasticity to ${d} is ${e.toFixed(2)}, outside 0–${PLAUSIBLE_ELASTICITY}: the history probably moved for another reason ` +
            `(a reorganisation, a build-up) that this driver does not explain; do not carry it to the horizon without judgement`,
        );
      }
    });
    return {
      elasticities: Object.fromEntries(drivers.map((d, i) => [d, result.e[i]!])),
      fit: fit({
        years,
        points: years.length,
        standardErrors: Object.fromEntries(drivers.map((d, i) => [d, result.standardErrors[i]!])),
        rSquared: result.rSquared,
        residualSd: result.residualSd,
      }),
    };
  } catch {
    warnings.push(`the drivers ${drivers.join(", ")} did not change independently in the history years: no unique fit`);
    return { fit: fit({ years, points: years.length }) };
  }
}

/**
 * Fits each process's driver elasticities from the package's headcount and driver history.
 *
 * @throws Error for an unknown process or driver in `options.drivers`.
 * @example calibrate(pkg).elasticities.social_services // { residents: 0.71 }
 */
export function calibrate(pkg: DataPackage, options: CalibrationOptions = {}): Calibration {
  const baseYear = options.baseYear ?? pkg.baseYear;
  for (const [id, drivers] of Object.entries(options.drivers ?? {})) {
    const process = pkg.processes.find((p) => p.id === id);
    if (!process) throw new Error(`unknown process "${id}"; the processes are ${pkg.processes.map((p) => p.id).join(", ")}`);
    for (const d of drivers) {
      if (d !== SUPPORTED_FTE && !(d in pkg.drivers)) {
        throw new Error(`unknown driver "${d}" for ${id}; the drivers are ${Object.keys(pkg.drivers).join(", ")}`);
      }
      if (d === SUPPORTED_FTE && process.supports.length === 0) throw new Error(`${id} supports no process: it has no ${SUPPORTED_FTE}`);
    }
    if (drivers.length === 0) throw new Error(`no drivers given for ${id}`);
  }
  const elasticities: Record<string, Record<string, number>> = {};
  const fitStats: Record<string, ProcessFit> = {};
  for (const process of pkg.processes) {
    const drivers = options.drivers?.[process.id] ?? [mainDriver(pkg, process, baseYear)];
    const { elasticities: fitted, fit } = fitProcess(pkg, process, drivers, baseYear);
    if (fitted) elasticities[process.id] = fitted;
    fitStats[process.id] = fit;
  }
  return { method: CALIBRATION_METHOD, baseYear, elasticities, fitStats };
}

/**
 * A calibration as a scenario's `set`: for every activity of a fitted process, its elasticity to
 * each fitted driver, and 0 for its other drivers (the fit says the process moves with the fitted
 * drivers only).
 *
 * A fitted elasticity E is of the process's whole FTE, of which the fixed work and the allowances do
 * not move; an activity's elasticity acts on its own variable work. So each activity with driver d
 * gets E_d / (v · W_d), where v is the process's variable share of its base-year FTE and W_d the
 * share of the variable work in activities that have d: the process then moves by E_d to first
 * order, as fitted.
 *
 * @throws Error if a fitted driver is not a driver of any activity of its process.
 * @example compilePlan(pkg, { ...scenario, set: { ...scenario.set, ...calibrationToSet(pkg, calibrate(pkg)) } })
 */
export function calibrationToSet(pkg: DataPackage, calibration: Calibration): Record<string, number> {
  const set: Record<string, number> = {};
  for (const [id, fitted] of Object.entries(calibration.elasticities)) {
    const process = pkg.processes.find((p) => p.id === id);
    if (!process) throw new Error(`the calibration names a process "${id}" that the package does not have`);
    const { fte, variable, actual } = activityWeights(pkg, process, pkg.baseYear);
    const v = actual > 0 ? variable / actual : 0;
    for (const [d, e] of Object.entries(fitted)) {
      const reached = process.activities.reduce((s, a, i) => (d in a.drivers ? s + (fte[i] ?? 0) : s), 0);
      const w = variable > 0 ? reached / variable : 0;
      if (!(v > 0 && w > 0)) {
        throw new Error(`${id}: no activity with variable work has the driver ${d}; add it to an activity in processes.json first`);
      }
      process.activities.forEach((a) => {
        if (d in a.drivers) set[`processes.${id}.activities.${a.id}.elasticity.${d}`] = e / (v * w);
      });
    }
    for (const a of process.activities) {
      for (const d of Object.keys(a.drivers)) {
        if (!(d in fitted)) set[`processes.${id}.activities.${a.id}.elasticity.${d}`] = 0;
      }
    }
  }
  return set;
}
