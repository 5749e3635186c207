/**
 * The planner view: growth assumptions and levers as sliders with number inputs; the model runs in
 * the browser on every movement (one `evaluate` on the compiled plan, redrawn once per animation
 * frame), so the charts follow the slider. FTE per process and in total against the baseline and
 * the base year's level; save as a scenario version with a planner token.
 *
 * The controls write to the store; this view listens to the store and keeps the model in the
 * browser in step with the overlay: new values are written into the plan, other levers or driver
 * rates compile a new one.
 */
import type { ForecastResult } from "../../../model/forecast.ts";
import { el, isAbort } from "../../dom.ts";
import type { Messages } from "../../i18n.ts";
import { afterPaint, debounce, perFrame } from "../../schedule.ts";
import type { DrawContext, View, ViewContext } from "../../view.ts";
import { assumptionsOf, isActivePath, isDirty, type Overlay, structureChanged } from "../../working.ts";
import { assumptionControls } from "./assumption-controls.ts";
import { plannerCharts } from "./charts.ts";
import { driversPanel } from "./drivers-panel.ts";
import { keyFigures } from "./key-figures.ts";
import { saveForm } from "./save-form.ts";
import { scenarioBar } from "./scenario-bar.ts";

/** Paths whose values differ between two overlays. */
function changedPaths(before: Overlay, after: Overlay): string[] {
  const paths = new Set([...Object.keys(before.values), ...Object.keys(after.values)]);
  return [...paths].filter((path) => before.values[path] !== after.values[path]);
}

/** The year in focus the route names (`?year=`), within the forecast's years; 2030 when it names none. */
function initialFocus({ params, pkg }: DrawContext): number {
  return Math.min(Math.max(Math.round(Number(params.year)) || 2030, pkg.baseYear + 1), pkg.municipality.horizon);
}

/** What the charts say about the working scenario: its name, and its version id unless changed ("osparat"). */
function scenarioLabel({ store, defaults, lang, t }: DrawContext) {
  const w = store.state.working;
  return { name: w.overlay.name[lang], versionId: w.version && !isDirty(w, defaults) ? w.version.versionId : t.unsaved };
}

/** The planner's page: title, lead, the scenario bar, and the controls beside the results. */
function plannerLayout(t: Messages, bar: HTMLElement, controls: HTMLElement, results: HTMLElement): HTMLElement {
  return el(
    "div",
    { class: "view planner" },
    el("h1", { text: t.viewTitles.planner }),
    el("p", { class: "lead", text: t.plannerLead }),
    bar,
    el("div", { class: "planner-grid" }, controls, results),
  );
}

/**
 * The planner's first frame without its controls (their column left empty): the scenario bar, the
 * key figures and the first chart of the working scenario, drawn at once with the same parts and
 * the same first draw as {@link plannerView}. The server renders it into the page
 * (`server/first-screen.ts`) so that the chart is on screen before the app has loaded; the live
 * view then takes its place box for box. Throws when the scenario does not compute.
 */
export function plannerFirstScreen(context: DrawContext): HTMLElement {
  const { store, live, defaults, t } = context;
  const focus = initialFocus(context);
  const bar = scenarioBar(context);
  const figures = keyFigures(context, focus, () => undefined);
  const charts = plannerCharts(context);
  bar.showStatus();
  const loaded = live.load(assumptionsOf(store.state.working, defaults));
  if (!loaded.ok) throw new Error(`the working scenario does not compute: ${loaded.errors.join("; ")}`);
  const result = live.run();
  figures.draw(result, focus);
  charts.draw(result, focus, scenarioLabel(context), false, true);
  return plannerLayout(t, bar.element, el("div", { class: "controls" }), el("div", { class: "results" }, figures.element, charts.elements[0]!));
}

export function plannerView(context: ViewContext): View {
  const { store, live, defaults, lang, t } = context;
  let focus = initialFocus(context);

  const bar = scenarioBar(context);
  const controls = assumptionControls(context);
  const figures = keyFigures(context, focus, (year) => {
    focus = year;
    context.setParams({ year: String(focus) });
    redraw(true);
    announce();
  });
  const charts = plannerCharts(context);
  const drivers = driversPanel(context);
  const results = el("div", { class: "results" }, figures.element, ...charts.elements, drivers.element, saveForm(context));
  const root = plannerLayout(t, bar.element, controls.element, results);

  let failing = false;
  let lastResult: ForecastResult | null = null;

  const label = () => scenarioLabel(context);

  function announce(): void {
    if (lastResult) figures.announce(lastResult, store.state.working.overlay.name[lang], focus);
  }

  /** The P10–P90 ranges of the assumptions on screen, from the worker; a newer request replaces this one. */
  function computeRanges(): void {
    if (failing) return;
    const assumptions = assumptionsOf(store.state.working, defaults);
    const done = context.uncertainty.cached(assumptions);
    if (done) return figures.showRanges(done);
    figures.showRanges("running");
    const asked = JSON.stringify(assumptions);
    const current = () => JSON.stringify(assumptionsOf(store.state.working, defaults)) === asked;
    context.uncertainty.run(assumptions).then(
      (u) => {
        if (current()) figures.showRanges(u);
      },
      (error: unknown) => {
        if (!isAbort(error) && current()) figures.showRanges(null);
      },
    );
  }

  // What can wait until a movement ends: the status line, the tables, the sentence for screen readers, the ranges.
  const settle = debounce(() => {
    bar.showStatus();
    charts.flushTables();
    announce();
    computeRanges();
  }, 400);

  /** Draws the key figures and the charts; only the first chart (`first`: the page's first draw) when the others follow it once it is on screen. */
  function redraw(tableNow: boolean, first = false): void {
    if (failing) return;
    const result = live.run();
    lastResult = result;
    figures.draw(result, focus);
    const scenario = label();
    charts.draw(result, focus, scenario, tableNow, first);
    if (!first) drivers.draw(scenario);
    if (!tableNow && !first) settle();
  }
  const redrawNextFrame = perFrame(() => redraw(false));

  /** Takes a compiled plan (or lists why it does not compile). */
  function loaded(result: ReturnType<typeof live.load>): void {
    failing = !result.ok;
    controls.showErrors(result.ok ? [] : result.errors);
  }

  /** Compiles the working scenario's plan again and redraws. */
  function reload(): void {
    loaded(live.load(assumptionsOf(store.state.working, defaults)));
    redraw(true);
  }

  const unsubscribe = store.subscribe((state, before) => {
    if (state.working === before.working) return;
    const now = state.working.overlay;
    const then = before.working.overlay;
    if (now !== then) drivers.sync();
    if (now === then) {
      // Saved: same assumptions, a new version, which the status and every chart caption now name.
      bar.showStatus();
      redraw(true);
    } else if (structureChanged(then, now)) {
      figures.showRanges("running");
      reload();
      settle();
    } else {
      for (const path of changedPaths(then, now)) {
        if (isActivePath(now, path) && !live.set(path, now.values[path]!)) {
          // Not in the plan (should not happen for an active parameter): compile again.
          live.load(assumptionsOf(state.working, defaults));
        }
      }
      figures.showRanges("running");
      redrawNextFrame();
    }
  });

  const resize = debounce(() => {
    charts.measure();
    redraw(true);
  }, 150);
  window.addEventListener("resize", resize);

  // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo the planner's changes, except in a text
  // field where they edit the text (the name, the comment, the token).
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.matches("textarea, input[type=text]:not(.number), input[type=password]")) return;
    const key = event.key.toLowerCase();
    if (key === "z" && !event.shiftKey) store.undo();
    else if ((key === "z" && event.shiftKey) || key === "y") store.redo();
    else return;
    event.preventDefault();
  };
  window.addEventListener("keydown", onKey);

  // First draw after the view is in the document (for the chart width): the key figures and the
  // first chart; what lies below them (the other charts, the tables), the sentence for screen
  // readers and the ranges once those are on screen.
  bar.showStatus();
  loaded(live.load(assumptionsOf(store.state.working, defaults)));
  let rest: { cancel(): void } | undefined;
  queueMicrotask(() => {
    charts.measure();
    redraw(false, true);
    rest = afterPaint(() => {
      if (!failing && lastResult) {
        const scenario = label();
        charts.drawBars(lastResult, focus, scenario, false);
        drivers.draw(scenario);
      }
      charts.flushTables();
      announce();
      computeRanges();
    });
  });

  return {
    element: root,
    destroy() {
      unsubscribe();
      window.removeEventListener("resize", resize);
      window.removeEventListener("keydown", onKey);
      controls.destroy();
      resize.cancel();
      settle.cancel();
      rest?.cancel();
    },
  };
}
