/**
 * Headless Chromium for browser tests, offline: finding the browser, launching it, and opening a
 * page with every request outside the local server blocked and every problem recorded.
 *
 * Chromium comes from the system (`apt-get install -y chromium` gives `/usr/bin/chromium`);
 * `npx playwright install` cannot download browsers on these machines. playwright-core drives it.
 *
 * Policy for a missing browser: on a developer machine the browser tests are skipped with a
 * message saying so and how to install Chromium; under CI (`CI` set to anything but "" / "false" /
 * "0") a missing browser fails the run, so CI never passes without having run them.
 *
 * @example
 * const found = findChromium();
 * const browser = await launchChromium(found.path!);
 * const page = await openOffline(browser, "http://127.0.0.1:5173/index.html");
 * expect(page.problems()).toEqual([]);
 */
import { accessSync, constants } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Flags for a headless, sandbox-free Chromium that talks to nobody on its own. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;

/** Where Chromium is looked for, after the `CHROMIUM_PATH` environment variable. */
export const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
] as const;

/** How to get a browser, in the words every skipped or failed browser test prints. */
export const INSTALL_HINT =
  "install Chromium with `apt-get update && apt-get install -y chromium` (gives /usr/bin/chromium), " +
  "or set CHROMIUM_PATH to a Chromium or Chrome executable";

/** Whether this run is CI, where a missing browser must fail instead of skipping. */
export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "false" && value !== "0";
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The result of {@link findChromium}: a path, or a message saying what is missing and how to fix it. */
export type ChromiumLookup = { path: string; message?: undefined } | { path: null; message: string };

/** Finds a Chromium executable: `CHROMIUM_PATH` if set (and executable), else the usual system paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const override = env.CHROMIUM_PATH?.trim();
  if (override) {
    return executable(override)
      ? { path: override }
      : { path: null, message: `CHROMIUM_PATH=${override} is not an executable file; ${INSTALL_HINT}` };
  }
  const path = CHROMIUM_CANDIDATES.find(executable);
  return path
    ? { path }
    : { path: null, message: `no Chromium found at ${CHROMIUM_CANDIDATES.join(", ")}; ${INSTALL_HINT}` };
}

/**
 * What a browser test suite should do about the browser: run with `path`, skip (developer machine
 * without Chromium; `message` says so and how to install it), or fail (CI without Chromium).
 */
export function browserTestPlan(
  env: NodeJS.ProcessEnv = process.env,
): { run: true; path: string } | { run: false; fail: boolean; message: string } {
  const found = findChromium(env);
  if (found.path !== null) return { run: true, path: found.path };
  return isCI(env)
    ? { run: false, fail: true, message: `browser tests cannot run under CI: ${found.message}` }
    : { run: false, fail: false, message: `BROWSER TESTS DID NOT RUN: ${found.message}` };
}

/** Launches headless Chromium with {@link CHROMIUM_ARGS}. Close it when done. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true });
}

/** A page opened by {@link openOffline}, with what went wrong while it loaded and ran. */
export interface OfflinePage {
  page: Page;
  /** Requests to anywhere but the allowed origin, blocked before they left the browser. */
  blocked: string[];
  /** Requests that failed (network errors, including the blocked ones) or answered 400 or more. */
  failed: string[];
  /** Console messages of type "error", and uncaught exceptions in the page. */
  errors: string[];
  /** Every problem above, as one list of lines (empty when the page was clean). */
  problems(): string[];
  close(): Promise<void>;
}

/**
 * Opens `url` in a fresh browser context in which every request whose origin is not `url`'s
 * (or `allowedOrigin`) is aborted and recorded, and console errors, page errors and failed
 * requests are collected. Waits for the `load` event; wait for your own content after that.
 */
export async function openOffline(browser: Browser, url: string, allowedOrigin = new URL(url).origin): Promise<OfflinePage> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const blocked: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const requestUrl = route.request().url();
    let origin: string | null = null;
    try {
      origin = new URL(requestUrl).origin;
    } catch {
      origin = null;
    }
    if (origin === allowedOrigin || requestUrl.startsWith("data:") || requestUrl.startsWith("blob:")) {
      return route.continue();
    }
    blocked.push(requestUrl);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => failed.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(url, { waitUntil: "load" });
  return {
    page,
    blocked,
    failed,
    errors,
    problems: () => [
      ...blocked.map((u) => `blocked request outside ${allowedOrigin}: ${u}`),
      ...failed.map((f) => `failed request: ${f}`),
      ...errors,
    ],
    close: () => context.close(),
  };
}
