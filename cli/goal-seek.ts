/**
 * npm run goal-seek -- [--data <folder>] --scenario <id> --target-year <year> [--mode reach|timing] [--format text|json]
 *
 * The smallest lever intensity that holds total FTE at or below the base year from the target
 * year on, and the investment hump it costs, explained in words: how many times as much work the
 * levers must reach (and for how many of them that is more than there is), or how many years
 * earlier every lever's midpoint must lie; and the value to enter in the app's control.
 */
import type { Formats } from "../contract/locale.ts";
import type { GoalSeekResult } from "../model/goal-seek.ts";
import type { ModelPlan } from "../model/plan.ts";
import type { ParameterSpec } from "../model/registry.ts";
import { choice, command, DATA_FLAG, fail, integerFlag, runIfMain } from "./common.ts";
import type { Messages } from "./messages.ts";

const MODES = ["reach", "timing"] as const;
const FORMATS = ["text", "json"] as const;

/**
 * How many of the plan's levers would need to reach more than all the work they target at reach
 * factor `factor`: a lever with any target whose reach × factor exceeds 1 (the model caps it at 1).
 */
export function leversBeyondFullReach(plan: ModelPlan, factor: number): number {
  const beyond = new Set<number>();
  plan.targetReach.forEach((parameter, k) => {
    if (plan.parameters.values[parameter]! * factor > 1) beyond.add(plan.targetLever[k]!);
  });
  return beyond.size;
}

/** The smallest value the app's control can take that is at least `value` (the slider's step, rounded up). */
function controlValue(spec: ParameterSpec, value: number): number {
  const step = spec.slider && "step" in spec.slider ? spec.slider.step : 0.01;
  return Math.ceil(value / step - 1e-9) * step;
}

function describe(t: Messages, f: Formats, plan: ModelPlan, result: GoalSeekResult, label: (path: string) => string, spec: ParameterSpec): string {
  const g = t.goalSeek;
  const run = result.forecast;
  const base = run.totals[0]!.totalFte;
  const lines = [g.goal(f.number(base, 1), run.baseYear, result.targetYear)];
  const x = result.intensity ?? result.fullIntensity;
  if (result.mode === "reach") {
    if (!result.reachable) lines.push(g.reachUnreachable(f.number(x, 1)));
    else if (x === 0) lines.push(g.alreadyHolds);
    else lines.push(`${g.reachNeeded(f.number(x, 1))}${g.beyond(leversBeyondFullReach(plan, x), plan.leverIds.length)}`);
  } else {
    if (!result.reachable) lines.push(g.timingUnreachable(f.number(x, 1)));
    else if (x === 0) lines.push(g.alreadyHolds);
    else lines.push(g.timingNeeded(f.number(x, 1)));
  }
  const from = run.totals.filter((y) => y.year >= result.targetYear);
  const above = from.find((y) => y.totalFte > base * (1 + 1e-12));
  if (!result.reachable && above) lines.push(g.firstAbove(above.year, f.number(above.totalFte, 1)));
  const at = run.totals.find((y) => y.year === result.targetYear)!;
  lines.push(g.atTarget(result.targetYear, f.number(at.totalFte, 1)));
  if (result.reachable && x > 0) {
    const path = result.mode === "reach" ? "levers.intensity" : "levers.midpointShift";
    const value = result.mode === "reach" ? controlValue(spec, x) : -controlValue(spec, x);
    lines.push(g.inApp(t.q(label(path)), f.number(value, 2)));
  }
  const inv = run.investment;
  if (inv) {
    const rate = f.percent(inv.discountRate, 1);
    lines.push(
      g.humpLine(f.mkr(inv.humpDepth), inv.humpYear === null ? t.forecast.none : String(inv.humpYear), inv.paybackYear === null ? t.forecast.never : String(inv.paybackYear), f.mkr(inv.npv), rate),
      t.forecast.npvConvention(rate),
    );
  }
  return `${lines.join("\n")}\n`;
}

export const goalSeekCommand = command({
  flags: {
    ...DATA_FLAG,
    scenario: { type: "string", value: "<id>" },
    "target-year": { type: "string", value: "<year>" },
    mode: { type: "string", default: "reach", value: MODES.join("|") },
    format: { type: "string", default: "text", value: FORMATS.join("|") },
  },
  help: (t) => t.goalSeek.help,
  async run(values, { lang, t, io }) {
    if (!values.scenario) fail(t.common.required("scenario", t.goalSeek.scenarioWhy));
    const text = values["target-year"] ?? "";
    if (!/^\d{4}$/.test(text)) fail(t.goalSeek.targetYear(text));
    const targetYear = integerFlag(t, "target-year", text, 0);
    const mode = choice(t, "mode", values.mode, MODES);
    const format = choice(t, "format", values.format, FORMATS);
    const { loadPackage, findScenario, planFor } = await import("./load.ts");
    const { goalSeek } = await import("../model/goal-seek.ts");
    const { formats } = await import("../contract/locale.ts");
    const { parameterLabel } = await import("../model/parameter-labels.ts");
    const { PACKAGE_PARAMETERS } = await import("../model/bounds.ts");
    const { pkg } = await loadPackage(t, values.data, io);
    const plan = planFor(t, pkg, findScenario(t, pkg, values.scenario));
    if (plan.leverIds.length === 0) fail(t.common.noLevers(values.scenario));
    if (targetYear <= plan.baseYear || targetYear > plan.horizon) fail(t.goalSeek.targetRange(plan.baseYear + 1, plan.horizon));
    const result = goalSeek(plan, targetYear, mode);
    if (format === "json") {
      const { forecast, ...rest } = result;
      const beyond = mode === "reach" && result.intensity !== null ? leversBeyondFullReach(plan, result.intensity) : null;
      io.out(`${JSON.stringify({ ...rest, leversBeyondFullReach: beyond, investment: forecast.investment, totals: forecast.totals }, null, 2)}\n`);
      return;
    }
    const spec = mode === "reach" ? PACKAGE_PARAMETERS.intensity : PACKAGE_PARAMETERS.midpointShift;
    io.out(describe(t, formats(lang, pkg.municipality.currency), plan, result, (path) => parameterLabel(pkg, path, lang), spec));
  },
});

runIfMain(import.meta.url, goalSeekCommand);
