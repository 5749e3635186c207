/**
 * The app's state in one store: the language, the route, the saved scenarios, the working
 * scenario and the planner token. The state is replaced, never altered, and only through
 * {@link Store.update}; every subscriber hears of each change with the state before it, so it can
 * tell what changed (the planner redraws when the overlay changes, the app re-renders when the
 * language does, the token is remembered when it is typed).
 */
import type { ScenarioInfo } from "./api.ts";
import type { Lang } from "../contract/locale.ts";
import type { Overlay, Working } from "./working.ts";

/** The views of the app. */
export type ViewName = "planner" | "finance" | "council" | "data";

/** Where the app is: a view and the parameters after `?` in the fragment (`#beslutsunderlag?v=a@1`). */
export interface Route {
  readonly view: ViewName;
  readonly params: Readonly<Record<string, string>>;
}

export interface AppState {
  readonly lang: Lang;
  readonly route: Route;
  /** The saved scenarios, as the server listed them. */
  readonly scenarios: readonly ScenarioInfo[];
  readonly working: Working;
  /** Planner token for saving, kept for the browser session only. */
  readonly token: string;
  /** Whether the working scenario's overlay is unsaved work brought back from the browser's storage (`drafts.ts`). */
  readonly restoredDraft?: boolean;
}

/** Told of every change, after it, with the new state and the one before. */
export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  readonly state: AppState;
  /** Replaces the fields given (or returned from the current state) and tells every subscriber. */
  update(change: Partial<AppState> | ((state: AppState) => Partial<AppState>)): void;
  /**
   * The one way the planner's assumptions change: a new overlay from the current one, kept in the
   * history for {@link Store.undo}. Changes with the same `gesture` one after the other (a slider
   * dragged, a number typed) are one step, until {@link Store.endGesture}.
   */
  updateOverlay(change: (overlay: Overlay) => Overlay, gesture?: string): void;
  /** Ends the current gesture: the next change is a step of its own. */
  endGesture(): void;
  /** Back to the overlay before the last step (nothing when there is none). */
  undo(): void;
  /** Forward again after {@link Store.undo}. */
  redo(): void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Calls `listener` after every update; returns the function that stops it. */
  subscribe(listener: Listener): () => void;
}

/**
 * A store holding `initial`.
 *
 * @example
 * const store = createStore(initial);
 * const stop = store.subscribe((s, before) => { if (s.lang !== before.lang) render(); });
 * store.update({ lang: "en" });
 */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  // The history of the working scenario's overlay; another working scenario starts a new one.
  let past: Overlay[] = [];
  let future: Overlay[] = [];
  let gestureNow: string | undefined;
  const setOverlay = (overlay: Overlay) => {
    const previous = state;
    state = { ...state, working: { ...state.working, overlay } };
    for (const listener of [...listeners]) listener(state, previous);
  };
  const store: Store = {
    get state() {
      return state;
    },
    get canUndo() {
      return past.length > 0;
    },
    get canRedo() {
      return future.length > 0;
    },
    update(change) {
      const previous = state;
      state = { ...state, ...(typeof change === "function" ? change(state) : change) };
      if (state.working.overlay !== previous.working.overlay) {
        past = [];
        future = [];
        gestureNow = undefined;
      }
      for (const listener of [...listeners]) listener(state, previous);
    },
    updateOverlay(change, gesture) {
      const before = state.working.overlay;
      const after = change(before);
      if (after === before) return;
      if (gesture === undefined || gesture !== gestureNow) past.push(before);
      gestureNow = gesture;
      future = [];
      setOverlay(after);
    },
    endGesture() {
      gestureNow = undefined;
    },
    undo() {
      const overlay = past.pop();
      if (overlay === undefined) return;
      future.push(state.working.overlay);
      gestureNow = undefined;
      setOverlay(overlay);
    },
    redo() {
      const overlay = future.pop();
      if (overlay === undefined) return;
      past.push(state.working.overlay);
      gestureNow = undefined;
      setOverlay(overlay);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
