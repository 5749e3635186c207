/**
 * Goal seek: the smallest lever intensity that holds total FTE at or below the base year
 * ("hålla nollan") from a target year to the horizon, and the hump it costs.
 */
import { holdsFlat } from "./decoupling.ts";
import { createWorkspace, evaluate, type Workspace } from "./evaluate.ts";
import { type ForecastResult, readForecast } from "./forecast.ts";
import { L_SHAPE_1, LEVER_STRIDE, LOGISTIC, type ModelPlan } from "./plan.ts";

/**
 * `reach`: scale every lever's reach by a factor (1 = as defined, capped at reach 1 per target);
 * `timing`: move every logistic lever's midpoint earlier by a number of years.
 */
export const GOAL_SEEK_MODES = ["reach", "timing"] as const;
export type GoalSeekMode = (typeof GOAL_SEEK_MODES)[number];

export interface GoalSeekResult {
  mode: GoalSeekMode;
  targetYear: number;
  /** Whether the levers, at full intensity, can hold total FTE flat from the target year. */
  reachable: boolean;
  /**
   * The smallest intensity that holds: the reach factor (`reach`), or years the midpoints move
   * earlier (`timing`); null when not reachable.
   */
  intensity: number | null;
  /**
   * Full intensity: the reach factor at which every target's reach is 1 (reaches below one in a
   * million aside), or the largest midpoint move that keeps every midpoint after the base year.
   */
  fullIntensity: number;
  /** The forecast at the intensity found, or at full intensity when not reachable. */
  forecast: ForecastResult;
}

/** Relative precision of the answer. */
const PRECISION = 1e-9;
/** Reaches below this count as none when finding full intensity (a smaller one would make it astronomically large). */
const MIN_REACH = 1e-6;
/** Grid steps scanned before bisection, so that the first crossing is found, not any crossing. */
const GRID_STEPS = 200;

function fullIntensity(plan: ModelPlan, mode: GoalSeekMode): number {
  const values = plan.parameters.values;
  if (mode === "reach") {
    const reaches = Array.from(plan.targetReach, (i) => values[i]!).filter((r) => r >= MIN_REACH);
    return reaches.length > 0 ? 1 / Math.min(...reaches) : 0;
  }
  const room = plan.leverIds.flatMap((_, l) =>
    plan.leverCurve[l] === LOGISTIC
      ? [values[plan.leverParameter[l * LEVER_STRIDE + L_SHAPE_1]!]! - (plan.baseYear + 1)]
      : [],
  );
  return room.length > 0 ? Math.max(0, Math.min(...room)) : 0;
}

/**
 * Finds the smallest intensity in [0, full] for which total FTE holds flat from `targetYear` on:
 * a grid scan for the first intensity that holds, then bisection between it and the grid point
 * before, which keeps "holds at the answer, fails just below it" true even if the path is not
 * monotone (transition FTE grows with reach).
 */
export function goalSeek(plan: ModelPlan, targetYear: number, mode: GoalSeekMode = "reach"): GoalSeekResult {
  if (targetYear <= plan.baseYear || targetYear > plan.horizon) {
    throw new RangeError(`target year ${targetYear} must be after the base year ${plan.baseYear} and no later than ${plan.horizon}`);
  }
  const theta = plan.parameters.values.slice();
  const ws = createWorkspace(plan);
  const parameter = mode === "reach" ? plan.intensity : plan.midpointShift;
  const full = fullIntensity(plan, mode);
  const from = targetYear - plan.baseYear;
  const holds = (x: number): boolean => {
    theta[parameter] = mode === "reach" ? x : -x;
    evaluate(plan, theta, ws);
    const base = ws.total[0]!;
    for (let y = from; y < plan.yearCount; y++) if (!holdsFlat(ws.total[y]!, base)) return false;
    return true;
  };
  const result = (x: number, reachable: boolean, run: Workspace): GoalSeekResult => ({
    mode,
    targetYear,
    reachable,
    intensity: reachable ? x : null,
    fullIntensity: full,
    forecast: readForecast(plan, theta, run),
  });

  if (holds(0)) return result(0, true, ws);
  let previous = 0;
  for (let step = 1; step <= GRID_STEPS; step++) {
    const x = (full * step) / GRID_STEPS;
    if (holds(x)) {
      let lo = previous;
      let hi = x;
      while (hi - lo > PRECISION * hi) {
        const mid = (lo + hi) / 2;
        if (holds(mid)) hi = mid;
        else lo = mid;
      }
      holds(hi);
      return result(hi, true, ws);
    }
    previous = x;
  }
  holds(full);
  return result(full, false, ws);
}
