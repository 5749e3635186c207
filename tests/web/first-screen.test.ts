/**
 * The server's first screen in the browser (`server/first-screen.ts`, `web/main.ts`): the page
 * shows the planner's first chart before the app has started, and the app's live chart takes its
 * place in the same box, with no frame without a chart between them — same position and size in the first frame it is drawn, same title,
 * legend, caption and axis labels — at a desktop's width and a phone's. Watched from outside: a
 * probe, installed before the page's scripts, notes the chart's box in the first frame with the
 * server's chart and the first with the app's. The network is slowed (10 Mbit/s, 40 ms) so that the
 * server's chart is on screen for some frames before the app's.
 *
 * Also: the bundle's scripts go out without the headers that only documents read, the worker's
 * script and the page keep their Content-Security-Policy (`server/app.ts`).
 */
import { describe, expect, it } from "vitest";
import { browserTestPlan } from "../browser.ts";
import { FIRST_LOAD_NETWORK } from "../../bench/browser.ts";
import { axeViolations, settled } from "./app-page.ts";
import { browserSession } from "./browser-session.ts";

/** What the probe notes of the first-year chart's figure in a frame. */
interface Seen {
  top: number;
  left: number;
  width: number;
  height: number;
  svgWidth: number;
  svgHeight: number;
  title: string;
  subtitle: string;
  legend: string;
  caption: string;
  /** The y axis's labels (numbers with a thousands space), e.g. "1 000". */
  yLabels: string[];
  role: string | null;
  labelledBy: string;
  describedBy: string;
}

// Text, not a function: tsx compiles functions with a `__name` helper the page does not have.
const PROBE = `(() => {
  window.seen = {};
  const look = () => {
    for (const figure of document.querySelectorAll('figure[data-chart="fte-per-year"]')) {
      const kind = figure.closest("[data-first-screen]") ? "server" : "live";
      const svg = figure.querySelector(".plot svg");
      if (!svg || window.seen[kind]) continue;
      // the page is parsed as it streams in: the server's figure is read once all of it has arrived
      if (kind === "server" && document.readyState === "loading") continue;
      const box = figure.getBoundingClientRect();
      const drawn = svg.getBoundingClientRect();
      const text = (selector) => figure.querySelector(selector)?.textContent ?? "";
      const byId = (id) => document.getElementById(id)?.textContent ?? "";
      window.seen[kind] = {
        top: box.top + window.scrollY, left: box.left, width: box.width, height: box.height,
        svgWidth: drawn.width, svgHeight: drawn.height,
        title: text(".chart-title"), subtitle: text(".chart-subtitle"), legend: text(".legend"), caption: text("figcaption"),
        yLabels: [...svg.querySelectorAll("text")].map((t) => t.textContent).filter((t) => /^\\d{1,3}(\\u00a0\\d{3})+$/.test(t)),
        role: svg.getAttribute("role"),
        labelledBy: byId(svg.getAttribute("aria-labelledby")),
        describedBy: byId(svg.getAttribute("aria-describedby")),
      };
    }
    // a frame between the two without the chart ("Laddar …" in its place) would be a flash
    if (window.seen.server && !window.seen.live && !document.querySelector('figure[data-chart="fte-per-year"] .plot svg')) window.gap = true;
    if (!window.seen.live) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

const plan = browserTestPlan();

describe.runIf(plan.run || plan.fail)("the server's first screen in the browser", () => {
  if (!plan.run) {
    it("needs Chromium under CI", () => {
      throw new Error(plan.message);
    });
    return;
  }
  const session = browserSession(plan.path, "test-output/web");

  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`is replaced by the app's live chart in the same box, at ${viewport.width}×${viewport.height}`, async () => {
      const context = await session.browser.newContext({ viewport, serviceWorkers: "block" });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (error) => errors.push(error.message));
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", FIRST_LOAD_NETWORK);
        await page.addInitScript(PROBE);
        await page.goto(`${session.server.url}/#planering`, { waitUntil: "commit" });
        await page.waitForFunction(() => (window as unknown as { seen: { live?: unknown } }).seen.live !== undefined, null, { timeout: 60_000 });
        const { server, live } = await page.evaluate(() => (window as unknown as { seen: { server: Seen; live: Seen } }).seen);
        expect(server, "the server's chart was on screen before the app's").toBeDefined();
        expect(await page.evaluate(() => (window as unknown as { gap?: boolean }).gap), "a frame without the chart between them").toBeUndefined();
        // the same chart: its words, its numbers on the y axis, its text alternative
        expect(server.title).toBe("Årsarbetare per år");
        for (const key of ["title", "subtitle", "legend", "caption", "yLabels", "role", "labelledBy", "describedBy"] as const) expect(server[key], key).toEqual(live[key]);
        expect(server.yLabels.length).toBeGreaterThan(3);
        expect(server.role).toBe("img");
        expect(server.labelledBy).toBe(server.title);
        expect(server.describedBy).toBe(server.caption);
        // in the same box: nothing on the page moves when it is replaced
        for (const key of ["top", "left", "width", "height", "svgWidth", "svgHeight"] as const) expect(Math.abs(server[key] - live[key]), `${key}: ${server[key]} → ${live[key]}`).toBeLessThanOrEqual(1);
        // and then it is gone: the app's view is the only one
        await settled(page);
        expect(await page.locator("[data-first-screen]").count()).toBe(0);
        expect(await page.locator('figure[data-chart="fte-per-year"]').count()).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  for (const lang of ["sv", "en"] as const) {
    it(`is accessible on its own, before the app has started (axe-core, WCAG 2.1 A/AA), in ${lang === "sv" ? "Swedish" : "English"}`, async () => {
      const context = await session.browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: "block" });
      try {
        // the app's script never comes: the page stays as the server sent it
        await context.route("**/build/**", (route) => route.abort());
        await context.addCookies([{ name: "vaxa-lang", value: lang, url: session.server.url }]);
        const page = await context.newPage();
        await page.goto(`${session.server.url}/#planering`);
        expect(await page.locator("[data-first-screen] figure.chart .plot svg").count()).toBe(1);
        expect(await page.getAttribute("html", "lang")).toBe(lang);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 60_000);
  }

  it("sends the bundle's scripts without the headers only documents read; the page and the worker's script keep their policy", async () => {
    const headers = async (path: string) => (await fetch(`${session.server.url}${path}`)).headers;
    expect((await headers("/")).get("content-security-policy")).toMatch(/script-src 'self'/);
    expect((await headers("/build/monte-carlo-worker.js")).get("content-security-policy")).toMatch(/script-src 'self'/);
    const app = await headers("/build/app.js");
    for (const name of ["content-security-policy", "cross-origin-opener-policy", "origin-agent-cluster", "x-frame-options", "x-xss-protection", "x-dns-prefetch-control", "x-download-options"]) {
      expect(app.get(name), name).toBeNull();
    }
    for (const name of ["x-content-type-options", "cross-origin-resource-policy", "referrer-policy"]) expect(app.get(name), name).not.toBeNull();
  });
});
