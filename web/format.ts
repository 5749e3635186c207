/**
 * Numbers, money, shares and dates as a person reads them, in Swedish (sv-SE: `1 234,5`, `47,9 Mkr`,
 * `12 %`, `23 november 2026`) or English (en-GB: `1,234.5`, `47.9 MSEK`, `12%`). Pure; the same
 * units as the charts (`server/charts/labels.ts`), so a caption and its chart agree.
 */

/** The languages of the web app. */
export type Lang = "sv" | "en";
export const LANGS: readonly Lang[] = ["sv", "en"];

/** Intl locale of each language. */
export const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** Whether a text names a language of the app. */
export function isLang(value: unknown): value is Lang {
  return value === "sv" || value === "en";
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number, style: "decimal" | "percent" = "decimal"): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}|${style}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[lang], { style, minimumFractionDigits: min, maximumFractionDigits: max });
    cache.set(key, format);
  }
  return format;
}

/** Formatting functions for one language. */
export interface Formats {
  lang: Lang;
  /** A number with at most `digits` decimals: "1 234,5". Non-finite values give "–". */
  number(value: number, digits?: number): string;
  /** A number with exactly `digits` decimals: "0,60". */
  fixed(value: number, digits: number): string;
  /** FTE, whole: "1 088". */
  fte(value: number): string;
  /** Money in millions of the currency with one decimal: "47,9 Mkr" / "47.9 MSEK". */
  mkr(value: number): string;
  /** Money in thousands: "1 346 tkr" / "1,346 kSEK". */
  tkr(value: number): string;
  /** A share 0–1 as a percentage: "12 %" / "12%". */
  percent(share: number, digits?: number): string;
  /** A year, never grouped: "2030". */
  year(year: number): string;
  /** A date from an ISO 8601 time: "23 november 2026" / "23 November 2026". */
  date(iso: string | Date): string;
  /** A date and time from an ISO 8601 time: "2026-11-23 14:05" / "23/11/2026, 14:05". */
  dateTime(iso: string | Date): string;
  /** The unit of FTE in running text: "årsarbetare" / "FTE". */
  fteUnit: string;
  /** The unit of millions of the currency: "Mkr" / "MSEK". */
  mkrUnit: string;
}

const DASH = "–";

/**
 * The formats of a language.
 *
 * @param currency ISO code of the package's currency; "SEK" is written "Mkr"/"tkr" in Swedish.
 * @example formats("sv").mkr(47_854_613) // "47,9 Mkr"
 */
export function formats(lang: Lang, currency = "SEK"): Formats {
  const locale = LOCALE[lang];
  const mkrUnit = lang === "sv" && currency === "SEK" ? "Mkr" : `M${currency}`;
  const tkrUnit = lang === "sv" && currency === "SEK" ? "tkr" : `k${currency}`;
  const number = (value: number, digits = 0) => (Number.isFinite(value) ? numberFormat(lang, 0, digits).format(value) : DASH);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" });
  return {
    lang,
    number,
    fixed: (value, digits) => (Number.isFinite(value) ? numberFormat(lang, digits, digits).format(value) : DASH),
    fte: (value) => number(value, 0),
    mkr: (value) => (Number.isFinite(value) ? `${numberFormat(lang, 1, 1).format(value / 1e6)}\u00a0${mkrUnit}` : DASH),
    tkr: (value) => (Number.isFinite(value) ? `${numberFormat(lang, 0, 0).format(value / 1e3)}\u00a0${tkrUnit}` : DASH),
    percent: (share, digits = 0) => (Number.isFinite(share) ? numberFormat(lang, 0, digits, "percent").format(share) : DASH),
    year: (year) => String(year),
    date: (iso) => date.format(typeof iso === "string" ? new Date(iso) : iso),
    dateTime: (iso) => dateTime.format(typeof iso === "string" ? new Date(iso) : iso),
    fteUnit: lang === "sv" ? "årsarbetare" : "FTE",
    mkrUnit,
  };
}
