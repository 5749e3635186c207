/**
 * npm run goal-seek -- [--data <folder>] --scenario <id> --target-year <year> [--mode reach|timing] [--format text|json]
 *
 * The smallest lever intensity that holds total FTE at or below the base year from the target
 * year on, and the investment hump it costs.
 */
import { parseArgs } from "node:util";
import { GOAL_SEEK_MODES, goalSeek, type GoalSeekResult } from "../model/index.ts";
import { choice, DEFAULT_PACKAGE, fail, findScenario, loadPackage, planFor, runCommand } from "./common.ts";

function describe(result: GoalSeekResult): string {
  const f = result.forecast;
  const base = f.totals[0]!.totalFte;
  const at = f.totals.find((t) => t.year === result.targetYear)!;
  const what =
    result.mode === "reach"
      ? (x: number) => `reach × ${x.toFixed(3)}`
      : (x: number) => `midpoints ${x.toFixed(2)} years earlier`;
  const lines = result.reachable
    ? [
        `Holds total FTE at or below ${base.toFixed(1)} (${f.baseYear}) from ${result.targetYear} with ${what(result.intensity!)}.`,
        `Total FTE in ${result.targetYear}: ${at.totalFte.toFixed(1)}.`,
      ]
    : [
        `Not reachable with these levers: even at full intensity (${what(result.fullIntensity)}) total FTE is above ` +
          `${base.toFixed(1)} (${f.baseYear}) in some year from ${result.targetYear}.`,
        `At full intensity total FTE in ${result.targetYear} is ${at.totalFte.toFixed(1)}.`,
      ];
  const inv = f.investment;
  if (inv) {
    lines.push(
      `Hump: depth ${(inv.humpDepth / 1e6).toFixed(1)} MSEK, year ${inv.humpYear ?? "none"}, payback ${inv.paybackYear ?? "not within the horizon"}, NPV ${(inv.npv / 1e6).toFixed(1)} MSEK.`,
      `NPV at ${(inv.discountRate * 100).toFixed(1)} %: ${inv.npvConvention}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      scenario: { type: "string" },
      "target-year": { type: "string" },
      mode: { type: "string", default: "reach" },
      format: { type: "string", default: "text" },
    },
  });
  if (!values.scenario) fail("--scenario is required: the scenario whose levers to scale");
  const targetYear = Number(values["target-year"]);
  if (!Number.isInteger(targetYear)) fail(`--target-year must be a year, got "${values["target-year"] ?? ""}"`);
  const mode = choice("mode", values.mode, GOAL_SEEK_MODES);
  const pkg = await loadPackage(values.data);
  const plan = planFor(pkg, findScenario(pkg, values.scenario));
  if (plan.leverIds.length === 0) fail(`Scenario "${values.scenario}" has no levers to scale.`);
  if (targetYear <= plan.baseYear || targetYear > plan.horizon) {
    fail(`--target-year must be between ${plan.baseYear + 1} and ${plan.horizon}`);
  }
  const result = goalSeek(plan, targetYear, mode);
  if (values.format === "json") {
    const { forecast, ...rest } = result;
    process.stdout.write(
      `${JSON.stringify({ ...rest, investment: forecast.investment, totals: forecast.totals }, null, 2)}\n`,
    );
  } else process.stdout.write(describe(result));
});
