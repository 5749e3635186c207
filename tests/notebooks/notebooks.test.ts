/**
 * The analyst notebooks (`notebooks/*.html`) build to static HTML and read offline: every page is
 * built with `npm run notebooks` (notebooks/build.ts), served from 127.0.0.1 by a server started
 * here, and opened in headless Chromium with every request to anywhere else blocked. A page passes
 * when each of its charts (one per `Plot.plot(` in its source) has rendered as an SVG with
 * content, no cell shows an error, the console has no errors and no request failed or was blocked.
 *
 * Without Chromium the browser part is skipped with a message saying so (and how to install it);
 * under CI (`CI=true`) a missing browser fails. See tests/browser.ts.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { deserialize } from "@observablehq/notebook-kit";
import { DOMParser } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { offlineProblems } from "../../notebooks/build.ts";
import { loadNacka, nackaFiles } from "../../notebooks/nacka.ts";
import { parsePackage, run } from "../../notebooks/runs.ts";
import { type StaticServer, serveStatic } from "../../notebooks/serve.ts";
import { browserTestPlan, launchChromium, openOffline } from "../browser.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const NOTEBOOKS = join(ROOT, "notebooks");
const DIST = join(NOTEBOOKS, ".observable", "dist");
const PAGES = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".html"))
  .sort();
/** Charts a page must show: one per `Plot.plot(` call in its source. */
const expectedCharts = (page: string): number =>
  (readFileSync(join(NOTEBOOKS, page), "utf-8").match(/Plot\.plot\(/g) ?? []).length;

/** Hosts whose addresses may appear in the built files: XML namespaces, schema ids, links in messages; none is fetched. */
const NOT_FETCHED = /^(www\.w3\.org|json-schema\.org|github\.com)$/;

function builtFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? builtFiles(path) : [path];
  });
}

const browser = browserTestPlan();
if (!browser.run && !browser.fail) console.warn(`\n${browser.message}\n`);

describe("analyst notebooks", () => {
  beforeAll(async () => {
    // The same command as `npm run notebooks`; writes only notebooks/.observable/dist (git-ignored).
    await promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), ["notebooks/build.ts"], {
      cwd: ROOT,
      timeout: 240_000,
    });
  }, 300_000);

  it("has notebooks for the baseline, levers and hump, uncertainty, calibration and backtest", () => {
    expect(PAGES).toEqual(
      expect.arrayContaining(["index.html", "nacka-baseline.html", "levers-and-hump.html", "uncertainty.html", "calibration-backtest.html"]),
    );
  });

  it("builds every notebook to a static page", () => {
    for (const page of PAGES) {
      const html = readFileSync(join(DIST, page), "utf-8");
      expect(html, page).toContain('<html lang="sv">');
      expect(html, page).toMatch(/<script type="module"[^>]*src="\.\/assets\/[^"]+\.js"/);
    }
  });

  it("built files name no CDN or other remote host", () => {
    const remote: string[] = [];
    for (const file of builtFiles(DIST).filter((f) => /\.(html|js|css)$/.test(f))) {
      const text = readFileSync(file, "utf-8");
      for (const [, host] of text.matchAll(/\bhttps?:\/\/([^/\s"'`)<>\\]*)/g)) {
        if (!host || NOT_FETCHED.test(host) || host.startsWith("$") || host.startsWith("[$")) continue;
        remote.push(`${relative(DIST, file)}: ${host}`);
      }
      for (const cdn of ["cdn.jsdelivr.net", "esm.sh", "unpkg.com", "api.observablehq.com"]) {
        if (text.includes(cdn) && !text.includes(`cdn-disabled:${cdn}`)) remote.push(`${relative(DIST, file)}: ${cdn}`);
      }
    }
    expect(remote).toEqual([]);
  });

  it("the build refuses a notebook that would load from a CDN", () => {
    const html = `<notebook><title>t</title>
      <script id="1" type="module">Plot.plot({marks: []})</script>
      <script id="2" type="module">import * as d3 from "npm:d3";</script>
      <script id="3" type="module">import * as Plot2 from "@observablehq/plot";</script>
    </notebook>`;
    const notebook = deserialize(html, { parser: new DOMParser() as unknown as globalThis.DOMParser });
    const problems = offlineProblems(notebook, "x.html");
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/cell 1: the built-in "Plot" loads from a CDN.*import \* as Plot from "@observablehq\/plot"/);
    expect(problems[1]).toMatch(/cell 2: import from https:\/\/cdn\.jsdelivr\.net\/npm\/d3.* needs the network/);
  });

  it("the notebooks' Nacka package is data/nacka, run by the model", async () => {
    const fromFolder = parsePackage((await readPackageFolder(join(ROOT, "data", "nacka"))).files);
    const bundled = loadNacka();
    expect(Object.keys(nackaFiles)).toEqual(expect.arrayContaining(["municipality.json", "drivers.csv", "headcount.csv", "processes.json", "levers.json"]));
    expect(bundled).toEqual(fromFolder);
    for (const id of Object.keys(fromFolder.scenarios)) {
      expect(run(bundled, id).totals, id).toEqual(run(fromFolder, id).totals);
    }
  });

  describe.runIf(browser.run || browser.fail)("in headless Chromium, offline", () => {
    let chromium: Browser | undefined;
    let server: StaticServer | undefined;

    beforeAll(async () => {
      if (!browser.run) throw new Error(browser.message);
      server = await serveStatic(DIST);
      chromium = await launchChromium(browser.path);
    }, 60_000);

    afterAll(async () => {
      await chromium?.close();
      await server?.close();
    });

    /** Lets the notebook runtime react to an input: it recomputes on the next animation frame. */
    const settle = (page: Page) =>
      page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));

    async function open(page: string) {
      if (chromium === undefined || server === undefined) throw new Error("the browser did not start");
      const opened = await openOffline(chromium, `${server.url}${page}`);
      const expected = expectedCharts(page);
      const chartCount = () =>
        opened.page.evaluate(
          () =>
            Array.from(document.querySelectorAll("main svg")).filter(
              (svg) => /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "") && svg.querySelector("path, rect, line, circle, text") !== null,
            ).length,
        );
      try {
        await opened.page.waitForFunction(
          (n) =>
            document.querySelectorAll(".observablehq--error").length > 0 ||
            Array.from(document.querySelectorAll("main svg")).filter((svg) => /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "")).length >= n,
          expected,
          { timeout: 60_000 },
        );
        await opened.page.waitForLoadState("networkidle");
      } catch (error) {
        throw new Error(`${page}: charts did not render (${await chartCount()} of ${expected}); ${opened.problems().join("; ")}`, { cause: error });
      }
      return { ...opened, expected, chartCount };
    }

    it.each(PAGES)("%s renders its charts with no request leaving 127.0.0.1", async (page) => {
      const opened = await open(page);
      try {
        const cellErrors = await opened.page.locator(".observablehq--error").allInnerTexts();
        expect(cellErrors, `cells with errors in ${page}`).toEqual([]);
        expect(opened.expected, `${page} has no Plot.plot( charts`).toBeGreaterThan(0);
        expect(await opened.chartCount()).toBe(opened.expected);
        expect(opened.problems(), `problems in ${page}`).toEqual([]);
      } finally {
        await opened.close();
      }
    }, 120_000);

    it("nacka-baseline.html redraws the activity chart when another process is chosen", async () => {
      const opened = await open("nacka-baseline.html");
      try {
        await opened.page.selectOption("select", "customer_service");
        await opened.page.waitForFunction(() =>
          Array.from(document.querySelectorAll("figcaption")).some((c) => c.textContent?.includes("(customer_service)")),
        );
        expect(await opened.chartCount()).toBe(opened.expected);
        expect(opened.problems()).toEqual([]);
      } finally {
        await opened.close();
      }
    }, 120_000);

    it.each(PAGES.filter((page) => /\bselect\(/.test(readFileSync(join(NOTEBOOKS, page), "utf-8"))))(
      "%s: every choice in every drop-down list re-renders without errors",
      async (page) => {
        const opened = await open(page);
        try {
          const selects = opened.page.locator("main select");
          for (let i = 0; i < (await selects.count()); i++) {
            const values = await selects.nth(i).locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
            for (const value of values) {
              await selects.nth(i).selectOption(value);
              await settle(opened.page);
              await opened.page.waitForFunction(
                (n) =>
                  document.querySelectorAll(".observablehq--error").length > 0 ||
                  Array.from(document.querySelectorAll("main svg")).filter((svg) => /^plot-[0-9a-f]+$/.test(svg.getAttribute("class") ?? "")).length >= n,
                opened.expected,
                { timeout: 60_000 },
              );
              const cellErrors = await opened.page.locator(".observablehq--error").allInnerTexts();
              expect(cellErrors, `${page}, list ${i + 1} = ${value}`).toEqual([]);
              expect(await opened.chartCount(), `${page}, list ${i + 1} = ${value}`).toBe(opened.expected);
            }
          }
          expect(opened.problems(), `problems in ${page}`).toEqual([]);
        } finally {
          await opened.close();
        }
      },
      240_000,
    );

    it("levers-and-hump.html reruns the model when a slider moves", async () => {
      const opened = await open("levers-and-hump.html");
      try {
        const slider = opened.page.locator('input[type="range"]').first();
        await slider.fill("2");
        await opened.page.waitForFunction(() =>
          Array.from(document.querySelectorAll("figcaption")).some((c) => c.textContent?.includes("räckvidd × 2,0")),
        );
        expect(await opened.chartCount()).toBe(opened.expected);
        expect(opened.problems()).toEqual([]);
      } finally {
        await opened.close();
      }
    }, 120_000);
  });
});
