/**
 * Browser benchmark: how fast the planner's first chart arrives and its charts follow a slider.
 *
 * First load: a fresh browser context (empty cache) opens the planner over Chromium's emulated
 * network of 10 Mbit/s with a 40 ms round trip; reported are the time from the navigation's start
 * to the first chart on screen (target ≤ 500 ms) and the bytes transferred (target ≤ 200 kB).
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
 * Opens the planner in a fresh context (empty cache) over an emulated network (Chromium's
 * `Network.emulateNetworkConditions`, {@link FIRST_LOAD_NETWORK}) and returns the time from the
 * navigation's start to the first chart drawn, and the bytes that crossed the network (encoded,
 * that is compressed where the server compressed).
 */
export async function firstLoad(browser: Awaited<ReturnType<typeof launchChromium>>, url: string) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", FIRST_LOAD_NETWORK);
    let bytes = 0;
    const encodings: Record<string, string> = {};
    // The waterfall: each request's path, start and end (ms from the navigation's start) and bytes.
    const requests = new Map<string, { path: string; startMs: number; endMs?: number; bytes?: number }>();
    let navigationStart: number | null = null;
    const sinceStart = (timestamp: number) => round((timestamp - (navigationStart ?? timestamp)) * 1000);
    cdp.on("Network.requestWillBeSent", (e) => {
      navigationStart ??= e.timestamp;
      requests.set(e.requestId, { path: new URL(e.request.url).pathname, startMs: sinceStart(e.timestamp) });
    });
    cdp.on("Network.responseReceived", (e) => {
      const encoding = e.response.headers["content-encoding"] ?? e.response.headers["Content-Encoding"];
      if (encoding) encodings[new URL(e.response.url).pathname] = encoding;
    });
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
      const request = requests.get(e.requestId);
      if (request) Object.assign(request, { endMs: sinceStart(e.timestamp), bytes: e.encodedDataLength });
    });
    // performance.now() counts from the navigation's start; recorded when the first chart enters the page
    await page.addInitScript(() => {
      const w = window as unknown as { firstChartMs?: number };
      const observer = new MutationObserver(() => {
        if (document.querySelector("figure.chart .plot svg")) {
          w.firstChartMs = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => (window as unknown as { firstChartMs?: number }).firstChartMs !== undefined, null, { timeout: 60_000 });
    const firstChartMs = await page.evaluate(() => (window as unknown as { firstChartMs: number }).firstChartMs);
    return {
      network: "10 Mbit/s, 40 ms round trip (Chromium network emulation), empty cache",
      firstChartMs: round(firstChartMs),
      transferredBytes: bytes,
      encodings,
      requests: [...requests.values()],
      targetFirstChartMs: TARGET_FIRST_CHART_MS,
      targetBytes: TARGET_FIRST_LOAD_BYTES,
      firstChartMet: firstChartMs <= TARGET_FIRST_CHART_MS,
      bytesMet: bytes <= TARGET_FIRST_LOAD_BYTES,
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
