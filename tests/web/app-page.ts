/**
 * Watching the web app from outside, for the browser tests: when a view has settled, what axe-core
 * finds, the text of an element. (The app carries no test hooks.)
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Waits, from outside the app, until it has started and the view has drawn, and nothing is
 * loading: a view of the app's is in `main` (not the server's first screen), no region is `aria-busy`, every chart figure shows a chart or a
 * message, and a council briefing is ready (or says why not). A start-up failure is thrown.
 */
export async function settled(page: Page): Promise<void> {
  // The server's first screen (`server/first-screen.ts`) is a view too, until the app replaces it.
  await page.waitForFunction(() => document.querySelector("main .view:not([data-first-screen]), main > .error") !== null, null, { timeout: 30_000 });
  const failure = page.locator("main > .error");
  if ((await failure.count()) > 0) throw new Error(`the app did not start: ${await failure.textContent()}`);
  await page.waitForFunction(
    () => {
      if (document.querySelector("main [aria-busy='true']") !== null) return false;
      const briefing = document.querySelector<HTMLElement>(".briefing");
      if (briefing?.dataset.state === "error" || document.querySelector("main .model-errors li") !== null) return true;
      if (briefing && briefing.dataset.state !== "ready") return false;
      const figures = [...document.querySelectorAll("main figure.chart")];
      return figures.length > 0 && figures.every((f) => f.querySelector(".plot > *") !== null);
    },
    null,
    { timeout: 60_000 },
  );
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) with every `<details>` open, and lists the violations readably. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent())?.trim() ?? "";
}

