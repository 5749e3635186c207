/**
 * npm run backtest -- [--data <folder>] [--initial 1] [--horizon <years>] [--format text|json]
 *
 * How well the model would have predicted its own headcount history, by rolling origin: from every
 * history year but the last, the model rerun with the drivers as they turned out, against the
 * actual headcount, as MAPE per process and horizon, beside elasticities and a drift fitted on the
 * years up to each cutoff and two naive forecasts (flat, and "FTE grows with residents").
 */
import { parseArgs } from "node:util";
import { BACKTEST_TOTAL, type BacktestResult, type BacktestScore, backtest } from "../model/backtest.ts";
import type { DataPackage } from "../model/data-package.ts";
import { choice, DEFAULT_PACKAGE, fail, loadPackage, runCommand } from "./common.ts";

const FORMATS = ["text", "json"] as const;

const METHODS = [
  ["model", "model"],
  ["calibrated", "calibrated"],
  ["naiveFlat", "flat"],
  ["naiveResidents", "residents"],
] as const;

const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} %`).padStart(11);

function describe(pkg: DataPackage, r: BacktestResult): string {
  const name = (id: string) => (id === BACKTEST_TOTAL ? "Total" : (pkg.processes.find((p) => p.id === id)?.name.en ?? id));
  const width = Math.max(...r.mape.map((s) => name(s.process).length), 10);
  const lines = [
    `Backtest — ${pkg.municipality.name}: rolling origin over the headcount history ${r.historyYears.join(", ")}`,
    `Forecasts from each cutoff ${r.cutoffs.join(", ")} for the later history years (horizon 1 to ${r.horizons.at(-1) ?? 0} years),`,
    `with the drivers as they turned out and no levers, against the actual headcount.`,
    "",
    "Mean absolute percentage error (MAPE); lower is better.",
    "  model      = the package's elasticities and drift",
    "  calibrated = elasticities and a drift fitted on the years up to each cutoff",
    "  flat       = FTE stays at its level in the cutoff year",
    "  residents  = FTE grows with residents",
    "",
    `${"process".padEnd(width)}  horizon  points${METHODS.map(([, label]) => label.padStart(11)).join("")}   best`,
  ];
  let previous = "";
  for (const s of r.mape) {
    if (s.process !== previous && previous !== "") lines.push(s.process === BACKTEST_TOTAL ? "-".repeat(width + 66) : "");
    previous = s.process;
    lines.push(
      `${name(s.process).padEnd(width)}  ${(s.horizon === null ? "all" : `${s.horizon}`).padStart(7)}  ${String(s.points).padStart(6)}` +
        `${METHODS.map(([key]) => pct(s[key])).join("")}   ${best(s)}`,
    );
  }
  lines.push("", r.calibrationTrusted ? "The calibration from the last cutoff rests on trusted fits." : "The history is too short to trust the calibrated forecast (see the notes).");
  if (r.notes.length > 0) lines.push("", "Notes:", ...r.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}

/** The method with the smallest MAPE. */
function best(s: BacktestScore): string {
  const scored = METHODS.filter(([key]) => s[key] !== null).sort(([a], [b]) => s[a]! - s[b]!);
  return scored[0]?.[1] ?? "—";
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) fail(`--${name} must be a whole number, got "${text}"`);
  return value;
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      initial: { type: "string" },
      horizon: { type: "string" },
      format: { type: "string", default: "text" },
    },
  });
  const format = choice("format", values.format, FORMATS);
  const initial = integer("initial", values.initial);
  const horizon = integer("horizon", values.horizon);
  const pkg = await loadPackage(values.data);
  let result: BacktestResult;
  try {
    result = backtest(pkg, { ...(initial === undefined ? {} : { initial }), ...(horizon === undefined ? {} : { horizon }) });
  } catch (error) {
    fail((error as Error).message);
  }
  process.stdout.write(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : describe(pkg, result));
});
