/**
 * The numpy peer (bench/numpy_peer.py), run beside Vaxa's Monte Carlo: the plan and Vaxa's draws
 * go to the script as JSON; it times its own sampling + model over the same number of draws and
 * checks that, on Vaxa's draws, it computes the same total FTE.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MonteCarloResult } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";

export type PeerFigures =
  | { ms: number; samplingMs: number; numpy: string; draws: number; runs: number; maxRelativeDifferenceFromVaxa: number }
  | { skipped: true; reason: string };

/** Whether python3 with numpy is there; the reason when not. */
function numpyMissing(): string | null {
  const probe = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
  if (probe.error) return `python3 not found (${probe.error.message})`;
  return probe.status === 0 ? null : "numpy is not installed (apt-get install python3-numpy)";
}

/** Runs the peer on the plan of `result` with `runs` timed runs (after one warm-up). */
export function runNumpyPeer(plan: ModelPlan, result: MonteCarloResult, runs = 5): PeerFigures {
  const missing = numpyMissing();
  if (missing) return { skipped: true, reason: missing };
  const Y = plan.yearCount;
  const S = plan.processIds.length + 1;
  const totals = new Float64Array(result.draws * Y);
  for (let d = 0; d < result.draws; d++) totals.set(result.fte.subarray((d * S + S - 1) * Y, (d * S + S) * Y), d * Y);
  const plain = Object.fromEntries(
    Object.entries(plan).map(([key, value]) => [key, ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value]),
  );
  const input = {
    ...plain,
    values: Array.from(plan.parameters.values),
    lower: Array.from(plan.parameters.lower, (v) => (Number.isFinite(v) ? v : -1e308)),
    upper: Array.from(plan.parameters.upper, (v) => (Number.isFinite(v) ? v : 1e308)),
    uncertain: plan.parameters.uncertain,
    parameters: undefined,
    calibration: undefined,
    draws: result.draws,
    drawnParameters: Array.from(result.parameters.parameters),
    drawnValues: Array.from(result.parameters.values),
    vaxaTotalFte: Array.from(totals),
  };
  const dir = mkdtempSync(join(tmpdir(), "vaxa-peer-"));
  try {
    const file = join(dir, "plan.json");
    writeFileSync(file, JSON.stringify(input));
    const script = new URL("./numpy_peer.py", import.meta.url).pathname;
    const run = spawnSync("python3", [script, file, String(runs)], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (run.status !== 0) throw new Error(`numpy peer failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as PeerFigures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
