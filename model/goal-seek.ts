/**
 * Goal seek: the smallest lever intensity that holds total FTE at or below the base year
 * ("hålla nollan") from a target year to the horizon, and the hump it costs.
 */
import { PACKAGE_PARAMETERS } from "./bounds.ts";
import { holdsFlat } from "./decoupling.ts";
import { createWorkspace, type Workspace } from "./evaluate.ts";
import { kernelFor } from "./kernel.ts";
import { type ForecastResult, readForecast } from "./forecast.ts";
import { ADOPTION_CURVE_LIST } from "./adoption.ts";
import type { LocalizedText } from "./data-package.ts";
import { L_SHAPE_1, LEVER_STRIDE, type ModelPlan } from "./plan.ts";
import type { ParameterUnit } from "./registry.ts";

/** Relative precision of the answer. */
const PRECISION = 1e-9;
/** Reaches below this count as none when finding full intensity (a smaller one would make it astronomically large). */
const MIN_REACH = 1e-6;
/** Grid steps scanned before bisection, so that the first crossing is found, not any crossing. */
const GRID_STEPS = 200;

/** What a goal-seek mode is: its words, the unit of its intensity, and how it acts on the plan. */
export interface GoalSeekModeSpec {
  label: LocalizedText;
  unit: ParameterUnit;
  /** The parameter the intensity sets: an index into the plan's parameter table. */
  parameter(plan: ModelPlan): number;
  /** The parameter's value at intensity `x`. */
  value(x: number): number;
  /** Full intensity: the largest intensity worth trying. */
  full(plan: ModelPlan): number;
}

/** Goal-seek modes by name. */
export const GOAL_SEEK_MODES = {
  /** Scale every lever's reach by a factor (1 = as defined, capped at reach 1 per target). */
  reach: {
    label: { sv: "räckvidd", en: "reach" },
    unit: "factor",
    parameter: (plan) => plan.intensity,
    value: (x) => x,
    full: (plan) => {
      const values = plan.parameters.values;
      const reaches = Array.from(plan.targetReach, (i) => values[i]!).filter((r) => r >= MIN_REACH);
      // no further than the intensity's valid range (`bounds.ts`), which a reach below 1 % does not fill
      return reaches.length > 0 ? Math.min(1 / Math.min(...reaches), PACKAGE_PARAMETERS.intensity.bounds[1]) : 0;
    },
  },
  /** Move every lever's curve earlier by a number of years (curves that have a midpoint; `adoption.ts`). */
  timing: {
    label: { sv: "tidpunkt", en: "timing" },
    unit: "years",
    parameter: (plan) => plan.midpointShift,
    value: (x) => -x,
    full: (plan) => {
      const values = plan.parameters.values;
      const room = plan.leverIds.flatMap((_, l) => {
        const timingRoom = ADOPTION_CURVE_LIST[plan.leverCurve[l]!]!.timingRoom;
        return timingRoom ? [timingRoom(values[plan.leverParameter[l * LEVER_STRIDE + L_SHAPE_1]!]!, plan.baseYear + 1)] : [];
      });
      return room.length > 0 ? Math.max(0, Math.min(...room, -PACKAGE_PARAMETERS.midpointShift.bounds[0])) : 0;
    },
  },
} as const satisfies Record<string, GoalSeekModeSpec>;

export type GoalSeekMode = keyof typeof GOAL_SEEK_MODES;

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
  const spec: GoalSeekModeSpec = GOAL_SEEK_MODES[mode];
  const parameter = spec.parameter(plan);
  const full = spec.full(plan);
  const from = targetYear - plan.baseYear;
  const kernel = kernelFor(plan, [parameter]);
  const holds = (x: number): boolean => {
    theta[parameter] = spec.value(x);
    kernel.run(theta, ws);
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
