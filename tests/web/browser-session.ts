/**
 * The real server and headless Chromium that one `describe` block's browser tests share: started
 * before its tests (the web bundle built, the screenshot folder made) and stopped after them with
 * every page they opened. Call it inside the `describe`.
 */
import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { buildWeb } from "../../web/build.ts";
import { launchChromium, type OfflinePage, openOffline } from "../browser.ts";
import { type RunningServer, startServer } from "./real-server.ts";

export interface BrowserSession {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** Opens the server's `path` (e.g. `/#planering`) in a new offline page, closed after the tests. */
  open(path: string): Promise<OfflinePage>;
}

export function browserSession(executable: string, screenshots: string): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const pages: OfflinePage[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    await buildWeb();
    server = await startServer();
    browser = await launchChromium(executable);
  }, 120_000);

  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  }, 30_000);

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser session starts in beforeAll: use it inside a test");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    async open(path) {
      const p = await openOffline(started(browser), `${started(server).url}${path}`);
      pages.push(p);
      return p;
    },
  };
}
