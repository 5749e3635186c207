/**
 * web/drafts.ts: unsaved work kept in the browser, keyed by data package, scenario and version, so
 * that work on one package never comes back on another's; a draft kept before drafts were keyed by
 * package is still read for its saved version (whose id already names its package), never for a
 * new scenario.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VersionInfo } from "../../contract/api.ts";
import { draftKey, dropDraft, keepDraft, readDraft } from "../../web/drafts.ts";
import { newWorking, type Working } from "../../web/working.ts";

/** localStorage as the browser has it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const VERSION: VersionInfo = {
  scenarioId: "plan",
  number: 2,
  versionId: "0123456789ab",
  hash: "0123456789ab".padEnd(64, "0"),
  packageHash: "a".repeat(64),
  parentVersionId: null,
  parentNumber: null,
  author: "test",
  comment: null,
  createdAt: "2026-01-01T00:00:00Z",
};

/** A working scenario with its growth multiplier changed to `growth`. */
function changed(growth: number, from: Pick<Working, "scenarioId" | "version"> = { scenarioId: null, version: null }): Working {
  const w = newWorking();
  return { ...w, ...from, overlay: { ...w.overlay, values: { ...w.overlay.values, growthMultiplier: growth } } };
}
const SAVED = { scenarioId: "plan", version: VERSION };
const A = "aaaaaaaaaaaa";
const B = "bbbbbbbbbbbb";

describe("drafts", () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal("window", { localStorage: storage });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps a new scenario's work for its own package only", () => {
    keepDraft(changed(2), A, true);
    expect(readDraft(newWorking(), A)?.values.growthMultiplier).toBe(2);
    expect(readDraft(newWorking(), B)).toBeNull();
    expect(draftKey(newWorking(), A)).toBe("vaxa.draft.aaaaaaaaaaaa/(new)@(none)");
  });

  it("keeps the drafts of the same scenario and version on two packages apart, and drops one without the other", () => {
    keepDraft(changed(2, SAVED), A, true);
    keepDraft(changed(3, SAVED), B, true);
    expect(readDraft(changed(1, SAVED), A)?.values.growthMultiplier).toBe(2);
    expect(readDraft(changed(1, SAVED), B)?.values.growthMultiplier).toBe(3);
    dropDraft(changed(1, SAVED), A);
    expect(readDraft(changed(1, SAVED), A)).toBeNull();
    expect(readDraft(changed(1, SAVED), B)?.values.growthMultiplier).toBe(3);
    keepDraft(changed(1, SAVED), B, false);
    expect(storage.length).toBe(0);
  });

  it("reads a draft kept before drafts were keyed by package for its saved version, never for a new scenario, and removes it once kept again", () => {
    const before = (w: Working) => JSON.stringify({ overlay: w.overlay, at: "2026-11-30T12:00:00.000Z" });
    storage.setItem("vaxa.draft.plan@0123456789ab", before(changed(4, SAVED)));
    storage.setItem("vaxa.draft.(new)@(none)", before(changed(5)));
    expect(readDraft(changed(1, SAVED), A)?.values.growthMultiplier).toBe(4);
    expect(readDraft(newWorking(), A)).toBeNull();
    // kept again under the package's key, the old key goes
    keepDraft(changed(6, SAVED), A, true);
    expect(storage.getItem("vaxa.draft.plan@0123456789ab")).toBeNull();
    expect(readDraft(changed(1, SAVED), A)?.values.growthMultiplier).toBe(6);
    expect(readDraft(changed(1, SAVED), B)).toBeNull();
    dropDraft(newWorking(), A);
    expect(storage.getItem("vaxa.draft.(new)@(none)")).toBeNull();
  });
});
