/**
 * Answers sent with back-pressure: a chunk is written only when the client has taken enough of
 * the previous ones, with a bound on the bytes each answer and all answers together may have
 * waiting in the server's memory, and a client that takes nothing for a while is cut off.
 *
 * "Taken" means handed to the operating system: `res.write`'s callback runs when a chunk has left
 * the process, so the bytes between a write and its callback are exactly what the answer holds in
 * memory. A client that stops reading fills the kernel's socket buffers, after which its chunks
 * stay in the process: that is what the bounds limit.
 */
import type { Response } from "express";
import type { Logger } from "pino";
import { HttpError } from "./http-error.ts";

/** Bytes written to answers that their clients have not taken yet, summed over every answer. */
export class AnswerBudget {
  #inFlight = 0;
  readonly #waiting = new Set<() => void>();

  /** @param total the most bytes all answers together may hold. */
  constructor(readonly total: number) {}

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Takes `bytes` if they fit (a chunk larger than the total fits when nothing else is held). */
  tryTake(bytes: number): boolean {
    if (this.#inFlight > 0 && this.#inFlight + bytes > this.total) return false;
    this.#inFlight += bytes;
    return true;
  }

  give(bytes: number): void {
    this.#inFlight -= bytes;
    for (const wake of [...this.#waiting]) wake();
  }

  /** Calls `wake` whenever bytes are given back, until the returned function is called. */
  onGive(wake: () => void): () => void {
    this.#waiting.add(wake);
    return () => this.#waiting.delete(wake);
  }
}

export interface AnswerLimits {
  /** Bytes one answer may hold before it waits for its client. */
  perAnswer: number;
  budget: AnswerBudget;
  /** Milliseconds a client may take nothing before its connection is closed. */
  stallMs: number;
  logger: Logger;
}

/** Closes the connection of a client that took nothing of its answer for `patience` ms. */
function cutOff(res: Response, logger: Logger, heldBytes: number, patience: number): void {
  logger.warn({ requestId: res.locals.requestId, heldBytes }, `the client took nothing of the answer for ${Math.round(patience / 1000)} s: connection closed`);
  res.destroy();
}

/**
 * Sends `chunks` as the body of `res` (whose headers the caller has set), within `limits`.
 *
 * The first chunk is produced before anything is sent, so a failure there still becomes an error
 * answer. Resolves when the answer has left the process, or when the client has gone (closed the
 * connection, or been cut off for taking nothing for `limits.stallMs`); the iterator is ended
 * (`return()`) when it was not read to its end.
 *
 * @throws HttpError 503 if the server holds so many bytes for other clients that the first chunk
 *   could not be sent for twice `stallMs`.
 */
export async function streamAnswer(
  res: Response,
  chunks: Iterator<Uint8Array> | AsyncIterator<Uint8Array>,
  limits: AnswerLimits,
): Promise<void> {
  const { perAnswer, budget, stallMs } = limits;
  let step = await chunks.next();
  /** Bytes written and not yet taken by the client. */
  let held = 0;
  let closed = res.destroyed;
  let finished = false;
  let wake: (() => void) | undefined;
  const onClose = () => {
    closed = true;
    budget.give(held);
    held = 0;
    wake?.();
  };
  const onFinish = () => {
    finished = true;
    wake?.();
  };
  res.once("close", onClose);
  res.once("finish", onFinish);

  /** Waits until `ready()` is true (true), or the client is gone (false). */
  const until = (ready: () => boolean, patience: number): Promise<boolean> => {
    // Decided at once (the usual case: a chunk that fits): no timer and no listener to set up and clear.
    if (closed) return Promise.resolve(false);
    if (ready()) return Promise.resolve(true);
    return new Promise<boolean>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: boolean | Error) => {
        clearTimeout(timer);
        stopListening();
        wake = undefined;
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!res.headersSent) {
            return settle(new HttpError(503, "the server is busy sending answers to other clients; try again in a few seconds", undefined, { "Retry-After": "5" }));
          }
          cutOff(res, limits.logger, held, patience);
        }, patience);
      };
      const check = () => {
        if (closed) settle(false);
        else if (ready()) settle(true);
      };
      const stopListening = budget.onGive(check);
      wake = () => {
        arm(); // the client took something: it has another `patience` for the rest
        check();
      };
      arm();
      check();
    });
  };

  try {
    while (!step.done && !closed) {
      const chunk = step.value;
      const n = chunk.byteLength;
      if (n > 0) {
        if (!(await until(() => held === 0 || held + n <= perAnswer, stallMs))) break;
        if (!(await until(() => budget.tryTake(n), 2 * stallMs))) break;
        held += n;
        res.write(chunk, () => {
          if (closed) return; // given back when the connection closed
          held -= n;
          budget.give(n);
          wake?.();
        });
      }
      step = await chunks.next();
    }
    if (step.done && !closed) {
      res.end();
      await until(() => finished, stallMs);
    }
  } finally {
    res.off("close", onClose);
    res.off("finish", onFinish);
    if (!step.done) await chunks.return?.();
  }
}

/** Bytes per chunk when an answer already in memory is sent. */
const SLICE = 64 * 1024;

/**
 * Ends `res` with `bytes`, which the budget has lent: headers and body leave in one write.
 * Resolves when they have left the process or the client has gone; a client that takes nothing
 * for `stallMs` is cut off.
 */
function endWith(res: Response, bytes: Uint8Array, limits: AnswerLimits): Promise<void> {
  const n = bytes.byteLength;
  return new Promise<void>((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      res.off("close", settle);
      limits.budget.give(n);
      resolve();
    };
    const timer = setTimeout(() => cutOff(res, limits.logger, n, limits.stallMs), limits.stallMs);
    res.once("close", settle);
    res.end(bytes, settle);
  });
}

/**
 * Sends bytes already in memory as the body of `res` (with their length), within `limits`: at
 * once when they are one slice and the budget lends them now (a deterministic forecast, a
 * Monte Carlo summary), otherwise slice by slice as the client takes them.
 */
export function sendBytes(res: Response, bytes: Uint8Array, limits: AnswerLimits): Promise<void> {
  res.setHeader("Content-Length", String(bytes.byteLength));
  if (bytes.byteLength <= SLICE && !res.destroyed && limits.budget.tryTake(bytes.byteLength)) return endWith(res, bytes, limits);
  function* slices() {
    for (let at = 0; at < bytes.byteLength; at += SLICE) yield bytes.subarray(at, at + SLICE);
  }
  return streamAnswer(res, slices(), limits);
}
