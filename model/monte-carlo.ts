/**
 * Monte Carlo: the whole model (drivers, workload, levers, money) run once per draw of the
 * uncertain parameters.
 *
 * A scenario's `uncertainty` and its active levers' `distributions` are the uncertain parameters
 * (`plan.parameters.uncertain`); every other parameter keeps its point value. The draws come from
 * `sampling.ts` (seeded, one stream per parameter), the hot loop is `draw-columns.ts`. One thread:
 * worker threads splitting a run gained 8 % on two cores and cost 1.4 s to start (issue 12).
 * {@link summariseMonteCarlo} turns the columns into P10/P50/P90 per year and process, the
 * probability of holding total FTE at or below the base year, and the spread of the investment hump.
 */
import { holdsFlatLimit } from "./decoupling.ts";
import type { LocalizedText } from "./data-package.ts";
import type { Distribution } from "./distributions.ts";
import { allocateColumns, type MonteCarloColumns, runDraws } from "./draw-columns.ts";
import { kernelFor } from "./kernel.ts";
import { finiteColumns } from "./finite.ts";
import { CENTRAL_ESTIMATE } from "./forecast.ts";
import { NPV_CONVENTION } from "./investment.ts";
import type { ModelPlan } from "./plan.ts";
import {
  type Columns,
  columnQuantiles,
  columnSums,
  mean,
  quantiles,
  type QuantileScratch,
  quantileScratch,
  REPORTED_QUANTILES,
  share,
  yearQuantiles,
} from "./quantiles.ts";
import { checkSeed, type ParameterDraws, sampleParameters } from "./sampling.ts";

/** Default number of draws. */
export const DEFAULT_DRAWS = 1000;
/** Default seed. */
export const DEFAULT_SEED = 1;

export interface MonteCarloOptions {
  /** Number of draws, an integer ≥ 1. Default {@link DEFAULT_DRAWS}. */
  draws?: number;
  /** Seed, an integer from 0 to 2³² − 1. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Called now and then with the number of draws done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where to write the draws and outcomes instead of new arrays ({@link monteCarloBuffers}), so that
   * repeated runs allocate nothing large. The result's columns are these buffers: the next run
   * into them overwrites it.
   */
  buffers?: MonteCarloBuffers;
}

/** Parameter draws and outcome columns of one size, kept by a caller that runs Monte Carlo again and again. */
export interface MonteCarloBuffers {
  draws: number;
  /** Uncertain parameters × draws. */
  parameters: Float64Array;
  columns: MonteCarloColumns;
}

/** Buffers for runs of `draws` draws of a plan (or another plan with as many processes, years and uncertain parameters). */
export function monteCarloBuffers(plan: ModelPlan, draws: number): MonteCarloBuffers {
  return { draws, parameters: new Float64Array(plan.parameters.uncertain.length * draws), columns: allocateColumns(plan, draws) };
}

/** The buffers, after checking that they fit the plan and the number of draws. */
function checkedBuffers(plan: ModelPlan, draws: number, buffers: MonteCarloBuffers): MonteCarloBuffers {
  const fits =
    buffers.draws === draws &&
    buffers.parameters.length === plan.parameters.uncertain.length * draws &&
    buffers.columns.fte.length === draws * (plan.processIds.length + 1) * plan.yearCount &&
    buffers.columns.net.length === draws * plan.yearCount;
  if (!fits) throw new RangeError(`Monte Carlo buffers made for ${buffers.draws} draws of another plan's shape; this run has ${draws} draws`);
  return buffers;
}

/** A Monte Carlo run: what was run, the parameter draws, and the outcome columns. */
export interface MonteCarloResult extends MonteCarloColumns {
  scenario: string;
  /** Why the package's figures are illustrative; null when they are the municipality's own. */
  illustrative: LocalizedText | null;
  seed: number;
  draws: number;
  baseYear: number;
  horizon: number;
  /** Calendar years, base year to horizon. */
  years: number[];
  /** Process ids, in the order of the series in `fte` (the total follows them). */
  processes: string[];
  /** Whether the scenario has levers (without them the money columns are all zero). */
  hasLevers: boolean;
  /** The uncertain parameters and their draws. */
  parameters: ParameterDraws;
  /** Their distributions, in the order of `parameters.names`. */
  distributions: Distribution[];
  /** The deterministic forecast's outcomes ({@link CENTRAL_ESTIMATE}), to set beside the draws' range. */
  central: CentralOutcomes;
}

/** The outcomes of the deterministic forecast, every assumption at its median. */
export interface CentralOutcomes {
  npv: number;
  humpDepth: number;
  /** Null without a hump. */
  humpYear: number | null;
  /** Null without a hump or when not paid back within the horizon. */
  paybackYear: number | null;
  /** Total FTE per year, base year to horizon. */
  totalFte: number[];
}

/** The deterministic forecast's outcomes of a plan (its point values: every uncertain parameter at its median). */
export function centralOutcomes(plan: ModelPlan): CentralOutcomes {
  const kernel = kernelFor(plan);
  const ws = kernel.run(plan.parameters.values, kernel.workspace());
  return {
    npv: ws.npv,
    humpDepth: ws.humpDepth,
    humpYear: ws.humpYearIndex >= 0 ? plan.baseYear + ws.humpYearIndex : null,
    paybackYear: ws.paybackYearIndex >= 0 ? plan.baseYear + ws.paybackYearIndex : null,
    totalFte: Array.from(ws.total),
  };
}

/**
 * Checks the options and fills in the defaults.
 *
 * @throws RangeError for draws that are not an integer ≥ 1 or an invalid seed.
 */
export function monteCarloSettings(options: MonteCarloOptions = {}): { draws: number; seed: number } {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`invalid draws: ${draws}; draws is an integer ≥ 1`);
  return { draws, seed: checkSeed(seed) };
}

/**
 * Wraps a plan's columns and parameter sample into a result.
 *
 * @throws NonFiniteResultError when an outcome of some draw is not finite (`finite.ts`).
 */
export function monteCarloResult(plan: ModelPlan, sample: ParameterDraws, columns: MonteCarloColumns): MonteCarloResult {
  finiteColumns(columns, sample.draws);
  return {
    scenario: plan.scenarioId,
    illustrative: plan.illustrative,
    seed: sample.seed,
    draws: sample.draws,
    baseYear: plan.baseYear,
    horizon: plan.horizon,
    years: Array.from({ length: plan.yearCount }, (_, y) => plan.baseYear + y),
    processes: [...plan.processIds],
    hasLevers: plan.leverIds.length > 0,
    parameters: sample,
    distributions: plan.parameters.uncertain.map((u) => u.distribution),
    central: centralOutcomes(plan),
    ...columns,
  };
}

/**
 * Runs the model once per draw of the plan's uncertain parameters, on this thread.
 *
 * With no uncertain parameter (or only zero-width ones at the point values) every draw is the
 * deterministic forecast. Memory grows linearly with draws: every outcome is kept per draw, since
 * the quantiles need the values (100,000 draws of Nacka's scenario: about 270 MB of columns).
 *
 * @example summariseMonteCarlo(monteCarlo(plan, { draws: 10_000, seed: 42 })).years[12].totalFte_p90
 */
export function monteCarlo(plan: ModelPlan, options: MonteCarloOptions = {}): MonteCarloResult {
  const { draws, seed } = monteCarloSettings(options);
  const buffers = options.buffers && checkedBuffers(plan, draws, options.buffers);
  const sample = sampleParameters(plan.parameters, draws, seed, undefined, buffers?.parameters);
  const columns = buffers?.columns ?? allocateColumns(plan, draws);
  const report = options.onProgress;
  runDraws(plan, sample, columns, 0, draws, report ? (done) => report(done, draws) : undefined);
  return monteCarloResult(plan, sample, columns);
}

/** P10, P50 and P90 of an outcome (R type 7), and its mean. */
export interface Spread {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

/** One year of the whole organisation across the draws. */
export interface MonteCarloYear {
  year: number;
  /** Total FTE (delivery + development + transition). */
  totalFte_p10: number;
  totalFte_p50: number;
  totalFte_p90: number;
  totalFte_mean: number;
  /** Total FTE without levers ("grow with growth"). */
  baselineFte_p10: number;
  baselineFte_p50: number;
  baselineFte_p90: number;
  /** Cumulative net cash flow, currency: the investment hump. */
  cumulativeNet_p10: number;
  cumulativeNet_p50: number;
  cumulativeNet_p90: number;
  /** Share of draws (0–1) with total FTE at or below the base year's in this year ("hålla nollan"). */
  probabilityHoldsFlat: number;
  /** Share of draws (0–1) with total FTE at or below the base year's in every year from this one to the horizon. */
  probabilityHoldsFlatFrom: number;
}

/** One process in one year across the draws. */
export interface MonteCarloProcessYear {
  year: number;
  process: string;
  /** FTE (delivery + development + transition). */
  fte_p10: number;
  fte_p50: number;
  fte_p90: number;
}

/** Quantiles of a year outcome that some draws do not have (no hump, no payback within the horizon). */
export interface YearSpread {
  /** The years at P10, P50, P90 (type 1: a year some draw had); null where the quantile falls on "none". */
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Share of draws (0–1) that have the year at all. */
  probability: number;
}

/** A headline figure of the deterministic forecast beside its own Monte Carlo range. */
export interface CentralFigure {
  /** `humpDepth`, `npv`, `humpYear`, `paybackYear` (with levers) or `totalFte` (per year). */
  figure: "humpDepth" | "npv" | "humpYear" | "paybackYear" | "totalFte";
  /** The year of a `totalFte` figure; null for the others. */
  year: number | null;
  /** The deterministic forecast's value; null for a year that does not exist (no hump, not paid back). */
  value: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Whether the value lies from P10 to P90 (for years, "none" counts as later than the horizon). */
  withinP10P90: boolean;
}

/** A Monte Carlo run summarised, as plain data that round-trips through JSON. */
export interface MonteCarloSummary {
  scenario: string;
  /** Why the package's figures are illustrative; null when they are the municipality's own. */
  illustrative: LocalizedText | null;
  seed: number;
  draws: number;
  baseYear: number;
  horizon: number;
  /** Total FTE in the base year (the same in every draw: the actual headcount). */
  baseYearFte: number;
  years: MonteCarloYear[];
  /** One row per process and year, process by process. */
  processes: MonteCarloProcessYear[];
  /**
   * Whether the scenario has levers. Without levers there is no investment: NPV and hump depth are
   * 0 in every draw and the hump and payback years say nothing (as `investment: null` in a forecast).
   */
  hasLevers: boolean;
  /** Net present value (DESIGN.md section 4), currency. */
  npv: Spread;
  /** Depth of the investment hump (−min cumulative net), currency. */
  humpDepth: Spread;
  /** Year of the hump's trough; `probability` = share of draws with a hump. */
  humpYear: YearSpread;
  /** Payback year (first year at or after the trough with cumulative net ≥ 0); `probability` = share of draws that pay back within the horizon. */
  paybackYear: YearSpread;
  /** How the NPV is computed: end of year, discounted to the base year, constant prices. */
  npvConvention: string;
  /** The uncertain parameters: distribution and the P10, P50, P90 of the (clamped) draws. */
  parameters: { name: string; distribution: Distribution; p10: number; p50: number; p90: number }[];
  /**
   * The deterministic forecast ({@link CENTRAL_ESTIMATE}) beside the range of the draws: its hump,
   * NPV, hump and payback years (with levers) and total FTE in every year.
   */
  central: { estimate: typeof CENTRAL_ESTIMATE; figures: CentralFigure[] };
  /** Plain-language notices, e.g. a headline figure that lies outside its own P10–P90. */
  notices: string[];
}

/** A year as a number for ordering, "none" (null) after every year. */
const yearRank = (year: number | null) => (year === null ? Infinity : year);

/**
 * The headline figures of the deterministic forecast beside their Monte Carlo P10–P90, and a
 * notice for each that lies outside it.
 */
function centralFigures(result: MonteCarloResult, summary: Omit<MonteCarloSummary, "central" | "notices">): { figures: CentralFigure[]; notices: string[] } {
  const c = result.central;
  const continuous = (figure: CentralFigure["figure"], value: number, q: { p10: number; p50: number; p90: number }, year: number | null = null): CentralFigure => ({
    figure,
    year,
    value,
    p10: q.p10,
    p50: q.p50,
    p90: q.p90,
    // quantiles interpolate between draws: allow for rounding in the last digits
    withinP10P90: value >= q.p10 - 1e-12 * Math.abs(q.p10) - 1e-9 && value <= q.p90 + 1e-12 * Math.abs(q.p90) + 1e-9,
  });
  const yearly = (figure: "humpYear" | "paybackYear", value: number | null, q: YearSpread): CentralFigure => ({
    figure,
    year: null,
    value,
    p10: q.p10,
    p50: q.p50,
    p90: q.p90,
    withinP10P90: yearRank(value) >= yearRank(q.p10) && yearRank(value) <= yearRank(q.p90),
  });
  const figures: CentralFigure[] = [];
  if (result.hasLevers) {
    figures.push(
      continuous("humpDepth", c.humpDepth, summary.humpDepth),
      continuous("npv", c.npv, summary.npv),
      yearly("humpYear", c.humpYear, summary.humpYear),
      yearly("paybackYear", c.paybackYear, summary.paybackYear),
    );
  }
  summary.years.forEach((y, i) => {
    figures.push(continuous("totalFte", c.totalFte[i]!, { p10: y.totalFte_p10, p50: y.totalFte_p50, p90: y.totalFte_p90 }, y.year));
  });
  const outside = figures.filter((f) => !f.withinP10P90);
  const show = (v: number | null) => (v === null ? "none" : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
  const notices = outside.map(
    (f) =>
      `the headline ${f.figure}${f.year === null ? "" : ` ${f.year}`} (every assumption at its median) is ${show(f.value)}, ` +
      `outside its own Monte Carlo P10–P90 (${show(f.p10)} to ${show(f.p90)}, P50 ${show(f.p50)})`,
  );
  return { figures, notices };
}

function spread(sample: Float64Array, scratch: QuantileScratch): Spread {
  const [p10, p50, p90] = quantiles(sample, REPORTED_QUANTILES, scratch) as [number, number, number];
  return { p10, p50, p90, mean: mean(sample) };
}

function yearSpread(sample: Float64Array): YearSpread {
  const [p10, p50, p90] = yearQuantiles(sample, REPORTED_QUANTILES) as [number | null, number | null, number | null];
  return { p10, p50, p90, probability: share(sample, (v) => !Number.isNaN(v)) };
}

/** For each of the years, how many draws have a year at or before it (NaN, "none", never does). */
function drawsFromYear(draws: Float64Array, years: readonly number[]): Int32Array {
  // years are consecutive: a draw counts from the first year at or after it
  const first = years[0]!;
  const last = years.at(-1)!;
  const from = new Int32Array(years.length);
  let before = 0;
  for (let i = 0; i < draws.length; i++) {
    const d = draws[i]!;
    if (d < first) before++;
    else if (d <= last) from[Math.ceil(d - first)]!++;
  }
  return from.map((n) => (before += n));
}

/**
 * The summaries' working memory, kept from one summary to the next (a summary runs from start to
 * end without yielding): about 2.9 MB for 10,000 draws of Nacka, 27 MB for 100,000. Allocated anew
 * for each summary, that much memory outside the JavaScript heap made V8 collect garbage for
 * "external memory pressure" every ten summaries or so, in the middle of one.
 */
const SUMMARY_SCRATCH = quantileScratch();

/**
 * Summarises a run: per year and per process P10/P50/P90 of FTE (R type 7 quantiles, see
 * `quantiles.ts`), the probability of holding total FTE at or below the base year, and the
 * distribution of the hump's depth, its year, the payback year and the NPV.
 *
 * @example summariseMonteCarlo(monteCarlo(plan, { draws: 10_000 })).years.at(-1).probabilityHoldsFlat
 */
export function summariseMonteCarlo(result: MonteCarloResult): MonteCarloSummary {
  const N = result.draws;
  const Y = result.years.length;
  const P = result.processes.length;
  const S = P + 1;
  const scratch = SUMMARY_SCRATCH;
  const q = (sample: Float64Array) => quantiles(sample, REPORTED_QUANTILES, scratch) as [number, number, number];
  const baseYearFte = result.fte[P * Y]!;
  // Columns are read where they lie, draw by draw (`quantiles.ts`): a draw's years of baseline and
  // cumulative net are adjacent, and so are all its series' years in `fte` (processes, then the total).
  const layout = (width: number, offset = 0, stride = width): Columns => ({ offset, stride, count: N, width });
  const yearly = (values: Float64Array, columns: Columns) => columnQuantiles(values, columns, REPORTED_QUANTILES, scratch) as [number, number, number][];
  const baseline = yearly(result.baselineFte, layout(Y));
  const cumulative = yearly(result.cumulativeNet, layout(Y));
  // the total's years (the last Y columns of fte): their sums and how many draws hold flat, in the same pass
  const total = columnSums(S * Y, P * Y, S * Y, holdsFlatLimit(baseYearFte));
  const fte = columnQuantiles(result.fte, layout(S * Y), REPORTED_QUANTILES, scratch, total) as [number, number, number][];
  const holdsFlatFrom = drawsFromYear(result.holdsFlatFrom, result.years);

  const years = result.years.map((year, y): MonteCarloYear => {
    const [totalFte_p10, totalFte_p50, totalFte_p90] = fte[P * Y + y]!;
    const [baselineFte_p10, baselineFte_p50, baselineFte_p90] = baseline[y]!;
    const [cumulativeNet_p10, cumulativeNet_p50, cumulativeNet_p90] = cumulative[y]!;
    return {
      year,
      totalFte_p10,
      totalFte_p50,
      totalFte_p90,
      totalFte_mean: total.sums[P * Y + y]! / N,
      baselineFte_p10,
      baselineFte_p50,
      baselineFte_p90,
      cumulativeNet_p10,
      cumulativeNet_p50,
      cumulativeNet_p90,
      probabilityHoldsFlat: total.atOrBelow[P * Y + y]! / N,
      probabilityHoldsFlatFrom: holdsFlatFrom[y]! / N,
    };
  });
  const processes = result.processes.flatMap((process, p) =>
    fte.slice(p * Y, (p + 1) * Y).map(([fte_p10, fte_p50, fte_p90], y): MonteCarloProcessYear => ({
      year: result.years[y]!,
      process,
      fte_p10,
      fte_p50,
      fte_p90,
    })),
  );
  const { names, values } = result.parameters;
  const summary = {
    scenario: result.scenario,
    illustrative: result.illustrative,
    seed: result.seed,
    draws: N,
    baseYear: result.baseYear,
    horizon: result.horizon,
    baseYearFte,
    years,
    processes,
    hasLevers: result.hasLevers,
    npv: spread(result.npv, scratch),
    humpDepth: spread(result.humpDepth, scratch),
    humpYear: yearSpread(result.humpYear),
    paybackYear: yearSpread(result.paybackYear),
    npvConvention: NPV_CONVENTION,
    parameters: names.map((name, j) => {
      const [p10, p50, p90] = q(values.subarray(j * N, (j + 1) * N));
      return { name, distribution: result.distributions[j]!, p10, p50, p90 };
    }),
  };
  const { figures, notices } = centralFigures(result, summary);
  return { ...summary, central: { estimate: CENTRAL_ESTIMATE, figures }, notices };
}
