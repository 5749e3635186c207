/**
 * Monte Carlo summaries (`model/monte-carlo.ts`) read into what the views draw: the P10–P90 band
 * of the cumulative net, total FTE's P10–P90 per year, the probability of holding flat per year,
 * the spread of the hump's depth, and the headline figures beside their own range. A saved
 * version's run comes from the server (POST /api/forecast with `monteCarlo: { draws, seed }`,
 * below); the working scenario's runs in the browser's worker (`uncertainty-worker.ts`).
 */
import type { CentralFigure, MonteCarloSummary } from "../model/monte-carlo.ts";
import type { BandYear } from "../charts/cumulative-net-band.ts";
import { type Assumptions, api } from "./api.ts";

/** Draws per Monte Carlo request from the web app, and its fixed seed (results are reproducible). */
export const WEB_DRAWS = 1000;
export const WEB_SEED = 2018;

/** What the views use of a Monte Carlo run. */
export interface Uncertainty {
  draws: number;
  seed: number;
  band: BandYear[];
  holdFlat: { year: number; probability: number }[];
  humpDepth: { p10: number; p50: number; p90: number };
  /** Total FTE (with levers) per year. */
  fte: { year: number; p10: number; p50: number; p90: number }[];
  /** The headline figures ("every assumption at its median") beside their own P10–P90. */
  central: CentralFigure[];
  /** Number of uncertain parameters: 0 means every draw is the deterministic forecast. */
  uncertainParameters: number;
}

/** Reads a Monte Carlo summary (the `result` of the server's JSON answer). */
export function readUncertainty(summary: MonteCarloSummary): Uncertainty {
  return {
    draws: summary.draws,
    seed: summary.seed,
    band: summary.years.map((y) => ({ year: y.year, p10: y.cumulativeNet_p10, p50: y.cumulativeNet_p50, p90: y.cumulativeNet_p90 })),
    holdFlat: summary.years.map((y) => ({ year: y.year, probability: y.probabilityHoldsFlat })),
    humpDepth: { p10: summary.humpDepth.p10, p50: summary.humpDepth.p50, p90: summary.humpDepth.p90 },
    fte: summary.years.map((y) => ({ year: y.year, p10: y.totalFte_p10, p50: y.totalFte_p50, p90: y.totalFte_p90 })),
    central: summary.central.figures,
    uncertainParameters: summary.parameters.length,
  };
}

/** Results already fetched, by their request (a saved version's assumptions do not change). */
const cache = new Map<string, Promise<Uncertainty>>();

/**
 * Runs the scenario's Monte Carlo on the server (cached per assumptions and package in this page),
 * with the current package or the stored one `packageHash` names (a saved version's).
 *
 * @throws ApiError when the server refuses (e.g. 501 while Monte Carlo is not available).
 */
export function fetchUncertainty(assumptions: Partial<Assumptions>, signal?: AbortSignal, packageHash?: string): Promise<Uncertainty> {
  const key = JSON.stringify([assumptions, packageHash ?? null]);
  let promise = cache.get(key);
  if (!promise) {
    promise = api.monteCarlo(assumptions, WEB_DRAWS, WEB_SEED, signal, packageHash).then((answer) => readUncertainty(answer.result));
    cache.set(key, promise);
    const cached = promise;
    const forget = () => {
      if (cache.get(key) === cached) cache.delete(key);
    };
    cached.catch(forget);
    // A view that is replaced aborts its run and the next view asks again at once, in the same
    // task: the aborted run must be out of the cache before then, not a microtask later.
    signal?.addEventListener("abort", forget, { once: true });
  }
  return promise;
}
