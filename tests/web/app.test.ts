/**
 * End-to-end tests of the web app in headless Chromium (Debian's, driven by playwright-core)
 * against the real server (`server/main.ts` as a child process on a free port, with a fresh data
 * directory), with every request outside the server blocked.
 *
 * Checks: each view loads with the default data; moving a slider (with the keyboard) changes the
 * chart and the numbers; saving a scenario creates a version that the council view opens; the
 * language switch changes the texts; axe-core finds no WCAG 2.1 A/AA violations on any view, in
 * Swedish and in English; nothing is fetched from outside the server. Screenshots of each view
 * (and the council view printed to PDF) are written to `test-output/web/` for people to look at.
 *
 * Without Chromium the tests are skipped with a message saying so and how to install it; under CI
 * a missing browser fails the run (`tests/browser.ts`).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { forecast } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";
import { formats } from "../../contract/locale.ts";
import { browserTestPlan, type OfflinePage } from "../browser.ts";
import { axeViolations, settled, textOf } from "./app-page.ts";
import { browserSession } from "./browser-session.ts";
import { createToken } from "./real-server.ts";

const OUT = join("test-output", "web");

/**
 * What the pages must show for Nacka's "Växa utan att växa" (the scenario the app opens with),
 * from the model run here in Node and written with the app's formats: the browser's numbers must
 * agree with it.
 */
async function expectedNacka() {
  const pkg = await loadPackageFolder("data/nacka");
  const compiled = compilePlan(pkg, pkg.scenarios["vaxa-utan-att-vaxa"]!);
  if (!compiled.ok) throw new Error("the Nacka scenario does not compile");
  const result = forecast(compiled.plan);
  const row = result.totals.find((t) => t.year === 2030)!;
  const inv = result.investment!;
  const [sv, en] = [formats("sv"), formats("en")];
  const ownForecast = compilePlan(pkg, { ...pkg.scenarios["vaxa-utan-att-vaxa"]!, driverSet: "nacka" });
  if (!ownForecast.ok) throw new Error("the Nacka scenario does not compile on the driver set nacka");
  const own2030 = forecast(ownForecast.plan).totals.find((t) => t.year === 2030)!;
  return {
    fte2030OnSet: sv.fte(own2030.totalFte),
    baseYear: result.baseYear,
    baseFte: sv.fte(result.totals[0]!.totalFte),
    fte2030: { sv: sv.fte(row.totalFte), en: en.fte(row.totalFte) },
    baseline2030: sv.fte(row.baselineFte),
    hump: { sv: sv.mkr(inv.humpDepth), en: en.mkr(inv.humpDepth) },
    humpYear: inv.humpYear!,
    paybackYear: inv.paybackYear!,
    irr: sv.percent(inv.irr!, 1),
  };
}
const plan = browserTestPlan();
const TIMEOUT = 90_000;

if (!plan.run) {
  if (plan.fail) {
    describe("web app in a browser", () => {
      it("needs Chromium under CI", () => {
        throw new Error(plan.message);
      });
    });
  } else {
    // The suite is left out, not passed: the message says plainly that it did not run.
    console.warn(`\n${plan.message}\n(tests/web/app.test.ts: the web app's browser tests did not run)\n`);
    describe.runIf(false)(`web app in a browser — ${plan.message}`, () => {
      it("runs only with Chromium", () => undefined);
    });
  }
} else {
  const executable = plan.path;
  describe("web app in a browser", () => {
    const session = browserSession(executable, OUT);
    let nacka: Awaited<ReturnType<typeof expectedNacka>>;
    beforeAll(async () => {
      nacka = await expectedNacka();
    });

    async function visit(fragment: string, width = 1360): Promise<OfflinePage> {
      const p = await session.open(`/${fragment}`);
      await p.page.setViewportSize({ width, height: 900 });
      await settled(p.page);
      return p;
    }

    it(
      "the planner view loads with the Nacka data and the model running in the browser",
      async () => {
        const p = await visit("#planering");
        const { page } = p;
        expect(await page.getAttribute("html", "lang")).toBe("sv");
        expect(await textOf(page, "h1")).toBe("Planering: tillväxt och hävstänger");
        // "Växa utan att växa" by default: FTE in 2030 with the levers and without, and the hump.
        expect(await textOf(page, '[data-key="fte"] .value')).toBe(nacka.fte2030.sv);
        expect(await textOf(page, '[data-key="fte"] .detail')).toContain(nacka.baseline2030);
        expect(await textOf(page, '[data-key="hump"] .value')).toBe(nacka.hump.sv);
        for (const chart of ["fte-per-year", "fte-process-bars"]) {
          const figure = page.locator(`figure[data-chart="${chart}"]`);
          await expect.poll(() => figure.locator("svg").count()).toBeGreaterThan(0);
          expect((await figure.locator("figcaption").textContent())?.length).toBeGreaterThan(40);
          expect(await figure.locator("details table").count()).toBe(1);
        }
        expect(await page.locator("#planner-status").textContent()).toMatch(/Växa utan att växa.*version 1 \([0-9a-f]{12}\)/);
        await page.screenshot({ path: join(OUT, "planner-sv.png"), fullPage: true });
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "shows a driver's history and forecasts, and picking Nacka's own forecast runs the scenario on it",
      async () => {
        const p = await visit("#planering");
        const { page } = p;
        const figure = page.locator('figure[data-chart="driver-forecasts"]');
        await expect.poll(() => figure.locator("svg").count()).toBeGreaterThan(0);
        expect(await figure.locator("figcaption").textContent()).toContain("Nackas befolkningsprognos");
        await page.locator("#driver-shown").selectOption("residents_80plus");
        await expect.poll(() => figure.locator(".chart-title").textContent()).toContain("80 år");
        await page.locator("#driver-set").selectOption("nacka");
        await expect.poll(() => textOf(page, '[data-key="fte"] .value')).toBe(nacka.fte2030OnSet);
        // The legend marks the forecast the scenario now uses.
        await expect.poll(() => figure.textContent()).toContain("Nackas befolkningsprognos (scenariots val)");
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "moving a slider with the keyboard changes the chart and the numbers at once",
      async () => {
        const p = await visit("#planering");
        const { page } = p;
        const before = await textOf(page, '[data-key="fte"] .value');
        const beforeChart = await page.locator('figure[data-chart="fte-per-year"] svg').innerHTML();
        const beforeBars = await page.locator('figure[data-chart="fte-process-bars"] svg').innerHTML();
        const slider = page.locator('input[type="range"][data-path="growthMultiplier"]');
        await slider.focus();
        for (let i = 0; i < 10; i++) await slider.press("ArrowLeft");
        await expect.poll(() => page.locator("#p-growthMultiplier-value").inputValue()).toBe("1,5");
        await expect.poll(() => page.locator('figure[data-chart="fte-per-year"] svg').innerHTML()).not.toBe(beforeChart);
        const after = await textOf(page, '[data-key="fte"] .value');
        expect(after).not.toBe(before);
        expect(await page.locator('figure[data-chart="fte-per-year"] svg').innerHTML()).not.toBe(beforeChart);
        expect(await page.locator('figure[data-chart="fte-process-bars"] svg').innerHTML()).not.toBe(beforeBars);
        // Less growth, fewer FTE.
        expect(Number(after.replace(/\s/g, ""))).toBeLessThan(Number(before.replace(/\s/g, "")));
        await expect.poll(() => page.locator("#planner-status").textContent()).toContain("ändrat, inte sparat");

        // The number box drives the same value; a lever switched off removes its savings.
        await page.locator("#p-growthMultiplier-value").fill("2");
        await page.locator("#p-growthMultiplier-value").press("Tab");
        await expect.poll(() => textOf(page, '[data-key="fte"] .value')).toBe(before);
        const humpBefore = await textOf(page, '[data-key="hump"] .value');
        await page.locator("#lever-automated_case_handling-active").uncheck();
        await expect.poll(() => textOf(page, '[data-key="hump"] .value')).not.toBe(humpBefore);
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "the finance view shows the hump, the summary, its charts and the downloads",
      async () => {
        const p = await visit("#ekonomi");
        const { page } = p;
        expect(await textOf(page, "h1")).toBe("Ekonomi: investeringspuckeln");
        expect(await textOf(page, '.hero [data-key="hump-depth"]')).toBe(nacka.hump.sv);
        expect(await textOf(page, ".hero-detail")).toBe(`djupast ${nacka.humpYear} · återbetald ${nacka.paybackYear}`);
        for (const key of ["depth", "year", "payback", "npv", "irr", "per-fte"]) {
          expect(await textOf(page, `.summary-item[data-key="${key}"] dd`)).not.toBe("");
        }
        expect(await textOf(page, '.summary-item[data-key="irr"] dd')).toBe(nacka.irr);
        for (const chart of ["cumulative-net-band", "cost-savings", "tornado"]) {
          await expect.poll(() => page.locator(`figure[data-chart="${chart}"] svg`).count()).toBeGreaterThan(0);
        }
        // The Monte Carlo band came from the server.
        expect(await textOf(page, '.summary-item[data-key="range"] dd')).toMatch(/^\d+,\d – \d+,\d\u00a0Mkr$/);
        expect(await page.locator("#uncertainty-status").textContent()).toMatch(/simuleringar/);
        // The downloads answer with a spreadsheet and a CSV file.
        for (const format of ["xlsx", "csv-totals"]) {
          const href = await page.locator(`a[data-format="${format}"]`).getAttribute("href");
          const response = await page.request.get(`${session.server.url}${href}`);
          expect(response.status()).toBe(200);
          expect(response.headers()["content-disposition"]).toMatch(/attachment/);
        }
        await page.screenshot({ path: join(OUT, "finance-sv.png"), fullPage: true });
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "the council view compares the saved versions with plain-language captions and prints with the version ids",
      async () => {
        const p = await visit("#beslutsunderlag");
        const { page } = p;
        expect(await textOf(page, "h1")).toBe("Beslutsunderlag: jämför scenarier");
        const ids = await page.locator(".version-list code.version-id").allTextContents();
        expect(ids.length).toBe(3);
        for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
        // The paper's first part: the proposed decision and three generated sentences per version.
        expect(await textOf(page, ".paper-summary")).toContain("Förslag till beslut");
        expect(await page.locator(".paper-summary .summary-text").count()).toBe(3);
        for (const chart of ["compare-fte", "compare-year", "compare-hump-years", "compare-hump"]) {
          const figure = page.locator(`figure[data-chart="${chart}"]`);
          await expect.poll(() => figure.locator("svg").count()).toBeGreaterThan(0);
          const caption = (await figure.locator("figcaption").textContent()) ?? "";
          for (const id of ids) expect(caption).toContain(id);
        }
        const yearCaption = await textOf(page, 'figure[data-chart="compare-year"] figcaption');
        expect(yearCaption).toContain("År 2030 behövs");
        expect(yearCaption).toContain(`I ”Växa utan att växa” behövs ${nacka.fte2030.sv} med hävstängerna, mot ${nacka.baseline2030} utan.`);
        expect(yearCaption).toContain(`Basåret ${nacka.baseYear} var det ${nacka.baseFte}.`);
        expect(await textOf(page, 'figure[data-chart="compare-hump-years"] figcaption')).toContain(
          `djupast ${nacka.humpYear}, ${nacka.hump.sv}, och återbetald ${nacka.paybackYear}`,
        );
        // Nacka's probability of holding flat is 0 % in every year of every scenario: a sentence, not a flat line on the axis.
        expect(await page.locator('figure[data-chart="compare-hold-flat"]').count()).toBe(0);
        expect(await textOf(page, ".paper-note")).toContain("visas inte");
        // Every chart has its source line and the illustrative statement in its footer; the assumptions are a table.
        expect(await page.locator(".paper-chart .chart-source").count()).toBe(4);
        expect(await page.locator(".paper-chart .chart-footer.illustrative").count()).toBe(4);
        expect(await textOf(page, "table.assumptions")).toContain("Hävstänger");
        await page.screenshot({ path: join(OUT, "council-sv.png"), fullPage: true });
        // The print layout: no navigation or form, the version ids and today's date in Swedish.
        await page.emulateMedia({ media: "print" });
        expect(await page.locator(".site-header").isVisible()).toBe(false);
        expect(await page.locator(".compare-form").isVisible()).toBe(false);
        expect(await page.locator(".version-list").isVisible()).toBe(true);
        expect(await textOf(page, ".briefing-header .meta")).toMatch(/Utskrivet \d{1,2} [a-zåäö]+ \d{4}\./);
        await page.screenshot({ path: join(OUT, "council-print.png"), fullPage: true });
        await page.pdf({ path: join(OUT, "council-print.pdf"), format: "A4", printBackground: true });
        await page.emulateMedia({ media: "screen" });
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "saving a scenario with a planner token creates a version that the council view opens",
      async () => {
        const token = await createToken(session.server, "planner");
        const p = await visit("#planering");
        const { page } = p;
        const slider = page.locator('input[type="range"][data-path="levers.e_services.efficiency"]');
        await slider.focus();
        for (let i = 0; i < 5; i++) await slider.press("ArrowRight");
        await page.locator("#save-name").fill("Webbtest: snabbare e-tjänster");
        await page.locator("#save-comment").fill("Effektiviteten för e-tjänster höjd med fem procentenheter.");
        await page.locator("#save-token").fill(token);
        await page.locator("#save-mode-new").check();
        await page.locator(".save button[type=submit]").click();
        const code = page.locator(".save-result code.version-id");
        await code.waitFor({ timeout: 20_000 });
        const versionId = (await code.textContent())!.trim();
        expect(versionId).toMatch(/^[0-9a-f]{12}$/);
        expect(await textOf(page, ".save-result")).toContain("Sparat: ”Webbtest: snabbare e-tjänster”, version 1");
        // The server has it, with the changed efficiency.
        const found = (await (await fetch(`${session.server.url}/api/versions/${versionId}`)).json()) as {
          matches: { scenarioId: string; assumptions: { set: Record<string, number> } }[];
        };
        expect(found.matches).toHaveLength(1);
        expect(found.matches[0]!.assumptions.set["levers.e_services.efficiency"]).toBeGreaterThan(0);
        // The status now names the saved version, unchanged.
        await expect.poll(() => page.locator("#planner-status").textContent()).toContain(versionId);
        expect(await page.locator("#planner-status .dirty").count()).toBe(0);

        await page.getByRole("link", { name: "Öppna som beslutsunderlag" }).click();
        await settled(page);
        expect(await page.locator(".version-list code.version-id").allTextContents()).toEqual([versionId]);
        expect(await textOf(page, "figure[data-chart=compare-year] figcaption")).toContain("”Webbtest: snabbare e-tjänster”");
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "the language switch changes every text to English and back",
      async () => {
        const p = await visit("#planering");
        const { page } = p;
        await page.locator("#lang-switch").click();
        await page.waitForFunction(() => document.documentElement.lang === "en");
        await settled(page);
        expect(await textOf(page, "h1")).toBe("Planning: growth and levers");
        expect(await page.locator("nav a").allTextContents()).toEqual(["Planning", "Finance", "Council briefing", "Data"]);
        expect(await textOf(page, '[data-key="fte"] dt')).toBe("FTE in 2030");
        expect(await textOf(page, '[data-key="fte"] .value')).toBe(nacka.fte2030.en);
        expect(await textOf(page, 'figure[data-chart="fte-per-year"] .chart-title')).toBe("FTE per year");
        expect(await textOf(page, "#lang-switch")).toBe("Svenska");
        await page.screenshot({ path: join(OUT, "planner-en.png"), fullPage: true });
        // The choice is kept across views.
        await page.locator('nav a[data-view="finance"]').click();
        await settled(page);
        expect(await textOf(page, "h1")).toBe("Finance: the investment hump");
        expect(await textOf(page, '.hero [data-key="hump-depth"]')).toBe(nacka.hump.en);
        await page.screenshot({ path: join(OUT, "finance-en.png"), fullPage: true });
        await page.locator('nav a[data-view="council"]').click();
        await settled(page);
        expect(await textOf(page, 'figure[data-chart="compare-year"] figcaption')).toMatch(/^In 2030, /);
        await page.screenshot({ path: join(OUT, "council-en.png"), fullPage: true });
        await page.locator("#lang-switch").click();
        await page.waitForFunction(() => document.documentElement.lang === "sv");
        expect(await textOf(page, "h1")).toBe("Beslutsunderlag: jämför scenarier");
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    for (const [view, fragment] of [
      ["planner", "#planering"],
      ["finance", "#ekonomi"],
      ["council", "#beslutsunderlag"],
    ] as const) {
      it(
        `axe-core finds no WCAG 2.1 AA violations on the ${view} view, in Swedish and English`,
        async () => {
          const p = await visit(fragment);
          const { page } = p;
          expect(await axeViolations(page)).toEqual([]);
          await page.locator("#lang-switch").click();
          await page.waitForFunction(() => document.documentElement.lang === "en");
          await settled(page);
          expect(await axeViolations(page)).toEqual([]);
          expect(p.problems()).toEqual([]);
        },
        TIMEOUT,
      );
    }

    it(
      "the accessibility statement is linked from the footer, passes axe-core in Swedish and English, and starts with its skip link",
      async () => {
        const p = await visit("#beslutsunderlag");
        const link = p.page.locator('.site-footer a[href="/tillganglighet"]');
        expect(await link.textContent()).toBe("Tillgänglighetsredogörelse");
        for (const [path, heading] of [
          ["/tillganglighet", "Tillgänglighetsredogörelse för Vaxa"],
          ["/tillganglighet?lang=en", "Accessibility statement for Vaxa"],
        ] as const) {
          const statement = await session.open(path);
          const { page } = statement;
          await page.waitForLoadState("load");
          expect(await textOf(page, "h1")).toBe(heading);
          expect(await axeViolations(page)).toEqual([]);
          await page.keyboard.press("Tab");
          expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
          expect(statement.problems()).toEqual([]);
        }
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "works at phone width, and every control is reachable with the keyboard",
      async () => {
        const p = await visit("#planering", 400);
        const { page } = p;
        await page.screenshot({ path: join(OUT, "planner-narrow.png"), fullPage: false });
        // The skip link is the first stop and moves focus to the content.
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip-link");
        await page.keyboard.press("Enter");
        expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
        // Every input, select and button can take focus.
        const unfocusable = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>("input:not([disabled]), select, button, a[href], summary")]
            .filter((e) => e.tabIndex < 0)
            .map((e) => e.outerHTML.slice(0, 80)),
        );
        expect(unfocusable).toEqual([]);
        expect(p.problems()).toEqual([]);
      },
      TIMEOUT,
    );
  });
}
