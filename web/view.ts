/**
 * What a view is, and what it is given: the store, the package and its parameter defaults, the
 * model in the browser, the texts and formats of the language, and the route's parameters.
 */
import type { DataPackage } from "../model/data-package.ts";
import type { Formats, Lang } from "../contract/locale.ts";
import type { Messages } from "./i18n.ts";
import type { LiveModel, ParameterInfo } from "./live-model.ts";
import type { Store } from "./state.ts";
import type { UncertaintyWorker } from "./uncertainty-worker.ts";
import type { Working } from "./working.ts";

/** A view on the page. */
export interface View {
  element: HTMLElement;
  /** Called when the view is left (cancel requests, timers, subscriptions). */
  destroy?(): void;
}

/**
 * What a view's parts draw with: everything a view is given but the Monte Carlo worker. The
 * planner's first screen, which the server renders into the page (`server/first-screen.ts`), runs
 * no Monte Carlo and is given only this.
 */
export interface DrawContext {
  store: Store;
  pkg: DataPackage;
  /** The short id of the package's version, named in the footer and on the printed briefing. */
  packageVersionId: string;
  /** Every parameter path of the package with its default and bounds. */
  defaults: ReadonlyMap<string, ParameterInfo>;
  /** The model in the browser, on the package's own files. */
  live: LiveModel;
  /** The language the view is drawn in, and its texts and formats. */
  lang: Lang;
  t: Messages;
  f: Formats;
  /** The route's parameters (after `?` in the fragment) when the view was drawn. */
  params: Readonly<Record<string, string>>;
  /** Replaces the route's parameters (and the fragment) without drawing the view again. */
  setParams(params: Record<string, string>): void;
  /** Makes `working` the working scenario and draws the view again from it. */
  open(working: Working): void;
}

/** What a view is given: what its parts draw with, and the worker for the working scenario's range. */
export interface ViewContext extends DrawContext {
  /** The working scenario's Monte Carlo range, computed in a worker. */
  uncertainty: UncertaintyWorker;
}

/** Draws a view. */
export type ViewFactory = (context: ViewContext) => View;

/** What a view's charts say about the scenario besides its numbers. */
export interface ScenarioLabel {
  /** The scenario's name in the view's language. */
  name: string;
  /** The saved version's id, or the word for unsaved. */
  versionId: string;
}
