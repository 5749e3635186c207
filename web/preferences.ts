/**
 * What the browser remembers for a person: the language (across visits) and the planner token
 * (for the browser session only). Storage may be unavailable (private mode): then nothing is
 * remembered and the app works on.
 *
 * The language is also a cookie (`vaxa-lang`), the one thing the server reads: it renders the
 * page's first chart in that language (`server/first-screen.ts`), before the app has started.
 */
import { isLang, type Lang } from "../contract/locale.ts";

const LANG_KEY = "vaxa.lang";
const TOKEN_KEY = "vaxa.token";
/** The cookie the server reads the language from (`server/first-screen.ts` `requestLang`). */
export const LANG_COOKIE = "vaxa-lang";

function langCookie(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
}

/** The language of the link (`?lang=en`), else the one chosen before, else Swedish. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (isLang(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) {
      // A choice from before the cookie existed: the server's next page is in it too.
      if (!document.cookie.split("; ").includes(`${LANG_COOKIE}=${saved}`)) langCookie(saved);
      return saved;
    }
  } catch {
    // Storage unavailable: Swedish it is.
  }
  return "sv";
}

export function rememberLang(lang: Lang): void {
  langCookie(lang);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Not remembered; still switched.
  }
}

/** The planner token typed earlier in this browser session, or "". */
export function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberToken(token: string): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Kept in memory only.
  }
}
