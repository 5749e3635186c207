/**
 * The hot loop of Monte Carlo: run the model once per draw and copy the outcomes into columns.
 *
 * Per draw the uncertain parameters' draws overwrite their entries in a copy of the plan's point
 * values, the plan's kernel specialised to its uncertain parameters (`kernel.ts`) runs in the
 * kernel's own workspace, reused for every draw and run, writing the draw's rows per year straight
 * into preallocated typed arrays, and the outcomes per draw are recorded beside them: no object is
 * created per draw. A draw's outcomes depend only on
 * the plan and its parameter values.
 */
import { holdsFlat } from "./decoupling.ts";
import type { Workspace } from "./evaluate.ts";
import { kernelFor } from "./kernel.ts";
import type { ModelPlan } from "./plan.ts";
import type { ParameterDraws } from "./sampling.ts";

/** The series after the processes in {@link MonteCarloColumns.fte}: the whole organisation. */
export const TOTAL_SERIES = "total";

/**
 * The outcomes of every draw, column by column. With D draws, P processes and Y years (base year
 * to horizon) there are S = P + 1 series: the processes, then the total.
 */
export interface MonteCarloColumns {
  /** FTE (delivery + development + transition) per draw, series and year: [(draw × S + series) × Y + year index]. */
  fte: Float64Array;
  /** Total FTE without levers ("grow with growth") per draw and year: [draw × Y + year index]. */
  baselineFte: Float64Array;
  /** Net cash flow and cumulative net per draw and year, currency: [draw × Y + year index]. */
  net: Float64Array;
  cumulativeNet: Float64Array;
  /** Per draw: NPV and depth of the investment hump (−min cumulative net), currency. */
  npv: Float64Array;
  humpDepth: Float64Array;
  /** Per draw: year of the hump's trough, or NaN without a hump. */
  humpYear: Float64Array;
  /** Per draw: payback year (first year at or after the trough with cumulative net ≥ 0), or NaN when not within the horizon. */
  paybackYear: Float64Array;
  /** Per draw: first year from which total FTE stays at or below the base year's to the horizon, or NaN. */
  holdsFlatFrom: Float64Array;
}

/** How often (in draws) progress is reported. */
export const PROGRESS_EVERY = 250;

/** Allocates the outcome columns for `draws` draws. */
export function allocateColumns(plan: ModelPlan, draws: number): MonteCarloColumns {
  const create = (length: number) => new Float64Array(length);
  const Y = plan.yearCount;
  const S = plan.processIds.length + 1;
  return {
    fte: create(draws * S * Y),
    baselineFte: create(draws * Y),
    net: create(draws * Y),
    cumulativeNet: create(draws * Y),
    npv: create(draws),
    humpDepth: create(draws),
    humpYear: create(draws),
    paybackYear: create(draws),
    holdsFlatFrom: create(draws),
  };
}

/** Records one finished run's outcomes per draw in row `draw` (the kernel wrote the rows per year as it ran). */
function record(plan: ModelPlan, ws: Workspace, out: MonteCarloColumns, draw: number): void {
  const Y = plan.yearCount;
  out.npv[draw] = ws.npv;
  out.humpDepth[draw] = ws.humpDepth;
  out.humpYear[draw] = ws.humpYearIndex >= 0 ? plan.baseYear + ws.humpYearIndex : NaN;
  out.paybackYear[draw] = ws.paybackYearIndex >= 0 ? plan.baseYear + ws.paybackYearIndex : NaN;
  let from = Y;
  while (from > 0 && holdsFlat(ws.total[from - 1]!, ws.total[0]!)) from--;
  out.holdsFlatFrom[draw] = from < Y ? plan.baseYear + from : NaN;
}

/**
 * Runs draws `from` (inclusive) to `to` (exclusive) of a parameter sample and writes their
 * outcomes into the columns: the hot loop.
 */
export function runDraws(
  plan: ModelPlan,
  sample: ParameterDraws,
  out: MonteCarloColumns,
  from = 0,
  to = sample.draws,
  onProgress?: (done: number) => void,
): void {
  const { parameters, values, draws } = sample;
  const kernel = kernelFor(plan, parameters);
  const theta = plan.parameters.values.slice();
  const J = parameters.length;
  for (let i = from; i < to; i++) {
    for (let j = 0; j < J; j++) theta[parameters[j]!] = values[j * draws + i]!;
    record(plan, kernel.runDraw(theta, out, i), out, i);
    if (onProgress && (i + 1 - from) % PROGRESS_EVERY === 0) onProgress(i + 1 - from);
  }
  onProgress?.(to - from);
}
