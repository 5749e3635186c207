/**
 * A Monte Carlo worker thread: runs a range of draws of a shared parameter sample into shared
 * outcome columns (see parallel-monte-carlo.ts). It imports only the hot loop, so it starts fast.
 */
import { parentPort } from "node:worker_threads";
import { type MonteCarloColumns, runDraws } from "../model/draw-columns.ts";
import type { ModelPlan } from "../model/plan.ts";
import type { ParameterDraws } from "../model/sampling.ts";

/** A range of draws to run; the sample's values and the columns live in SharedArrayBuffers. */
export interface DrawJob {
  plan: ModelPlan;
  sample: ParameterDraws;
  columns: MonteCarloColumns;
  from: number;
  to: number;
}

export type WorkerMessage =
  | { type: "ready" }
  | { type: "progress"; done: number }
  | { type: "done" }
  | { type: "error"; message: string };

const port = parentPort;
if (!port) throw new Error("monte-carlo-worker.ts runs as a worker thread (see parallel-monte-carlo.ts)");
const send = (message: WorkerMessage) => port.postMessage(message);

port.on("message", (job: DrawJob) => {
  try {
    runDraws(job.plan, job.sample, job.columns, job.from, job.to, (done) => send({ type: "progress", done }));
    send({ type: "done" });
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
send({ type: "ready" });
