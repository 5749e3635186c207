/**
 * npm run simulate -- [--data <folder>] --scenario <id> [--draws 10000] [--seed 1]
 *                     [--out results.arrow] [--format text|json]
 *
 * Monte Carlo over the scenario's uncertain assumptions: P10/P50/P90 of total FTE per year, the
 * probability of holding total FTE at or below the base year, and the spread of the investment
 * hump. With --out, writes the FTE paths of every draw as an Arrow IPC stream (results.arrow), the
 * per-draw outcomes and parameter values beside it (results.draws.arrow) and the summary as JSON
 * (results.summary.json).
 *
 * One thread: splitting the draws over worker threads gained 8 % on two cores with the other core
 * free (issue 12, bench/results.json of Dec 1) and cost about 1.4 s to start the workers.
 */
import { writeFile } from "node:fs/promises";
import type { Formats } from "../contract/locale.ts";
import type { CentralFigure, MonteCarloSummary } from "../model/monte-carlo.ts";
import { choice, command, DATA_FLAG, fail, integerFlag, runIfMain } from "./common.ts";
import type { Messages } from "./messages.ts";

const FORMATS = ["text", "json"] as const;

/** A headline figure in words and numbers: money in Mkr, years as years, FTE whole. */
function figureValue(f: Formats, t: Messages, figure: CentralFigure["figure"], v: number | null): string {
  if (figure === "humpDepth" || figure === "npv") return f.mkr(v);
  if (figure === "humpYear" || figure === "paybackYear") return v === null ? t.simulate.never : String(v);
  return f.number(v, 1);
}

/** The summary as text a person reads. */
function describe(s: MonteCarloSummary, t: Messages, f: Formats, discountRate: number, note: string | null): string {
  const m = t.simulate;
  const columns = m.columns;
  const rows: string[][] = [];
  for (const y of s.years) {
    if ((y.year - s.baseYear) % 2 !== 0 && y.year !== s.horizon) continue;
    rows.push([
      String(y.year),
      f.fte(y.totalFte_p10),
      f.fte(y.totalFte_p50),
      f.fte(y.totalFte_p90),
      f.fte(y.baselineFte_p50),
      f.percent(y.probabilityHoldsFlat),
      f.percent(y.probabilityHoldsFlatFrom),
    ]);
  }
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ")}`;
  const lines = [m.title(s.scenario, f.number(s.draws), s.seed, s.parameters.length), ...(note === null ? [] : [note]), "", line(columns), ...rows.map(line)];
  lines.push("", m.baseYear(s.baseYear, f.number(s.baseYearFte, 1)));
  const year = (v: number | null) => (v === null ? m.never : String(v));
  if (s.hasLevers) {
    lines.push(
      m.humpDepth(f.mkr(s.humpDepth.p10), f.mkr(s.humpDepth.p50), f.mkr(s.humpDepth.p90)),
      m.npv(f.mkr(s.npv.p10), f.mkr(s.npv.p50), f.mkr(s.npv.p90)),
      m.payback(year(s.paybackYear.p10), year(s.paybackYear.p50), year(s.paybackYear.p90), f.percent(s.paybackYear.probability)),
    );
  } else lines.push(m.noLevers);
  const figure = (name: CentralFigure["figure"]) => s.central.figures.find((c) => c.figure === name);
  const hump = figure("humpDepth");
  const npv = figure("npv");
  const horizonFte = s.central.figures.find((c) => c.figure === "totalFte" && c.year === s.horizon);
  lines.push(
    "",
    m.headline(s.horizon, f.number(horizonFte?.value ?? null, 0)) +
      (hump && npv ? m.headlineMoney(f.mkr(hump.value), f.mkr(npv.value), year(figure("paybackYear")?.value ?? null)) : "") +
      ".",
  );
  if (s.hasLevers) lines.push(t.forecast.npvConvention(f.percent(discountRate, 1)));
  const outside = s.central.figures.filter((c) => !c.withinP10P90);
  if (outside.length === 0) lines.push(m.allWithin);
  else {
    const show = (c: CentralFigure, v: number | null) => figureValue(f, t, c.figure, v);
    lines.push(
      m.notice,
      ...outside.map((c) => `  - ${m.outside(`${m.figure[c.figure]}${c.year === null ? "" : ` ${c.year}`}`, show(c, c.value), show(c, c.p10), show(c, c.p90), show(c, c.p50))}`),
    );
  }
  return `${lines.join("\n")}\n`;
}

export const simulateCommand = command({
  flags: {
    ...DATA_FLAG,
    scenario: { type: "string", value: "<id>" },
    draws: { type: "string", default: "10000", value: "<n>" },
    seed: { type: "string", default: "1", value: "<n>" },
    out: { type: "string", value: "<file.arrow>" },
    format: { type: "string", default: "text", value: FORMATS.join("|") },
  },
  help: (t) => t.simulate.help,
  async run(values, { lang, t, io }) {
    if (!values.scenario) fail(t.common.required("scenario", t.simulate.scenarioWhy));
    const format = choice(t, "format", values.format, FORMATS);
    const draws = integerFlag(t, "draws", values.draws, 10_000);
    const seed = integerFlag(t, "seed", values.seed, 1);
    if (draws < 1) fail(t.common.atLeast("draws", "1", values.draws));
    if (seed < 0 || seed > 0xffffffff) fail(t.simulate.seedRange(values.seed));
    const { loadPackage, findScenario, planFor } = await import("./load.ts");
    const { monteCarlo, summariseMonteCarlo } = await import("../model/monte-carlo.ts");
    const { illustrativeNote } = await import("../model/illustrative.ts");
    const { formats } = await import("../contract/locale.ts");
    const { progressBar } = await import("./progress.ts");
    const { pkg } = await loadPackage(t, values.data, io);
    const plan = planFor(t, pkg, findScenario(t, pkg, values.scenario));
    if (plan.parameters.uncertain.length === 0) io.err(`${t.simulate.noUncertainty(values.scenario)}\n`);

    const bar = progressBar(t.simulate.progress, draws, t.simulate.drawsUnit);
    const options = { draws, seed, onProgress: bar.update };
    const result = monteCarlo(plan, options);
    bar.stop();
    const summary = summariseMonteCarlo(result);

    if (values.out) {
      const { drawsTable, encodeArrow, trajectoriesTable } = await import("../io/arrow.ts");
      const base = values.out.replace(/\.arrow$/, "");
      const files: [string, Uint8Array | string][] = [
        [values.out, encodeArrow(trajectoriesTable(result))],
        [`${base}.draws.arrow`, encodeArrow(drawsTable(result))],
        [`${base}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`],
      ];
      for (const [file, content] of files) await writeFile(file, content);
      io.err(`${t.common.wrote(files.map(([file]) => file).join(", "))}\n`);
    }
    io.out(format === "json" ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary, t, formats(lang, pkg.municipality.currency), plan.parameters.values[plan.discountRate]!, illustrativeNote(summary.illustrative, lang)));
  },
});

runIfMain(import.meta.url, simulateCommand);
