/**
 * The working scenario's Monte Carlo range, computed in the background: one Web Worker
 * (`monte-carlo-worker.ts`) runs the draws while the page stays free for the sliders. Only the
 * newest assumptions matter: a request made while a run is going waits, replacing any request
 * that waited before it (whose promise rejects as superseded), so a slider dragged for a second
 * starts at most two runs, not sixty. When its package is no longer the working scenario's, the
 * worker is stopped (`web/main.ts`), and started again if the package comes back.
 */
import type { DataPackage } from "../model/data-package.ts";
import type { Assumptions } from "./api.ts";
import { readUncertainty, type Uncertainty, WEB_DRAWS, WEB_SEED } from "./uncertainty.ts";
import type { WorkerReply, WorkerRequest } from "./monte-carlo-worker.ts";

/** The rejection of a request that will not be answered: newer assumptions replaced it before it ran, or the worker was stopped. */
export class Dropped extends Error {
  constructor(why: string) {
    super(why);
    this.name = "AbortError";
  }
}

interface Pending {
  key: string;
  assumptions: Assumptions;
  resolve(u: Uncertainty): void;
  reject(error: unknown): void;
}

/**
 * Runs Monte Carlo for the working scenario in a worker, newest request first, results cached per
 * assumptions. The worker starts after the page has painted the frame of the first request (its
 * script, loaded and compiled then, would otherwise compete with the first chart for the network
 * and the processor).
 */
export class UncertaintyWorker {
  #worker: Worker | null = null;
  readonly #pkg: DataPackage;
  readonly #url: URL;
  readonly #cache = new Map<string, Uncertainty>();
  #running: (Pending & { id: number }) | null = null;
  #waiting: Pending | null = null;
  #next = 1;
  /** The start asked for and not yet made (a later one, or a stop, makes it moot). */
  #starting: object | null = null;

  constructor(pkg: DataPackage, url: URL) {
    this.#pkg = pkg;
    this.#url = url;
  }

  /** The worker, started once: after the next frame is painted (`requestAnimationFrame` runs before the paint, the timeout after it). */
  #whenStarted(then: (worker: Worker) => void): void {
    if (this.#worker !== null) return then(this.#worker);
    if (this.#starting !== null) return;
    const starting = {};
    this.#starting = starting;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (this.#starting !== starting) return;
        this.#starting = null;
        const worker = new Worker(this.#url, { type: "module" });
        worker.postMessage({ type: "package", pkg: this.#pkg } satisfies WorkerRequest);
        worker.onmessage = (event: MessageEvent<WorkerReply>) => this.#answer(event.data);
        this.#worker = worker;
        this.#start();
      }, 0),
    );
  }

  /** The range for `assumptions`: at once if it was computed before. */
  cached(assumptions: Assumptions): Uncertainty | undefined {
    return this.#cache.get(JSON.stringify(assumptions));
  }

  /** The range for `assumptions`, computed in the background; rejects with {@link Dropped} if newer assumptions come first or the worker is stopped. */
  run(assumptions: Assumptions): Promise<Uncertainty> {
    const key = JSON.stringify(assumptions);
    const done = this.#cache.get(key);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      this.#waiting?.reject(new Dropped("superseded by newer assumptions"));
      this.#waiting = { key, assumptions, resolve, reject };
      this.#start();
    });
  }

  /**
   * Stops the worker and frees what it holds (the package, its plans, its buffers): a run going or
   * waiting rejects with {@link Dropped}. The ranges computed stay; a later run starts a worker again.
   */
  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#starting = null;
    const stopped = new Dropped("the Monte Carlo worker was stopped");
    this.#running?.reject(stopped);
    this.#waiting?.reject(stopped);
    this.#running = null;
    this.#waiting = null;
  }

  #start(): void {
    if (this.#running !== null || this.#waiting === null) return;
    this.#whenStarted((worker) => {
      const next = { ...this.#waiting!, id: this.#next++ };
      this.#waiting = null;
      this.#running = next;
      worker.postMessage({ type: "run", id: next.id, assumptions: next.assumptions, draws: WEB_DRAWS, seed: WEB_SEED } satisfies WorkerRequest);
    });
  }

  #answer(reply: WorkerReply): void {
    const run = this.#running;
    if (run === null || run.id !== reply.id) return;
    this.#running = null;
    if (reply.type === "summary") {
      const u = readUncertainty(reply.summary);
      if (this.#cache.size > 50) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(run.key, u);
      run.resolve(u);
    } else {
      run.reject(new Error(reply.message));
    }
    this.#start();
  }
}
