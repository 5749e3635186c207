/**
 * The numpy peer (bench/numpy_peer.py), run beside Vaxa's Monte Carlo: the plan and Vaxa's draws
 * go to the script as JSON; it checks that, on Vaxa's draws, it computes the same outcomes draw by
 * draw (the same model), then times its own sampling + model over the same number of draws, one
 * run at a time, alternating with Vaxa's runs (bench/run.ts).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { MonteCarloResult } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";

/** One timed run of the peer (sampling + model over the plan's draws). */
export interface PeerRun {
  ms: number;
  cpuMs: number;
  samplingMs: number;
}

/** The peer, started and warmed up, waiting for runs. */
export interface NumpyPeer {
  numpy: string;
  draws: number;
  /** Largest relative difference from Vaxa's on Vaxa's draws: total FTE with and without levers per draw and year, NPV and hump depth per draw. */
  maxRelativeDifferenceFromVaxa: number;
  /** Times one run of the peer, while this process waits (so the two never share the cores). */
  run(): Promise<PeerRun>;
  close(): void;
}

/** Whether python3 with numpy is there; the reason when not. */
function numpyMissing(): string | null {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error) return `python3 not found (${probe.error.message})`;
  return probe.status === 0 ? null : "numpy is not installed (apt-get install python3-numpy)";
}

/** Typed arrays as plain arrays, in an object and those nested in it: what JSON.stringify writes as a list. */
function plainArrays(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plainArrays);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainArrays(v)]));
  return value;
}

/**
 * What the script reads: the plan (its population too), Vaxa's draws of the uncertain parameters
 * and Vaxa's outcomes of those draws (total FTE with and without levers per draw and year, NPV and
 * hump depth per draw).
 */
function peerInput(plan: ModelPlan, result: MonteCarloResult): unknown {
  const Y = plan.yearCount;
  const S = plan.processIds.length + 1;
  const totals = new Float64Array(result.draws * Y);
  for (let d = 0; d < result.draws; d++) totals.set(result.fte.subarray((d * S + S - 1) * Y, (d * S + S) * Y), d * Y);
  return plainArrays({
    ...plan,
    values: plan.parameters.values,
    lower: Array.from(plan.parameters.lower, (v) => (Number.isFinite(v) ? v : -1e308)),
    upper: Array.from(plan.parameters.upper, (v) => (Number.isFinite(v) ? v : 1e308)),
    uncertain: plan.parameters.uncertain,
    parameters: undefined,
    calibration: undefined,
    draws: result.draws,
    drawnParameters: result.parameters.parameters,
    drawnValues: result.parameters.values,
    vaxa: { totalFte: totals, baselineFte: result.baselineFte, npv: result.npv, humpDepth: result.humpDepth },
  });
}

/**
 * Starts the peer on the plan of `result`: it reads the plan, warms up and checks its outcomes on
 * Vaxa's draws, then times one run each time {@link NumpyPeer.run} asks. Skipped, with the reason,
 * when python3 or numpy is missing.
 */
export async function startNumpyPeer(plan: ModelPlan, result: MonteCarloResult): Promise<NumpyPeer | { skipped: true; reason: string }> {
  const missing = numpyMissing();
  if (missing) return { skipped: true, reason: missing };
  const dir = mkdtempSync(join(tmpdir(), "vaxa-peer-"));
  const file = join(dir, "plan.json");
  writeFileSync(file, JSON.stringify(peerInput(plan, result)));
  const script = new URL("./numpy_peer.py", import.meta.url).pathname;
  // one thread, as Vaxa's figure: numpy's BLAS (the band sums' and births' products) would take both cores
  const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };
  const child = spawn("python3", [script, file], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const line = await lines.next();
    if (line.done) throw new Error(`numpy peer failed: ${stderr}`);
    return JSON.parse(line.value) as T;
  };
  const close = () => {
    child.stdin.end();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const about = await next<Omit<NumpyPeer, "run" | "close">>();
    return {
      ...about,
      run: () => {
        child.stdin.write("run\n");
        return next<PeerRun>();
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
