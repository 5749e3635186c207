/**
 * What the browser remembers for a person: the language (across visits) and the planner token
 * (for the browser session only). Storage may be unavailable (private mode): then nothing is
 * remembered and the app works on.
 */
import { isLang, type Lang } from "../contract/locale.ts";

const LANG_KEY = "vaxa.lang";
const TOKEN_KEY = "vaxa.token";

/** The language of the link (`?lang=en`), else the one chosen before, else Swedish. */
export function initialLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get("lang");
  if (isLang(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage unavailable: Swedish it is.
  }
  return "sv";
}

export function rememberLang(lang: Lang): void {
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
