/**
 * Monte Carlo for the server: runs in worker threads (`monte-carlo-worker.ts`), so that sampling,
 * the model runs, the summary and the serialisation never hold up the thread that answers HTTP,
 * with bounds on how many answers may be under way — in total and per client — so that no client
 * can make the server hold more runs than it was configured for.
 *
 * The workers are not there to split one run (splitting gained 8 % on two cores, issue 12): each
 * runs whole runs, one at a time, and keeps an Arrow answer's columns only until the client has
 * read it.
 */
import { Worker } from "node:worker_threads";
import type { MonteCarloOptions } from "../model/monte-carlo.ts";
import type { ModelPlan } from "../model/plan.ts";
import { HttpError, invalidRequest } from "./http-error.ts";
import type { MonteCarloAnswerKind, WorkerReply, WorkerRequest } from "./monte-carlo-worker.ts";

const WORKER_URL = new URL("./monte-carlo-worker.mjs", import.meta.url);

/** A run's draws and seed, both given (the route fills in the seed's default). */
type RunOptions = Required<Pick<MonteCarloOptions, "draws" | "seed">>;

/** One worker thread and the requests it has not answered yet. */
class MonteCarloThread {
  readonly worker = new Worker(WORKER_URL);
  readonly #pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  /** Runs given to this thread that have not ended (running, waiting, or being read). */
  #load = 0;
  #failure: Error | undefined;
  #idleTimer: NodeJS.Timeout | undefined;

  /**
   * Starts a worker. It is usable at once: requests posted while it loads the model wait in its
   * message queue, and a worker that fails to load rejects them.
   */
  constructor(readonly idleMs: number) {
    this.worker.on("message", (reply: WorkerReply) => {
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      pending?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      for (const p of this.#pending.values()) p.reject(error);
      this.#pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the Monte Carlo worker stopped (exit code ${code})`)));
    this.worker.unref(); // an idle worker does not keep the process alive
    this.#armIdle();
  }

  /** Whether the thread has failed or stopped (a new one takes its place). */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  get load(): number {
    return this.#load;
  }

  /** A run was given to this thread. */
  begin(): void {
    this.#load++;
    clearTimeout(this.#idleTimer);
  }

  /** A run ended (answered, read to its end, or abandoned). */
  end(): void {
    this.#load--;
    if (this.#load === 0) this.#armIdle();
  }

  /**
   * A thread idle for `idleMs` stops: its heap (the columns of the last runs) goes back to the
   * system at once, instead of whenever its garbage collector would next run.
   */
  #armIdle(): void {
    clearTimeout(this.#idleTimer);
    this.#idleTimer = setTimeout(() => {
      if (this.#load > 0) return;
      // Out of service at once, not when the exit event comes: no new run may pick it meanwhile.
      this.#failure = new Error("the Monte Carlo worker stopped after being idle");
      void this.worker.terminate();
    }, this.idleMs);
    this.#idleTimer.unref();
  }

  /** Sends a request and waits for its reply (`cancel` has none). */
  ask(request: Exclude<WorkerRequest, { type: "cancel" }>): Promise<WorkerReply> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.set(request.id, { resolve, reject });
      this.worker.ref(); // keep the process alive while a reply is due
      this.worker.postMessage(request);
    }).finally(() => {
      if (this.#pending.size === 0) this.worker.unref();
    }) as Promise<WorkerReply>;
  }

  cancel(id: number): void {
    if (!this.#failure) this.worker.postMessage({ type: "cancel", id } satisfies WorkerRequest);
  }
}

/** The failure a reply reports, as an error for the client. */
function replyError(reply: WorkerReply): Error {
  if (reply.type !== "error") return new Error(`internal: unexpected reply "${reply.type}" from the Monte Carlo worker`);
  if (reply.nonFinite) return invalidRequest([{ path: "assumptions.uncertainty", message: reply.message }], 422);
  return new Error(`Monte Carlo worker failed: ${reply.message}`);
}

/** A place in the bounds: held from admission until the answer is sent or abandoned. */
export interface MonteCarloTicket {
  /** Gives the place back (once; later calls do nothing). */
  release(): void;
}

export interface MonteCarloLimits {
  /** Worker threads. */
  workers: number;
  /** Answers under way beyond one per worker; beyond them new ones get 503. */
  maxQueued: number;
  /** Answers one client may have under way; beyond them its new ones get 429. */
  perClient: number;
  /** Seconds a worker may sit idle before it stops (and gives its memory back). */
  idleSeconds: number;
}

export class MonteCarloRunner {
  /** One place per worker: its thread, once one was needed. */
  readonly #threads: (MonteCarloThread | undefined)[];
  readonly #clients = new Map<string, number>();
  #underWay = 0;
  #nextId = 1;
  #closed = false;
  /** Called when the last answer under way is released after close(). */
  #whenIdle: (() => void) | undefined;

  constructor(readonly limits: MonteCarloLimits) {
    this.#threads = new Array<MonteCarloThread | undefined>(Math.max(1, limits.workers)).fill(undefined);
  }

  /** Answers under way now (admitted and not yet released). */
  get underWay(): number {
    return this.#underWay;
  }

  /** Worker threads running now (started, and not failed or stopped when idle). */
  get liveWorkers(): number {
    return this.#threads.filter((thread) => thread !== undefined && !thread.failed).length;
  }

  /**
   * Admits one more Monte Carlo answer for `client` (a token or an address).
   *
   * @throws HttpError 503 while the server is shutting down or every place is taken, 429 when the
   *   client has its limit of answers under way.
   */
  admit(client: string): MonteCarloTicket {
    if (this.#closed) throw new HttpError(503, "the server is shutting down");
    const own = this.#clients.get(client) ?? 0;
    if (own >= this.limits.perClient) {
      throw new HttpError(
        429,
        `you already have ${own} Monte Carlo ${own === 1 ? "run" : "runs"} under way (at most ${this.limits.perClient} at a time); wait until one has finished`,
        undefined,
        { "Retry-After": "5" },
      );
    }
    if (this.#underWay >= this.#threads.length + this.limits.maxQueued) {
      throw new HttpError(503, "the server is busy with other Monte Carlo runs; try again in a few seconds", undefined, {
        "Retry-After": "5",
      });
    }
    this.#clients.set(client, own + 1);
    this.#underWay++;
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.#underWay--;
        const left = (this.#clients.get(client) ?? 1) - 1;
        if (left > 0) this.#clients.set(client, left);
        else this.#clients.delete(client);
        if (this.#underWay === 0) this.#whenIdle?.();
      },
    };
  }

  /**
   * The least busy live thread, with the run counted on it; a new thread is started in a free
   * place (never started, failed, or stopped when idle) only when every live one is busy. Choice
   * and count are synchronous, so runs arriving together see each other's load and never start two
   * threads for one place.
   */
  #begin(): MonteCarloThread {
    if (this.#closed) throw new HttpError(503, "the server is shutting down");
    let best: MonteCarloThread | undefined;
    let free = -1;
    for (const [i, thread] of this.#threads.entries()) {
      if (thread === undefined || thread.failed) {
        if (free < 0) free = i;
      } else if (best === undefined || thread.load < best.load) best = thread;
    }
    // No live thread means every place is free.
    if (best === undefined || (best.load > 0 && free >= 0)) {
      best = new MonteCarloThread(this.limits.idleSeconds * 1000);
      this.#threads[free] = best;
    }
    best.begin();
    return best;
  }

  /** The model's summary of a run, as UTF-8 JSON (what `summariseMonteCarlo` returns). */
  async summary(plan: ModelPlan, options: RunOptions): Promise<Uint8Array> {
    const thread = this.#begin();
    try {
      const reply = await thread.ask({ type: "run", id: this.#nextId++, plan, ...options, answer: "summary" });
      if (reply.type !== "summary") throw replyError(reply);
      return reply.json;
    } finally {
      thread.end();
    }
  }

  /**
   * A run's draws as an Arrow IPC stream (`io/arrow.ts`'s tables), one chunk per `next()`: the
   * worker writes a chunk only when it is asked for. Ending the iteration early (`return()`) tells
   * the worker to forget the run.
   */
  async *arrow(plan: ModelPlan, options: RunOptions, table: Exclude<MonteCarloAnswerKind, "summary">): AsyncGenerator<Uint8Array> {
    const thread = this.#begin();
    const id = this.#nextId++;
    let ended = false;
    try {
      let reply = await thread.ask({ type: "run", id, plan, ...options, answer: table });
      while (reply.type === "chunk") {
        yield reply.bytes;
        reply = await thread.ask({ type: "next", id });
      }
      if (reply.type !== "end") throw replyError(reply);
      ended = true;
    } finally {
      if (!ended) thread.cancel(id);
      thread.end();
    }
  }

  /** Admits no more runs, waits until the answers under way are done, then stops the workers. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#underWay > 0) await new Promise<void>((resolve) => (this.#whenIdle = resolve));
    await Promise.all(this.#threads.map((thread) => thread?.worker.terminate()));
  }
}
