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
}

/** Told of every change, after it, with the new state and the one before. */
export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  readonly state: AppState;
  /** Replaces the fields given (or returned from the current state) and tells every subscriber. */
  update(change: Partial<AppState> | ((state: AppState) => Partial<AppState>)): void;
  /**
   * The one way the planner's assumptions change: a new overlay from the current one. (Undo and
   * redo can be a history of these overlays.)
   */
  updateOverlay(change: (overlay: Overlay) => Overlay): void;
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
  const store: Store = {
    get state() {
      return state;
    },
    update(change) {
      const previous = state;
      state = { ...state, ...(typeof change === "function" ? change(state) : change) };
      for (const listener of [...listeners]) listener(state, previous);
    },
    updateOverlay(change) {
      store.update((s) => ({ working: { ...s.working, overlay: change(s.working.overlay) } }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}
