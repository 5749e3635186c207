/**
 * Monte Carlo over worker threads, with the same numbers as the single-threaded run.
 *
 * The main thread draws every parameter column (`model/sampling.ts`) into shared memory; each
 * worker runs a contiguous range of draws (`runDraws`, the same loop as `monteCarlo`) and writes
 * its outcomes straight into shared columns, so nothing is copied back. A draw's outcomes depend
 * only on the plan, the seed and the draw's index, never on which thread ran it: 1 thread and 8
 * threads give identical results to the last digit.
 *
 * A worker takes about a third of a second to start (it loads the model under tsx), so a program
 * that runs Monte Carlo often (a server) keeps a {@link MonteCarloPool}; a one-off run can call
 * {@link monteCarloParallel}.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { allocateColumns } from "../model/draw-columns.ts";
import {
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarloResult,
  monteCarloSettings,
} from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";
import { sampleParameters } from "../model/sampling.ts";
import type { DrawJob, WorkerMessage } from "./monte-carlo-worker.ts";

const WORKER_URL = new URL("./monte-carlo-worker.mjs", import.meta.url);

/** A Float64Array on shared memory, visible to every worker. */
function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** Starts one worker and waits until it has loaded the model. */
function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== "ready") return;
      worker.off("error", onError);
      worker.off("message", onMessage);
      resolve(worker);
    };
    const onError = (error: Error) => reject(error);
    worker.on("message", onMessage);
    worker.once("error", onError);
  });
}

/**
 * Worker threads that run Monte Carlo draws, one run at a time (later runs wait their turn).
 *
 * @example
 * const pool = await MonteCarloPool.start();
 * const result = await pool.run(plan, { draws: 10_000, seed: 42 });
 * await pool.close();
 */
export class MonteCarloPool {
  readonly #workers: Worker[];
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;

  private constructor(workers: Worker[]) {
    this.#workers = workers;
    for (const worker of workers) worker.unref(); // an idle pool does not keep the process alive
  }

  /**
   * Starts a pool.
   *
   * @param threads worker threads, default: the number of cores (`os.availableParallelism()`).
   */
  static async start(threads = availableParallelism()): Promise<MonteCarloPool> {
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`invalid threads: ${threads}; threads is an integer ≥ 1`);
    const started = await Promise.allSettled(Array.from({ length: threads }, startWorker));
    const workers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failure) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw new Error(`could not start a Monte Carlo worker: ${String(failure.reason)}`);
    }
    return new MonteCarloPool(workers);
  }

  /** Number of worker threads. */
  get threads(): number {
    return this.#workers.length;
  }

  /**
   * Runs a plan's Monte Carlo over the pool's threads: the same result as `monteCarlo(plan,
   * options)` (its typed arrays live on SharedArrayBuffers).
   *
   * @throws RangeError for invalid draws or seed; Error if the pool is closed or a worker fails.
   */
  run(plan: ModelPlan, options: MonteCarloOptions = {}): Promise<MonteCarloResult> {
    let settings: { draws: number; seed: number };
    try {
      if (this.#closed) throw new Error("the Monte Carlo pool is closed");
      settings = monteCarloSettings(options);
    } catch (error) {
      return Promise.reject(error);
    }
    const run = this.#queue.then(() => this.#run(plan, settings, options.onProgress));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #run(
    plan: ModelPlan,
    { draws, seed }: { draws: number; seed: number },
    onProgress?: (done: number, total: number) => void,
  ): Promise<MonteCarloResult> {
    const table = plan.parameters;
    const sample = sampleParameters(table, draws, seed, undefined, sharedFloat64(table.uncertain.length * draws));
    const columns = allocateColumns(plan, draws, sharedFloat64);
    const T = Math.min(this.#workers.length, draws);
    const progress = new Array<number>(T).fill(0);
    await Promise.all(
      this.#workers.slice(0, T).map(
        (worker, t) =>
          new Promise<void>((resolve, reject) => {
            const job: DrawJob = {
              plan,
              sample,
              columns,
              from: Math.floor((draws * t) / T),
              to: Math.floor((draws * (t + 1)) / T),
            };
            const finish = () => {
              worker.off("message", onMessage);
              worker.off("error", onError);
              worker.unref();
            };
            const onMessage = (message: WorkerMessage) => {
              if (message.type === "progress") {
                progress[t] = message.done;
                onProgress?.(
                  progress.reduce((a, b) => a + b, 0),
                  draws,
                );
              } else if (message.type === "done") {
                finish();
                resolve();
              } else if (message.type === "error") {
                finish();
                reject(new Error(`Monte Carlo worker failed: ${message.message}`));
              }
            };
            const onError = (error: Error) => {
              finish();
              reject(error);
            };
            worker.on("message", onMessage);
            worker.on("error", onError);
            worker.ref();
            worker.postMessage(job);
          }),
      ),
    );
    return monteCarloResult(plan, sample, columns);
  }

  /** Stops the workers once the runs already asked for have finished. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/**
 * One Monte Carlo run over worker threads, starting and stopping a pool around it.
 *
 * @param options.threads worker threads, default: the number of cores.
 * @example const result = await monteCarloParallel(plan, { draws: 100_000, seed: 7 });
 */
export async function monteCarloParallel(
  plan: ModelPlan,
  options: MonteCarloOptions & { threads?: number } = {},
): Promise<MonteCarloResult> {
  monteCarloSettings(options);
  const pool = await MonteCarloPool.start(options.threads);
  try {
    return await pool.run(plan, options);
  } finally {
    await pool.close();
  }
}
