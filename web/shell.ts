/**
 * The page around the views: skip link, header (name, navigation, language switch), main and
 * footer. Built once; {@link drawShell} writes its texts for the language and marks the view.
 */
import { el } from "./dom.ts";
import type { Lang } from "../contract/locale.ts";
import type { Messages } from "./i18n.ts";
import { FRAGMENT } from "./router.ts";
import type { ViewName } from "./state.ts";

export interface Shell {
  skip: HTMLAnchorElement;
  brand: HTMLElement;
  nav: HTMLElement;
  langButton: HTMLButtonElement;
  main: HTMLElement;
  footer: HTMLElement;
  /**
   * Puts the shell in the page in place of the body the server sent (once; again does nothing).
   * Until then the page shows what the server rendered: its first screen (`server/first-screen.ts`)
   * stays on screen until the view that replaces it is drawn.
   */
  show(): void;
}

/** Marks the server's first screen in the page (`server/first-screen.ts`; `main.ts` keeps it until the live view is drawn). */
export const FIRST_SCREEN_ATTRIBUTE = "data-first-screen";

/** The page's skip link, header, main and footer; shown by {@link Shell.show}. The skip link moves focus to the main content. */
export function createShell(): Shell {
  const skip = el("a", { class: "skip-link", href: "#main" });
  const brand = el("p", { class: "brand" });
  const nav = el("nav");
  const langButton = el("button", { type: "button", class: "lang-switch", id: "lang-switch" });
  const header = el("header", { class: "site-header" }, el("div", { class: "header-inner" }, brand, nav, langButton));
  const main = el("main", { id: "main", tabindex: -1 });
  const footer = el("footer", { class: "site-footer" });
  skip.addEventListener("click", (event) => {
    event.preventDefault();
    main.focus();
  });
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    document.body.replaceChildren(skip, header, main, footer);
  };
  return { skip, brand, nav, langButton, main, footer, show };
}

/** What the shell shows besides its fixed texts. */
export interface ShellContent {
  lang: Lang;
  t: Messages;
  view: ViewName;
  municipality: string;
  packageVersionId: string;
}

/** Writes the shell's texts and marks the current view in the navigation and the title. */
export function drawShell(shell: Shell, { lang, t, view, municipality, packageVersionId }: ShellContent): void {
  document.documentElement.lang = lang;
  document.title = `${t.appName} — ${t.viewTitles[view]}`;
  shell.skip.textContent = t.skip;
  shell.brand.replaceChildren(
    el("a", { href: "#planering", class: "brand-link" }, el("span", { class: "brand-name", text: t.appName })),
    el("span", { class: "brand-tagline", text: ` ${t.tagline} · ${municipality}` }),
  );
  shell.nav.setAttribute("aria-label", t.navLabel);
  shell.nav.replaceChildren(
    el(
      "ul",
      {},
      ...(Object.keys(FRAGMENT) as ViewName[]).map((name) =>
        el(
          "li",
          {},
          el("a", { href: `#${FRAGMENT[name]}`, "aria-current": name === view ? "page" : undefined, "data-view": name, text: t.views[name] }),
        ),
      ),
    ),
  );
  shell.langButton.textContent = t.langSwitch;
  shell.langButton.setAttribute("lang", lang === "sv" ? "en" : "sv");
  shell.langButton.setAttribute("title", t.langSwitchLabel);
  shell.footer.replaceChildren(
    el("p", { text: t.footer(municipality, packageVersionId) }),
    el("p", {}, el("a", { href: "/api/openapi.json", text: t.openApi })),
    el("p", {}, el("a", { href: t.accessibilityHref, text: t.accessibility })),
  );
}
