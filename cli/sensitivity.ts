/**
 * npm run sensitivity -- [--data <folder>] --scenario <id> [--outcome fte|humpDepth|npv]
 *                        [--year <year>] [--process <id>] [--top 15] [--format text|json]
 *
 * A tornado: for each uncertain assumption of the scenario, how far the outcome swings between the
 * assumption's P10 and P90 with every other uncertain assumption at its median, largest first.
 * The default outcome is total FTE in the horizon year. Assumptions are named in words, with the
 * app's labels (`model/parameter-labels.ts`), never by their parameter path.
 */
import type { Formats } from "../contract/locale.ts";
import type { Tornado, TornadoOutcome } from "../model/sensitivity.ts";
import { choice, command, DATA_FLAG, fail, integerFlag, runIfMain } from "./common.ts";
import type { Messages } from "./messages.ts";

const FORMATS = ["text", "json"] as const;
const OUTCOMES = ["fte", "humpDepth", "npv"] as const;
const BAR_WIDTH = 30;

/** The tornado as text: one line per assumption, a bar from the low to the high outcome around the base. */
function describe(t: Messages, f: Formats, tornado: Tornado, top: number, label: (path: string) => string, processName: (id: string) => string, discountRate: number): string {
  const m = t.sensitivity;
  const money = tornado.unit !== "FTE";
  const cell = (v: number) => (money ? f.mkr(v) : f.fixed(v, 1));
  const show = (v: number) => (money ? f.mkr(v) : `${f.fixed(v, 1)} ${f.fteUnit}`);
  const o = tornado.outcome;
  const outcome = o.kind === "fte" ? m.outcome.fte(o.year, o.process === undefined ? null : processName(o.process)) : m.outcome[o.kind];
  const bars = tornado.bars.slice(0, top);
  const rows = bars.map((b) => [label(b.parameter), cell(b.swing), cell(b.outcomeAtLow), cell(b.outcomeAtHigh)]);
  const widths = m.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const widest = Math.max(...bars.map((b) => b.swing), 1e-12);
  const lines = [m.title(tornado.scenario, outcome), m.base(show(tornado.base)), "", line(m.columns)];
  bars.forEach((b, i) => {
    const bar = "█".repeat(Math.max(b.swing > 0 ? 1 : 0, Math.round((b.swing / widest) * BAR_WIDTH)));
    lines.push(`${line(rows[i]!)}  ${bar}`);
  });
  if (tornado.bars.length > top) lines.push(m.more(tornado.bars.length - top, tornado.bars.length));
  if (tornado.bars.length === 0) lines.push(m.none);
  if (o.kind === "npv") lines.push("", t.forecast.npvConvention(f.percent(discountRate, 1)));
  return `${lines.join("\n")}\n`;
}

export const sensitivityCommand = command({
  flags: {
    ...DATA_FLAG,
    scenario: { type: "string", value: "<id>" },
    outcome: { type: "string", default: "fte", value: OUTCOMES.join("|") },
    year: { type: "string", value: "<year>" },
    process: { type: "string", value: "<id>" },
    top: { type: "string", default: "15", value: "<n>" },
    format: { type: "string", default: "text", value: FORMATS.join("|") },
  },
  help: (t) => t.sensitivity.help,
  async run(values, { lang, t, io }) {
    if (!values.scenario) fail(t.common.required("scenario", t.sensitivity.scenarioWhy));
    const format = choice(t, "format", values.format, FORMATS);
    const kind = choice(t, "outcome", values.outcome, OUTCOMES);
    const top = integerFlag(t, "top", values.top, 15);
    if (top < 1) fail(t.common.atLeast("top", "1", values.top));
    const { loadPackage, findScenario, planFor } = await import("./load.ts");
    const { tornado } = await import("../model/sensitivity.ts");
    const { NPV_CONVENTION } = await import("../model/investment.ts");
    const { parameterLabel, processName } = await import("../model/parameter-labels.ts");
    const { formats } = await import("../contract/locale.ts");
    const { pkg } = await loadPackage(t, values.data, io);
    const plan = planFor(t, pkg, findScenario(t, pkg, values.scenario));
    const year = integerFlag(t, "year", values.year, plan.horizon);
    if (!Number.isInteger(year) || year < plan.baseYear || year > plan.horizon) fail(t.sensitivity.yearRange(plan.baseYear, plan.horizon, values.year ?? ""));
    if (kind !== "fte" && (values.year !== undefined || values.process !== undefined)) fail(t.sensitivity.fteOnly);
    if (kind !== "fte" && plan.leverIds.length === 0) fail(t.sensitivity.noOutcome(values.scenario));
    if (values.process !== undefined && !plan.processIds.includes(values.process)) {
      fail(t.common.invalidChoice("process", values.process, plan.processIds.join(", ")));
    }
    const outcome: TornadoOutcome = kind === "fte" ? { kind, year, ...(values.process !== undefined ? { process: values.process } : {}) } : { kind };
    const result = tornado(plan, outcome);
    if (format === "json") {
      const labelled = { ...result, bars: result.bars.map((b) => ({ ...b, label: parameterLabel(pkg, b.parameter, lang) })) };
      io.out(`${JSON.stringify(kind === "npv" ? { ...labelled, npvConvention: NPV_CONVENTION } : labelled, null, 2)}\n`);
      return;
    }
    const f = formats(lang, pkg.municipality.currency);
    io.out(describe(t, f, result, top, (path) => parameterLabel(pkg, path, lang), (id) => processName(pkg, id, lang), plan.parameters.values[plan.discountRate]!));
  },
});

runIfMain(import.meta.url, sensitivityCommand);
