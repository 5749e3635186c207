/**
 * npm run backtest -- [--data <folder>] [--holdout 1] [--format text|json]
 *
 * How well the model would have predicted the last years of the headcount history: the model
 * rerun from the last year kept, with the drivers as they turned out, against the actual
 * headcount, as MAPE per process, beside elasticities fitted on the kept years and a naive
 * "FTE grows with residents" forecast.
 */
import { parseArgs } from "node:util";
import { type BacktestResult, backtest } from "../model/backtest.ts";
import type { DataPackage } from "../model/data-package.ts";
import { choice, DEFAULT_PACKAGE, fail, loadPackage, runCommand } from "./common.ts";

const FORMATS = ["text", "json"] as const;

const pct = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} %`).padStart(10);
const num = (v: number | null) => (v === null ? "—" : v.toFixed(1)).padStart(9);

function describe(pkg: DataPackage, r: BacktestResult): string {
  const name = (id: string) => pkg.processes.find((p) => p.id === id)?.name.en ?? "Total";
  const width = Math.max(...r.mape.map((s) => name(s.process).length), 10);
  const held = r.heldOutYears.join(", ");
  const lines = [
    `Backtest — ${pkg.municipality.name}: forecast from ${r.cutoffYear} (kept ${r.keptYears.join(", ")}), compared with the actual headcount in ${held}`,
    "",
    `Mean absolute percentage error (MAPE) per process; lower is better.`,
    `  model      = the package's elasticities`,
    `  calibrated = elasticities fitted on ${r.keptYears.join(", ")} only`,
    `  naive      = FTE grows with residents`,
    "",
    `${"process".padEnd(width)}  ${"model".padStart(10)}${"calibrated".padStart(12)}${"naive".padStart(10)}   best`,
  ];
  for (const s of r.mape) {
    const options: [string, number | null][] = [
      ["model", s.model],
      ["calibrated", s.calibrated],
      ["naive", s.naive],
    ];
    const best = options.filter(([, v]) => v !== null).sort((a, b) => a[1]! - b[1]!)[0]![0];
    if (s.process === "total") lines.push("-".repeat(width + 45));
    lines.push(`${name(s.process).padEnd(width)}  ${pct(s.model)}  ${pct(s.calibrated)}${pct(s.naive)}   ${best}`);
  }
  lines.push("", `FTE in the held-out years:`, `${"process".padEnd(width)}  year    actual    model calibrated    naive`);
  for (const row of r.rows) {
    lines.push(
      `${name(row.process).padEnd(width)}  ${row.year}  ${num(row.actual)}${num(row.model)}${num(row.calibrated).padStart(11)}${num(row.naive)}`,
    );
  }
  if (r.notes.length > 0) lines.push("", "Notes:", ...r.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      holdout: { type: "string", default: "1" },
      format: { type: "string", default: "text" },
    },
  });
  const format = choice("format", values.format, FORMATS);
  const pkg = await loadPackage(values.data);
  let result: BacktestResult;
  try {
    result = backtest(pkg, { holdout: Number(values.holdout) });
  } catch (error) {
    fail((error as Error).message);
  }
  process.stdout.write(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : describe(pkg, result));
});
