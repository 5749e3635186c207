/**
 * Reading the categories of a statistical table: ages, sexes, years and regions as SCB, Kolada and
 * municipal forecasts write them (codes or texts, Swedish or English), and the status symbols that
 * stand where a figure is missing.
 */
import type { AgeBand } from "../../model/age-bands.ts";
import type { Sex } from "./import-types.ts";

const TOTAL = /^(tot(alt?)?\d*|total|samtliga( åldrar)?|alla( åldrar)?|totalt ålder|all ages|both sexes|båda könen|totalt kön|1\+2|t)$/;

/**
 * An age category: one age (`"7"`, `"7 år"`), a group (`"0-4"`, `"80–84 år"`), an open group
 * (`"100+"`, `"100+ år"`, `"95 år och äldre"`, `"90 and over"`, `"-4"` for "up to 4"), or the total
 * (`"tot"`, `"totalt"`, `"samtliga åldrar"`); undefined when it is none of these.
 *
 * @example parseAge("80–84 år") // { from: 80, to: 84 }
 */
export function parseAge(text: string): AgeBand | "total" | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (TOTAL.test(t)) return "total";
  const plain = t.replace(/(^|\s)(år|years?|yrs)(?=\s|$)/g, " ").replace(/\s+/g, " ").trim();
  let match = /^(\d{1,3}) ?(\+|-|–|och äldre|och över|eller äldre|and over|and older|or older|w)$/.exec(plain) ?? /^(\d{1,3})\+ ?$/.exec(plain);
  if (match !== null) return { from: Number(match[1]), to: null };
  match = /^(\d{1,3}) ?[-–] ?(\d{1,3})$/.exec(plain);
  if (match !== null) {
    const band = { from: Number(match[1]), to: Number(match[2]) };
    return band.to >= band.from ? band : undefined;
  }
  match = /^[-–] ?(\d{1,3})$/.exec(plain);
  if (match !== null) return { from: 0, to: Number(match[1]) };
  match = /^(\d{1,3})$/.exec(plain);
  if (match !== null) return { from: Number(match[1]), to: Number(match[1]) };
  return undefined;
}

/**
 * A sex category: SCB's codes `1` (men) and `2` (women), Kolada's `M`, `K` and `T`, or the words in
 * Swedish or English; undefined when it is none of these.
 */
export function parseSex(text: string): Sex | undefined {
  const t = text.trim().toLowerCase();
  if (TOTAL.test(t) || t === "1+2" || t === "totalt" || t === "alla") return "total";
  if (["1", "m", "män", "man", "men", "male", "males", "pojkar", "boys"].includes(t)) return "men";
  if (["2", "k", "kvinnor", "kvinna", "women", "woman", "female", "females", "f", "flickor", "girls"].includes(t)) return "women";
  return undefined;
}

/** A whole year from 1900 to 2200 (`"2024"`, `2024`), or undefined. */
export function parseYear(text: string | number): number | undefined {
  const t = String(text).trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= 1900 && year <= 2200 ? year : undefined;
}

/** Status symbols SCB, PX files and Kolada write where a figure is missing, confidential or not applicable. */
const STATUS_SYMBOLS = new Set([".", "..", "...", "....", ".....", "......", ":", "-", "–", "x", "X"]);

/** Whether `text` is a status symbol (kept as missing, never read as zero). */
export function isStatusSymbol(text: string): boolean {
  return STATUS_SYMBOLS.has(text.trim());
}

/** What a status symbol means in SCB's tables, for messages. */
export function statusMeaning(symbol: string): { sv: string; en: string } {
  switch (symbol.trim()) {
    case "..":
      return { sv: "uppgift inte tillgänglig eller för osäker", en: "not available or too uncertain" };
    case ".":
      return { sv: "uppgift kan inte förekomma", en: "cannot occur" };
    case ":":
      return { sv: "uppgift skyddad (sekretess)", en: "confidential" };
    case "-":
    case "–":
      return { sv: "inget finns att redovisa (skriv 0 själv om det är det som avses)", en: "nothing to report (write 0 yourself if that is meant)" };
    default:
      return { sv: "värde saknas", en: "missing value" };
  }
}

/** `"0182 Nacka"` → `{ code: "0182", name: "Nacka" }`; a label without a leading code keeps `code` as given. */
export function splitRegionLabel(code: string, label: string): { code: string; name: string } {
  const match = /^(\d{2,4})\s+(.+)$/.exec(label.trim());
  if (match !== null) return { code: match[1] ?? code, name: match[2] ?? label };
  return { code, name: label.trim() };
}

/** Whether a region (code and name) is the one asked for by code or name ("0182", "Nacka", "Nacka kommun"). */
export function regionMatches(region: { code: string; name: string }, wanted: string): boolean {
  const simplify = (s: string) => s.trim().toLowerCase().replace(/\s+(kommun|municipality|stad)$/, "").replace(/s$/, "");
  const w = wanted.trim().toLowerCase();
  return region.code.toLowerCase() === w || simplify(region.name) === simplify(wanted) || `${region.code} ${region.name}`.toLowerCase() === w;
}

/** Words in a title or contents that mark a projection or forecast rather than statistics of the past. */
export function looksLikeProjection(text: string): boolean {
  return /framskrivning|prognos|projection|forecast|projected/i.test(text);
}

/**
 * Among several contents of a table, the one that is the population (SCB's BE0101N1, or a label
 * starting "Folkmängd", "Befolkning" or "Population"), when exactly one is; else undefined.
 */
export function populationContents(entries: { code: string; name: string }[]): number | undefined {
  const matches = entries.flatMap((e, i) => (/^BE0101N1$/i.test(e.code) || /^(folkmängd|befolkning|population)\b/i.test(e.name) ? [i] : []));
  return matches.length === 1 ? matches[0] : undefined;
}
