/**
 * npm run sensitivity -- [--data <folder>] --scenario <id> [--outcome fte|humpDepth|npv]
 *                        [--year <year>] [--process <id>] [--top 15] [--format text|json]
 *
 * A tornado: for each uncertain assumption of the scenario, how far the outcome swings between the
 * assumption's P10 and P90 with every other uncertain assumption at its median, largest first.
 * The default outcome is total FTE in the horizon year.
 */
import { parseArgs } from "node:util";
import { NPV_CONVENTION } from "../model/investment.ts";
import { TORNADO_OUTCOMES, type Tornado, type TornadoOutcome, tornado } from "../model/sensitivity.ts";
import { choice, DEFAULT_PACKAGE, fail, findScenario, loadPackage, planFor, runCommand } from "./common.ts";

const FORMATS = ["text", "json"] as const;
const BAR_WIDTH = 30;

function describeOutcome(o: TornadoOutcome): string {
  if (o.kind === "fte") return `${o.process ?? "total"} FTE in ${o.year}`;
  return o.kind === "npv" ? "NPV" : "investment hump depth";
}

/** The tornado as text: one line per assumption, a bar from the low to the high outcome around the base. */
function describe(t: Tornado, top: number): string {
  const scale = t.unit === "FTE" ? 1 : 1e6;
  const unit = t.unit === "FTE" ? "FTE" : "MSEK";
  const show = (v: number) => (v / scale).toFixed(1);
  const bars = t.bars.slice(0, top);
  const widest = Math.max(...bars.map((b) => b.swing), 1e-12);
  const nameWidth = Math.max(...bars.map((b) => b.parameter.length), 10);
  const lines = [
    `Tornado — scenario ${t.scenario}: ${describeOutcome(t.outcome)}, P${t.low * 100} to P${t.high * 100} of each assumption, the others at their medians`,
    `With every assumption at its median: ${show(t.base)} ${unit}.`,
    "",
    `${"assumption".padEnd(nameWidth)}  ${"swing".padStart(8)}  ${"at P10".padStart(9)}  ${"at P90".padStart(9)}`,
  ];
  for (const b of bars) {
    const bar = "█".repeat(Math.max(b.swing > 0 ? 1 : 0, Math.round((b.swing / widest) * BAR_WIDTH)));
    lines.push(
      `${b.parameter.padEnd(nameWidth)}  ${show(b.swing).padStart(8)}  ${show(b.outcomeAtLow).padStart(9)}  ${show(b.outcomeAtHigh).padStart(9)}  ${bar}`,
    );
  }
  if (t.bars.length > top) lines.push(`… and ${t.bars.length - top} more (--top ${t.bars.length} shows all).`);
  if (t.bars.length === 0) lines.push("The scenario has no uncertain assumptions.");
  if (t.outcome.kind === "npv") lines.push("", `NPV: ${NPV_CONVENTION}.`);
  return `${lines.join("\n")}\n`;
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      scenario: { type: "string" },
      outcome: { type: "string", default: "fte" },
      year: { type: "string" },
      process: { type: "string" },
      top: { type: "string", default: "15" },
      format: { type: "string", default: "text" },
    },
  });
  if (!values.scenario) fail("--scenario is required: the scenario whose uncertain assumptions to swing");
  const format = choice("format", values.format, FORMATS);
  const kind = choice("outcome", values.outcome, TORNADO_OUTCOMES);
  const top = Number(values.top);
  if (!Number.isInteger(top) || top < 1) fail(`--top must be an integer ≥ 1, got "${values.top}"`);
  const pkg = await loadPackage(values.data);
  const plan = planFor(pkg, findScenario(pkg, values.scenario));
  const year = values.year === undefined ? plan.horizon : Number(values.year);
  if (!Number.isInteger(year) || year < plan.baseYear || year > plan.horizon) {
    fail(`--year must be a year from ${plan.baseYear} to ${plan.horizon}, got "${values.year}"`);
  }
  if (kind !== "fte" && (values.year !== undefined || values.process !== undefined)) {
    fail(`--year and --process apply to --outcome fte only`);
  }
  if (kind !== "fte" && plan.leverIds.length === 0) fail(`Scenario "${values.scenario}" has no levers: it has no ${kind}.`);
  const outcome: TornadoOutcome =
    kind === "fte" ? { kind, year, ...(values.process !== undefined ? { process: values.process } : {}) } : { kind };
  let result: Tornado;
  try {
    result = tornado(plan, outcome);
  } catch (error) {
    fail((error as Error).message);
  }
  const json = kind === "npv" ? { ...result, npvConvention: NPV_CONVENTION } : result;
  process.stdout.write(format === "json" ? `${JSON.stringify(json, null, 2)}\n` : describe(result, top));
});
