/**
 * Backtest: how well the model would have predicted its own headcount history, by rolling origin.
 *
 * Every history year but the last is a cutoff c in turn (after `initial` years, like Prophet's
 * `cross_validation`). From each cutoff the model is rerun as if c were the base year (calibrated
 * to c's actual FTE), with the drivers as they actually turned out and no levers, and its FTE per
 * process in each later history year t (horizon h = t − c) is compared with the actual headcount.
 * Four forecasts are scored by the mean absolute percentage error (MAPE), per process and horizon:
 *
 * - `model`: the package's elasticities and drift;
 * - `calibrated`: elasticities and drift fitted (`calibrate.ts`, default options: each process's
 *   main driver and a drift) on the years up to c only, applied through the scenario `set` paths
 *   (`calibrationToSet`); none where the years up to c cannot determine the fit;
 * - `naiveFlat`: FTE stays at its level in c;
 * - `naiveResidents`: FTE grows with residents, F(c) · R(t) / R(c) (none without a `residents` driver).
 *
 * A model that cannot beat the naive forecasts on its own history has not earned its detail.
 */
import { calibrate, calibrationToSet, MIN_DEGREES_OF_FREEDOM } from "./calibrate.ts";
import type { DataPackage } from "./data-package.ts";
import { defaultScenario } from "./assumptions.ts";
import { forecast } from "./forecast.ts";
import { compilePlan } from "./plan.ts";

export const BACKTEST_METHODS = ["model", "calibrated", "naiveFlat", "naiveResidents"] as const;
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

export interface BacktestOptions {
  /** History years before the first cutoff's year, counting it: an integer ≥ 1; default 1 (every year but the last is a cutoff). */
  initial?: number;
  /** Longest horizon scored, in years; default: as far as the history reaches. */
  horizon?: number;
}

/** One process, forecast from one cutoff for one later history year: the actual and each forecast (null where a method could not run). */
export interface BacktestRow {
  cutoff: number;
  year: number;
  /** year − cutoff. */
  horizon: number;
  process: string;
  actual: number;
  model: number;
  calibrated: number | null;
  naiveFlat: number;
  naiveResidents: number | null;
}

/** MAPE (percent) of each method for one process (or `total`) at one horizon (or all horizons: null). */
export interface BacktestScore {
  process: string;
  /** Years ahead; null for all horizons together. */
  horizon: number | null;
  /** Forecasts scored (cutoffs × years). */
  points: number;
  model: number;
  /** Over the points where a calibrated forecast exists (`calibratedPoints`); null where there is none. */
  calibrated: number | null;
  calibratedPoints: number;
  naiveFlat: number;
  naiveResidents: number | null;
}

export interface BacktestResult {
  /** The history years (years in headcount.csv). */
  historyYears: number[];
  /** The cutoffs forecast from. */
  cutoffs: number[];
  /** The horizons scored, 1 … the longest. */
  horizons: number[];
  /** One row per cutoff, later history year and process, cutoff by cutoff. */
  rows: BacktestRow[];
  /** Per process (then `total`, the sum of the processes), one score per horizon and then one for all horizons. */
  mape: BacktestScore[];
  /** Whether the calibrated forecast from the last cutoff rests on a trusted fit for every process (see `calibrate.ts`). */
  calibrationTrusted: boolean;
  /** What limits the comparison, in plain words, including when the history is too short to trust a fit. */
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
    Object.entries(pkg.headcount).map(([p, years]) => [p, Object.fromEntries(Object.entries(years).filter(([year]) => Number(year) <= cutoff))]),
  );
  return { ...pkg, baseYear: cutoff, headcount, municipality: { ...pkg.municipality, horizon }, levers: [], scenarios: {} };
}

/** FTE per process and year of a baseline forecast of a package, with `set` overrides; null when the set is refused. */
function project(pkg: DataPackage, set: Record<string, number>): { fte: Map<string, number[]> } | { refused: string } {
  const compiled = compilePlan(pkg, { ...BACKTEST_SCENARIO, set });
  if (!compiled.ok) return { refused: compiled.errors.map((e) => e.message).join("; ") };
  const fte = new Map<string, number[]>();
  for (const row of forecast(compiled.plan).rows) {
    const list = fte.get(row.process) ?? [];
    list.push(row.totalFte);
    fte.set(row.process, list);
  }
  return { fte };
}

/**
 * Backtests a package on its own headcount history by rolling origin (see the module's description).
 *
 * @throws RangeError when `initial` or `horizon` leave no cutoff or no horizon.
 * @example backtest(pkg).mape.find((s) => s.process === "total" && s.horizon === 1)
 */
export function backtest(pkg: DataPackage, options: BacktestOptions = {}): BacktestResult {
  const history = [...new Set(Object.values(pkg.headcount).flatMap((years) => Object.keys(years).map(Number)))].sort((a, b) => a - b);
  const initial = options.initial ?? 1;
  if (!Number.isInteger(initial) || initial < 1 || initial >= history.length) {
    throw new RangeError(
      `invalid initial: ${initial}; the history has ${history.length} years (${history.join(", ")}), so the first cutoff can come after 1 to ${history.length - 1} of them`,
    );
  }
  const longest = options.horizon ?? history.length - initial;
  if (!Number.isInteger(longest) || longest < 1) throw new RangeError(`invalid horizon: ${longest}; a horizon is a whole number of years ≥ 1`);
  const last = history[history.length - 1]!;
  const cutoffs = history.slice(initial - 1, history.length - 1);
  const notes: string[] = [];
  const residents = pkg.drivers.residents;
  const residentsIn = (year: number) => (residents ? residents.values[year - residents.firstYear] : undefined);
  if (!residents) notes.push("naiveResidents: the package has no residents driver");

  const rows: BacktestRow[] = [];
  let calibrationTrusted = false;
  const unfitted: number[] = [];
  for (const cutoff of cutoffs) {
    const until = Math.min(last, cutoff + longest);
    const past = packageAt(pkg, cutoff, until);
    const model = project(past, {});
    if ("refused" in model) throw new Error(`backtest from ${cutoff}: ${model.refused}`);
    const calibration = calibrate(past);
    const fitted = Object.keys(calibration.elasticities).length > 0 ? project(past, calibrationToSet(past, calibration)) : null;
    const calibrated = fitted !== null && "fte" in fitted ? fitted.fte : null;
    if (fitted === null) unfitted.push(cutoff);
    else if ("refused" in fitted) {
      notes.push(`calibrated from ${cutoff}: not run, the fitted elasticities or drifts lie outside the model's valid ranges (elasticities within ±10, drifts within ±50 % a year)`);
    }
    if (cutoff === cutoffs[cutoffs.length - 1]) {
      const fits = pkg.processes.map((p) => ({ id: p.id, fit: calibration.fitStats[p.id]! }));
      calibrationTrusted = calibrated !== null && fits.every(({ fit }) => fit.trusted);
      const short = fits.filter(({ fit }) => fit.degreesOfFreedom < MIN_DEGREES_OF_FREEDOM);
      const inStep = fits.filter(({ fit }) => fit.warnings.some((w) => w.includes("moved almost in step")));
      if (short.length > 0) {
        const { fit } = short[0]!;
        notes.push(
          `calibrated: the history is too short to trust a fit from ${cutoff}: ${fit.points} point${fit.points === 1 ? "" : "s"} for ` +
            `${fit.drivers.length + (fit.fitsDrift ? 1 : 0)} parameters per process (${MIN_DEGREES_OF_FREEDOM} degrees of freedom needed) in ${short.map((f) => f.id).join(", ")}`,
        );
      }
      if (inStep.length > 0) {
        notes.push(`calibrated: from ${cutoff} a driver moved in step with another or with time (the drift), so their effects cannot be told apart, in ${inStep.map((f) => f.id).join(", ")}`);
      }
    }
    const naiveBase = residentsIn(cutoff);
    for (const process of pkg.processes) {
      const start = pkg.headcount[process.id]?.[cutoff];
      for (let year = cutoff + 1; year <= until; year++) {
        const actual = pkg.headcount[process.id]?.[year];
        if (actual === undefined || start === undefined) continue;
        const h = year - cutoff;
        const now = residentsIn(year);
        rows.push({
          cutoff,
          year,
          horizon: h,
          process: process.id,
          actual,
          model: model.fte.get(process.id)![h]!,
          calibrated: calibrated ? calibrated.get(process.id)![h]! : null,
          naiveFlat: start,
          naiveResidents: naiveBase !== undefined && now !== undefined ? start * (now / naiveBase) : null,
        });
      }
    }
  }
  if (unfitted.length > 0) notes.push(`calibrated: the years up to ${unfitted.join(", ")} are too few to fit anything; no calibrated forecast from there`);
  const estimated = Object.values(pkg.drivers)
    .filter((s) => history.some((year) => s.actual[year - s.firstYear] === false))
    .map((s) => s.id);
  if (estimated.length > 0) notes.push(`drivers with estimated (not actual) values in the history years: ${estimated.join(", ")}`);

  const totals: BacktestRow[] = [];
  for (const cutoff of cutoffs) {
    for (const year of [...new Set(rows.filter((r) => r.cutoff === cutoff).map((r) => r.year))]) {
      const inYear = rows.filter((r) => r.cutoff === cutoff && r.year === year);
      const sum = (pick: (r: BacktestRow) => number | null) => (inYear.every((r) => pick(r) !== null) ? inYear.reduce((s, r) => s + pick(r)!, 0) : null);
      totals.push({
        cutoff,
        year,
        horizon: year - cutoff,
        process: BACKTEST_TOTAL,
        actual: sum((r) => r.actual)!,
        model: sum((r) => r.model)!,
        calibrated: sum((r) => r.calibrated),
        naiveFlat: sum((r) => r.naiveFlat)!,
        naiveResidents: sum((r) => r.naiveResidents),
      });
    }
  }
  const horizons = [...new Set(rows.map((r) => r.horizon))].sort((a, b) => a - b);
  const score = (process: string, horizon: number | null, list: BacktestRow[]): BacktestScore => {
    const of = (pick: (r: BacktestRow) => number | null): number | null => {
      const scored = list.filter((r) => pick(r) !== null);
      return scored.length === 0 ? null : meanAbsolutePercentageError(scored.map((r) => pick(r)!), scored.map((r) => r.actual));
    };
    const withResidents = list.every((r) => r.naiveResidents !== null);
    return {
      process,
      horizon,
      points: list.length,
      model: of((r) => r.model)!,
      calibrated: of((r) => r.calibrated),
      calibratedPoints: list.filter((r) => r.calibrated !== null).length,
      naiveFlat: of((r) => r.naiveFlat)!,
      naiveResidents: withResidents ? of((r) => r.naiveResidents) : null,
    };
  };
  const series = [...pkg.processes.map((p) => ({ id: p.id, list: rows.filter((r) => r.process === p.id) })), { id: BACKTEST_TOTAL, list: totals }];
  const mape = series
    .filter(({ list }) => list.length > 0)
    .flatMap(({ id, list }) => [
      ...horizons.filter((h) => list.some((r) => r.horizon === h)).map((h) => score(id, h, list.filter((r) => r.horizon === h))),
      score(id, null, list),
    ]);
  return { historyYears: history, cutoffs, horizons, rows, mape, calibrationTrusted, notes };
}
