/**
 * The Vaxa web app: three views on one page — planning (sliders, the model running in the
 * browser), finance (the investment hump) and council (saved versions compared, printable) —
 * in Swedish by default, English selectable. Plain DOM and Observable Plot; everything is
 * bundled from node_modules by `web/build.ts` and served by the Vaxa server itself.
 *
 * This module starts the app: it loads the package and the first working scenario, creates the
 * store, and draws the view the route names — again when the route or the language changes.
 */
import { api } from "./api.ts";
import { el, errorText } from "./dom.ts";
import { formats } from "../contract/locale.ts";
import { messages } from "./i18n.ts";
import { LiveModel, parameterDefaults } from "./live-model.ts";
import { initialLang, rememberLang, rememberToken, storedToken } from "./preferences.ts";
import { fragmentOf, parseRoute } from "./router.ts";
import { firstScenarioId, loadWorking } from "./scenarios.ts";
import { createShell, drawShell, FIRST_SCREEN_ATTRIBUTE } from "./shell.ts";
import { createStore, type ViewName } from "./state.ts";
import type { View, ViewContext, ViewFactory } from "./view.ts";
import { plannerView } from "./views/planner/index.ts";
import { isDirty, newWorking, type Working } from "./working.ts";
import type { DataPackage } from "../model/data-package.ts";
import { keepDraft, readDraft } from "./drafts.ts";
import { debounce } from "./schedule.ts";
import { UncertaintyWorker } from "./uncertainty-worker.ts";

/**
 * The views: the planner's is in the first bundle (its chart is the first a planner sees); the
 * others are loaded when first shown (`web/build.ts` splits them into chunks of their own), so
 * neither the council's paper nor the data view's upload weighs on the first load.
 */
const VIEWS: Record<ViewName, () => Promise<ViewFactory>> = {
  planner: () => Promise.resolve(plannerView),
  finance: () => import("./views/finance/index.ts").then((m) => m.financeView),
  council: () => import("./views/council/index.ts").then((m) => m.councilView),
  data: () => import("./views/data/index.ts").then((m) => m.dataView),
};
const loadedViews = new Map<ViewName, ViewFactory>([["planner", plannerView]]);

async function start(): Promise<void> {
  const lang = initialLang();
  document.documentElement.lang = lang;
  const shell = createShell();
  // The server's first screen (the planner's first chart, `server/first-screen.ts`) stays until the
  // live view replaces it, box for box; on another view's route, or without it, "Laddar …" at once.
  if (document.querySelector(`[${FIRST_SCREEN_ATTRIBUTE}]`) === null || parseRoute(location.hash).view !== "planner") {
    shell.show();
    shell.main.replaceChildren(el("p", { class: "loading", role: "status", text: messages(lang).loading }));
  }

  // The package comes parsed and validated by the server: the browser needs no file parser.
  const [served, list] = await Promise.all([api.packageModel(), api.scenarios()]);

  // The package the working scenario is computed with: the one its saved version was computed
  // with (an uploaded one, chosen per scenario), else the server's current one.
  interface ActivePackage {
    pkg: DataPackage;
    versionId: string;
    defaults: ReturnType<typeof parameterDefaults>;
    live: LiveModel;
    /** The Monte Carlo range of the working scenario, computed in the background on this package. */
    uncertainty: UncertaintyWorker;
  }
  const loadedPackages = new Map<string, Promise<ActivePackage>>();
  const packageFor = (hash: string): Promise<ActivePackage> => {
    let loaded = loadedPackages.get(hash);
    if (loaded === undefined) {
      loaded = (hash === served.package.hash ? Promise.resolve(served) : api.packageModel(hash)).then((answer) => ({
        pkg: answer.model,
        versionId: answer.package.versionId,
        defaults: parameterDefaults(answer.model),
        live: new LiveModel(answer.model),
        uncertainty: new UncertaintyWorker(answer.model, new URL("./monte-carlo-worker.js", import.meta.url)),
      }));
      loadedPackages.set(hash, loaded);
      loaded.catch(() => loadedPackages.delete(hash));
    }
    return loaded;
  };
  const hashOf = (working: Working) => working.version?.packageHash ?? served.package.hash;

  // Start from the fragment's scenario (`#planering?s=<id>`), else Nacka's main scenario, else the first.
  const route = parseRoute(location.hash);
  const first = firstScenarioId(list.scenarios, route.params.s);
  const arriving = first ? loadWorking(first) : Promise.resolve(newWorking());
  // The served package's defaults and model are made while the version travels: most versions were computed with it.
  void packageFor(served.package.hash);
  const loaded = await arriving;
  let active = await packageFor(hashOf(loaded));
  // Unsaved work on this version of this package from before a reload comes back.
  const draft = readDraft(loaded, active.versionId);
  const working = draft ? { ...loaded, overlay: draft } : loaded;
  const store = createStore({ lang, route, scenarios: list.scenarios, working, token: storedToken(), restoredDraft: draft !== null });

  // Unsaved work is kept in the browser as it changes, and leaving the page with it asks first.
  const unsaved = () => store.state.working.version !== null && isDirty(store.state.working, active.defaults);
  const keep = debounce(() => keepDraft(store.state.working, active.versionId, isDirty(store.state.working, active.defaults)), 250);
  store.subscribe((state, before) => {
    if (state.working !== before.working) keep();
  });
  window.addEventListener("beforeunload", (event) => {
    keep.cancel();
    keepDraft(store.state.working, active.versionId, isDirty(store.state.working, active.defaults));
    if (unsaved()) event.preventDefault();
  });

  let current: View | null = null;
  let shown: ViewName | null = null;
  let started = false;

  const render = (keepFocus: boolean) => {
    const { lang, route } = store.state;
    const factory = loadedViews.get(route.view);
    if (factory === undefined) {
      // Drawn when its code has come, unless the route has moved on meanwhile.
      const wanted = route.view;
      VIEWS[wanted]()
        .then((loaded) => {
          loadedViews.set(wanted, loaded);
          if (store.state.route.view === wanted) render(keepFocus);
        })
        .catch((error: unknown) => {
          shell.show();
          shell.main.replaceChildren(el("p", { class: "error", role: "alert", text: messages(store.state.lang).loadFailed(errorText(error)) }));
        });
      return;
    }
    const changedView = route.view !== shown;
    shown = route.view;
    current?.destroy?.();
    const t = messages(lang);
    const { pkg, defaults, live, uncertainty } = active;
    drawShell(shell, { lang, t, view: route.view, municipality: pkg.municipality.name, packageVersionId: active.versionId });
    const context: ViewContext = {
      store,
      pkg,
      packageVersionId: active.versionId,
      defaults,
      live,
      uncertainty,
      lang,
      t,
      f: formats(lang, pkg.municipality.currency),
      params: route.params,
      setParams(params) {
        const next = { view: store.state.route.view, params };
        store.update({ route: next });
        if (location.hash !== fragmentOf(next)) history.replaceState(null, "", fragmentOf(next));
      },
      open(working) {
        current?.destroy?.();
        current = null;
        void packageFor(hashOf(working))
          .then((loaded) => {
            // The package left behind needs no Monte Carlo meanwhile: its worker stops (and starts again if it comes back).
            if (loaded !== active) active.uncertainty.terminate();
            active = loaded;
            store.update({ working });
            render(true);
          })
          .catch((error: unknown) => {
            shell.show();
            shell.main.replaceChildren(el("p", { class: "error", role: "alert", text: messages(store.state.lang).loadFailed(errorText(error)) }));
          });
      },
    };
    current = factory(context);
    // In the same task as the view's first chart (drawn in a microtask, `views/planner/index.ts`):
    // no frame is painted between the server's first screen and the live one.
    shell.show();
    shell.main.replaceChildren(current.element);
    if (changedView && !keepFocus && started) {
      // Tell assistive technology the page changed: move focus to the new view's heading.
      const heading = shell.main.querySelector("h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }
  };

  store.subscribe((state, before) => {
    if (state.token !== before.token) rememberToken(state.token);
    if (state.lang !== before.lang) {
      rememberLang(state.lang);
      render(true);
    }
  });
  shell.langButton.addEventListener("click", () => {
    store.update({ lang: store.state.lang === "sv" ? "en" : "sv" });
    shell.langButton.focus();
  });
  window.addEventListener("hashchange", () => {
    store.update({ route: parseRoute(location.hash) });
    render(false);
  });

  render(true);
  started = true;
}

start().catch((error: unknown) => {
  const main = document.getElementById("main") ?? document.body;
  main.replaceChildren(el("p", { class: "error", role: "alert", text: messages(initialLang()).loadFailed(errorText(error)) }));
});
