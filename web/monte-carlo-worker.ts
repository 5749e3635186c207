/**
 * The browser's Monte Carlo worker (a Web Worker, bundled by `web/build.ts` as
 * `/build/monte-carlo-worker.js`): the working scenario's 1 000 draws run here, off the page's
 * thread, so the sliders never wait for the range. The same model functions as the server's
 * (`compilePlan`, `monteCarlo`, `summariseMonteCarlo`) with the same seed, so the figures are the
 * server's to the last digit.
 *
 * Messages: `{ type: "package", pkg }` once, then `{ type: "run", id, assumptions, draws, seed }`;
 * each run answers `{ type: "summary", id, summary }` or `{ type: "error", id, message }`.
 */
import type { DataPackage } from "../model/data-package.ts";
import { monteCarlo, type MonteCarloSummary, summariseMonteCarlo } from "../model/monte-carlo.ts";
import { formatPackageError } from "../model/package-error.ts";
import { compilePlan } from "../model/plan.ts";
import type { Assumptions } from "./api.ts";

export type WorkerRequest =
  | { type: "package"; pkg: DataPackage }
  | { type: "run"; id: number; assumptions: Assumptions; draws: number; seed: number };

export type WorkerReply = { type: "summary"; id: number; summary: MonteCarloSummary } | { type: "error"; id: number; message: string };

let pkg: DataPackage | null = null;
const scope = self as unknown as { onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null; postMessage(message: WorkerReply): void };

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "package") {
    pkg = request.pkg;
    return;
  }
  try {
    if (pkg === null) throw new Error("internal: the worker was given no package");
    const compiled = compilePlan(pkg, { id: "working", ...request.assumptions });
    if (!compiled.ok) throw new Error(compiled.errors.map(formatPackageError).join("\n"));
    const summary = summariseMonteCarlo(monteCarlo(compiled.plan, { draws: request.draws, seed: request.seed }));
    scope.postMessage({ type: "summary", id: request.id, summary });
  } catch (error) {
    scope.postMessage({ type: "error", id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};
