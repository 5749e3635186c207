/**
 * Backtest: how well the model would have predicted the last years of the headcount history.
 *
 * The last `holdout` history years are hidden. The model is rerun as if its base year were the
 * last year kept (calibrated to that year's actual FTE), with the drivers as they actually turned
 * out and no levers, and its FTE per process in the hidden years is compared with the actual
 * headcount. Three forecasts are scored by the mean absolute percentage error (MAPE):
 *
 * - `model`: the package's elasticities;
 * - `calibrated`: elasticities fitted (`calibrate.ts`) on the kept years only, applied through
 *   the scenario `set` paths;
 * - `naive`: FTE grows with residents (elasticity 1 on `residents`, no fixed work).
 *
 * A model that cannot beat the naive forecast on its own history has not earned its detail.
 */
import { calibrate, calibrationToSet, PLAUSIBLE_ELASTICITY } from "./calibrate.ts";
import type { DataPackage } from "./data-package.ts";
import { defaultScenario } from "./scenario.ts";
import { forecast } from "./forecast.ts";
import { compilePlan } from "./plan.ts";

export const BACKTEST_METHODS = ["model", "calibrated", "naive"] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

export interface BacktestOptions {
  /** Number of last history years to hide, an integer ≥ 1; default 1. */
  holdout?: number;
}

/** One process in one hidden year: actual FTE and each forecast (null where a method could not run). */
export interface BacktestRow {
  process: string;
  year: number;
  actual: number;
  model: number;
  calibrated: number | null;
  naive: number | null;
}

/** MAPE per method for one process (or `total`, the sum of all processes), percent. */
export interface BacktestScore {
  process: string;
  model: number;
  calibrated: number | null;
  naive: number | null;
}

export interface BacktestResult {
  /** Last history year kept: the base year of the backtest forecasts. */
  cutoffYear: number;
  /** The hidden years. */
  heldOutYears: number[];
  /** History years kept (the calibrated forecast is fitted on these). */
  keptYears: number[];
  rows: BacktestRow[];
  /** One score per process, then `total`. */
  mape: BacktestScore[];
  /** What limits the comparison, in plain words. */
  notes: string[];
}

/** The total series in {@link BacktestResult.mape}. */
export const BACKTEST_TOTAL = "total";

/** Mean absolute percentage error, percent: mean over the pairs of |forecast − actual| / actual × 100. */
export function meanAbsolutePercentageError(forecasts: number[], actuals: number[]): number {
  if (forecasts.length !== actuals.length || forecasts.length === 0) {
    throw new Error(`MAPE needs as many forecasts as actuals (≥ 1), got ${forecasts.length} and ${actuals.length}`);
  }
  let sum = 0;
  for (let i = 0; i < actuals.length; i++) sum += Math.abs(forecasts[i]! - actuals[i]!) / Math.abs(actuals[i]!);
  return (sum / actuals.length) * 100;
}

const BACKTEST_SCENARIO = defaultScenario("backtest", { sv: "Bakåttest", en: "Backtest" });

/** The package as it stood at the end of `cutoff`: headcount up to then, horizon at `horizon`, no levers. */
function packageAt(pkg: DataPackage, cutoff: number, horizon: number): DataPackage {
  const headcount = Object.fromEntries(
    Object.entries(pkg.headcount).map(([p, years]) => [
      p,
      Object.fromEntries(Object.entries(years).filter(([year]) => Number(year) <= cutoff)),
    ]),
  );
  return {
    ...pkg,
    baseYear: cutoff,
    headcount,
    municipality: { ...pkg.municipality, horizon },
    levers: [],
    scenarios: {},
  };
}

/** FTE per process and year of a baseline forecast of a package, with optional `set` overrides. */
function project(pkg: DataPackage, set: Record<string, number>): Map<string, number[]> {
  const compiled = compilePlan(pkg, { ...BACKTEST_SCENARIO, set });
  if (!compiled.ok) throw new Error(`backtest: ${compiled.errors.map((e) => e.message).join("; ")}`);
  const result = forecast(compiled.plan);
  const out = new Map<string, number[]>();
  for (const row of result.rows) {
    const list = out.get(row.process) ?? [];
    list.push(row.totalFte);
    out.set(row.process, list);
  }
  return out;
}

/**
 * Backtests a package on its own headcount history (see the module's description).
 *
 * @throws RangeError when `holdout` leaves no history year to start from.
 * @example backtest(pkg, { holdout: 1 }).mape.find((s) => s.process === "total")
 */
export function backtest(pkg: DataPackage, options: BacktestOptions = {}): BacktestResult {
  const holdout = options.holdout ?? 1;
  const history = [...new Set(Object.values(pkg.headcount).flatMap((years) => Object.keys(years).map(Number)))].sort(
    (a, b) => a - b,
  );
  if (!Number.isInteger(holdout) || holdout < 1 || holdout >= history.length) {
    throw new RangeError(
      `invalid holdout: ${holdout}; the history has ${history.length} years (${history.join(", ")}), so hold out 1 to ${history.length - 1}`,
    );
  }
  const cutoff = history[history.length - 1 - holdout]!;
  const heldOut = history.slice(history.length - holdout);
  const kept = history.slice(0, history.length - holdout);
  const last = heldOut[heldOut.length - 1]!;
  const notes: string[] = [];
  const past = packageAt(pkg, cutoff, last);
  const model = project(past, {});

  let calibrated: Map<string, number[]> | null = null;
  if (kept.length >= 2) {
    const calibration = calibrate(past);
    calibrated = project(past, calibrationToSet(past, calibration));
    const implausible = Object.entries(calibration.fitStats)
      .filter(([, fit]) => fit.warnings.some((w) => w.startsWith("the elasticity to")))
      .map(([id]) => id);
    if (implausible.length > 0) {
      notes.push(
        `calibrated: implausible elasticities (below 0 or above ${PLAUSIBLE_ELASTICITY}) for ${implausible.join(", ")}: ` +
          "they fit the last years but would not carry to the horizon",
      );
    }
    const unfitted = pkg.processes.filter((p) => !(p.id in calibration.elasticities)).map((p) => p.id);
    if (unfitted.length > 0) notes.push(`calibrated: no fit for ${unfitted.join(", ")}; the package's elasticities are used there`);
    const points = kept.length - 1;
    notes.push(
      `calibrated: fitted on ${kept.join(", ")} (${points} point${points === 1 ? "" : "s"} per process besides ${cutoff}), one driver per process`,
    );
  } else {
    notes.push(`calibrated: needs at least two kept years to fit; only ${kept.join(", ")} is kept`);
  }

  const residents = pkg.drivers.residents;
  const residentsIn = (year: number) => (residents ? residents.values[year - residents.firstYear] : undefined);
  const naiveBase = residentsIn(cutoff);
  if (naiveBase === undefined) notes.push("naive: the package has no residents driver");
  const estimated = Object.values(pkg.drivers)
    .filter((s) => [cutoff, ...heldOut].some((year) => s.actual[year - s.firstYear] === false))
    .map((s) => s.id);
  if (estimated.length > 0) {
    notes.push(`drivers with estimated (not actual) values in ${cutoff}–${last}: ${estimated.join(", ")}`);
  }

  const rows: BacktestRow[] = [];
  for (const process of pkg.processes) {
    heldOut.forEach((year) => {
      const y = year - cutoff;
      const actual = pkg.headcount[process.id]?.[year];
      if (actual === undefined) return;
      const start = pkg.headcount[process.id]?.[cutoff];
      const residentsNow = residentsIn(year);
      rows.push({
        process: process.id,
        year,
        actual,
        model: model.get(process.id)![y]!,
        calibrated: calibrated ? calibrated.get(process.id)![y]! : null,
        naive:
          naiveBase !== undefined && residentsNow !== undefined && start !== undefined
            ? start * (residentsNow / naiveBase)
            : null,
      });
    });
  }

  const score = (process: string, list: BacktestRow[]): BacktestScore => {
    const actuals = list.map((r) => r.actual);
    const of = (pick: (r: BacktestRow) => number | null) => {
      const values = list.map(pick);
      return values.every((v): v is number => v !== null) ? meanAbsolutePercentageError(values, actuals) : null;
    };
    return { process, model: of((r) => r.model)!, calibrated: of((r) => r.calibrated), naive: of((r) => r.naive) };
  };
  const totals: BacktestRow[] = heldOut.map((year) => {
    const inYear = rows.filter((r) => r.year === year);
    const sum = (pick: (r: BacktestRow) => number | null) =>
      inYear.every((r) => pick(r) !== null) ? inYear.reduce((s, r) => s + pick(r)!, 0) : null;
    return {
      process: BACKTEST_TOTAL,
      year,
      actual: sum((r) => r.actual)!,
      model: sum((r) => r.model)!,
      calibrated: sum((r) => r.calibrated),
      naive: sum((r) => r.naive),
    };
  });
  const mape = [
    ...pkg.processes
      .map((p) => rows.filter((r) => r.process === p.id))
      .filter((list) => list.length > 0)
      .map((list) => score(list[0]!.process, list)),
    score(BACKTEST_TOTAL, totals),
  ];
  return { cutoffYear: cutoff, heldOutYears: heldOut, keptYears: kept, rows, mape, notes };
}
