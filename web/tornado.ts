/**
 * The tornado of the finance view, computed in the browser by the model's own sensitivity analysis
 * (`model/sensitivity.ts`) on the compiled plan: one-at-a-time runs, each uncertain assumption at
 * its P10 and its P90 with the others at their medians (a few dozen runs of well under a
 * millisecond each). Here only the outcome is chosen and the assumptions are named in words.
 */
import type { DataPackage } from "../model/data-package.ts";
import type { ModelPlan } from "../model/plan.ts";
import { parameterLabel, parameterSpec } from "../model/parameter-labels.ts";
import { TORNADO_OUTCOMES, type TornadoOutcomeName, tornado } from "../model/sensitivity.ts";
import type { TornadoChartBar } from "../charts/tornado.ts";
import { formats, type Lang } from "../contract/locale.ts";

/** A bar with the assumption's low and high values in words. */
export interface WebTornadoBar extends TornadoChartBar {
  lowText: string;
  highText: string;
}

export interface TornadoResult {
  /** The outcome with every uncertain assumption at its median. */
  base: number;
  /** "money" (currency) or "fte". */
  unit: "money" | "fte";
  /** What the outcome is, in words. */
  output: { sv: string; en: string };
  bars: WebTornadoBar[];
}

/** A parameter value in words, by its unit: shares as percentages, years as years, money in Mkr. */
export function parameterValueText(path: string, value: number, lang: Lang): string {
  const f = formats(lang);
  switch (parameterSpec(path)?.unit) {
    case "share":
      return f.percent(value);
    case "year":
      return f.number(value, 1);
    case "currency":
    case "currency per year":
      return f.mkr(value);
    default:
      return f.number(value, 2);
  }
}

/** The outcomes the finance view offers for its tornado, in its order. */
export const WEB_TORNADO_OUTCOMES = ["humpDepth", "npv", "fte"] as const satisfies readonly TornadoOutcomeName[];
export type WebTornadoOutcome = (typeof WEB_TORNADO_OUTCOMES)[number];

/**
 * The tornado of a compiled plan for one outcome, by the model's own one-at-a-time sensitivity
 * ({@link tornado} in `model/sensitivity.ts`): every uncertain assumption at its median, then one
 * at a time at its P10 and P90.
 */
export function computeTornado(plan: ModelPlan, outcome: WebTornadoOutcome, year: number, lang: Lang, pkg: DataPackage): TornadoResult {
  const result = tornado(plan, outcome === "fte" ? { kind: "fte", year } : { kind: outcome });
  return {
    base: result.base,
    unit: result.unit === "FTE" ? "fte" : "money",
    output: TORNADO_OUTCOMES[outcome].label(year),
    bars: result.bars.map((b) => ({
      parameter: b.parameter,
      label: parameterLabel(pkg, b.parameter, lang),
      outputAtLow: b.outcomeAtLow,
      outputAtHigh: b.outcomeAtHigh,
      lowText: parameterValueText(b.parameter, b.lowValue, lang),
      highText: parameterValueText(b.parameter, b.highValue, lang),
    })),
  };
}
