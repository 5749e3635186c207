/** The app's store (web/state.ts): one state, replaced on every update, with subscribers told of each change. */
import { describe, expect, it } from "vitest";
import { type AppState, createStore } from "../../web/state.ts";
import { newWorking, withValue } from "../../web/working.ts";

const initial = (): AppState => ({ lang: "sv", route: { view: "planner", params: {} }, scenarios: [], working: newWorking(), token: "" });

describe("the store", () => {
  it("replaces the state on update, keeping the fields not given", () => {
    const store = createStore(initial());
    const before = store.state;
    store.update({ lang: "en" });
    expect(store.state).not.toBe(before);
    expect(store.state.lang).toBe("en");
    expect(store.state.working).toBe(before.working);
    expect(before.lang).toBe("sv");
  });

  it("tells every subscriber of each change with the state before it, until it stops listening", () => {
    const store = createStore(initial());
    const heard: [string, string][] = [];
    const stop = store.subscribe((s, previous) => heard.push([previous.lang, s.lang]));
    store.update({ lang: "en" });
    store.update((s) => ({ lang: s.lang === "en" ? "sv" : "en" }));
    stop();
    store.update({ lang: "en" });
    expect(heard).toEqual([
      ["sv", "en"],
      ["en", "sv"],
    ]);
  });

  it("changes the planner's assumptions only as a new overlay, so the earlier one can be kept", () => {
    const store = createStore(initial());
    const first = store.state.working.overlay;
    const overlays = [first];
    store.subscribe((s) => overlays.push(s.working.overlay));
    store.updateOverlay((o) => withValue(o, "growthMultiplier", 2));
    store.updateOverlay((o) => withValue(o, "growthMultiplier", 3));
    expect(overlays.map((o) => o.values.growthMultiplier)).toEqual([1, 2, 3]);
    expect(store.state.working.scenarioId).toBeNull();
  });

  it("undoes and redoes each step exactly, one gesture being one step, and forgets the history for another working scenario", () => {
    const store = createStore(initial());
    const first = store.state.working.overlay;
    store.updateOverlay((o) => withValue(o, "growthMultiplier", 1.1), "drag");
    store.updateOverlay((o) => withValue(o, "growthMultiplier", 1.2), "drag");
    store.endGesture();
    const second = store.state.working.overlay;
    store.updateOverlay((o) => withValue(o, "costPerFte", 700_000));
    const third = store.state.working.overlay;
    store.undo();
    expect(store.state.working.overlay).toBe(second);
    store.undo();
    expect(store.state.working.overlay).toBe(first);
    expect(store.canUndo).toBe(false);
    store.redo();
    store.redo();
    expect(store.state.working.overlay).toBe(third);
    expect(store.canRedo).toBe(false);
    store.update({ working: newWorking() });
    expect([store.canUndo, store.canRedo]).toEqual([false, false]);
  });
});
