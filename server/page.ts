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
 * and two things that let the browser show the planner's first chart as soon as the page is there:
 *
 * - the planner's first screen rendered on the server (`first-screen.ts`: the scenario bar, the key
 *   figures and the first chart), in place of "Laddar …"; the app replaces it with its live view;
 * - the stylesheet inside the page (`<style>`), which the browser would otherwise fetch beside the
 *   scripts before it paints anything (over 10 Mbit/s it arrived after about 200 ms more).
 *
 * Without a built bundle (no `meta.json`) the page goes out without hints. Its files are looked at
 * on each request and read again when one has changed (a rebuild, `npm run build:web -- --watch`,
 * renames the chunks and writes `meta.json` anew); the page is never cached by the browser and
 * travels compressed (br or gzip, compressed once per text: `precompressed.ts`).
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RequestHandler } from "express";
import { escapeXml } from "../io/svg.ts";
import { type FirstScreen, type FirstScreens, requestLang } from "./first-screen.ts";
import { Lru } from "./lru.ts";
import { compressAhead, compressedAnswer } from "./precompressed.ts";

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

/** The page's stylesheet link, replaced by the stylesheet itself. */
const STYLESHEET = '<link rel="stylesheet" href="/app.css">';

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** The page with the server's first screen in place of its body (keeping its `<noscript>`), in its language. */
function withFirstScreen(page: string, first: FirstScreen): string {
  const noscript = /<noscript>[\s\S]*?<\/noscript>/.exec(page)?.[0] ?? "";
  return page
    .replace(/<html lang="[^"]*">/, `<html lang="${first.lang}">`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeXml(first.title)}</title>`)
    .replace(/<body>[\s\S]*<\/body>/, () => `<body>\n${first.body}\n${noscript}\n</body>`);
}

/** The page with its hints, its stylesheet inside it, and the server's first screen if there is one. */
export function appPageHtml(publicDir: string, bundleDir: string, openReads: boolean, first: FirstScreen | null = null): string {
  let page = readFileSync(join(publicDir, "index.html"), "utf8");
  const hints = [
    ...preloadedChunks(bundleDir).map((url) => `<link rel="modulepreload" href="${url}">`),
    // crossorigin: fetch() asks in CORS mode, and a preload is used only by a request of the same mode
    ...(openReads ? FIRST_ANSWERS.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`) : []),
  ];
  if (hints.length > 0) page = page.replace(SCRIPT, `${SCRIPT}\n  ${hints.join("\n  ")}`);
  const css = readOrNull(join(publicDir, "app.css"));
  // (the accessibility statement, a page of its own, still links the file)
  if (css !== null) page = page.replace(STYLESHEET, () => `<style>\n${css}</style>`);
  return first === null ? page : withFirstScreen(page, first);
}

/**
 * The files the page is made of, each as it is on disk (inode, size, time of its last change; "-"
 * where it is missing): a build writes them anew, so another stamp means the page must be made again.
 */
function fileStamps(publicDir: string, bundleDir: string): string {
  return [join(publicDir, "index.html"), join(bundleDir, "meta.json"), join(publicDir, "app.css")]
    .map((file) => {
      const stat = statSync(file, { throwIfNoEntry: false });
      return stat === undefined ? "-" : `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    })
    .join(" ");
}

/**
 * The page ({@link appPageHtml}) with each first screen, made again only when one of its files has
 * changed (one `stat` each per call): the same text, not read and rebuilt on every request.
 */
export function cachedAppPage(publicDir: string, bundleDir: string, openReads: boolean): (first: FirstScreen | null) => string {
  // by first screen (one per language and scenario list: `FirstScreens` keeps eight), and none
  const pages = new Lru<FirstScreen | null, { stamps: string; html: string }>(9);
  return (first) => {
    const stamps = fileStamps(publicDir, bundleDir);
    let page = pages.get(first);
    if (page?.stamps !== stamps) {
      page = { stamps, html: appPageHtml(publicDir, bundleDir, openReads, first) };
      pages.set(first, page);
    }
    return page.html;
  };
}

/** Serves the page at `/` and `/index.html`, with the first screen `firstScreens` renders for the request's language (if any). */
export function appPage(publicDir: string, bundleDir: string, openReads: boolean, firstScreens?: FirstScreens): RequestHandler {
  const page = cachedAppPage(publicDir, bundleDir, openReads);
  // The Swedish page rendered and compressed before anyone asks (as the package's answer is): the
  // first request would otherwise wait for both, in a process whose code has not yet been optimised.
  if (firstScreens) {
    setImmediate(() => {
      let html: string;
      try {
        html = page(firstScreens.get("sv"));
      } catch {
        return; // (a test's app whose database is closed already; a real one renders on the first request)
      }
      void compressAhead(html);
    });
  }
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || (req.path !== "/" && req.path !== "/index.html")) return next();
    res.setHeader("Cache-Control", "no-cache");
    // The language comes from the cookie or the link: a cache between must keep them apart.
    res.vary("Cookie");
    const first = firstScreens?.get(requestLang(req)) ?? null;
    compressedAnswer(() => page(first), "html")(req, res).catch(next);
  };
}
