/**
 * The Vaxa web app: three views on one page — planning (sliders, the model running in the
 * browser), finance (the investment hump) and council (saved versions compared, printable) —
 * in Swedish by default, English selectable. Plain DOM and Observable Plot; everything is
 * bundled from node_modules by `web/build.ts` and served by the Vaxa server itself.
 *
 * Routes are hash fragments: `#planering`, `#ekonomi`, `#beslutsunderlag` (`#planner`, `#finance`,
 * `#council` and `#politiken` also work); the council view keeps its chosen versions in the fragment
 * (`#beslutsunderlag?v=vaxa-utan-att-vaxa@3f2a9c1d0b4e,baseline@latest`) so that a link opens them.
 */
import { defaultScenario } from "../model/scenario.ts";
import { parseDataPackage } from "../model/parse-package.ts";
import { formatPackageError } from "../model/package-error.ts";
import { api } from "./api.ts";
import { el } from "./controls.ts";
import { formats, isLang, type Formats, type Lang } from "../contract/locale.ts";
import { type Messages, messages } from "./i18n.ts";
import { LiveModel, parameterDefaults } from "./live-model.ts";
import { type AppState, workingFrom } from "./state.ts";
import { councilView } from "./views/council.ts";
import { financeView } from "./views/finance.ts";
import { plannerView } from "./views/planner.ts";

/** A view on the page. */
export interface View {
  element: HTMLElement;
  /** Called when the view is left (cancel requests, timers). */
  destroy?(): void;
}

export type ViewName = "planner" | "finance" | "council";

/** What every view gets: the state, the live model, the texts, and ways to change app-wide things. */
export interface App {
  state: AppState;
  live: LiveModel;
  t: Messages;
  f: Formats;
  /** Parameters of the current route (after `?` in the fragment). */
  params: URLSearchParams;
  /** Loads a saved scenario's version into the working scenario. */
  loadScenario(id: string, version?: string): Promise<void>;
  /** Fetches the list of saved scenarios again. */
  refreshScenarios(): Promise<void>;
  /** Goes to a view (changes the fragment). */
  navigate(view: ViewName, params?: Record<string, string>): void;
  /** Replaces the fragment's parameters without re-rendering. */
  setParams(params: Record<string, string>): void;
  /** Re-renders the current view. */
  rerender(): void;
}

/** Hooks for the browser tests and the benchmark (`window.__vaxa`). */
export interface TestHooks {
  ready: boolean;
  view: ViewName | null;
  /** Increments after every finished redraw of a view's charts. */
  redraws: number;
  /** Milliseconds from a slider's input event to the finished redraw, one per redraw. */
  redrawMs: number[];
  /** Milliseconds of the redraw itself (model run, charts, key figures, layout), one per redraw after an input. */
  renderMs: number[];
  /** Set by a view while it waits for the server; 0 when idle. */
  pending: number;
  error: string | null;
}

declare global {
  interface Window {
    __vaxa: TestHooks;
  }
}

const hooks: TestHooks = { ready: false, view: null, redraws: 0, redrawMs: [], renderMs: [], pending: 0, error: null };
window.__vaxa = hooks;

const ROUTES: Record<string, ViewName> = {
  planering: "planner",
  planner: "planner",
  ekonomi: "finance",
  finance: "finance",
  beslutsunderlag: "council",
  politiken: "council",
  council: "council",
};
/** The scenario the planner starts from when the link names none (if the package has it). */
const DEFAULT_SCENARIO = "vaxa-utan-att-vaxa";
const FRAGMENT: Record<ViewName, string> = { planner: "planering", finance: "ekonomi", council: "beslutsunderlag" };
const FACTORIES: Record<ViewName, (app: App) => View> = { planner: plannerView, finance: financeView, council: councilView };

/** The view and parameters of a fragment such as `#beslutsunderlag?v=a@1`. */
export function parseRoute(hash: string): { view: ViewName; params: URLSearchParams } {
  const text = hash.replace(/^#/, "");
  const [name = "", query = ""] = text.split("?", 2);
  return { view: ROUTES[name] ?? "planner", params: new URLSearchParams(query) };
}

function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (isLang(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem("vaxa.lang");
    if (isLang(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode); Swedish it is.
  }
  return "sv";
}

function storedToken(): string {
  try {
    return sessionStorage.getItem("vaxa.token") ?? "";
  } catch {
    return "";
  }
}

/** The app shell: skip link, header with the navigation and the language switch, main, footer. */
function shell(): { header: HTMLElement; nav: HTMLElement; langButton: HTMLButtonElement; main: HTMLElement; footer: HTMLElement; skip: HTMLAnchorElement; brand: HTMLElement } {
  const skip = el("a", { class: "skip-link", href: "#main" });
  const brand = el("p", { class: "brand" });
  const nav = el("nav");
  const langButton = el("button", { type: "button", class: "lang-switch", id: "lang-switch" });
  const header = el("header", { class: "site-header" }, el("div", { class: "header-inner" }, brand, nav, langButton));
  const main = el("main", { id: "main", tabindex: -1 });
  const footer = el("footer", { class: "site-footer" });
  skip.addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
  document.body.replaceChildren(skip, header, main, footer);
  return { header, nav, langButton, main, footer, skip, brand };
}

async function start(): Promise<void> {
  let lang = initialLang();
  document.documentElement.lang = lang;
  const ui = shell();
  ui.main.replaceChildren(el("p", { class: "loading", role: "status", text: messages(lang).loading }));

  const [summary, files, list] = await Promise.all([api.package(), api.packageFiles(), api.scenarios()]);
  const parsed = parseDataPackage(files.files);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatPackageError).join("\n"));
  const pkg = parsed.package;
  const defaults = parameterDefaults(pkg);
  const live = new LiveModel(pkg);

  // Start from the fragment's scenario (`#planering?s=<id>`), else Nacka's main scenario, else the first.
  const wanted = parseRoute(location.hash).params.get("s");
  const first = [wanted, DEFAULT_SCENARIO].find((id) => id && list.scenarios.some((s) => s.id === id)) ?? list.scenarios[0]?.id;
  let working;
  if (first) {
    const version = await api.version(first, "latest");
    const { assumptions, ...info } = version;
    working = workingFrom(assumptions, first, info);
  } else {
    const { id: _new, ...empty } = defaultScenario("new", { sv: "Nytt scenario", en: "New scenario" });
    working = workingFrom(empty, null, null);
    working.savedAssumptions = null;
  }

  const state: AppState = {
    lang,
    summary,
    pkg,
    packageHash: files.package.hash,
    packageVersionId: files.package.versionId,
    defaults,
    scenarios: list.scenarios,
    working,
    token: storedToken(),
  };

  let current: View | null = null;
  let currentName: ViewName | null = null;
  let suppressHashChange = false;

  const app: App = {
    state,
    live,
    t: messages(lang),
    f: formats(lang, pkg.municipality.currency),
    params: new URLSearchParams(),
    async loadScenario(id, version = "latest") {
      const v = await api.version(id, version);
      const { assumptions, ...info } = v;
      state.working = workingFrom(assumptions, id, info);
    },
    async refreshScenarios() {
      state.scenarios = (await api.scenarios()).scenarios;
    },
    navigate(view, params) {
      const query = params ? `?${new URLSearchParams(params).toString()}` : "";
      location.hash = `#${FRAGMENT[view]}${query}`;
    },
    setParams(params) {
      const query = new URLSearchParams(params).toString();
      const hash = `#${FRAGMENT[currentName ?? "planner"]}${query ? `?${query}` : ""}`;
      if (location.hash === hash) return;
      suppressHashChange = true;
      history.replaceState(null, "", hash);
      app.params = new URLSearchParams(params);
      suppressHashChange = false;
    },
    rerender() {
      render(true);
    },
  };

  const renderChrome = () => {
    const t = messages(lang);
    document.documentElement.lang = lang;
    document.title = `${t.appName} — ${currentName ? t.viewTitles[currentName] : t.tagline}`;
    ui.skip.textContent = t.skip;
    ui.brand.replaceChildren(
      el("a", { href: "#planering", class: "brand-link" }, el("span", { class: "brand-name", text: t.appName })),
      el("span", { class: "brand-tagline", text: ` ${t.tagline} · ${pkg.municipality.name}` }),
    );
    ui.nav.setAttribute("aria-label", t.navLabel);
    ui.nav.replaceChildren(
      el(
        "ul",
        {},
        ...(Object.keys(FRAGMENT) as ViewName[]).map((name) =>
          el(
            "li",
            {},
            el("a", {
              href: `#${FRAGMENT[name]}`,
              "aria-current": name === currentName ? "page" : undefined,
              "data-view": name,
              text: t.views[name],
            }),
          ),
        ),
      ),
    );
    ui.langButton.textContent = t.langSwitch;
    ui.langButton.setAttribute("lang", lang === "sv" ? "en" : "sv");
    ui.langButton.setAttribute("title", t.langSwitchLabel);
    ui.footer.replaceChildren(
      el("p", { text: t.footer(pkg.municipality.name, state.packageVersionId) }),
      el("p", {}, el("a", { href: "/api/openapi.json", text: t.openApi })),
    );
  };

  const render = (keepFocus = false) => {
    const route = parseRoute(location.hash);
    current?.destroy?.();
    const changedView = route.view !== currentName;
    currentName = route.view;
    app.params = route.params;
    app.t = messages(lang);
    app.f = formats(lang, pkg.municipality.currency);
    state.lang = lang;
    renderChrome();
    hooks.view = route.view;
    current = FACTORIES[route.view](app);
    ui.main.replaceChildren(current.element);
    if (changedView && !keepFocus && hooks.ready) {
      // Tell assistive technology the page changed: move focus to the new view's heading.
      const heading = ui.main.querySelector("h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    }
  };

  ui.langButton.addEventListener("click", () => {
    lang = lang === "sv" ? "en" : "sv";
    try {
      localStorage.setItem("vaxa.lang", lang);
    } catch {
      // Not remembered; still switched.
    }
    render(true);
    ui.langButton.focus();
  });
  window.addEventListener("hashchange", () => {
    if (!suppressHashChange) render();
  });

  render(true);
  hooks.ready = true;
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  hooks.error = message;
  const main = document.getElementById("main") ?? document.body;
  main.replaceChildren(el("p", { class: "error", role: "alert", text: messages(initialLang()).loadFailed(message) }));
});
