/**
 * Calibration: driver elasticities and a drift per process, fitted from the headcount history.
 *
 * For a process with actual FTE F_t, individual allowances IA (constant in the model) and drivers
 * D_d,t in the history years t, relative to a base year b (by default the package's base year):
 *
 *     ln((F_t − IA) / (F_b − IA)) = Σ_d E_d · ln(D_d,t / D_d,b) + g · (t − b)     (least squares, no intercept)
 *
 * E_d is the elasticity of the process's work (all but its allowances) to driver d, and
 * drift = e^g − 1 the yearly relative change no driver explains (service standard, coverage,
 * mission), which the model applies as (1 + drift)^(t − b) to the fixed work and the activities.
 * The drift term is left out with `drift: false`. The fit goes through the origin because the
 * model is anchored there: in the base year every ratio is 1 and the model's FTE equals the
 * actual. The normal equations (XᵀX) β = Xᵀy are solved with mathjs (`lusolve`); the standard
 * errors come from s²·(XᵀX)⁻¹ (for the drift by the delta method, se(drift) = e^g · se(g)).
 *
 * Few points limit this a great deal. Nacka's history is 2015–2018: three points besides the base
 * year, for one elasticity and a drift: one degree of freedom. And drivers that grew linearly in
 * those years (residents were interpolated) move in step with time itself, so their elasticity and
 * the drift cannot be told apart. A fit is `trusted` only with at least {@link MIN_DEGREES_OF_FREEDOM}
 * degrees of freedom and no two regressors moving almost in step; the warnings say why not.
 *
 * The result is plain data that round-trips through JSON; {@link calibrationToSet} turns it into a
 * scenario's `set` (parameter path → value).
 */
import { inv, lusolve } from "mathjs";
import { sampleCorrelation } from "simple-statistics";
import { type DataPackage, type Process, SUPPORTED_FTE } from "./data-package.ts";
import { availableHours, calibrateProcess } from "./workload.ts";

export const CALIBRATION_METHOD = "log-log least squares through the origin, with a yearly drift term";

/** Points beyond the parameters fitted (degrees of freedom) a fit needs before it is trusted. */
export const MIN_DEGREES_OF_FREEDOM = 3;

/** Regressors whose correlation over the history exceeds this in absolute value cannot be told apart. */
export const COLLINEAR = 0.95;

/** Fitted elasticities above this (or below 0) are flagged: workload rarely grows much faster than its driver. */
export const PLAUSIBLE_ELASTICITY = 3;

/** Fitted drifts beyond ±5 % a year are flagged: a change of service standard that compounds for decades. */
export const PLAUSIBLE_DRIFT = 0.05;

export interface CalibrationOptions {
  /**
   * Drivers to fit per process id. Default: each process's main driver, the one with the largest
   * FTE-weighted elasticity in the package (one driver, because the history is short).
   */
  drivers?: Record<string, string[]>;
  /** Base year of the ratios and last year used. Default: the package's base year. */
  baseYear?: number;
  /** Whether to fit a yearly drift besides the elasticities. Default true. */
  drift?: boolean;
}

/** How well one process's elasticities and drift are determined. */
export interface ProcessFit {
  drivers: string[];
  /** Whether a drift term was fitted. */
  fitsDrift: boolean;
  /** History years used besides the base year. */
  years: number[];
  /** Number of points (years) in the fit. */
  points: number;
  /** Points minus parameters fitted. */
  degreesOfFreedom: number;
  /** Standard error of each elasticity; null without degrees of freedom. */
  standardErrors: Record<string, number | null>;
  /** Standard error of the drift; null without a drift term or without degrees of freedom. */
  driftStandardError: number | null;
  /** Uncentred R² (the usual measure for a fit without intercept); null when undefined. */
  rSquared: number | null;
  /** Residual standard deviation of ln((F_t − IA)/(F_b − IA)); null without degrees of freedom. */
  residualSd: number | null;
  /**
   * Whether the fit can be trusted: fitted, at least {@link MIN_DEGREES_OF_FREEDOM} degrees of
   * freedom, and no two regressors (drivers, time) with a correlation above {@link COLLINEAR}.
   */
  trusted: boolean;
  /** Why the fit is weak or missing, in plain words. */
  warnings: string[];
}

/** Fitted elasticities and drifts: plain data that round-trips through JSON. */
export interface Calibration {
  method: typeof CALIBRATION_METHOD;
  baseYear: number;
  /** Process id → driver id → elasticity. A process whose fit failed is absent (see `fitStats`). */
  elasticities: Record<string, Record<string, number>>;
  /** Process id → fitted yearly drift (absent where none was fitted). */
  drift: Record<string, number>;
  /** Process id → fit statistics, for every process. */
  fitStats: Record<string, ProcessFit>;
}

/** The value of a driver in a year, or undefined; `supported_fte` is the supported processes' headcount. */
export function driverValue(pkg: DataPackage, process: Process, driver: string, year: number): number | undefined {
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

/** Whether a driver's value in a year is not an actual (kind `estimate` or `forecast` in drivers.csv). */
function isEstimate(pkg: DataPackage, driver: string, year: number): boolean {
  const series = pkg.drivers[driver];
  return series !== undefined && series.actual[year - series.firstYear] === false;
}

/** Base-year FTE of each activity of a process (calibrated to the actual), its variable FTE, and the FTE that moves (all but allowances). */
function activityWeights(pkg: DataPackage, process: Process, baseYear: number): { fte: number[]; variable: number; moving: number } {
  const actual = pkg.headcount[process.id]?.[baseYear] ?? 0;
  const c = calibrateProcess(process, actual, availableHours(pkg.municipality.workingTime));
  return { fte: c.activityFte, variable: actual - c.fixedFte - c.allowanceFte, moving: actual - c.allowanceFte };
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

/** Fits one process; returns its elasticities and drift (or none) and its statistics. */
function fitProcess(
  pkg: DataPackage,
  process: Process,
  drivers: string[],
  baseYear: number,
  fitsDrift: boolean,
): { elasticities?: Record<string, number>; drift?: number; fit: ProcessFit } {
  const warnings: string[] = [];
  const k = drivers.length + (fitsDrift ? 1 : 0);
  const fit = (extra: Partial<ProcessFit> = {}): ProcessFit => ({
    drivers,
    fitsDrift,
    years: [],
    points: 0,
    degreesOfFreedom: 0,
    standardErrors: Object.fromEntries(drivers.map((d) => [d, null])),
    driftStandardError: null,
    rSquared: null,
    residualSd: null,
    trusted: false,
    warnings,
    ...extra,
  });
  const history = pkg.headcount[process.id] ?? {};
  const allowance = process.individualAllowanceFte;
  const base = history[baseYear];
  const baseDrivers = drivers.map((d) => driverValue(pkg, process, d, baseYear));
  if (base === undefined || !(base - allowance > 0)) {
    warnings.push(`no headcount above the individual allowances in the base year ${baseYear}`);
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
    if (!(fte - allowance > 0) || values.some((v) => !(v! > 0))) continue;
    years.push(year);
    y.push(Math.log((fte - allowance) / (base - allowance)));
    x.push([...values.map((v, i) => Math.log(v! / baseDrivers[i]!)), ...(fitsDrift ? [year - baseYear] : [])]);
  }
  const estimated = drivers.filter((d) => years.some((year) => isEstimate(pkg, d, year)) || isEstimate(pkg, d, baseYear));
  if (estimated.length > 0) {
    warnings.push(`history values of ${estimated.join(", ")} are estimates (kind "estimate" or "forecast" in drivers.csv), not actuals`);
  }
  const what = `${drivers.length} elasticit${drivers.length === 1 ? "y" : "ies"}${fitsDrift ? " and a drift" : ""}`;
  if (years.length < k) {
    warnings.push(`${years.length} history point${years.length === 1 ? "" : "s"} besides the base year cannot determine ${what}`);
    return { fit: fit({ years, points: years.length }) };
  }
  const dof = years.length - k;
  if (dof === 0) warnings.push(`as many points as parameters (${what}): the fit is exact and nothing is left to judge it by`);
  else if (dof < MIN_DEGREES_OF_FREEDOM) {
    warnings.push(`history too short to trust the fit: ${years.length} points for ${what} leave ${dof} degree${dof === 1 ? "" : "s"} of freedom (${MIN_DEGREES_OF_FREEDOM} needed)`);
  }
  const names = [...drivers, ...(fitsDrift ? ["time (the drift)"] : [])];
  let collinear = false;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      if (years.length < 2) continue;
      const r = sampleCorrelation(
        x.map((row) => row[i]!),
        x.map((row) => row[j]!),
      );
      if (Math.abs(r) > COLLINEAR) {
        collinear = true;
        warnings.push(`${names[i]} and ${names[j]} moved almost in step (r = ${r.toFixed(3)}): their effects cannot be told apart`);
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
    const g = fitsDrift ? result.e[k - 1]! : 0;
    const gError = fitsDrift ? result.standardErrors[k - 1]! : null;
    const drift = Math.exp(g) - 1;
    if (fitsDrift && Math.abs(drift) > PLAUSIBLE_DRIFT) {
      warnings.push(
        `the drift is ${(drift * 100).toFixed(1)} % a year, beyond ±${PLAUSIBLE_DRIFT * 100} %: carried to the horizon it would compound far past any change of service standard`,
      );
    }
    return {
      elasticities: Object.fromEntries(drivers.map((d, i) => [d, result.e[i]!])),
      ...(fitsDrift ? { drift } : {}),
      fit: fit({
        years,
        points: years.length,
        degreesOfFreedom: dof,
        standardErrors: Object.fromEntries(drivers.map((d, i) => [d, result.standardErrors[i]!])),
        driftStandardError: gError === null ? null : Math.exp(g) * gError,
        rSquared: result.rSquared,
        residualSd: result.residualSd,
        trusted: dof >= MIN_DEGREES_OF_FREEDOM && !collinear,
      }),
    };
  } catch {
    warnings.push(`${names.join(", ")} did not change independently in the history years: no unique fit`);
    return { fit: fit({ years, points: years.length, degreesOfFreedom: dof }) };
  }
}

/**
 * Fits each process's driver elasticities and drift from the package's headcount and driver history.
 *
 * @throws Error for an unknown process or driver in `options.drivers`.
 * @example calibrate(pkg).elasticities.social_services // { residents: 0.71 }; calibrate(pkg).drift.social_services // 0.004
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
  const fitsDrift = options.drift ?? true;
  const elasticities: Record<string, Record<string, number>> = {};
  const drift: Record<string, number> = {};
  const fitStats: Record<string, ProcessFit> = {};
  for (const process of pkg.processes) {
    const drivers = options.drivers?.[process.id] ?? [mainDriver(pkg, process, baseYear)];
    const fitted = fitProcess(pkg, process, drivers, baseYear, fitsDrift);
    if (fitted.elasticities) elasticities[process.id] = fitted.elasticities;
    if (fitted.drift !== undefined) drift[process.id] = fitted.drift;
    fitStats[process.id] = fitted.fit;
  }
  return { method: CALIBRATION_METHOD, baseYear, elasticities, drift, fitStats };
}

/**
 * A calibration as a scenario's `set`: for every activity of a fitted process, its elasticity to
 * each fitted driver, and 0 for its other drivers (the fit says the process moves with the fitted
 * drivers only); and the process's fitted drift (`processes.<id>.drift`).
 *
 * A fitted elasticity E is of the process's moving FTE (all but the allowances), of which the fixed
 * work does not move with drivers; an activity's elasticity acts on its own variable work. So each
 * activity with driver d gets E_d / (v · W_d), where v is the variable share of the moving
 * base-year FTE and W_d the share of the variable work in activities that have d: the process then
 * moves by E_d to first order, as fitted. (Fixed work that follows drivers in processes.json keeps
 * its own elasticities; the conversion treats it as fixed.) The drift applies to the moving FTE as
 * fitted, so it is carried over as it is.
 *
 * @throws Error if a fitted driver is not a driver of any activity of its process.
 * @example compilePlan(pkg, { ...scenario, set: { ...scenario.set, ...calibrationToSet(pkg, calibrate(pkg)) } })
 */
export function calibrationToSet(pkg: DataPackage, calibration: Calibration): Record<string, number> {
  const set: Record<string, number> = {};
  for (const [id, fitted] of Object.entries(calibration.elasticities)) {
    const process = pkg.processes.find((p) => p.id === id);
    if (!process) throw new Error(`the calibration names a process "${id}" that the package does not have`);
    const { fte, variable, moving } = activityWeights(pkg, process, pkg.baseYear);
    const v = moving > 0 ? variable / moving : 0;
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
    const drift = calibration.drift?.[id];
    if (drift !== undefined) set[`processes.${id}.drift`] = drift;
  }
  return set;
}
