/**
 * The data view (web/views/data/) in headless Chromium against the real server: uploading a
 * package with an error shows its file, line and field; a second municipality's package written
 * the Swedish Excel way (Windows-1252, semicolons, decimal commas) is stored and listed with its
 * downloads; a scenario gets a new version computed with it, which the council picker compares
 * against the scenario's first version (v1 against v2) and the planner computes with (leaving it for a scenario on the
 * server's package stops its Monte Carlo worker); an admin archives a scenario, which is then
 * hidden unless "Visa arkiverade" is ticked, and brings it back; axe-core finds no WCAG 2.1 A/AA
 * violations at 1366×900 and 390×844. Screenshots in `test-output/web/`.
 */
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserTestPlan, type OfflinePage } from "../../../browser.ts";
import { secondMunicipality, withHeadcountError, zipOf } from "../../../io/package-uploads.ts";
import { browserSession } from "../../browser-session.ts";

const OUT = join("test-output", "web");
const TIMEOUT = 120_000;
const plan = browserTestPlan();

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Waits until the data view has drawn and its list of packages is in. */
async function dataViewReady(page: Page): Promise<void> {
  await page.waitForSelector("main .view.data table.packages", { timeout: 60_000 });
}

if (!plan.run) {
  if (plan.fail) {
    describe("the data view in a browser", () => {
      it("needs Chromium under CI", () => {
        throw new Error(plan.message);
      });
    });
  } else {
    console.warn(`\n${plan.message}\n(tests/web/views/data/index.test.ts did not run)\n`);
    describe.runIf(false)(`the data view in a browser — ${plan.message}`, () => {
      it("runs only with Chromium", () => undefined);
    });
  }
} else {
  const executable = plan.path;
  describe("the data view in a browser", () => {
    const session = browserSession(executable, OUT);

    async function visit(fragment: string, width: number, height: number): Promise<OfflinePage> {
      const p = await session.open(`/${fragment}`);
      await p.page.setViewportSize({ width, height });
      return p;
    }

    async function upload(page: Page, name: string, bytes: Buffer): Promise<void> {
      await page.setInputFiles("#upload-files", { name, mimeType: "application/zip", buffer: bytes });
      await page.click("form.upload button[type=submit]");
      await page.waitForFunction(() => {
        const result = document.querySelector("#upload-result");
        return result !== null && result.getAttribute("aria-busy") === null && result.querySelector(".saved, .error") !== null;
      });
    }

    it(
      "shows an uploaded package's error with its file, line and field, and stores a Windows-1252 package with semicolons and decimal commas",
      async () => {
        const p = await visit("#data", 1366, 900);
        const { page } = p;
        await dataViewReady(page);
        expect(await page.locator("h1").textContent()).toBe("Data: datapaket och scenarioversioner");
        await page.fill("#data-token", session.server.adminToken);
        await page.locator("#data-token").press("Tab");

        await upload(page, "fel.zip", zipOf(await withHeadcountError()));
        expect(await page.locator("#upload-result .error").textContent()).toBe("Paketet sparades inte: det har 1 fel. Rätta dem och ladda upp igen.");
        const row = page.locator("#upload-result table.findings tr.finding-error");
        expect(await row.count()).toBe(1);
        expect((await row.locator("td").allTextContents()).slice(0, 4)).toEqual(["fel", "headcount.csv", "5", "fte"]);
        expect(await row.locator("td").nth(4).textContent()).toContain('"many"');
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(OUT, "data-upload-error-sv.png"), fullPage: true });

        const { swedish } = await secondMunicipality();
        await upload(page, "Åre kommun.zip", zipOf(swedish));
        expect(await page.locator("#upload-result .saved").textContent()).toMatch(/^Paketet för Åre-Östersund kommun är sparat som datapaket [0-9a-f]{12}\.$/);
        const notes = await page.locator("#upload-result tr.finding-note td:nth-child(2)").allTextContents();
        expect(notes).toEqual(expect.arrayContaining(["municipality.json", "processes.json"]));
        const listed = page.locator("table.packages tbody tr", { hasText: "Åre-Östersund kommun" });
        await expect.poll(() => listed.count()).toBe(1);
        const links = await listed.locator("a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
        expect(links).toEqual([expect.stringMatching(/^\/api\/packages\/[0-9a-f]{64}\/package\.xlsx$/), expect.stringMatching(/^\/api\/packages\/[0-9a-f]{64}\/package\.zip$/)]);
        // Only the expected 422 of the package with an error went wrong.
        expect(p.problems().filter((line) => !/\/api\/packages \(HTTP 422\)$|status of 422/.test(line))).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "computes a scenario with the uploaded package as its version 2, which the council compares with its version 1",
      async () => {
        const p = await visit("#data", 1366, 900);
        const { page } = p;
        await dataViewReady(page);
        await page.fill("#data-token", session.server.adminToken);
        await page.locator("#data-token").press("Tab");
        await page.waitForSelector("#compute-package");
        await page.selectOption("#compute-scenario", "baseline");
        const option = await page.locator("#compute-package option", { hasText: "Åre-Östersund kommun" }).getAttribute("value");
        await page.selectOption("#compute-package", option!);
        await page.fill("#compute-comment", "Med Åres siffror");
        await page.click("form.compute button[type=submit]");
        await expect.poll(() => page.locator("#compute-result").textContent()).toMatch(/^Sparat: ”Växa med tillväxten”, version 2 \([0-9a-f]{12}\)\.$/);
        const latest = page.locator('table.versions tr[data-scenario="baseline"] td').nth(1);
        await expect.poll(() => latest.textContent()).toMatch(/^version 2 \([0-9a-f]{12}\) · token 1 \(first admin, admin\)|^version 2 \([0-9a-f]{12}\) · .+ — Med Åres siffror$/);

        // The council picker: "Lägg till version" adds a second row for the same scenario.
        await page.goto(`${session.server.url}/#beslutsunderlag`);
        await page.waitForFunction(() => document.querySelectorAll("#pick-baseline-version option").length === 2);
        for (const id of await page.locator(".picks input[type=checkbox]:checked").evaluateAll((els) => els.map((e) => e.id))) await page.uncheck(`#${id}`);
        await page.check("#pick-baseline");
        await page.click('button[aria-label="Lägg till version av ”Växa med tillväxten” (jämför två versioner)"]');
        await page.waitForFunction(() => document.querySelectorAll("#pick-baseline-2-version option").length === 2);
        await page.selectOption("#pick-baseline-version", { index: 1 });
        await page.selectOption("#pick-baseline-2-version", { index: 0 });
        await page.click("form.compare-form button[type=submit]");
        await page.waitForFunction(() => document.querySelector<HTMLElement>(".briefing")?.dataset.state === "ready", null, { timeout: 90_000 });
        const versions = await page.locator(".briefing .version-list li").allTextContents();
        expect(versions).toHaveLength(2);
        expect(versions[0]).toMatch(/^Växa med tillväxten \(v1\): /);
        // The council view names the first of two versions of a scenario with its number (compared.ts).
        expect(versions[1]).toMatch(/^Växa med tillväxten: [0-9a-f]{12} \(version 2, sparad .+, av first admin; datapaket [0-9a-f]{12}\) — Med Åres siffror$/);
        expect(await page.evaluate(() => location.hash)).toMatch(/^#beslutsunderlag\?v=baseline%40[0-9a-f]{12}%2Cbaseline%40[0-9a-f]{12}/);
        await page.screenshot({ path: join(OUT, "council-v1-v2-sv.png"), fullPage: true });
        expect(p.problems()).toEqual([]);

        // The planner works on version 2 with the package it was computed with.
        const packageId = (await page.locator(".briefing .version-list li").nth(1).textContent())!.match(/datapaket ([0-9a-f]{12})\)/)![1]!;
        // (the page's Web Workers counted as they start and are stopped)
        await page.addInitScript(() => {
          const workers = { started: 0, stopped: 0 };
          Object.assign(window, { workers });
          window.Worker = class extends window.Worker {
            constructor(...args: ConstructorParameters<typeof Worker>) {
              super(...args);
              workers.started++;
            }
            override terminate(): void {
              workers.stopped++;
              super.terminate();
            }
          };
        });
        await page.goto(`${session.server.url}/?reload#planering?s=baseline`);
        await page.waitForSelector("main .view.planner");
        await expect.poll(() => page.locator(".brand-tagline").textContent()).toContain("Åre-Östersund kommun");
        expect(await page.locator(".site-footer").textContent()).toContain(`Datapaket ${packageId}.`);
        expect(await page.locator("#planner-status").textContent()).toMatch(/version 2 \([0-9a-f]{12}\) · first admin · .* — Med Åres siffror/);

        // Loading a scenario computed with the server's own package stops the Monte Carlo worker of Åre's package (web/main.ts).
        const workers = () => page.evaluate(() => (window as unknown as { workers: { started: number; stopped: number } }).workers);
        await expect.poll(workers).toEqual({ started: 1, stopped: 0 });
        await page.selectOption("#planner-scenario", "vaxa-utan-att-vaxa");
        await page.locator(".scenario-bar button", { hasText: "Ladda" }).click();
        await expect.poll(() => page.locator("#planner-status").textContent()).toMatch(/^Utgår från ”Växa utan att växa”, version 1/);
        await expect.poll(() => page.locator(".brand-tagline").textContent()).toContain("Nacka");
        await expect.poll(workers).toEqual({ started: 2, stopped: 1 });
      },
      TIMEOUT,
    );

    it(
      "archives a scenario (admin), hides it unless 'Visa arkiverade', and brings it back; no axe violations on a phone",
      async () => {
        const p = await visit("#data", 390, 844);
        const { page } = p;
        await dataViewReady(page);
        await page.fill("#data-token", session.server.adminToken);
        await page.locator("#data-token").press("Tab");
        const row = page.locator('table.versions tr[data-scenario="dubbel-tillvaxt"]');
        await row.locator("button").click();
        await expect.poll(() => row.count()).toBe(0);
        expect(await page.locator(".versions-panel .hint").textContent()).toBe("1 arkiverade döljs.");
        await page.check("#show-archived");
        await expect.poll(() => row.locator("td").nth(3).textContent()).toMatch(/^arkiverat /);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(OUT, "data-phone-sv.png"), fullPage: true });

        // Hidden from the council's picker unless asked for.
        await page.goto(`${session.server.url}/#beslutsunderlag`);
        await page.waitForSelector("#pick-baseline");
        expect(await page.locator("#pick-dubbel-tillvaxt").isVisible()).toBe(false);
        await page.check("#council-show-archived");
        expect(await page.locator("#pick-dubbel-tillvaxt").isVisible()).toBe(true);
        // Leave the council view only when its briefing is done (leaving aborts its requests).
        await page.waitForFunction(() => document.querySelector<HTMLElement>(".briefing")?.dataset.state === "ready", null, { timeout: 90_000 });

        await page.goto(`${session.server.url}/#data`);
        await dataViewReady(page);
        await page.check("#show-archived");
        await row.locator("button").click();
        await expect.poll(() => row.locator("td").nth(3).textContent()).toBe("aktivt");
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );
  });
}
