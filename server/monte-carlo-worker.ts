/**
 * The server's Monte Carlo worker thread: everything heavy about a run happens here, off the
 * thread that answers HTTP — sampling, the model runs, the summary and the serialisation (JSON or
 * Arrow IPC). The interface is narrow on purpose: a plan and its options in, summary bytes or Arrow
 * bytes out, so the kernel inside can be replaced without touching the server.
 *
 * An Arrow answer is written one record batch at a time, only when the server asks for the next
 * chunk ({@link WorkerRequest} `next`): the server asks when its client has taken the previous
 * ones, so a client that does not read holds the run's columns here and nothing more.
 */
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { arrowStreamChunks, drawsTable, tableBatches, trajectoryBatches } from "../io/arrow.ts";
import { NonFiniteResultError } from "../model/finite.ts";
import { monteCarlo, summariseMonteCarlo } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";

/** What a Monte Carlo answer holds: the model's summary (JSON), or the draws as an Arrow table. */
export type MonteCarloAnswerKind = "summary" | "trajectories" | "draws";

export type WorkerRequest =
  | { type: "run"; id: number; plan: ModelPlan; draws: number; seed: number; answer: MonteCarloAnswerKind }
  /** The next chunk of the Arrow answer of run `id`. */
  | { type: "next"; id: number }
  /** The client is gone: forget run `id`. */
  | { type: "cancel"; id: number };

export type WorkerReply =
  /** The summary as UTF-8 JSON. */
  | { type: "summary"; id: number; json: Uint8Array }
  /** The next chunk of an Arrow IPC stream … */
  | { type: "chunk"; id: number; bytes: Uint8Array }
  /** … or its end. */
  | { type: "end"; id: number }
  /** `nonFinite`: some draws gave numbers that cannot be computed (the assumptions' fault, not the server's). */
  | { type: "error"; id: number; message: string; nonFinite: boolean };

/**
 * Bytes aimed at per Arrow chunk: large enough that a message per chunk costs nothing, small
 * enough that a chunk is a small part of what one answer may have in flight.
 */
export const CHUNK_BYTES = 256 * 1024;
/** Bytes per row of the trajectories table: draw (4), process (1), year (2), fte (8). */
const TRAJECTORY_ROW_BYTES = 15;

const port = parentPort;
if (!port) throw new Error("monte-carlo-worker.ts runs as a worker thread (see server/monte-carlo.ts)");

/**
 * The worker yields the processor to the thread that answers HTTP: on Linux the nice value is a
 * per-thread attribute (setpriority(2), "Bugs"), so raising it here lowers this thread only. On
 * other systems it would lower the whole server, so there the worker keeps the default.
 */
const WORKER_NICE = 10;
if (process.platform === "linux") {
  try {
    setPriority(WORKER_NICE);
  } catch {
    // Not allowed here (a restricted container): the worker runs at normal priority.
  }
}

/** Arrow answers being read, by run id. */
const streams = new Map<number, Generator<Uint8Array>>();

const reply = (message: WorkerReply) => {
  const bytes = message.type === "summary" ? message.json : message.type === "chunk" ? message.bytes : undefined;
  port.postMessage(message, bytes ? [bytes.buffer as ArrayBuffer] : []);
};

/** Sends the next chunk of an Arrow answer, or its end. */
function next(id: number): void {
  const stream = streams.get(id);
  if (!stream) return reply({ type: "error", id, message: `no Arrow answer ${id} is being sent`, nonFinite: false });
  const step = stream.next();
  if (!step.done) return reply({ type: "chunk", id, bytes: step.value });
  streams.delete(id);
  reply({ type: "end", id });
}

function run(request: Extract<WorkerRequest, { type: "run" }>): void {
  const { id, plan, draws, seed, answer } = request;
  const result = monteCarlo(plan, { draws, seed });
  if (answer === "summary") {
    const summary = summariseMonteCarlo(result);
    return reply({ type: "summary", id, json: new TextEncoder().encode(JSON.stringify(summary)) });
  }
  const rowsPerDraw = (result.processes.length + 1) * result.years.length;
  const batches =
    answer === "trajectories"
      ? trajectoryBatches(result, CHUNK_BYTES / TRAJECTORY_ROW_BYTES / rowsPerDraw)
      : (() => {
          const table = drawsTable(result);
          return tableBatches(table, CHUNK_BYTES / 8 / table.numCols);
        })();
  streams.set(id, arrowStreamChunks(batches));
  next(id);
}

port.on("message", (request: WorkerRequest) => {
  try {
    if (request.type === "run") run(request);
    else if (request.type === "next") next(request.id);
    else {
      streams.get(request.id)?.return(undefined);
      streams.delete(request.id);
    }
  } catch (error) {
    streams.delete(request.id);
    // A run whose draws would hold numbers that are not finite (model/finite.ts) is the assumptions' fault.
    reply({ type: "error", id: request.id, message: error instanceof Error ? error.message : String(error), nonFinite: error instanceof NonFiniteResultError });
  }
});
