/**
 * Browser benchmark: how fast the planner's first chart arrives and its charts follow a slider.
 *
 * First load: a fresh browser context (empty cache) opens the planner over Chromium's emulated
 * network of 10 Mbit/s with a 40 ms round trip; reported are the times from the navigation's start
 * to the first chart on screen (the server's, in the page: target ≤ 500 ms) and to the app's live
 * chart, and the bytes transferred until the live chart is drawn (target ≤ 200 kB) and until the
 * network is quiet after it ({@link firstLoad}).
 *
 * The real server (`server/main.ts`, a fresh data directory, a free port of 127.0.0.1) serves the
 * freshly built web bundle to headless Chromium (Debian's, driven by playwright-core). In the
 * planner view, the growth multiplier's slider is moved 50 times with the keyboard (real, trusted
 * input events: 25 steps up, 25 down), one move per frame at most, waiting for each redraw. For each
 * move a probe installed from outside (`bench/redraw-probe.ts`; the app has no instrumentation)
 * records the time from the input event (`event.timeStamp`) to the finished redraw: the model run
 * in the browser (`evaluate` on the compiled plan), both charts and the key figures redrawn with
 * Observable Plot, and the page laid out. Reported: median, p95 and max over the 50 moves, against
 * the target p95 < 50 ms. The same for a lever's efficiency slider.
 *
 * `benchBrowser()` returns the figures (bench/run.ts calls it); `npx tsx bench/browser.ts` prints
 * them. Without Chromium it returns `{ skipped: true, reason }`.
 */
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { findChromium, launchChromium, openOffline } from "../tests/browser.ts";
import { startServer } from "../tests/web/real-server.ts";
import { buildWeb, type WebBuildReport } from "../web/build.ts";
import { installRedrawProbe } from "./redraw-probe.ts";

/** Moves per slider. */
export const MOVES = 50;
/** Target: p95 of input → finished redraw, milliseconds. */
export const TARGET_P95_MS = 50;

/** The network of the first-load measurement: 10 Mbit/s both ways, 40 ms round trip. */
export const FIRST_LOAD_NETWORK = { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };
/** Targets of the first load: bytes transferred (compressed) and time to the first chart. */
export const TARGET_FIRST_LOAD_BYTES = 200_000;
export const TARGET_FIRST_CHART_MS = 500;

/**
 * The probe of {@link firstLoad}, installed before the page's own scripts: each animation frame it
 * looks for a chart; it records the first frame with any chart (and whether that one was the
 * server's) and the first with the app's own. Text, not a function: the benchmark runs through tsx,
 * whose compiled functions call a `__name` helper the page does not have (it threw there, and the
 * probe never ran).
 */
const FRAME_PROBE = `(() => {
  const look = () => {
    const charts = [...document.querySelectorAll("figure.chart .plot svg")];
    if (charts.length > 0 && window.firstChartMs === undefined) {
      window.firstChartMs = performance.now();
      window.serverRendered = charts.some((svg) => svg.closest("[data-first-screen]") !== null);
    }
    if (charts.some((svg) => svg.closest("[data-first-screen]") === null)) window.liveChartMs = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

/** How long the network must be quiet, after the live chart, for the load to count as finished. */
const QUIET_MS = 500;

/**
 * Opens the planner in a fresh context (empty cache) over an emulated network (Chromium's
 * `Network.emulateNetworkConditions`, {@link FIRST_LOAD_NETWORK}) and returns, from the
 * navigation's start:
 *
 * - `firstChartMs`: the first frame with a chart in it — the server's (rendered into the page,
 *   `server/first-screen.ts`) or, without it, the app's. A probe installed from outside checks each
 *   animation frame (which runs only once the page may paint, e.g. after its stylesheet);
 * - `liveChartMs`: the first frame with the app's own chart (not inside the server's screen);
 * - the bytes that crossed the network (encoded, that is compressed where the server compressed):
 *   `transferredBytes`, everything asked for until the live chart was drawn, each to its end (the
 *   first load, against the target), and `bytesUntilQuiet`, everything until the network has been
 *   quiet for {@link QUIET_MS} after the live chart — with what the app asks for once its chart is
 *   on screen (the Monte Carlo worker's script, the captions' words), listed as `afterLiveChart`;
 *   the worker's script is listed as `unmeasured` (its answer goes to the worker, not the page).
 */
export async function firstLoad(browser: Awaited<ReturnType<typeof launchChromium>>, url: string) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", FIRST_LOAD_NETWORK);
    const encodings: Record<string, string> = {};
    // The waterfall: each request's path, start and end (ms from the navigation's start) and bytes.
    const requests = new Map<string, { path: string; startMs: number; endMs?: number; bytes?: number; failed?: boolean }>();
    let navigationStart: number | null = null;
    let lastActivity = Date.now();
    const sinceStart = (timestamp: number) => round((timestamp - (navigationStart ?? timestamp)) * 1000);
    cdp.on("Network.requestWillBeSent", (e) => {
      navigationStart ??= e.timestamp;
      lastActivity = Date.now();
      // a redirect reuses the request id: the waterfall keeps the first
      if (!requests.has(e.requestId)) requests.set(e.requestId, { path: new URL(e.request.url).pathname, startMs: sinceStart(e.timestamp) });
    });
    cdp.on("Network.responseReceived", (e) => {
      const encoding = e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"];
      if (encoding) encodings[new URL(e.response.url).pathname] = encoding;
    });
    cdp.on("Network.loadingFinished", (e) => {
      lastActivity = Date.now();
      const request = requests.get(e.requestId);
      if (request) Object.assign(request, { endMs: sinceStart(e.timestamp), bytes: e.encodedDataLength });
    });
    cdp.on("Network.loadingFailed", (e) => {
      lastActivity = Date.now();
      const request = requests.get(e.requestId);
      if (request) Object.assign(request, { endMs: sinceStart(e.timestamp), failed: true });
    });
    // performance.now() counts from the navigation's start. A frame's callback runs just before the
    // frame is painted, and not before the page may paint at all.
    await page.addInitScript(FRAME_PROBE);
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { liveChartMs?: number }).liveChartMs !== undefined, null, { timeout: 60_000, polling: 50 });
    const { firstChartMs, liveChartMs, serverRendered, contentfulPaintMs } = await page.evaluate(() => {
      const w = window as unknown as { firstChartMs: number; liveChartMs: number; serverRendered: boolean };
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      return { firstChartMs: w.firstChartMs, liveChartMs: w.liveChartMs, serverRendered: w.serverRendered, contentfulPaintMs: paint };
    });
    // Until the page's network has been quiet for QUIET_MS. (The worker's script is asked for by the
    // page, but its answer arrives at the worker: the page never hears that it ended, and its bytes
    // are not counted: `unmeasured`.)
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && Date.now() - lastActivity < QUIET_MS) await new Promise((r) => setTimeout(r, 50));
    const all = [...requests.values()];
    const sum = (list: typeof all) => list.reduce((total, r) => total + (r.bytes ?? 0), 0);
    const before = all.filter((r) => r.startMs <= liveChartMs);
    const transferredBytes = sum(before);
    return {
      network: "10 Mbit/s, 40 ms round trip (Chromium network emulation), empty cache",
      firstChartMs: round(firstChartMs),
      firstChartServerRendered: serverRendered,
      // When the first frame with anything in it was presented on screen (Chromium's paint timing,
      // later than the frame's callback by the frame's layout, paint and compositing): with the
      // server's chart in the page from the start, the chart's own time on screen.
      firstContentfulPaintMs: contentfulPaintMs === null ? null : round(contentfulPaintMs),
      liveChartMs: round(liveChartMs),
      transferredBytes,
      bytesUntilQuiet: sum(all),
      afterLiveChart: all.filter((r) => r.startMs > liveChartMs).map((r) => r.path),
      unmeasured: all.filter((r) => r.endMs === undefined).map((r) => r.path),
      encodings,
      requests: all,
      targetFirstChartMs: TARGET_FIRST_CHART_MS,
      targetBytes: TARGET_FIRST_LOAD_BYTES,
      firstChartMet: firstChartMs <= TARGET_FIRST_CHART_MS,
      bytesMet: transferredBytes <= TARGET_FIRST_LOAD_BYTES,
    };
  } finally {
    await context.close();
  }
}

/** R-7 quantile of a sample (linear interpolation, the default of R and NumPy). */
export function quantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Moves one slider `moves` times with the keyboard and returns the probe's times per move: input
 * event → finished redraw (`total`), and the redraw alone (`render`).
 */
async function moveSlider(page: Page, path: string, moves = MOVES): Promise<{ total: number[]; render: number[] }> {
  const slider = page.locator(`input[type="range"][data-path="${path}"]`);
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  const before = await page.evaluate(() => window.redrawProbe!.total.length);
  // Half the moves one way and back, starting in the direction with room for them.
  const room = await slider.evaluate((e: HTMLInputElement) => (Number(e.max) - Number(e.value)) / Number(e.step));
  const [there, back] = room >= moves / 2 ? ["ArrowRight", "ArrowLeft"] : ["ArrowLeft", "ArrowRight"];
  for (let i = 0; i < moves; i++) {
    const count = await page.evaluate(() => window.redrawProbe!.total.length);
    await slider.press(i < moves / 2 ? there : back);
    await page.waitForFunction((n) => window.redrawProbe!.total.length > n, count, { timeout: 10_000 });
    // Let the frame finish before the next move, as a person's hand would.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return page.evaluate((n) => ({ total: window.redrawProbe!.total.slice(n), render: window.redrawProbe!.render.slice(n) }), before);
}

function summary({ total, render }: { total: number[]; render: number[] }) {
  return {
    moves: total.length,
    medianMs: round(quantile(total, 0.5)),
    p95Ms: round(quantile(total, 0.95)),
    maxMs: round(Math.max(...total)),
    targetP95Ms: TARGET_P95_MS,
    met: quantile(total, 0.95) < TARGET_P95_MS,
    /** The redraw alone, without waiting for the animation frame it is scheduled in. */
    renderMedianMs: round(quantile(render, 0.5)),
    renderP95Ms: round(quantile(render, 0.95)),
  };
}

/** The scripts of the first load (`app.js` and the chunks the page preloads): their bytes, and as brotli sends them. */
function firstLoadScripts(build: WebBuildReport) {
  const files = [join(build.outDir, "app.js"), ...build.preload.map((url) => join(build.outDir, url.replace(/^\/build\//, "")))];
  return {
    firstLoadScripts: files.length,
    firstLoadScriptBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    firstLoadScriptBrotliBytes: files.reduce((sum, file) => sum + statSync(`${file}.br`).size, 0),
  };
}

/**
 * Runs the benchmark.
 *
 * @returns the figures per slider, the bundle's build time and size, and the browser's version.
 */
export async function benchBrowser(): Promise<Record<string, unknown>> {
  const found = findChromium();
  if (found.path === null) return { skipped: true, reason: found.message };
  const build = await buildWeb();
  const server = await startServer();
  const browser = await launchChromium(found.path);
  try {
    const first = await firstLoad(browser, `${server.url}/#planering`);
    const opened = await openOffline(browser, `${server.url}/#planering`);
    const { page } = opened;
    await page.setViewportSize({ width: 1360, height: 900 });
    // The planner has drawn both charts.
    await page.waitForFunction(() => document.querySelectorAll("figure.chart .plot svg").length >= 2, null, { timeout: 30_000 });
    await page.evaluate(installRedrawProbe);
    // Warm up (the first Plot renders compile code paths), then measure.
    await moveSlider(page, "levers.intensity", 10);
    const growth = await moveSlider(page, "growthMultiplier");
    const efficiency = await moveSlider(page, "levers.automated_case_handling.efficiency");
    const problems = opened.problems();
    await opened.close();
    return {
      what: "planner view: time from a slider's input event to the finished redraw (model run in the browser, two Plot charts, key figures, layout), headless Chromium",
      browser: browser.version(),
      firstLoad: first,
      growthMultiplier: summary(growth),
      leverEfficiency: summary(efficiency),
      bundle: { buildMs: build.ms, ...firstLoadScripts(build) },
      ...(problems.length > 0 ? { problems } : {}),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchBrowser()
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
