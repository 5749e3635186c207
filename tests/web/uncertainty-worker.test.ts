/**
 * web/uncertainty-worker.ts stopped (`terminate`): its worker ends, a run going or waiting is
 * dropped as an abort (which the views ignore), and a later run starts a worker again. The Web
 * Worker is a stand-in that records what it is sent; the Monte Carlo itself is tested on the server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DataPackage } from "../../model/data-package.ts";
import type { Assumptions } from "../../web/api.ts";
import { isAbort } from "../../web/dom.ts";
import type { WorkerReply, WorkerRequest } from "../../web/monte-carlo-worker.ts";
import { UncertaintyWorker } from "../../web/uncertainty-worker.ts";

class StandInWorker {
  static made: StandInWorker[] = [];
  readonly sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  constructor() {
    StandInWorker.made.push(this);
  }
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: WorkerReply): void {
    this.onmessage?.({ data } as MessageEvent<WorkerReply>);
  }
}

// Only passed through to the stand-in worker, never read here.
const PKG = { municipality: { name: "Nacka" } } as unknown as DataPackage;
const assumptions = (growthMultiplier: number) => ({ growthMultiplier }) as unknown as Assumptions;
/** The runs a worker was asked for, by id. */
const runs = (worker: StandInWorker) => worker.sent.flatMap((m) => (m.type === "run" ? [m.id] : []));
/** Whether a promise has settled, and how. */
const outcome = (promise: Promise<unknown>) => promise.then(() => "resolved", (error: unknown) => (isAbort(error) ? "aborted" : `failed: ${(error as Error).message}`));

describe("UncertaintyWorker.terminate", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    StandInWorker.made = [];
    vi.stubGlobal("Worker", StandInWorker);
    vi.stubGlobal("requestAnimationFrame", (frame: () => void) => setTimeout(frame, 16));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("ends the worker, drops the run going and the one waiting, and starts a worker again for the next run", async () => {
    const mc = new UncertaintyWorker(PKG, new URL("file:///monte-carlo-worker.js"));
    const going = outcome(mc.run(assumptions(1)));
    await vi.runAllTimersAsync();
    expect(StandInWorker.made).toHaveLength(1);
    const first = StandInWorker.made[0]!;
    expect(first.sent.map((m) => m.type)).toEqual(["package", "run"]);
    const waiting = outcome(mc.run(assumptions(2)));

    mc.terminate();
    expect(first.terminated).toBe(true);
    expect(await going).toBe("aborted");
    expect(await waiting).toBe("aborted");

    const next = outcome(mc.run(assumptions(3)));
    await vi.runAllTimersAsync();
    expect(StandInWorker.made).toHaveLength(2);
    const second = StandInWorker.made[1]!;
    expect(second.sent[0]).toEqual({ type: "package", pkg: PKG });
    expect(runs(first)).toEqual([1]);
    expect(runs(second)).toEqual([2]);
    // the stopped worker's late answer is nobody's; the new worker's is the run's
    first.reply({ type: "error", id: 1, message: "late" });
    second.reply({ type: "error", id: 2, message: "no package" });
    expect(await next).toBe("failed: no package");
  });

  it("makes no worker when stopped before the worker has started, and one when a run comes after", async () => {
    const mc = new UncertaintyWorker(PKG, new URL("file:///monte-carlo-worker.js"));
    const dropped = outcome(mc.run(assumptions(1)));
    mc.terminate();
    expect(await dropped).toBe("aborted");
    await vi.runAllTimersAsync();
    expect(StandInWorker.made).toHaveLength(0);

    void mc.run(assumptions(2)).catch(() => undefined);
    mc.terminate();
    void mc.run(assumptions(3)).catch(() => undefined);
    await vi.runAllTimersAsync();
    expect(StandInWorker.made).toHaveLength(1);
    expect(runs(StandInWorker.made[0]!)).toEqual([1]);
  });
});
