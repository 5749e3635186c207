/**
 * The web app's page, `server/public/index.html`, with hints that let the browser fetch in one
 * round trip what it would otherwise discover one after the other:
 *
 * - `modulepreload` of the chunks `app.js` imports (`web/dist/meta.json`'s `preload`, written by
 *   `web/build.ts`): fetched beside `app.js` instead of after it has been read;
 * - `preload` of the API answers every view starts from (the parsed package, the scenario list;
 *   `web/main.ts`), fetched while the script loads. Only where reads are open:
 *   with tokens, the app asks with its token and a hint would only fetch a refusal.
 *
 * Without a built bundle (no `meta.json`) the page goes out as it is. It is read on each request
 * (a rebuild, `npm run build:web -- --watch`, renames the chunks) and never cached by the browser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RequestHandler } from "express";

/** The API answers `web/main.ts` asks for before it draws any view. */
export const FIRST_ANSWERS = ["/api/package/model", "/api/scenarios"] as const;

/** Where the hints go: right after the app's script, which the browser should ask for first (it opens at most six connections to a server). */
const SCRIPT = '<script type="module" src="/build/app.js"></script>';

function preloadedChunks(bundleDir: string): string[] {
  try {
    const meta = JSON.parse(readFileSync(join(bundleDir, "meta.json"), "utf8")) as { preload?: unknown };
    return Array.isArray(meta.preload) ? meta.preload.filter((url): url is string => typeof url === "string" && url.startsWith("/build/")) : [];
  } catch {
    return [];
  }
}

/** The page with its hints. */
export function appPageHtml(publicDir: string, bundleDir: string, openReads: boolean): string {
  const page = readFileSync(join(publicDir, "index.html"), "utf8");
  const hints = [
    ...preloadedChunks(bundleDir).map((url) => `<link rel="modulepreload" href="${url}">`),
    // crossorigin: fetch() asks in CORS mode, and a preload is used only by a request of the same mode
    ...(openReads ? FIRST_ANSWERS.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`) : []),
  ];
  return hints.length === 0 ? page : page.replace(SCRIPT, `${SCRIPT}\n  ${hints.join("\n  ")}`);
}

/** Serves the page at `/` and `/index.html`. */
export function appPage(publicDir: string, bundleDir: string, openReads: boolean): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || (req.path !== "/" && req.path !== "/index.html")) return next();
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(appPageHtml(publicDir, bundleDir, openReads));
  };
}
