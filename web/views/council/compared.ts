/**
 * The council view's data: each chosen version with its forecast (computed by the server with the
 * package it was saved with), named so that two versions of one scenario can be told apart, and
 * later its Monte Carlo uncertainty (also from the server).
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { api, type Version } from "../../api.ts";
import type { Lang } from "../../../contract/locale.ts";
import { isAbort } from "../../dom.ts";
import { fetchUncertainty, type Uncertainty } from "../../uncertainty.ts";
import type { Pick } from "../../../paper/picks.ts";

/** A version being compared. */
export interface Compared {
  pick: Pick;
  version: Version;
  result: ForecastResult;
  /** The scenario's name, with the version number when two versions of one scenario are compared. */
  label: string;
  /** The Monte Carlo run, once it is in; null while it runs or when it failed (the paper says so in Swedish, not the server's English reason). */
  uncertainty: Uncertainty | null;
}

/** Fetches each pick's version and forecast. */
export async function loadCompared(picks: Pick[], lang: Lang): Promise<Compared[]> {
  const loaded = await Promise.all(
    picks.map(async (pick): Promise<Compared> => {
      const [version, forecast] = await Promise.all([api.version(pick.scenario, pick.version), api.versionForecast(pick.scenario, pick.version)]);
      return { pick, version, result: forecast.result, label: version.assumptions.name[lang], uncertainty: null };
    }),
  );
  // Two versions of one scenario: tell them apart by number (each relabelled in turn, so the last
  // of a name keeps it plain).
  for (const item of loaded) {
    if (loaded.filter((o) => o.label === item.label).length > 1) item.label = `${item.label} (v${item.version.number})`;
  }
  return loaded;
}

/**
 * The versions with their Monte Carlo runs (a run that failed leaves its version without).
 *
 * @throws the abort when `signal` aborts.
 */
export function withUncertainty(items: Compared[], signal: AbortSignal): Promise<Compared[]> {
  return Promise.all(
    items.map(async (item) => {
      try {
        return { ...item, uncertainty: await fetchUncertainty(item.version.assumptions, signal, item.version.packageHash) };
      } catch (error) {
        if (isAbort(error)) throw error;
        return item;
      }
    }),
  );
}
