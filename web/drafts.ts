/**
 * Unsaved work kept in the browser (localStorage), so that a reload or a closed tab loses nothing:
 * the working scenario's overlay, keyed by the data package it is computed with, the scenario and the
 * version it started from. A draft is written while the work differs from that version and removed
 * when it does not (saved, undone, or discarded after the planner said so).
 */
import type { Overlay, Working } from "./working.ts";

const PREFIX = "vaxa.draft.";

/** The scenario and the version a working scenario started from: `<scenario>@<version id>`. */
const startedFrom = (w: Working) => `${w.scenarioId ?? "(new)"}@${w.version?.versionId ?? "(none)"}`;

/**
 * The key of a working scenario's draft: `vaxa.draft.<package id>/<scenario>@<version id>`, the
 * package's short id (`packageVersionId`) so that a new scenario's work on one package never comes
 * back on another's.
 */
export function draftKey(w: Working, packageId: string): string {
  return `${PREFIX}${packageId}/${startedFrom(w)}`;
}

/**
 * The key drafts had before they were keyed by package, `vaxa.draft.<scenario>@<version id>`: still
 * read for a saved version, whose id is made from its package's hash too (`io/content-hash.ts`
 * `versionHash`); never for a new scenario, whose package it does not say. Removed when the draft
 * is written again or dropped.
 */
function unpackagedKey(w: Working): string {
  return `${PREFIX}${startedFrom(w)}`;
}

/** The storage, or null where the browser refuses it (private windows, blocked storage). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps `w`'s overlay as its draft on the package `packageId`, or removes the draft when `dirty` is false. */
export function keepDraft(w: Working, packageId: string, dirty: boolean): void {
  const store = storage();
  try {
    if (dirty) store?.setItem(draftKey(w, packageId), JSON.stringify({ overlay: w.overlay, at: new Date().toISOString() }));
    else store?.removeItem(draftKey(w, packageId));
    store?.removeItem(unpackagedKey(w));
  } catch {
    // Storage full or refused: the work is still on the page, and leaving it asks first.
  }
}

/** The draft of a working scenario on the package `packageId`, if one was kept. */
export function readDraft(w: Working, packageId: string): Overlay | null {
  const store = storage();
  const text = store?.getItem(draftKey(w, packageId)) ?? (w.version !== null ? store?.getItem(unpackagedKey(w)) : null);
  if (!text) return null;
  try {
    const { overlay } = JSON.parse(text) as { overlay?: Overlay };
    return overlay && typeof overlay === "object" && overlay.values && Array.isArray(overlay.levers) ? overlay : null;
  } catch {
    return null;
  }
}

/** Removes a working scenario's draft on the package `packageId`. */
export function dropDraft(w: Working, packageId: string): void {
  try {
    storage()?.removeItem(draftKey(w, packageId));
    storage()?.removeItem(unpackagedKey(w));
  } catch {
    // nothing kept, nothing to remove
  }
}
