/** server/page.ts: the app's page with preload hints for the bundle's chunks and the first API answers. */
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { appPage, appPageHtml, cachedAppPage, FIRST_ANSWERS } from "../../server/page.ts";

const PAGE = '<head>\n  <link rel="stylesheet" href="/app.css">\n  <script type="module" src="/build/app.js"></script>\n</head>\n';

function site(meta?: unknown) {
  const publicDir = mkdtempSync(join(tmpdir(), "vaxa-page-public-"));
  const bundleDir = mkdtempSync(join(tmpdir(), "vaxa-page-bundle-"));
  writeFileSync(join(publicDir, "index.html"), PAGE);
  if (meta !== undefined) writeFileSync(join(bundleDir, "meta.json"), JSON.stringify(meta));
  return { publicDir, bundleDir };
}

const hints = (html: string) => [...html.matchAll(/<link rel="(modulepreload|preload)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe("the app's page", () => {
  it("names the bundle's chunks and, with open reads, the first API answers, after the script (asked for first)", () => {
    const { publicDir, bundleDir } = site({ preload: ["/build/chunks/a-1.js", "/build/chunks/b-2.js"] });
    const html = appPageHtml(publicDir, bundleDir, true);
    expect(hints(html)).toEqual(["modulepreload /build/chunks/a-1.js", "modulepreload /build/chunks/b-2.js", ...FIRST_ANSWERS.map((url) => `preload ${url}`)]);
    expect(html.indexOf("/build/chunks/a-1.js")).toBeGreaterThan(html.indexOf('<script type="module"'));
    // the API hints are fetches in CORS mode, as the app's fetch() makes them, or the browser would fetch twice
    expect(html).toContain('<link rel="preload" href="/api/package/model" as="fetch" crossorigin>');
    // without the hints the page is the file itself
    expect(html.replace(/\n\s*<link rel="(?:module)?preload"[^>]*>/g, "")).toBe(PAGE);
  });

  it("names no API answer when reads need a token (a hint would fetch a refusal)", () => {
    const { publicDir, bundleDir } = site({ preload: ["/build/chunks/a-1.js"] });
    expect(hints(appPageHtml(publicDir, bundleDir, false))).toEqual(["modulepreload /build/chunks/a-1.js"]);
  });

  it("is the file itself without a built bundle and reads, and names only the bundle's own files", () => {
    expect(appPageHtml(site().publicDir, site().bundleDir, false)).toBe(PAGE);
    const { publicDir, bundleDir } = site({ preload: ["https://elsewhere.example/x.js", 3, "/build/chunks/ok.js"] });
    expect(hints(appPageHtml(publicDir, bundleDir, false))).toEqual(["modulepreload /build/chunks/ok.js"]);
  });

  it("carries its stylesheet inside it, and the server's first screen in its language in place of the body, keeping <noscript>", () => {
    const { publicDir, bundleDir } = site();
    writeFileSync(join(publicDir, "app.css"), "main { color: red; }\n");
    const file = '<!doctype html>\n<html lang="sv">\n<head>\n  <title>Vaxa</title>\n  <link rel="stylesheet" href="/app.css">\n</head>\n<body>\n  <p>Laddar</p>\n  <noscript><p>JS</p></noscript>\n</body>\n</html>\n';
    writeFileSync(join(publicDir, "index.html"), file);
    const html = appPageHtml(publicDir, bundleDir, false, { lang: "en", title: "Vaxa — Planning & <levers>", body: "<main>first</main>" });
    expect(html).toBe(
      '<!doctype html>\n<html lang="en">\n<head>\n  <title>Vaxa — Planning &amp; &lt;levers&gt;</title>\n  <style>\nmain { color: red; }\n</style>\n</head>\n<body>\n<main>first</main>\n<noscript><p>JS</p></noscript>\n</body>\n</html>\n',
    );
    // without a first screen, the file's body stays
    expect(appPageHtml(publicDir, bundleDir, false)).toContain("<p>Laddar</p>");
  });
});

describe("the page as served", () => {
  /** Writes `file` anew with `text`, its modification time `seconds` after the epoch (as a later build would). */
  const rewrite = (file: string, text: string, seconds: number) => {
    writeFileSync(file, text);
    utimesSync(file, seconds, seconds);
  };

  it("names a rebuilt bundle's chunks and carries a changed stylesheet as soon as they are written", async () => {
    const { publicDir, bundleDir } = site({ preload: ["/build/chunks/a-1.js"] });
    const app = express().use(appPage(publicDir, bundleDir, false));
    expect(hints((await request(app).get("/").expect(200)).text)).toEqual(["modulepreload /build/chunks/a-1.js"]);
    // a rebuild: chunks of the same name length, meta.json written again later (same size, same file)
    rewrite(join(bundleDir, "meta.json"), JSON.stringify({ preload: ["/build/chunks/b-2.js"] }), Date.now() / 1000 + 60);
    expect(hints((await request(app).get("/").expect(200)).text)).toEqual(["modulepreload /build/chunks/b-2.js"]);
    writeFileSync(join(publicDir, "app.css"), "main { color: blue; }\n");
    expect((await request(app).get("/index.html").expect(200)).text).toContain("<style>\nmain { color: blue; }\n</style>");
  });

  it("is made again only when one of its files has changed, for each first screen", () => {
    const { publicDir, bundleDir } = site({ preload: ["/build/chunks/a-1.js"] });
    const index = join(publicDir, "index.html");
    const file = `${PAGE}<body>\n  <p>Laddar</p>\n</body>\n`;
    rewrite(index, file, 1_700_000_000);
    const page = cachedAppPage(publicDir, bundleDir, false);
    const first = { lang: "en" as const, title: "Vaxa", body: "<main>first</main>" };
    const before = page(null);
    expect(page(first)).toContain("<main>first</main>");
    expect(before).toContain("<p>Laddar</p>");
    // the same size and time (a file cannot change so unseen in a build): not read again
    rewrite(index, file.replace("<head>", "<HEAD>"), 1_700_000_000);
    expect(page(null)).toBe(before);
    // a new time: read again, for each first screen
    rewrite(index, file.replace("<head>", "<HEAD>"), 1_700_000_001);
    expect(page(null)).toContain("<HEAD>");
    expect(page(first)).toContain("<HEAD>");
  });
});
