/**
 * The languages people read Vaxa in, and how numbers, money, shares and dates are written in them:
 * Swedish (sv-SE: `1 234,5`, `47,9 Mkr`, `12 %`, `23 november 2026`, the default) or English
 * (en-GB: `1,234.5`, `47.9 MSEK`, `12%`). The one place that knows the locales and the "Mkr"
 * rule: the charts, the web app, the notebooks and the command line all format through here, so a
 * caption, its chart, a notebook and a terminal agree. Pure; runs in the browser and in Node.
 */

/** The languages of everything a person reads. */
export type Lang = "sv" | "en";

/** Intl locale of each language. */
export const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** Whether a text names a language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && Object.hasOwn(LOCALE, value);
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, min: number, max: number, style: "decimal" | "percent" = "decimal"): Intl.NumberFormat {
  const key = `${lang}|${min}|${max}|${style}`;
  let format = cache.get(key);
  if (format === undefined) {
    // "negative": a value that rounds to zero is "0", never "−0".
    format = new Intl.NumberFormat(LOCALE[lang], { style, minimumFractionDigits: min, maximumFractionDigits: max, signDisplay: "negative" });
    cache.set(key, format);
  }
  return format;
}

/** Formatting functions for one language. Non-finite values (and null) give "–". */
export interface Formats {
  lang: Lang;
  /** A number with at most `digits` decimals: "1 234,5". */
  number(value: number | null, digits?: number): string;
  /** A number with exactly `digits` decimals: "0,60". */
  fixed(value: number | null, digits: number): string;
  /** FTE, whole: "1 088". */
  fte(value: number | null): string;
  /** Money in millions of the currency with `digits` decimals (default 1): "47,9 Mkr" / "47.9 MSEK". */
  mkr(value: number | null, digits?: number): string;
  /** Money in thousands: "1 346 tkr" / "1,346 kSEK". */
  tkr(value: number | null): string;
  /** A share 0–1 as a percentage with at most `digits` decimals: "12 %" / "12%". */
  percent(share: number | null, digits?: number): string;
  /** A year, never grouped: "2030"; "–" for none. */
  year(year: number | null): string;
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
const finite = (value: number | null): value is number => value !== null && Number.isFinite(value);

/**
 * The formats of a language.
 *
 * @param currency ISO code of the package's currency; "SEK" is written "Mkr"/"tkr" in Swedish.
 * @param timeZone the IANA time zone dates and times are written in; the runtime's own by default.
 * @example formats("sv").mkr(47_854_613) // "47,9 Mkr" (with a non-breaking space)
 */
export function formats(lang: Lang, currency = "SEK", timeZone?: string): Formats {
  const locale = LOCALE[lang];
  const mkrUnit = lang === "sv" && currency === "SEK" ? "Mkr" : `M${currency}`;
  const tkrUnit = lang === "sv" && currency === "SEK" ? "tkr" : `k${currency}`;
  const number = (value: number | null, digits = 0) => (finite(value) ? numberFormat(lang, 0, digits).format(value) : DASH);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone });
  return {
    lang,
    number,
    fixed: (value, digits) => (finite(value) ? numberFormat(lang, digits, digits).format(value) : DASH),
    fte: (value) => number(value, 0),
    mkr: (value, digits = 1) => (finite(value) ? `${numberFormat(lang, digits, digits).format(value / 1e6)}\u00a0${mkrUnit}` : DASH),
    tkr: (value) => (finite(value) ? `${numberFormat(lang, 0, 0).format(value / 1e3)}\u00a0${tkrUnit}` : DASH),
    percent: (share, digits = 0) => (finite(share) ? numberFormat(lang, 0, digits, "percent").format(share) : DASH),
    year: (year) => (year === null ? DASH : String(year)),
    date: (iso) => date.format(typeof iso === "string" ? new Date(iso) : iso),
    dateTime: (iso) => dateTime.format(typeof iso === "string" ? new Date(iso) : iso),
    fteUnit: lang === "sv" ? "årsarbetare" : "FTE",
    mkrUnit,
  };
}
