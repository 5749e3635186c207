/**
 * Monte Carlo for the server: the worker-thread pool of `io/parallel-monte-carlo.ts`, started on
 * the first run and kept, with a bound on the runs waiting for it (more get 503), so that long
 * runs never block other requests and cannot pile up.
 */
import { MonteCarloPool } from "../io/parallel-monte-carlo.ts";
import type { MonteCarloOptions, MonteCarloResult } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";
import { HttpError } from "./http-error.ts";

/** Starts the worker pool for `threads` threads (by default `MonteCarloPool.start`). */
export type StartPool = (threads: number) => Promise<Pick<MonteCarloPool, "run" | "close">>;

export class MonteCarloRunner {
  #pool: ReturnType<StartPool> | undefined;
  #inFlight = 0;
  #closed = false;

  /**
   * @param threads worker threads per run (default 1: on a 2-core machine one core stays with the
   *   HTTP thread).
   * @param maxQueued runs that may wait while one runs; beyond them new runs get 503.
   * @param startPool starts the pool on the first run (a test passes one whose runs it holds).
   */
  constructor(
    readonly threads = 1,
    readonly maxQueued = 4,
    readonly startPool: StartPool = (n) => MonteCarloPool.start(n),
  ) {}

  /** Runs the plan's Monte Carlo in the pool: the same numbers as `monteCarlo(plan, options)`. */
  async run(plan: ModelPlan, options: Required<Pick<MonteCarloOptions, "draws" | "seed">>): Promise<MonteCarloResult> {
    if (this.#closed) throw new HttpError(503, "the server is shutting down");
    if (this.#inFlight > this.maxQueued) {
      throw new HttpError(503, "the server is busy with other Monte Carlo runs; try again in a few seconds", undefined, {
        "Retry-After": "5",
      });
    }
    this.#inFlight++;
    try {
      this.#pool ??= this.startPool(this.threads).catch((error: unknown) => {
        this.#pool = undefined;
        throw error;
      });
      return await (await this.#pool).run(plan, options);
    } finally {
      this.#inFlight--;
    }
  }

  /** Stops the workers once the runs under way have finished. */
  async close(): Promise<void> {
    this.#closed = true;
    const pool = await this.#pool?.catch(() => undefined);
    await pool?.close();
  }
}
