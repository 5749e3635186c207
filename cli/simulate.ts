/**
 * npm run simulate -- [--data <folder>] --scenario <id> [--draws 10000] [--seed 1] [--threads <n>]
 *                     [--out results.arrow] [--format text|json]
 *
 * Monte Carlo over the scenario's uncertain assumptions: P10/P50/P90 of total FTE per year, the
 * probability of holding total FTE at or below the base year, and the spread of the investment
 * hump. With --out, writes the FTE paths of every draw as an Arrow IPC stream (results.arrow), the
 * per-draw outcomes and parameter values beside it (results.draws.arrow) and the summary as JSON
 * (results.summary.json).
 */
import { writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { drawsTable, encodeArrow, trajectoriesTable } from "../io/arrow.ts";
import { monteCarloParallel } from "../io/parallel-monte-carlo.ts";
import { illustrativeNote } from "../model/illustrative.ts";
import { monteCarlo, type MonteCarloSummary, summariseMonteCarlo } from "../model/monte-carlo.ts";
import { choice, DEFAULT_PACKAGE, fail, findScenario, loadPackage, planFor, runCommand } from "./common.ts";
import { progressBar } from "./progress.ts";

/** Below this many draws one thread is faster than starting workers (about 0.3 s each). */
const PARALLEL_FROM = 5000;

const FORMATS = ["text", "json"] as const;

const fte = (v: number) => v.toFixed(0).padStart(6);
const msek = (v: number | null) => (v === null ? "—" : `${(v / 1e6).toFixed(1)} MSEK`);
const percent = (v: number) => `${(v * 100).toFixed(0)} %`;

/** The summary as text a person reads. */
function describe(s: MonteCarloSummary): string {
  const note = illustrativeNote(s.illustrative, "en");
  const lines = [
    `Monte Carlo — scenario ${s.scenario}: ${s.draws} draws, seed ${s.seed}, ${s.parameters.length} uncertain assumptions`,
    ...(note === null ? [] : [note]),
    "",
    "  year   total FTE P10    P50    P90   without levers P50   P(FTE ≤ base year)   P(≤ base year from here on)",
  ];
  for (const y of s.years) {
    if ((y.year - s.baseYear) % 2 !== 0 && y.year !== s.horizon) continue;
    lines.push(
      `  ${y.year}        ${fte(y.totalFte_p10)} ${fte(y.totalFte_p50)} ${fte(y.totalFte_p90)}         ${fte(y.baselineFte_p50)}` +
        `               ${percent(y.probabilityHoldsFlat).padStart(5)}                    ${percent(y.probabilityHoldsFlatFrom).padStart(5)}`,
    );
  }
  lines.push("", `Base year ${s.baseYear}: ${s.baseYearFte.toFixed(1)} FTE.`);
  if (s.hasLevers) {
    const year = (v: number | null) => (v === null ? "not within the horizon" : String(v));
    lines.push(
      `Investment hump depth: P10 ${msek(s.humpDepth.p10)}, P50 ${msek(s.humpDepth.p50)}, P90 ${msek(s.humpDepth.p90)}.`,
      `NPV: P10 ${msek(s.npv.p10)}, P50 ${msek(s.npv.p50)}, P90 ${msek(s.npv.p90)}.`,
      `Payback year: P10 ${year(s.paybackYear.p10)}, P50 ${year(s.paybackYear.p50)}, P90 ${year(s.paybackYear.p90)}; ` +
        `paid back within the horizon in ${percent(s.paybackYear.probability)} of the draws.`,
    );
  } else lines.push("No levers in this scenario: no investment hump.");
  const figure = (name: string) => s.central.figures.find((f) => f.figure === name);
  const hump = figure("humpDepth");
  const npv = figure("npv");
  const horizonFte = s.central.figures.find((f) => f.figure === "totalFte" && f.year === s.horizon);
  lines.push(
    "",
    `Headline forecast (${s.central.estimate}): total FTE ${s.horizon} ${horizonFte?.value?.toFixed(0) ?? "—"}` +
      (hump && npv ? `, hump ${msek(hump.value)}, NPV ${msek(npv.value)}, payback ${figure("paybackYear")?.value ?? "not within the horizon"}.` : "."),
  );
  if (s.hasLevers) lines.push(`NPV: ${s.npvConvention}.`);
  if (s.notices.length === 0) lines.push("Every headline figure lies within its own P10–P90.");
  else lines.push("Notice:", ...s.notices.map((n) => `  - ${n}`));
  return `${lines.join("\n")}\n`;
}

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value)) fail(`--${name} must be an integer, got "${text}"`);
  return value;
}

runCommand(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: DEFAULT_PACKAGE },
      scenario: { type: "string" },
      draws: { type: "string" },
      seed: { type: "string" },
      threads: { type: "string" },
      out: { type: "string" },
      format: { type: "string", default: "text" },
    },
  });
  if (!values.scenario) fail("--scenario is required: the scenario whose uncertain assumptions to draw");
  const format = choice("format", values.format, FORMATS);
  const draws = integer("draws", values.draws, 10_000);
  const seed = integer("seed", values.seed, 1);
  if (draws < 1) fail(`--draws must be at least 1, got ${draws}`);
  if (seed < 0 || seed > 0xffffffff) fail(`--seed must be from 0 to 4294967295, got ${seed}`);
  const threads = integer("threads", values.threads, draws >= PARALLEL_FROM ? availableParallelism() : 1);
  if (threads < 1) fail(`--threads must be at least 1, got ${threads}`);
  const pkg = await loadPackage(values.data);
  const plan = planFor(pkg, findScenario(pkg, values.scenario));
  if (plan.parameters.uncertain.length === 0) {
    process.stderr.write(`Scenario "${values.scenario}" has no uncertain assumptions: every draw is the deterministic forecast.\n`);
  }

  const bar = progressBar("Monte Carlo", draws, "draws");
  const options = { draws, seed, onProgress: bar.update };
  const result = threads > 1 ? await monteCarloParallel(plan, { ...options, threads }) : monteCarlo(plan, options);
  bar.stop();
  const summary = summariseMonteCarlo(result);

  if (values.out) {
    const base = values.out.replace(/\.arrow$/, "");
    const files: [string, Uint8Array | string][] = [
      [values.out, encodeArrow(trajectoriesTable(result))],
      [`${base}.draws.arrow`, encodeArrow(drawsTable(result))],
      [`${base}.summary.json`, `${JSON.stringify(summary, null, 2)}\n`],
    ];
    for (const [file, content] of files) await writeFile(file, content);
    process.stderr.write(`Wrote ${files.map(([file]) => file).join(", ")}.\n`);
  }
  process.stdout.write(format === "json" ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary));
});
