/**
 * The planner's first screen, rendered on the server into the page: the scenario bar, the key
 * figures and the first chart of the scenario the app starts from, so that a planner sees the
 * chart as soon as the page has arrived, before the app's scripts have come and run (over
 * 10 Mbit/s that is about a second later). The app then draws its live view in its place, box for
 * box (`web/main.ts`: the server's screen stays until the live one is drawn, in the same task).
 *
 * It is the app's own first frame: the web app's own code (`plannerFirstScreen`, the shell, the
 * key figures, the chart figure with Observable Plot) runs here on a linkedom document, with the
 * package and the saved version the app would load (`web/scenarios.ts` `firstScenarioId`, the
 * version's package), the model in the browser (`LiveModel`), and the texts and sv-SE/en number
 * formats of the language (dates in Stockholm's time zone, {@link FIRST_SCREEN_TIME_ZONE}). The
 * chart is drawn at the app's width before layout (720 px) and fitted to the width of its box at
 * the live chart's height (inline styles below), so the live chart replaces it without the page
 * moving.
 *
 * What the server cannot know: the route (a fragment, never sent: another view's route drops the
 * first screen as soon as the app starts), a draft kept in the browser (the app draws it in place
 * of the saved version), and the language, which the app keeps in a cookie for this
 * ({@link LANG_COOKIE}; `?lang=` first, as in the app). Rendered only where reads are open: with
 * tokens, nothing may be shown before the app has asked with one.
 *
 * Cached per language, package, and the list of scenarios with their newest versions (a new version,
 * an archived scenario or another package is another key).
 */
import { parseHTML } from "linkedom";
import type { Request } from "express";
import type { LoadedPackage, ScenarioInfo, Version } from "../contract/api.ts";
import { formats, isLang, type Lang } from "../contract/locale.ts";
import { messages } from "../web/i18n.ts";
import { LiveModel, parameterDefaults } from "../web/live-model.ts";
import { LANG_COOKIE } from "../web/preferences.ts";
import { firstScenarioId } from "../web/scenarios.ts";
import { createShell, drawShell, FIRST_SCREEN_ATTRIBUTE } from "../web/shell.ts";
import { createStore } from "../web/state.ts";
import type { DrawContext } from "../web/view.ts";
import { plannerFirstScreen } from "../web/views/planner/index.ts";
import { workingFrom } from "../web/working.ts";
import { Lru } from "./lru.ts";
import type { Services } from "./services.ts";

/**
 * The time zone of the first screen's dates (the status line's "version 1 (…) · 1 december 2026"),
 * whatever the server's own: its people are in Sweden (the interface is Swedish by default, the
 * package a Swedish municipality's), and the app writes the line again in the browser's zone, which
 * for them is this one, so the text does not change when the app takes over. A date without its time
 * would still depend on the zone around midnight.
 */
const FIRST_SCREEN_TIME_ZONE = "Europe/Stockholm";

/** The widest a planner chart is drawn (`web/dom.ts` `chartWidth`) and the narrowest, below which it is scaled down. */
const CHART_WIDTH = { min: 320, max: 960 };

/** The page's parts from the first screen: its language, title and body. */
export interface FirstScreen {
  lang: Lang;
  title: string;
  body: string;
}

/** The language of a page request: `?lang=`, else the app's cookie, else Swedish. */
export function requestLang(req: Request): Lang {
  if (isLang(req.query.lang)) return req.query.lang;
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === LANG_COOKIE && isLang(value)) return value;
  }
  return "sv";
}

/**
 * The first screen's chart fitted to its box: as wide as the box (at most the widest chart), as
 * high as the live chart will be (its height, scaled down only where the box is narrower than the
 * narrowest chart, as the live one is), the drawing scaled into it. `cqw` is the width of the plot's
 * box, made a size container for it.
 */
function fitChart(plotBox: Element): void {
  const svg = plotBox.querySelector("svg");
  const height = Number(svg?.getAttribute("height"));
  if (!svg || !(height > 0)) return;
  roundCoordinates(svg);
  plotBox.setAttribute("style", "container-type:inline-size");
  const style = svg.getAttribute("style") ?? "";
  svg.setAttribute(
    "style",
    `${style}${style === "" || style.endsWith(";") ? "" : ";"}width:100%;max-width:${CHART_WIDTH.max}px;height:min(${height}px,calc(100cqw * ${height / CHART_WIDTH.min}))`,
  );
}

/** The attributes of Plot's drawing that hold coordinates. */
const GEOMETRY = ["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "points", "width", "height"];

/**
 * The chart's coordinates to 1/100 of a pixel (Plot writes them to 16 digits, e.g.
 * `translate(60,328.4039870367549)`): the same drawing on screen, about a third fewer bytes in the page.
 */
function roundCoordinates(svg: Element): void {
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const name of GEOMETRY) {
      const value = element.getAttribute(name);
      if (value !== null && /\d\.\d{3}/.test(value)) element.setAttribute(name, value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100)));
    }
  }
}

/** Runs `draw` with linkedom's `window` and `document` as the globals the web app's code uses (synchronously: nothing else runs meanwhile). */
function withDocument<T>(draw: (document: Document) => T): T {
  const { window, document } = parseHTML("<!doctype html><html><head><title></title></head><body></body></html>");
  const globals = globalThis as { window?: unknown; document?: unknown };
  const before = { window: globals.window, document: globals.document };
  globals.window = window;
  globals.document = document;
  try {
    return draw(document as unknown as Document);
  } finally {
    if (before.window === undefined) delete globals.window;
    else globals.window = before.window;
    if (before.document === undefined) delete globals.document;
    else globals.document = before.document;
  }
}

/** The first screen of `version` of a scenario computed with `loaded`, in `lang`. */
export function renderFirstScreen(lang: Lang, loaded: LoadedPackage, scenarios: readonly ScenarioInfo[], version: Version): FirstScreen {
  // The version as the app receives it (JSON), so that the working scenario is built from the same values.
  const { assumptions, ...info } = JSON.parse(JSON.stringify(version)) as Version;
  return withDocument((document) => {
    const t = messages(lang);
    const pkg = loaded.pkg;
    const shell = createShell();
    shell.show();
    drawShell(shell, { lang, t, view: "planner", municipality: pkg.municipality.name, packageVersionId: loaded.versionId });
    const working = workingFrom(assumptions, info.scenarioId, info);
    // No Monte Carlo worker: the first screen runs none, its ranges come with the live view.
    const context: DrawContext = {
      store: createStore({ lang, route: { view: "planner", params: {} }, scenarios, working, token: "" }),
      pkg,
      packageVersionId: loaded.versionId,
      defaults: parameterDefaults(pkg),
      live: new LiveModel(pkg),
      lang,
      t,
      f: formats(lang, pkg.municipality.currency, FIRST_SCREEN_TIME_ZONE),
      params: {},
      setParams: () => undefined,
      open: () => undefined,
    };
    const screen = plannerFirstScreen(context);
    screen.setAttribute(FIRST_SCREEN_ATTRIBUTE, "");
    for (const plotBox of screen.querySelectorAll(".plot")) fitChart(plotBox);
    shell.main.replaceChildren(screen);
    return { lang, title: document.title, body: document.body.innerHTML };
  });
}

/** The first screens of a server, cached. */
export class FirstScreens {
  readonly #cache = new Lru<string, FirstScreen | null>(8);

  constructor(private readonly services: Pick<Services, "config" | "model" | "scenarios" | "logger">) {}

  /**
   * The first screen in `lang` of the scenario the app starts from, or null: reads need a token, no
   * scenario is saved, its package is not stored, or it does not compute (the app says why).
   */
  get(lang: Lang): FirstScreen | null {
    const { config, model, scenarios } = this.services;
    if (!config.openReads) return null;
    const list = scenarios.list();
    const id = firstScenarioId(list);
    const latest = list.find((s) => s.id === id)?.latest;
    if (latest === undefined) return null;
    const key = JSON.stringify([lang, model.current.hash, list]);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const loaded = latest.packageHash === model.current.hash ? model.current : model.package(latest.packageHash);
    const version = scenarios.version(latest.scenarioId, { kind: "latest" });
    let screen: FirstScreen | null = null;
    if (loaded !== undefined && version !== undefined) {
      try {
        screen = renderFirstScreen(lang, loaded, list, version);
      } catch (error) {
        this.services.logger.warn({ err: error, scenario: id }, "the first screen was not rendered; the page goes out without it");
      }
    }
    this.#cache.set(key, screen);
    return screen;
  }
}
