/**
 * The floor under the Monte Carlo draws (issue 12): how long the draws' transcendental calls
 * (Math.exp, Math.log, Math.pow) take on their own, and the cohort projection on its own, timed in
 * alternating pairs with the real draws in the bench's process, so that `npm run bench` prints the
 * floor beside the draws and the target.
 *
 * Counting: the calls are counted by running the real draws (`runDraws`: the generated kernel, the
 * adoption curves, the NPV and the population's band sums) with Math.exp, Math.log and Math.pow
 * replaced by counting stand-ins; the model has no counting hook. The count runs in a process of
 * its own (`tsx bench/floor.ts count FILE SETTING`, started by {@link measureFloor}): once a function of
 * `Math` has been replaced, even if put back, V8 no longer compiles calls to it as a direct call of
 * the C function but as an ordinary call (measured: a loop of Math.exp ran 3× slower after a
 * replacement and restore, 1 December 2026), which would slow every later measurement of the
 * process.
 *
 * Timing: the counting process records the arguments of every call of the first
 * {@link RECORDED_DRAWS} draws (so that exp and log take the paths they take in the draws); the
 * bench's process calls exp, log and pow on them, repeated to make as many calls as the 10,000 draws,
 * summing the results so that V8 cannot leave the calls out.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPackageFolder } from "../io/read-package-folder.ts";
import { bandProjector } from "../model/cohort-bands.ts";
import { allocateColumns, type MonteCarloColumns, runDraws } from "../model/draw-columns.ts";
import { kernelFor } from "../model/kernel.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import { type ParameterDraws, sampleParameters } from "../model/sampling.ts";
import { scaledPackage } from "../tests/model/large-package.ts";

/** Draws whose calls' arguments are recorded for the timed loop (repeated to the draws' number). */
export const RECORDED_DRAWS = 1000;
/** Draws in which each exp call's caller is looked up (the adoption curves' share). */
const ATTRIBUTED_DRAWS = 100;

/** Calls of each transcendental function. */
export interface Transcendentals {
  exp: number;
  log: number;
  pow: number;
}

/** The arguments of counted calls, in call order; pow's as (base, exponent) pairs. */
export interface RecordedArguments {
  exp: number[];
  log: number[];
  pow: number[];
}

type CountedMath = { -readonly [K in keyof Transcendentals]: (...args: number[]) => number };

/**
 * Runs `run` with Math.exp, Math.log and Math.pow replaced by stand-ins that count their calls
 * (and record their arguments into `record` while `recording()` says so), puts them back, and
 * returns the counts. Only for a process of its own or a test: see the file's comment.
 */
export function countTranscendentals(run: () => void, record?: RecordedArguments, recording: () => boolean = () => true): Transcendentals {
  const math = Math as unknown as CountedMath;
  const { exp, log, pow } = Math;
  const counts: Transcendentals = { exp: 0, log: 0, pow: 0 };
  math.exp = (x) => {
    counts.exp++;
    if (record && recording()) record.exp.push(x!);
    return exp(x!);
  };
  math.log = (x) => {
    counts.log++;
    if (record && recording()) record.log.push(x!);
    return log(x!);
  };
  math.pow = (x, y) => {
    counts.pow++;
    if (record && recording()) record.pow.push(x!, y!);
    return pow(x!, y!);
  };
  try {
    run();
  } finally {
    Object.assign(math, { exp, log, pow });
  }
  return counts;
}

/** Calls a draw as "703 exp + 190 log" (pow only where there is any; a fraction where draws differ). */
export function callsText(calls: Transcendentals): string {
  const n = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return `${n(calls.exp)} exp + ${n(calls.log)} log${calls.pow > 0 ? ` + ${n(calls.pow)} pow` : ""}`;
}

/** Calls per draw: the mean over the draws (total ÷ draws), with the fewest and most in one draw. */
export interface DrawTranscendentals extends Transcendentals {
  draws: number;
  fewest: Transcendentals;
  most: Transcendentals;
}

/**
 * Counts the transcendental calls of each draw of `sample` run as Monte Carlo runs them
 * (`runDraws`), the kernel compiled beforehand so its build is not counted; records the arguments
 * of the first `recordDraws` draws into `record`.
 */
export function countDraws(plan: ModelPlan, sample: ParameterDraws, record?: RecordedArguments, recordDraws = 0): DrawTranscendentals {
  kernelFor(plan, sample.parameters);
  const columns = allocateColumns(plan, sample.draws);
  const total: Transcendentals = { exp: 0, log: 0, pow: 0 };
  const fewest: Transcendentals = { exp: Infinity, log: Infinity, pow: Infinity };
  const most: Transcendentals = { exp: 0, log: 0, pow: 0 };
  let draw = 0;
  const recording = () => draw < recordDraws;
  for (; draw < sample.draws; draw++) {
    const counts = countTranscendentals(() => runDraws(plan, sample, columns, draw, draw + 1), record, recording);
    for (const name of ["exp", "log", "pow"] as const) {
      total[name] += counts[name];
      fewest[name] = Math.min(fewest[name], counts[name]);
      most[name] = Math.max(most[name], counts[name]);
    }
  }
  const perDraw = (n: number) => n / sample.draws;
  return { draws: sample.draws, exp: perDraw(total.exp), log: perDraw(total.log), pow: perDraw(total.pow), fewest, most };
}

/**
 * Exp calls per draw made inside the adoption curves (model/adoption.ts), over the first `draws`
 * draws: what a recurrence for the curves could save. Found from each call's caller.
 */
export function adoptionCurveExp(plan: ModelPlan, sample: ParameterDraws, draws: number): number {
  kernelFor(plan, sample.parameters); // its build is not counted
  const columns = allocateColumns(plan, sample.draws);
  const prepare = Error.prepareStackTrace;
  let inCurves = 0;
  const math = Math as unknown as CountedMath;
  const { exp } = Math;
  const counting: (x: number) => number = (x) => {
    const holder: { stack?: NodeJS.CallSite[] } = {};
    Error.prepareStackTrace = (_, sites) => sites;
    Error.captureStackTrace(holder, counting);
    const caller = holder.stack?.[0]?.getFileName() ?? ""; // the stack is prepared when first read
    Error.prepareStackTrace = prepare;
    if (/[/\\]model[/\\]adoption\.ts$/.test(caller)) inCurves++;
    return exp(x);
  };
  math.exp = counting;
  try {
    runDraws(plan, sample, columns, 0, draws);
  } finally {
    math.exp = exp;
  }
  return inCurves / draws;
}

/** What the counting process reports (its arguments go to the file it was given). */
export interface FloorCounts {
  /** Per draw, the bench's plan (Nacka's package with its population). */
  plan: DrawTranscendentals & { inAdoptionCurves: { exp: number; draws: number } };
  /** Per draw, the same package without its population. */
  withoutPopulation: DrawTranscendentals;
  /** Per draw, the package ten times Nacka's to 2060. */
  large: DrawTranscendentals & { horizon: number; activities: number };
  /** Arguments recorded: the plan's first `draws` draws' exp, log and pow (base, exponent) arguments. */
  recorded: { draws: number; exp: number; log: number; pow: number };
}

/** The bench's package and scenario, and its draws and seed. */
export interface FloorSetting {
  folder: string;
  scenario: string;
  draws: number;
  largeDraws: number;
  seed: number;
}

/** The large package's size: copies of Nacka's activities, and its horizon. */
export const LARGE = { copies: 10, horizon: 2060 } as const;

/**
 * The bench's plans of a scenario: of the package, of the package without its population (its
 * drivers from drivers.csv's own forecast), and of a package {@link LARGE} times its activities.
 */
export async function benchPlans(folder: string, scenario: string) {
  const pkg = await loadPackageFolder(folder);
  const planOf = (p: typeof pkg): ModelPlan => {
    const compiled = compilePlan(p, p.scenarios[scenario]!);
    if (!compiled.ok) throw new Error(`scenario ${scenario}: ${compiled.errors.map((e) => e.message).join("; ")}`);
    return compiled.plan;
  };
  const { population: _population, ...withoutPopulation } = pkg;
  return {
    plan: planOf(pkg),
    withoutPopulation: planOf(withoutPopulation),
    large: () => planOf(scaledPackage(pkg, LARGE.copies, LARGE.horizon)),
  };
}

/** Counts what {@link FloorCounts} holds and writes the plan's recorded arguments (exp, log, pow) to `file` as doubles. */
export async function countFloor(setting: FloorSetting, file: string): Promise<FloorCounts> {
  const { draws, largeDraws, seed } = setting;
  const plans = await benchPlans(setting.folder, setting.scenario);
  const { plan, withoutPopulation } = plans;
  const large = plans.large();
  const sample = sampleParameters(plan.parameters, draws, seed);
  const record: RecordedArguments = { exp: [], log: [], pow: [] };
  const recordDraws = Math.min(RECORDED_DRAWS, draws);
  const counted = countDraws(plan, sample, record, recordDraws);
  const inAdoptionCurves = { exp: adoptionCurveExp(plan, sample, Math.min(ATTRIBUTED_DRAWS, draws)), draws: Math.min(ATTRIBUTED_DRAWS, draws) };
  await writeFile(file, new Float64Array([...record.exp, ...record.log, ...record.pow]));
  return {
    plan: { ...counted, inAdoptionCurves },
    withoutPopulation: countDraws(withoutPopulation, sampleParameters(withoutPopulation.parameters, draws, seed)),
    large: {
      ...countDraws(large, sampleParameters(large.parameters, largeDraws, seed)),
      horizon: large.horizon,
      activities: large.activityIds.length,
    },
    recorded: { draws: recordDraws, exp: record.exp.length, log: record.log.length, pow: record.pow.length / 2 },
  };
}

/** Keeps the timed loops' sums, so that V8 cannot leave their calls out. */
let sink = 0;

/** Calls exp, log and pow on the recorded arguments, `repeats` times over. */
function transcendentalsAlone(exp: Float64Array, log: Float64Array, pow: Float64Array, repeats: number): void {
  let sum = 0;
  for (let r = 0; r < repeats; r++) {
    for (let i = 0; i < exp.length; i++) sum += Math.exp(exp[i]!);
    for (let i = 0; i < log.length; i++) sum += Math.log(log[i]!);
    for (let i = 0; i < pow.length; i += 2) sum += Math.pow(pow[i]!, pow[i + 1]!);
  }
  sink += sum;
}

/**
 * The cohort projection alone, as the draws run it: the projector of the kernel (cohort-bands.ts)
 * called once per draw with the draw's five inputs, into a buffer of the kernel's layout. Null
 * without a population.
 */
function cohortAlone(plan: ModelPlan, sample: ParameterDraws): (() => void) | null {
  const p = plan.population;
  if (p === null || p.driver.length === 0) return null;
  const Y = plan.yearCount;
  const projector = bandProjector(p, plan.horizon, (year) => (p.dwellings < 0 ? 0 : plan.driverPath[p.dwellings * Y + year - plan.baseYear]!));
  const inputs = [p.fertility, p.mortality, p.inMigration, p.outMigration, plan.growthMultiplier];
  // each input's column in the sample, or its point value
  const columns = inputs.map((i) => sample.parameters.indexOf(i));
  const point = inputs.map((i) => plan.parameters.values[i]!);
  const value = (k: number, draw: number) => (columns[k]! < 0 ? point[k]! : sample.values[columns[k]! * sample.draws + draw]!);
  const out = new Float64Array(p.driver.length * Y);
  return () => {
    for (let d = 0; d < sample.draws; d++) {
      projector.project(out, 0, Y, value(0, d), value(1, d), value(2, d), value(3, d), value(4, d));
    }
    sink += out[Y - 1]!;
  };
}

/** A timed run: wall-clock and CPU time, ms (the bench's own timer). */
export interface Timing {
  ms: number;
  cpuMs: number;
  bestMs: number;
}

export interface FloorOptions extends FloorSetting {
  /** The setting's plan, timed here, its sample of `draws` draws with `seed`, and columns for them. */
  plan: ModelPlan;
  sample: ParameterDraws;
  columns: MonteCarloColumns;
  /** The bench's timer: runs `f` once and times it. */
  time: (f: () => unknown) => Promise<Timing>;
  pairs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Counts the draws' calls in a process of its own, then times, in `pairs` alternating rounds, the
 * real draws of the plan (`runDraws`, as the bench's "draws alone"), the transcendental calls
 * of as many draws alone, and the cohort projection of as many draws alone.
 */
export async function measureFloor(options: FloorOptions) {
  const { plan, sample, columns, draws, seed, time, pairs } = options;
  const setting: FloorSetting = { folder: options.folder, scenario: options.scenario, draws, largeDraws: options.largeDraws, seed };
  const folder = await mkdtemp(join(tmpdir(), "vaxa-floor-"));
  const file = join(folder, "arguments.f64");
  let counts: FloorCounts;
  let recorded: Float64Array;
  try {
    const run = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "count", file, JSON.stringify(setting)], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`bench/floor.ts count failed: ${run.stderr}`);
    counts = JSON.parse(run.stdout) as FloorCounts;
    const bytes = await readFile(file);
    recorded = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const { recorded: r } = counts;
  const exp = recorded.subarray(0, r.exp);
  const log = recorded.subarray(r.exp, r.exp + r.log);
  const pow = recorded.subarray(r.exp + r.log);
  const repeats = draws / r.draws;
  if (!Number.isInteger(repeats)) throw new Error(`internal: ${draws} draws are not a whole number of times the ${r.draws} recorded`);

  const real = () => runDraws(plan, sample, columns);
  const floor = () => transcendentalsAlone(exp, log, pow, repeats);
  const cohort = cohortAlone(plan, sample);
  const runs = { draws: [] as Timing[], floor: [] as Timing[], cohort: [] as Timing[] };
  // warm-up: each loop compiled before the pairs
  for (let i = 0; i < 2; i++) {
    real();
    floor();
    cohort?.();
  }
  for (let i = 0; i < pairs; i++) {
    runs.draws.push(await time(real));
    runs.floor.push(await time(floor));
    if (cohort) runs.cohort.push(await time(cohort));
  }
  const summary = (list: Timing[]) => ({
    ms: median(list.map((t) => t.ms)),
    cpuMs: median(list.map((t) => t.cpuMs)),
    bestMs: Math.min(...list.map((t) => t.ms)),
  });
  const ratios = runs.draws.map((t, i) => t.ms / runs.floor[i]!.ms);
  const cpuRatios = runs.draws.map((t, i) => t.cpuMs / runs.floor[i]!.cpuMs);
  return {
    pairs,
    counts,
    draws: summary(runs.draws),
    transcendentals: summary(runs.floor),
    cohortProjection: cohort ? summary(runs.cohort) : null,
    /** Median over the pairs of the real draws' time ÷ the transcendental calls' alone. */
    drawsToFloorRatio: median(ratios),
    /** The same of their CPU times. */
    drawsToFloorCpuRatio: median(cpuRatios),
    ratios: ratios.map((x) => Number(x.toFixed(3))),
  };
}

// `tsx bench/floor.ts count FILE SETTING`: the counting process (see the file's comment).
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === "count") {
  const counts = await countFloor(JSON.parse(process.argv[4]!) as FloorSetting, process.argv[3]!);
  process.stdout.write(`${JSON.stringify(counts)}\n`);
}
