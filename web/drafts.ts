/**
 * Unsaved work kept in the browser (localStorage), so that a reload or a closed tab loses nothing:
 * the working scenario's overlay, keyed by the scenario and the version it started from. A draft is
 * written while the work differs from that version and removed when it does not (saved, undone,
 * or discarded after the planner said so).
 */
import type { Overlay, Working } from "./working.ts";

const PREFIX = "vaxa.draft.";

/** The key of a working scenario's draft: `vaxa.draft.<scenario>@<version id>`. */
export function draftKey(w: Working): string {
  return `${PREFIX}${w.scenarioId ?? "(new)"}@${w.version?.versionId ?? "(none)"}`;
}

/** The storage, or null where the browser refuses it (private windows, blocked storage). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps `w`'s overlay as its draft, or removes the draft when `dirty` is false. */
export function keepDraft(w: Working, dirty: boolean): void {
  const store = storage();
  try {
    if (dirty) store?.setItem(draftKey(w), JSON.stringify({ overlay: w.overlay, at: new Date().toISOString() }));
    else store?.removeItem(draftKey(w));
  } catch {
    // Storage full or refused: the work is still on the page, and leaving it asks first.
  }
}

/** The draft of a working scenario, if one was kept. */
export function readDraft(w: Working): Overlay | null {
  const text = storage()?.getItem(draftKey(w));
  if (!text) return null;
  try {
    const { overlay } = JSON.parse(text) as { overlay?: Overlay };
    return overlay && typeof overlay === "object" && overlay.values && Array.isArray(overlay.levers) ? overlay : null;
  } catch {
    return null;
  }
}

/** Removes a working scenario's draft. */
export function dropDraft(w: Working): void {
  try {
    storage()?.removeItem(draftKey(w));
  } catch {
    // nothing kept, nothing to remove
  }
}
