/**
 * Sensitivity: a tornado of which uncertain assumption moves an outcome most.
 *
 * One-at-a-time swings: every uncertain parameter is set to its median, then one at a time to its
 * P10 and to its P90 (quantiles of its distribution, clamped to the parameter's bounds), and the
 * chosen outcome is read from a run of the model. The bars are sorted by the size of the swing.
 * One-at-a-time swings do not show interactions between assumptions; the Monte Carlo draws do.
 */
import { type Distribution, quantile } from "./distributions.ts";
import { createWorkspace, type Workspace } from "./evaluate.ts";
import { kernelFor } from "./kernel.ts";
import type { LocalizedText } from "./data-package.ts";
import type { ModelPlan } from "./plan.ts";
import { chooseOption, invalidOption } from "./registry.ts";

/**
 * `fte`: FTE (delivery + development + transition) in a year, of one process or (without
 * `process`) the whole organisation; `humpDepth`: depth of the investment hump, currency;
 * `npv`: net present value, currency.
 */
export type TornadoOutcome = { kind: "fte"; year: number; process?: string } | { kind: "humpDepth" } | { kind: "npv" };

/** What a tornado outcome is: its words, its unit, and how it is read from a finished run. */
export interface TornadoOutcomeSpec {
  /** The outcome in words, lower case, for "how much <label> changes": `year` is the year of `fte`. */
  label(year: number): LocalizedText;
  unit: "FTE" | "currency";
  /** A function reading the outcome from a run, after checking the outcome against the plan. */
  reader(plan: ModelPlan, outcome: TornadoOutcome): (ws: Workspace) => number;
}

/** The outcomes a tornado can measure, by name. */
export const TORNADO_OUTCOMES = {
  fte: {
    label: (year) => ({ sv: `antalet årsarbetare ${year}`, en: `total FTE in ${year}` }),
    unit: "FTE",
    reader: (plan, outcome) => {
      if (outcome.kind !== "fte") throw new Error("internal: not an FTE outcome");
      const y = outcome.year - plan.baseYear;
      if (!Number.isInteger(outcome.year) || y < 0 || y >= plan.yearCount) {
        throw new RangeError(`invalid year: ${outcome.year}; the plan runs from ${plan.baseYear} to ${plan.horizon}`);
      }
      if (outcome.process === undefined) return (ws) => ws.total[y]!;
      const p = plan.processIds.indexOf(outcome.process);
      if (p < 0) throw new RangeError(invalidOption("process", outcome.process, plan.processIds));
      const i = p * plan.yearCount + y;
      return (ws) => ws.delivery[i]! + ws.development[i]! + ws.transition[i]!;
    },
  },
  humpDepth: {
    label: () => ({ sv: "puckelns djup", en: "the depth of the hump" }),
    unit: "currency",
    reader: () => (ws) => ws.humpDepth,
  },
  npv: {
    label: () => ({ sv: "nuvärdet (NPV)", en: "the net present value (NPV)" }),
    unit: "currency",
    reader: () => (ws) => ws.npv,
  },
} as const satisfies Record<string, TornadoOutcomeSpec>;

export type TornadoOutcomeName = keyof typeof TORNADO_OUTCOMES;

export interface TornadoOptions {
  /** Probability of the low end of each bar, default 0.1 (P10). */
  low?: number;
  /** Probability of the high end, default 0.9 (P90). */
  high?: number;
}

/** One uncertain assumption's bar. */
export interface TornadoBar {
  /** Parameter path, e.g. "levers.e_services.efficiency". */
  parameter: string;
  distribution: Distribution;
  /** The parameter at its low quantile (P10), its median and its high quantile (P90). */
  lowValue: number;
  medianValue: number;
  highValue: number;
  /** The outcome with the parameter at its low and high quantile, the others at their medians. */
  outcomeAtLow: number;
  outcomeAtHigh: number;
  /** |outcomeAtHigh − outcomeAtLow|, in the outcome's unit. */
  swing: number;
}

export interface Tornado {
  scenario: string;
  outcome: TornadoOutcome;
  /** FTE or currency. */
  unit: "FTE" | "currency";
  low: number;
  high: number;
  /** The outcome with every uncertain parameter at its median. */
  base: number;
  /** Largest swing first. */
  bars: TornadoBar[];
}

/**
 * The tornado of a plan's uncertain parameters for one outcome: for each, the swing of the outcome
 * between the parameter's P10 and P90 with every other uncertain parameter at its median.
 *
 * @example tornado(plan, { kind: "fte", year: 2030 }).bars[0].parameter // the assumption that matters most
 */
export function tornado(plan: ModelPlan, outcome: TornadoOutcome, options: TornadoOptions = {}): Tornado {
  const low = options.low ?? 0.1;
  const high = options.high ?? 0.9;
  if (!(low > 0 && low < high && high < 1)) throw new RangeError(`invalid quantiles: low ${low}, high ${high}; need 0 < low < high < 1`);
  const spec: TornadoOutcomeSpec = TORNADO_OUTCOMES[chooseOption(TORNADO_OUTCOMES, "outcome", outcome.kind)];
  const read = spec.reader(plan, outcome);
  const table = plan.parameters;
  const clamp = (i: number, v: number) => Math.min(table.upper[i]!, Math.max(table.lower[i]!, v));
  const theta = table.values.slice();
  for (const { parameter, distribution } of table.uncertain) theta[parameter] = clamp(parameter, quantile(distribution, 0.5));
  const ws = createWorkspace(plan);
  const kernel = kernelFor(
    plan,
    table.uncertain.map((u) => u.parameter),
  );
  const run = () => read(kernel.run(theta, ws));
  const base = run();
  const bars = table.uncertain.map(({ parameter, distribution }): TornadoBar => {
    const medianValue = theta[parameter]!;
    const lowValue = clamp(parameter, quantile(distribution, low));
    const highValue = clamp(parameter, quantile(distribution, high));
    theta[parameter] = lowValue;
    const outcomeAtLow = run();
    theta[parameter] = highValue;
    const outcomeAtHigh = run();
    theta[parameter] = medianValue;
    return {
      parameter: table.names[parameter]!,
      distribution,
      lowValue,
      medianValue,
      highValue,
      outcomeAtLow,
      outcomeAtHigh,
      swing: Math.abs(outcomeAtHigh - outcomeAtLow),
    };
  });
  bars.sort((a, b) => b.swing - a.swing || a.parameter.localeCompare(b.parameter));
  return { scenario: plan.scenarioId, outcome, unit: spec.unit, low, high, base, bars };
}
