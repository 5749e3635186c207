/**
 * npm run backtest -- [--data <folder>] [--initial 1] [--horizon <years>] [--format text|json]
 *
 * How well the model would have predicted its own headcount history, by rolling origin: from every
 * history year but the last, the model rerun with the drivers as they turned out, against the
 * actual headcount, as MAPE per process and horizon, beside elasticities and a drift fitted on the
 * years up to each cutoff and two naive forecasts (flat, and "FTE grows with residents").
 */
import type { Formats, Lang } from "../contract/locale.ts";
import type { BacktestResult, BacktestScore } from "../model/backtest.ts";
import type { DataPackage } from "../model/data-package.ts";
import { choice, command, DATA_FLAG, fail, integerFlag, runIfMain } from "./common.ts";
import type { Messages } from "./messages.ts";

const FORMATS = ["text", "json"] as const;
const METHODS = ["model", "calibrated", "naiveFlat", "naiveResidents"] as const;

/** The method with the smallest MAPE. */
function best(s: BacktestScore): (typeof METHODS)[number] | null {
  return METHODS.filter((key) => s[key] !== null).sort((a, b) => s[a]! - s[b]!)[0] ?? null;
}

function describe(t: Messages, f: Formats, lang: Lang, pkg: DataPackage, r: BacktestResult, total: string): string {
  const m = t.backtest;
  const name = (id: string) => (id === total ? m.total : (pkg.processes.find((p) => p.id === id)?.name[lang] ?? id));
  const pct = (v: number | null) => (v === null ? "–" : f.percent(v / 100, 1));
  const header = [m.columns.process, m.columns.horizon, m.columns.points, ...METHODS.map((k) => m.methods[k]), m.columns.best];
  const rows = r.mape.map((s) => {
    const winner = best(s);
    return [name(s.process), s.horizon === null ? m.all : String(s.horizon), String(s.points), ...METHODS.map((k) => pct(s[k])), winner === null ? "–" : m.methods[winner]];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  const lines = [m.title(pkg.municipality.name, r.historyYears.join(", ")), ...m.intro(r.cutoffs.join(", "), r.horizons.at(-1) ?? 0), "", line(header)];
  let previous = "";
  r.mape.forEach((s, i) => {
    if (s.process !== previous && previous !== "") lines.push(s.process === total ? "-".repeat(line(header).length) : "");
    previous = s.process;
    lines.push(line(rows[i]!));
  });
  lines.push("", r.calibrationTrusted ? m.trusted : m.untrusted);
  if (r.notes.length > 0) lines.push("", m.notes, ...r.notes.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}

export const backtestCommand = command({
  flags: {
    ...DATA_FLAG,
    initial: { type: "string", value: "<years>" },
    horizon: { type: "string", value: "<years>" },
    format: { type: "string", default: "text", value: FORMATS.join("|") },
  },
  help: (t) => t.backtest.help,
  async run(values, { lang, t, io }) {
    const format = choice(t, "format", values.format, FORMATS);
    const initial = integerFlag(t, "initial", values.initial);
    const horizon = integerFlag(t, "horizon", values.horizon);
    const { loadPackage } = await import("./load.ts");
    const { BACKTEST_TOTAL, backtest } = await import("../model/backtest.ts");
    const { formats } = await import("../contract/locale.ts");
    const { pkg } = await loadPackage(t, values.data, io);
    let result: BacktestResult;
    try {
      result = backtest(pkg, { ...(initial === undefined ? {} : { initial }), ...(horizon === undefined ? {} : { horizon }) });
    } catch (error) {
      fail((error as Error).message);
    }
    io.out(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : describe(t, formats(lang, pkg.municipality.currency), lang, pkg, result, BACKTEST_TOTAL));
  },
});

runIfMain(import.meta.url, backtestCommand);
