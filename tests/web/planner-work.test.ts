/**
 * The planner's and finance's work in headless Chromium against the real server (issue 14): numbers
 * typed in Swedish are read as Swedish, a slider moves the P10–P90 ranges (computed in the
 * browser's worker), undo restores the exact state before, unsaved work survives a reload, a save
 * that meets someone else's newer version is merged and saved after the planner confirms, and
 * axe-core finds nothing on the new parts at desktop and phone size. Screenshots at 1366×900 and
 * 390×844 go to `test-output/web/`.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserTestPlan, type OfflinePage } from "../browser.ts";
import { axeViolations, settled, textOf } from "./app-page.ts";
import { browserSession } from "./browser-session.ts";
import { createToken } from "./real-server.ts";

const OUT = join("test-output", "web");
const plan = browserTestPlan();
const TIMEOUT = 120_000;
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Every control of the planner's assumptions as the page shows it: sliders, number boxes, lever switches. */
async function controlState(page: Page): Promise<string[]> {
  return page.locator("form.controls input").evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).map((i) => `${i.id}=${i.type === "checkbox" ? String(i.checked) : i.value}`),
  );
}

/** Types `text` into a number box and leaves it (Tab), as a person would. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const box = page.locator(selector);
  await box.fill(text);
  await box.press("Tab");
}

if (!plan.run) {
  describe.runIf(plan.fail)("planner work in a browser", () => {
    it("needs Chromium under CI", () => {
      throw new Error(plan.fail ? plan.message : "");
    });
  });
} else {
  const executable = plan.path;
  describe("planner work in a browser", () => {
    const session = browserSession(executable, OUT);

    async function visit(fragment: string, size = DESKTOP): Promise<OfflinePage> {
      const p = await session.open(`/${fragment}`);
      p.page.on("dialog", (dialog) => void dialog.accept());
      await p.page.setViewportSize(size);
      await settled(p.page);
      return p;
    }

    it(
      "reads numbers typed the Swedish way, refuses what it cannot read beside the box, and reads an empty box as not set",
      async () => {
        const { page, problems } = await visit("#planering");
        const growth = "#p-growthMultiplier-value";
        const range = page.locator("#p-growthMultiplier");
        // the scenario's growth multiplier 2 shown the Swedish way, never "2.00"
        expect(await page.locator(growth).inputValue()).toBe("2");
        await typeInto(page, growth, "1,25");
        await expect.poll(() => range.inputValue()).toBe("1.25");
        expect(await page.locator(growth).inputValue()).toBe("1,25");
        expect(await page.locator(growth).getAttribute("aria-invalid")).toBeNull();

        // "1 234,5" (with a no-break space, as a Swedish spreadsheet copies it) in the cost per FTE
        const cost = "#money-costPerFte";
        await typeInto(page, cost, "1\u00a0234,5");
        await expect.poll(() => page.locator(cost).inputValue()).toBe("1\u00a0234,5");
        // the values the model got, as the draft kept in the browser holds them
        const draftValues = async () => {
          const draft = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("vaxa.draft."))?.[1] ?? "{}");
          return (JSON.parse(draft) as { overlay?: { values?: Record<string, number> } }).overlay?.values ?? {};
        };
        await expect.poll(draftValues).toMatchObject({ growthMultiplier: 1.25, costPerFte: 1234.5 });

        // refused beside the box, nothing changed
        await typeInto(page, growth, "1.234,5");
        expect(await page.locator(growth).getAttribute("aria-invalid")).toBe("true");
        const describedBy = (await page.locator(growth).getAttribute("aria-describedby")) ?? "";
        expect(await page.locator(`#${describedBy.split(" ").at(-1)}`).textContent()).toContain("både punkt och komma");
        expect(await range.inputValue()).toBe("1.25");
        await typeInto(page, growth, "9");
        expect(await page.locator(`#p-growthMultiplier-value-message`).textContent()).toMatch(/mellan 0 och 4/);
        expect(await range.inputValue()).toBe("1.25");

        // empty is "not set": back to the scenario's value (its distribution's median, 2), not zero
        await typeInto(page, growth, "");
        await expect.poll(() => range.inputValue()).toBe("2");
        expect(await page.locator(growth).inputValue()).toBe("2");
        expect(problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "moves the P10–P90 ranges with a slider, computing them in the background with a visible state",
      async () => {
        const { page, problems } = await visit("#planering");
        const hump = page.locator('[data-key="fte"] .range');
        await expect.poll(() => hump.count()).toBe(1);
        const before = await hump.textContent();
        await typeInto(page, "#p-growthMultiplier-value", "1");
        // the ranges are being computed for the new assumptions: busy, then the new range
        await expect.poll(() => page.locator("section.key").getAttribute("aria-busy"), { timeout: 10_000 }).toBe(null);
        await expect.poll(() => hump.textContent(), { timeout: 30_000 }).not.toBe(before);
        expect(await textOf(page, "#planner-range-status")).toMatch(/simuleringar/);
        expect(problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "undo restores the exact state before, and redo the state after (buttons and Ctrl+Z / Ctrl+Shift+Z)",
      async () => {
        const { page, problems } = await visit("#planering");
        const start = await controlState(page);
        const figures = await textOf(page, '[data-key="fte"] .value');
        await typeInto(page, "#p-growthMultiplier-value", "1,5");
        await page.locator("#lever-automated_case_handling-active").uncheck();
        const changed = await controlState(page);
        expect(changed).not.toEqual(start);
        await page.locator("#planner-undo").click();
        await page.locator("body").press("Control+z");
        await expect.poll(() => controlState(page)).toEqual(start);
        await expect.poll(() => textOf(page, '[data-key="fte"] .value')).toBe(figures);
        await page.locator("#planner-redo").click();
        await page.locator("body").press("Control+Shift+Z");
        await expect.poll(() => controlState(page)).toEqual(changed);
        expect(problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "keeps unsaved work through a reload, says so, and asks before it is discarded",
      async () => {
        const { page, problems } = await visit("#planering");
        await typeInto(page, "#p-growthMultiplier-value", "1,75");
        await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("vaxa.draft.")))).toBe(true);
        await page.reload();
        await settled(page);
        expect(await page.locator("#p-growthMultiplier-value").inputValue()).toBe("1,75");
        expect(await textOf(page, "#draft-notice")).toContain("osparade ändringar");
        expect(await textOf(page, "#planner-status")).toContain("ändrat, inte sparat");
        // "Ladda" with unsaved work asks first; declining keeps everything
        const asked: string[] = [];
        page.removeAllListeners("dialog");
        page.on("dialog", (dialog) => {
          asked.push(dialog.message());
          void dialog.dismiss();
        });
        await page.getByRole("button", { name: "Ladda" }).click();
        expect(asked).toEqual(["Du har ändringar som inte är sparade. Vill du slänga dem?"]);
        expect(await page.locator("#p-growthMultiplier-value").inputValue()).toBe("1,75");
        expect(problems()).toEqual([]);
      },
      TIMEOUT,
    );

    it(
      "merges a save that meets a newer version saved from a second tab, showing the changes to confirm",
      async () => {
        const token = await createToken(session.server, "planner");
        const first = await visit("#planering");
        const { page } = first;
        // the second tab: the same scenario, another change, saved first
        const second = await first.page.context().newPage();
        second.on("dialog", (dialog) => void dialog.accept());
        await second.setViewportSize(DESKTOP);
        await second.goto(`${session.server.url}/#planering`);
        await settled(second);
        await second.locator("#lever-automated_case_handling-active").uncheck();
        await second.locator("#save-token").fill(token);
        await second.locator("#save-comment").fill("Utan automatiserad handläggning");
        await second.getByRole("button", { name: "Spara", exact: true }).click();
        await expect.poll(() => second.locator(".saved").count(), { timeout: 20_000 }).toBe(1);
        await second.close();

        // the first tab changes growth and saves onto the version it began from
        await typeInto(page, "#p-growthMultiplier-value", "1,5");
        await page.locator("#save-token").fill(token);
        await page.getByRole("button", { name: "Spara", exact: true }).click();
        const merge = page.locator("#merge");
        await expect.poll(() => merge.count(), { timeout: 20_000 }).toBe(1);
        const diff = await merge.locator("table").textContent();
        expect(diff).toContain("Tillväxtmultiplikator");
        expect(diff).not.toContain("values.");
        await page.screenshot({ path: join(OUT, "planner-merge-sv.png"), fullPage: false });
        expect(await axeViolations(page)).toEqual([]);
        await page.locator("#merge-confirm").click();
        await expect.poll(() => page.locator(".saved").count(), { timeout: 20_000 }).toBe(1);

        // the newest version has both changes: the second tab's lever off and the first tab's growth
        const list = (await (await fetch(`${session.server.url}/api/scenarios/vaxa-utan-att-vaxa/versions/latest`)).json()) as {
          version?: { assumptions: { growthMultiplier: number; levers: string[] } };
          assumptions?: { growthMultiplier: number; levers: string[] };
        };
        const assumptions = list.version?.assumptions ?? list.assumptions!;
        expect(assumptions.growthMultiplier).toBe(1.5);
        expect(assumptions.levers).not.toContain("automated_case_handling");
        expect(first.problems().filter((p) => !p.includes("409"))).toEqual([]);
      },
      TIMEOUT,
    );

    for (const [name, size] of [
      ["desktop", DESKTOP],
      ["phone", PHONE],
    ] as const) {
      it(
        `axe finds nothing on the planner and finance views at ${name} size (${size.width}×${size.height}); screenshots`,
        async () => {
          for (const [fragment, file] of [
            ["#planering", "planner"],
            ["#ekonomi", "finance"],
          ] as const) {
            const p = await visit(fragment, size);
            await p.page.screenshot({ path: join(OUT, `${file}-${name}-${size.width}x${size.height}.png`), fullPage: false });
            if (file === "planner") {
              // the drivers panel draws its chart; on a phone the key figures stay in view over the controls
              expect(await p.page.locator('figure[data-chart="driver-forecasts"] svg').count()).toBeGreaterThan(0);
              await p.page.locator("#p-growthMultiplier").scrollIntoViewIfNeeded();
              await p.page.screenshot({ path: join(OUT, `planner-controls-${name}-${size.width}x${size.height}.png`), fullPage: false });
              const key = await p.page.locator("section.key").boundingBox();
              if (name === "phone") expect(key?.y ?? -1).toBeGreaterThanOrEqual(0);
            }
            expect(await axeViolations(p.page), `${fragment} at ${name} size`).toEqual([]);
            expect(p.problems()).toEqual([]);
          }
        },
        TIMEOUT,
      );
    }
  });
}
