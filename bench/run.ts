/**
 * npm run bench — how fast the model runs, measured, never asserted (STYLE.md principle 10).
 *
 * On the Nacka package (data/nacka), scenario "vaxa-utan-att-vaxa" (all levers, 34 uncertain
 * assumptions):
 * 1. one deterministic forecast (the kernel alone, and the forecast read into rows);
 * 2. Monte Carlo with 10,000 draws on one thread (sampling, the draws alone, summary), into
 *    buffers reused run after run; the floor under the draws (bench/floor.ts): their exp, log and
 *    pow calls, counted in the real draws, timed alone, and the cohort projection alone, each in
 *    pairs with the draws alone; the peak memory of 100,000 draws in a process of its own
 *    (bench/peak-memory.ts). There is no multi-threaded run: a worker pool gained 8 % with the
 *    other core free and cost 1.4 s to start (issue 12), so the command line runs on one thread;
 * 3. the 10,000-draw result encoded as Arrow IPC streams versus JSON rows (bytes and time);
 * 4. the numpy peer (bench/numpy_peer.py) on the same plan and number of draws, in pairs: a run of
 *    Vaxa's, then one of the peer's, seven times, the ratio the median of the pairs' ratios
 *    (skipped with a message when python3 or numpy is missing);
 * 5. a package ten times Nacka's activities with a horizon of 2060 (tests/model/large-package.ts):
 *    time per draw against Nacka's, per activity-year;
 * 6. `npm run forecast` as a whole process (node + tsx start, package read, forecast, table).
 *
 * `npm run bench -- --readme` measures nothing: it rewrites README's speed table from
 * bench/results.json (bench/readme.ts).
 *
 * Then, unless `--model-only` is given, the server's and the browser's benchmarks
 * (bench/server.ts, bench/browser.ts), whose figures go under `server` and `browser`.
 *
 * Writes bench/results.json and prints a table. Times are wall-clock medians of repeated runs (the
 * Monte Carlo's and the summary's fastest run beside them: this machine's speed drifts); CPU
 * time is given beside the single-thread figures because other processes on the machine stretch
 * wall-clock time (the load average is recorded). A fingerprint of the Monte Carlo result (SHA-256
 * of its columns) lets two runs, or two machines, be compared digit for digit.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg } from "node:os";
import { drawsTable, encodeArrow, trajectoriesTable } from "../io/arrow.ts";
import { createWorkspace, evaluate } from "../model/evaluate.ts";
import { forecast } from "../model/forecast.ts";
import { kernelFor } from "../model/kernel.ts";
import { allocateColumns, runDraws } from "../model/draw-columns.ts";
import { type MonteCarloResult, monteCarlo, monteCarloBuffers, summariseMonteCarlo } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";
import { sampleParameters } from "../model/sampling.ts";
import { MESSAGES } from "../cli/messages.ts";
import { COMMON_FLAGS, helpText, readFlags, requestedLang, UsageError } from "../io/command-line.ts";
import { benchPlans, callsText, LARGE, measureFloor } from "./floor.ts";
import { type NumpyPeer, startNumpyPeer } from "./numpy-peer.ts";

const PACKAGE = "data/nacka";
const SCENARIO = "vaxa-utan-att-vaxa";
const DRAWS = 10_000;
const SEED = 42;
/** Alternating rounds of the draws, their exp/log alone and the cohort projection alone (bench/floor.ts). */
const FLOOR_PAIRS = 7;
const TARGETS = { forecastMs: 1, singleThreadMs: 100, peerRatio: 2, summaryMs: 30, forecastProcessMs: 1000, arrowSmallerX: 5, arrowFasterX: 5 };

/** Writes `text` and ends the process once it has been written (so nothing is lost on a pipe). */
async function endWith(stream: NodeJS.WriteStream, text: string, code: number): Promise<never> {
  await new Promise((resolve) => stream.write(text, resolve));
  process.exit(code);
}

const FLAGS = {
  "model-only": { type: "boolean", default: false },
  "no-peer": { type: "boolean", default: false },
  readme: { type: "boolean", default: false },
  ...COMMON_FLAGS,
} as const;
const t = MESSAGES[requestedLang(process.argv.slice(2))];
let modelOnly = false;
let noPeer = false;
try {
  const { values } = readFlags(process.argv.slice(2), FLAGS, t.cli);
  if (values.help) await endWith(process.stdout, helpText(FLAGS, { ...t.bench.help, flags: { help: t.common.help, ...t.bench.help.flags } }, t.cli), 0);
  modelOnly = values["model-only"] === true;
  noPeer = values["no-peer"] === true;
  if (values.readme) {
    // measures nothing: README's speed table from bench/results.json
    await (await import("./readme.ts")).writeReadmeTable();
    process.exit(0);
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  await endWith(process.stderr, `${error.message}\n`, 1);
}

interface Timing {
  /** Median wall-clock time, ms. */
  ms: number;
  /** Median CPU time of this process (user + system), ms; for single-threaded work only. */
  cpuMs: number;
  /** The fastest run's wall-clock time, ms: how fast it runs when the machine is at its fastest. */
  bestMs: number;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `f` `warmup` times, then `runs` times, and returns the medians. */
async function time(f: () => unknown, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), bestMs: Math.min(...wall), runs };
}

/** Many quick runs per sample, for times below a millisecond. */
async function timeFast(f: () => unknown, perSample: number, samples: number): Promise<Timing> {
  const t = await time(
    () => {
      for (let i = 0; i < perSample; i++) f();
    },
    samples,
    3,
  );
  return { ms: t.ms / perSample, cpuMs: t.cpuMs / perSample, bestMs: t.bestMs / perSample, runs: perSample * samples };
}

function fingerprint(r: MonteCarloResult): string {
  const hash = createHash("sha256");
  for (const column of [r.fte, r.baselineFte, r.cumulativeNet, r.npv, r.humpDepth, r.paybackYear, r.parameters.values]) {
    hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  return hash.digest("hex");
}

/** The result as JSON rows: the same two tables as the Arrow streams, one object per row. */
function jsonRows(r: MonteCarloResult): { trajectories: string; draws: string } {
  const Y = r.years.length;
  const series = [...r.processes, "total"];
  const trajectories: { draw: number; process: string; year: number; fte: number }[] = [];
  for (let d = 0, i = 0; d < r.draws; d++) {
    for (const process of series) {
      for (let y = 0; y < Y; y++, i++) trajectories.push({ draw: d, process, year: r.years[y]!, fte: r.fte[i]! });
    }
  }
  const year = (v: number) => (Number.isNaN(v) ? null : v);
  const draws = Array.from({ length: r.draws }, (_, d) => {
    const row: Record<string, number | null> = {
      draw: d,
      npv: r.npv[d]!,
      humpDepth: r.humpDepth[d]!,
      humpYear: year(r.humpYear[d]!),
      paybackYear: year(r.paybackYear[d]!),
      holdsFlatFrom: year(r.holdsFlatFrom[d]!),
    };
    r.parameters.names.forEach((name, j) => (row[name] = r.parameters.values[j * r.draws + d]!));
    return row;
  });
  return { trajectories: JSON.stringify(trajectories), draws: JSON.stringify(draws) };
}

const loadBefore = loadavg();
const started = performance.now();
const plans = await benchPlans(PACKAGE, SCENARIO);
const { plan } = plans;
const log = (line: string) => process.stderr.write(`${line}\n`);

// 1. One deterministic forecast.
log("deterministic forecast …");
const ws = createWorkspace(plan);
const planKernel = kernelFor(plan);
const kernel = await timeFast(() => planKernel.run(plan.parameters.values, ws), 200, 15);
const reference = await timeFast(() => evaluate(plan, plan.parameters.values, ws), 200, 15);
const fullForecast = await timeFast(() => forecast(plan), 50, 15);
const deterministic = forecast(plan);

// 2. Monte Carlo, one thread.
log(`Monte Carlo, ${DRAWS} draws, one thread …`);
const sampling = await time(() => sampleParameters(plan.parameters, DRAWS, SEED), 5);
// repeated runs write into the same buffers, as a caller that runs Monte Carlo again and again does
const buffers = monteCarloBuffers(plan, DRAWS);
const single = await time(() => monteCarlo(plan, { draws: DRAWS, seed: SEED, buffers }), 5);
const drawSample = sampleParameters(plan.parameters, DRAWS, SEED);
const drawColumns = allocateColumns(plan, DRAWS);
const drawsOnly = await time(() => runDraws(plan, drawSample, drawColumns), 5);
// The floor under the draws (bench/floor.ts): their exp, log and pow calls alone, and the cohort
// projection alone, in pairs with the draws alone.
log("the floor: the draws' exp and log alone …");
const LARGE_DRAWS = 1000;
const floor = await measureFloor({ folder: PACKAGE, scenario: SCENARIO, plan, sample: drawSample, columns: drawColumns, draws: DRAWS, largeDraws: LARGE_DRAWS, seed: SEED, pairs: FLOOR_PAIRS, time: (f) => time(f, 1, 0) });
// The same without the package's population (its drivers from drivers.csv's own forecast): the
// model as it was before the cohort projection ran in every draw, for comparison with earlier runs.
const planWithoutPopulation = plans.withoutPopulation;
const withoutPopulationRun = await time(() => monteCarlo(planWithoutPopulation, { draws: DRAWS, seed: SEED }), 5);
const result = monteCarlo(plan, { draws: DRAWS, seed: SEED });
// Warmed up three times: a summary takes tens of milliseconds, and V8 is still compiling its loops
// for a few runs after the first (after the runs above, the second and third took 1.1–3.5× the
// later ones, 17:09, load 3.6). The first run also takes the collection of the garbage of the runs
// above, so that is not charged to the measured ones.
const summaryTime = await time(() => summariseMonteCarlo(result), 5, 3);
const summary = summariseMonteCarlo(result);
const again = monteCarlo(plan, { draws: DRAWS, seed: SEED });

// 2a. The numpy peer, paired: its runs alternate with Vaxa's, one each, and the ratio is the median
// of the pairs' ratios, because this machine's speed drifts by up to 2× from one minute to the next.
log("numpy peer …");
const PEER_PAIRS = 7;
async function pairedWithPeer(peer: NumpyPeer) {
  const vaxa: Timing[] = [];
  const runs = [];
  try {
    for (let i = 0; i < PEER_PAIRS; i++) {
      vaxa.push(await time(() => monteCarlo(plan, { draws: DRAWS, seed: SEED, buffers }), 1, 0));
      runs.push(await peer.run());
    }
  } finally {
    peer.close();
  }
  return {
    numpy: peer.numpy,
    draws: peer.draws,
    maxRelativeDifferenceFromVaxa: peer.maxRelativeDifferenceFromVaxa,
    pairs: PEER_PAIRS,
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    samplingMs: median(runs.map((r) => r.samplingMs)),
    vaxaMs: median(vaxa.map((t) => t.ms)),
    vaxaCpuMs: median(vaxa.map((t) => t.cpuMs)),
    /** Median over the pairs of the peer's time ÷ Vaxa's. */
    ratio: median(runs.map((r, i) => r.ms / vaxa[i]!.ms)),
    cpuRatio: median(runs.map((r, i) => r.cpuMs / vaxa[i]!.cpuMs)),
    ratios: runs.map((r, i) => Number((r.ms / vaxa[i]!.ms).toFixed(3))),
  };
}
const peerStarted = noPeer ? { skipped: true as const, reason: "--no-peer" } : await startNumpyPeer(plan, result);
const peer = "skipped" in peerStarted ? peerStarted : await pairedWithPeer(peerStarted);
if ("skipped" in peer) log(`numpy peer skipped: ${peer.reason}`);

const threads = availableParallelism();

// 3. Arrow versus JSON.
log("Arrow versus JSON …");
let arrowBytes = 0;
const arrow = await time(() => {
  arrowBytes = encodeArrow(trajectoriesTable(result)).byteLength + encodeArrow(drawsTable(result)).byteLength;
}, 5);
let jsonBytes = 0;
const json = await time(() => {
  const rows = jsonRows(result);
  jsonBytes = Buffer.byteLength(rows.trajectories) + Buffer.byteLength(rows.draws);
}, 3);
// the most compact JSON for comparison: one array per column
let columnarBytes = 0;
const columnar = await time(() => {
  columnarBytes = Buffer.byteLength(
    JSON.stringify({ fte: Array.from(result.fte), npv: Array.from(result.npv), parameters: Array.from(result.parameters.values) }),
  );
}, 3);

// 5. A package ten times Nacka's, horizon 2060.
log("a package ten times Nacka's, horizon 2060 …");
const largePlan = plans.large();
const large = await time(() => monteCarlo(largePlan, { draws: LARGE_DRAWS, seed: SEED }), 3);
const activityYears = (p: ModelPlan) => p.activityIds.length * p.yearCount;
const nackaPerDraw = single.cpuMs / DRAWS;
const largePerDraw = large.cpuMs / LARGE_DRAWS;

// 6. The forecast command as a whole process (node and tsx start, read, compile, forecast, table).
log("npm run forecast as a process …");
const processMs: number[] = [];
const PEAK_DRAWS = 100_000;
log(`peak memory of ${PEAK_DRAWS} draws in a process of its own …`);
const peakRun = spawnSync(process.execPath, ["--import", "tsx", "bench/peak-memory.ts", String(PEAK_DRAWS)], { encoding: "utf8" });
if (peakRun.status !== 0) throw new Error(`bench/peak-memory.ts failed: ${peakRun.stderr}`);
const peakMemory = JSON.parse(peakRun.stdout) as { draws: number; beforeMB: number; peakMB: number; columnsMB: number };
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  const run = spawnSync(process.execPath, ["cli/run-bundled.mjs", "forecast"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`forecast failed: ${run.stderr}`);
  processMs.push(performance.now() - t);
}

/** Another part's benchmark, imported only when run, recorded as its figures or its error. */
async function other(name: string, load: () => Promise<() => Promise<Record<string, unknown>>>): Promise<Record<string, unknown>> {
  if (modelOnly) return { skipped: true, reason: "--model-only" };
  log(`${name} benchmark …`);
  try {
    return await (await load())();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
const modelLoadAfter = loadavg();
const server = await other("server", async () => (await import("./server.ts")).benchServer);
const browser = await other("browser", async () => (await import("./browser.ts")).benchBrowser);

const results = {
  measuredAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: threads,
    loadAverageBefore: loadBefore.map((v) => Number(v.toFixed(2))),
    loadAverageAfter: modelLoadAfter.map((v) => Number(v.toFixed(2))),
  },
  package: PACKAGE,
  scenario: SCENARIO,
  plan: {
    years: plan.yearCount,
    processes: plan.processIds.length,
    activities: plan.activityIds.length,
    levers: plan.leverIds.length,
    parameters: plan.parameters.names.length,
    uncertainParameters: plan.parameters.uncertain.length,
  },
  targets: TARGETS,
  deterministicForecast: {
    kernelMs: kernel.ms,
    kernelCpuMs: kernel.cpuMs,
    /** The readable reference (evaluate.ts) the kernel is generated from, for comparison. */
    referenceMs: reference.ms,
    referenceCpuMs: reference.cpuMs,
    forecastMs: fullForecast.ms,
    forecastCpuMs: fullForecast.cpuMs,
    meetsTarget: fullForecast.ms < TARGETS.forecastMs,
    totalFte: Object.fromEntries(deterministic.totals.map((t) => [t.year, t.totalFte])),
    npv: deterministic.investment?.npv ?? null,
  },
  monteCarlo: {
    draws: DRAWS,
    seed: SEED,
    singleThread: {
      ms: single.ms,
      cpuMs: single.cpuMs,
      bestMs: single.bestMs,
      runs: single.runs,
      samplingMs: sampling.ms,
      /** The draws alone (kernel run and copy into the columns), CPU time per draw. */
      perDrawMicroseconds: (drawsOnly.cpuMs * 1000) / DRAWS,
      drawsMs: drawsOnly.ms,
      summaryMs: summaryTime.ms,
      summaryCpuMs: summaryTime.cpuMs,
      summaryBestMs: summaryTime.bestMs,
      meetsTarget: single.ms <= TARGETS.singleThreadMs,
      summaryMeetsTarget: summaryTime.ms <= TARGETS.summaryMs,
    },
    /** The same draws of the package without its population (drivers.csv's own forecast): no cohort projection per draw. */
    withoutPopulation: {
      uncertainParameters: planWithoutPopulation.parameters.uncertain.length,
      ms: withoutPopulationRun.ms,
      cpuMs: withoutPopulationRun.cpuMs,
      bestMs: withoutPopulationRun.bestMs,
      meetsTarget: withoutPopulationRun.ms <= TARGETS.singleThreadMs,
    },
    /**
     * The floor under the draws (bench/floor.ts): the exp, log and pow calls of the draws alone, and
     * the cohort projection alone, each for as many draws, timed in pairs with the draws alone.
     */
    floor: {
      pairs: floor.pairs,
      /** Calls a draw, counted in the real draws: this plan's, without the population's and the large package's. */
      callsPerDraw: floor.counts,
      drawsMs: floor.draws.ms,
      drawsBestMs: floor.draws.bestMs,
      transcendentalsMs: floor.transcendentals.ms,
      transcendentalsCpuMs: floor.transcendentals.cpuMs,
      transcendentalsBestMs: floor.transcendentals.bestMs,
      cohortProjectionMs: floor.cohortProjection?.ms ?? null,
      cohortProjectionCpuMs: floor.cohortProjection?.cpuMs ?? null,
      cohortProjectionBestMs: floor.cohortProjection?.bestMs ?? null,
      /** Median over the pairs of the draws' time ÷ their transcendental calls' alone. */
      drawsToFloorRatio: floor.drawsToFloorRatio,
      drawsToFloorCpuRatio: floor.drawsToFloorCpuRatio,
      ratios: floor.ratios,
    },
    numpyPeer: "skipped" in peer ? { ...peer, ratio: null, meetsTarget: null } : { ...peer, meetsTarget: peer.ratio >= TARGETS.peerRatio },
    fingerprint: fingerprint(result),
    peakMemory,
    identicalOnRepeat: fingerprint(again) === fingerprint(result),
    summary: {
      totalFte2030: summary.years.find((y) => y.year === 2030),
      totalFte2040: summary.years.find((y) => y.year === 2040),
      humpDepth: summary.humpDepth,
      npv: summary.npv,
      paybackYear: summary.paybackYear,
    },
  },
  arrowVersusJson: {
    arrowBytes,
    arrowMs: arrow.ms,
    jsonBytes,
    jsonMs: json.ms,
    smallerX: jsonBytes / arrowBytes,
    fasterX: json.ms / arrow.ms,
    meetsTarget: jsonBytes / arrowBytes >= TARGETS.arrowSmallerX && json.ms / arrow.ms >= TARGETS.arrowFasterX,
    columnarJsonBytes: columnarBytes,
    columnarJsonMs: columnar.ms,
  },
  largePackage: {
    copies: LARGE.copies,
    horizon: largePlan.horizon,
    activities: largePlan.activityIds.length,
    years: largePlan.yearCount,
    draws: LARGE_DRAWS,
    ms: large.ms,
    cpuMs: large.cpuMs,
    perDrawMicroseconds: (large.cpuMs * 1000) / LARGE_DRAWS,
    nackaPerDrawMicroseconds: nackaPerDraw * 1000,
    /** CPU per draw per activity-year, large ÷ Nacka: 1 is linear scaling. */
    perActivityYearRatio: largePerDraw / activityYears(largePlan) / (nackaPerDraw / activityYears(plan)),
  },
  forecastProcess: {
    command: "node cli/run-bundled.mjs forecast (what npm run forecast runs, without npm's own start)",
    ms: median(processMs),
    runs: processMs.length,
    meetsTarget: median(processMs) <= TARGETS.forecastProcessMs,
  },
  server,
  browser,
  benchSeconds: (performance.now() - started) / 1000,
};
await writeFile(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const f = (v: number, digits = 1) => v.toFixed(digits);

const mark = (ok: boolean) => (ok ? "meets" : "missed");
const mc = results.monteCarlo;
const av = results.arrowVersusJson;
const rows: [string, string, string][] = [
  ["deterministic forecast (kernel only)", `${f(kernel.ms * 1000)} µs (CPU ${f(kernel.cpuMs * 1000)} µs)`, `the reference evaluate.ts: ${f(reference.cpuMs * 1000)} µs CPU`],
  ["deterministic forecast (rows, IRR)", `${f(fullForecast.ms, 3)} ms`, `< ${TARGETS.forecastMs} ms: ${mark(results.deterministicForecast.meetsTarget)}`],
  [`Monte Carlo ${DRAWS} draws, 1 thread`, `${f(single.ms, 0)} ms (CPU ${f(single.cpuMs, 0)} ms, best ${f(single.bestMs, 0)} ms)`, `≤ ${TARGETS.singleThreadMs} ms: ${mark(mc.singleThread.meetsTarget)}`],
  ["  of which sampling", `${f(sampling.ms, 0)} ms`, ""],
  ["  of which the draws (model run + copy)", `${f(drawsOnly.ms, 0)} ms (CPU ${f(mc.singleThread.perDrawMicroseconds)} µs a draw)`, ""],
  [
    `  floor: exp/log of ${DRAWS.toLocaleString("en")} draws alone`,
    `${f(floor.transcendentals.ms, 0)} ms (CPU ${f(floor.transcendentals.cpuMs, 0)} ms, best ${f(floor.transcendentals.bestMs, 0)} ms; ${callsText(floor.counts.plan)} a draw)`,
    `the draws ${f(floor.drawsToFloorRatio, 2)}× it (median of ${floor.pairs} pairs, CPU ${f(floor.drawsToFloorCpuRatio, 2)}×; draws ${f(floor.draws.ms, 0)} ms, best ${f(floor.draws.bestMs, 0)} ms)`,
  ],
  [
    `  floor: the cohort projection of ${DRAWS.toLocaleString("en")} draws alone`,
    floor.cohortProjection === null ? "no population" : `${f(floor.cohortProjection.ms, 0)} ms (CPU ${f(floor.cohortProjection.cpuMs, 0)} ms, best ${f(floor.cohortProjection.bestMs, 0)} ms)`,
    `exp/log + projection + sampling: ${f(floor.transcendentals.ms + (floor.cohortProjection?.ms ?? 0) + sampling.ms, 0)} ms against ≤ ${TARGETS.singleThreadMs} ms`,
  ],
  [
    "  calls a draw elsewhere",
    `without the population ${callsText(floor.counts.withoutPopulation)}; 10× to ${floor.counts.large.horizon} ${callsText(floor.counts.large)}`,
    `${f(floor.counts.plan.inAdoptionCurves.exp, 0)} of the plan's exp in the adoption curves`,
  ],
  [
    "  without the package's population",
    `${f(mc.withoutPopulation.ms, 0)} ms (CPU ${f(mc.withoutPopulation.cpuMs, 0)} ms, best ${f(mc.withoutPopulation.bestMs, 0)} ms)`,
    `≤ ${TARGETS.singleThreadMs} ms: ${mark(mc.withoutPopulation.meetsTarget)}`,
  ],
  ["  summary (P10/P50/P90, probabilities)", `${f(summaryTime.ms, 0)} ms (CPU ${f(summaryTime.cpuMs, 0)} ms, best ${f(summaryTime.bestMs, 0)} ms)`, `≤ ${TARGETS.summaryMs} ms: ${mark(mc.singleThread.summaryMeetsTarget)}`],
  "skipped" in peer
    ? ["numpy peer, same draws and model", "not run", peer.reason]
    : [
        `numpy peer (numpy ${peer.numpy}), ${DRAWS} draws`,
        `${f(peer.ms, 0)} ms (CPU ${f(peer.cpuMs, 0)} ms, sampling ${f(peer.samplingMs, 0)} ms; Vaxa in the same ${peer.pairs} pairs ${f(peer.vaxaMs, 0)} ms; on Vaxa's draws within ${peer.maxRelativeDifferenceFromVaxa.toExponential(1)} of Vaxa's outcomes)`,
        `Vaxa ${f(peer.ratio, 2)}× faster (median of pairs; CPU ${f(peer.cpuRatio, 2)}×); ≥ ${TARGETS.peerRatio}×: ${mark(peer.ratio >= TARGETS.peerRatio)}`,
      ],
  [
    `10× Nacka's activities, to ${largePlan.horizon}, ${LARGE_DRAWS} draws`,
    `${f(large.ms, 0)} ms (CPU ${f(large.cpuMs, 0)} ms, ${f(results.largePackage.perDrawMicroseconds, 0)} µs a draw)`,
    `per activity-year ${f(results.largePackage.perActivityYearRatio, 2)}× Nacka's (1 = linear)`,
  ],
  [
    `Monte Carlo ${PEAK_DRAWS} draws + summary, peak memory`,
    `${f(peakMemory.peakMB, 0)} MB (process ${f(peakMemory.beforeMB, 0)} MB before)`,
    `draws kept per column: ${f(peakMemory.columnsMB, 0)} MB, linear in draws`,
  ],
  ["npm run forecast, whole process", `${f(results.forecastProcess.ms, 0)} ms`, `≤ ${TARGETS.forecastProcessMs} ms: ${mark(results.forecastProcess.meetsTarget)}`],
  ["  identical on repeat", `${mc.identicalOnRepeat}`, `fingerprint ${mc.fingerprint.slice(0, 16)}`],
  ["Arrow (2 tables) encode", `${f(av.arrowBytes / 1e6)} MB in ${f(av.arrowMs, 0)} ms`, ""],
  ["JSON rows encode", `${f(av.jsonBytes / 1e6)} MB in ${f(av.jsonMs, 0)} ms`, `Arrow ${f(av.smallerX, 2)}× smaller, ${f(av.fasterX, 0)}× faster: ${mark(av.meetsTarget)}`],
  ["JSON columns (most compact JSON)", `${f(av.columnarJsonBytes / 1e6)} MB in ${f(av.columnarJsonMs, 0)} ms`, ""],
];
/** A benchmark part's figures, or what stopped it. */
type Part = Record<string, unknown>;
const field = (part: Part, ...path: string[]): number | undefined => {
  let value: unknown = part;
  for (const key of path) value = (value as Part | undefined)?.[key];
  return typeof value === "number" ? value : undefined;
};
const failed = (name: string, part: Part): [string, string, string][] =>
  part.error !== undefined || part.skipped !== undefined ? [[name, "not run", String(part.error ?? part.reason)]] : [];
const serverPart = server as Part;
const browserPart = browser as Part;
const httpRow = (label: string, key: string): [string, string, string] => [
  label,
  `${field(serverPart, key, "requestsPerSecond") ?? "?"} req/s, p99 ${field(serverPart, key, "latencyMs", "p99") ?? "?"} ms`,
  "",
];
const sliderRow = (label: string, key: string): [string, string, string] => [
  label,
  `median ${field(browserPart, key, "medianMs") ?? "?"} ms, p95 ${field(browserPart, key, "p95Ms") ?? "?"} ms`,
  `p95 < ${field(browserPart, key, "targetP95Ms") ?? 50} ms: ${mark(browserPart[key] !== undefined && (browserPart[key] as Part).met === true)}`,
];
const serverTargets = (serverPart.targets ?? {}) as Part;
rows.push(
  ...(failed("server", serverPart).length > 0
    ? failed("server", serverPart)
    : [
        httpRow("server GET /api/health", "health"),
        httpRow("server POST /api/forecast", "forecast"),
        [
          "  forecast ÷ health throughput",
          `${field(serverPart, "forecastToHealthRatio") ?? "?"}`,
          `≥ 0.5: ${mark(serverTargets.ratioMet === true)}; p99 < 25 ms: ${mark(serverTargets.p99Met === true)}`,
        ] as [string, string, string],
        [
          "  new assumptions every request",
          `${field(serverPart, "forecastUncached", "requestsPerSecond") ?? "?"} req/s, p99 ${field(serverPart, "forecastUncached", "latencyMs", "p99") ?? "?"} ms`,
          `≥ 2000 req/s: ${mark(serverTargets.uncachedMet === true)}; ${field(serverPart, "uncachedToHealthRatio") ?? "?"} of health's`,
        ] as [string, string, string],
        [
          "  … with two levers",
          `${field(serverPart, "forecastUncachedWithLevers", "requestsPerSecond") ?? "?"} req/s, p99 ${field(serverPart, "forecastUncachedWithLevers", "latencyMs", "p99") ?? "?"} ms`,
          `${field(serverPart, "uncachedWithLeversToHealthRatio") ?? "?"} of health's`,
        ] as [string, string, string],
        [
          "server GET /api/health during Monte Carlo",
          `${field(serverPart, "healthDuringMonteCarlo", "requestsPerSecond") ?? "?"} req/s, p99 ${field(serverPart, "healthDuringMonteCarlo", "latencyMs", "p99") ?? "?"} ms`,
          `p99 < 20 ms: ${mark(serverTargets.healthUnderMonteCarloMet === true)}; ${field(serverPart, "monteCarloDuringHealth", "answers") ?? "?"} runs of 20,000 draws meanwhile`,
        ] as [string, string, string],
        [
          "  server memory, Monte Carlo load",
          `${field(serverPart, "memoryMB", "beforeMonteCarloLoad") ?? "?"} → ${field(serverPart, "memoryMB", "peakDuringMonteCarloLoad") ?? "?"} → ${field(serverPart, "memoryMB", "afterMonteCarloLoad") ?? "?"} MB`,
          "before → highest → after",
        ] as [string, string, string],
        [
          "  server memory, 40 non-reading clients",
          `${field(serverPart, "memoryMB", "beforeSlowClients") ?? "?"} → ${field(serverPart, "memoryMB", "peakWithSlowClients") ?? "?"} → ${field(serverPart, "memoryMB", "afterSlowClients") ?? "?"} MB`,
          "before → highest → after",
        ] as [string, string, string],
      ]),
  ...(failed("browser", browserPart).length > 0
    ? failed("browser", browserPart)
    : [
        [
          "browser first load, 10 Mbit/s, 40 ms RTT",
          `first chart ${field(browserPart, "firstLoad", "firstChartMs") ?? "?"} ms (the server's), live ${field(browserPart, "firstLoad", "liveChartMs") ?? "?"} ms; ${((field(browserPart, "firstLoad", "transferredBytes") ?? Number.NaN) / 1000).toFixed(0)} kB until the live chart, ${((field(browserPart, "firstLoad", "bytesUntilQuiet") ?? Number.NaN) / 1000).toFixed(0)} kB until quiet`,
          `≤ 500 ms: ${mark((browserPart.firstLoad as Part | undefined)?.firstChartMet === true)}; ≤ 200 kB: ${mark((browserPart.firstLoad as Part | undefined)?.bytesMet === true)}`,
        ] as [string, string, string],
        sliderRow("browser slider → redraw, growth", "growthMultiplier"),
        sliderRow("browser slider → redraw, lever", "leverEfficiency"),
      ]),
);
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(
  `Vaxa bench — ${PACKAGE}, scenario ${SCENARIO}, ${results.plan.uncertainParameters} uncertain assumptions, ` +
    `${threads} cores, load average ${results.machine.loadAverageBefore.join(" ")} before, ${results.machine.loadAverageAfter.join(" ")} after the model's part\n\n` +
    rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`).join("\n") +
    "\n\nWrote bench/results.json.\n",
);
