/**
 * The paper's answer in three generated sentences per version: can the organisation hold
 * headcount flat and from when; at what investment; with what probability.
 */
import { formats, type Lang } from "../contract/locale.ts";
import type { PaperVersion } from "./paper.ts";
import { PAPER_TEXT } from "./texts.ts";

/** Probabilities this close to 0 or 1 are the same in almost every draw. */
const SURE = 0.02;

/** A name in quotation marks: ”Växa utan att växa” / “Grow without growing”. */
export function quoted(name: string, lang: Lang): string {
  return lang === "sv" ? `”${name}”` : `“${name}”`;
}

/** "12 %", but "under 1 %" and "över 99 %" rather than a rounded 0 or 100 that is not exact. */
export function probabilityText(p: number, lang: Lang): string {
  const f = formats(lang);
  if (p > 0 && p < 0.005) return `${lang === "sv" ? "under" : "under"} ${f.percent(0.01)}`;
  if (p < 1 && p > 0.995) return `${lang === "sv" ? "över" : "over"} ${f.percent(0.99)}`;
  return f.percent(p);
}

/** The three sentences about `version`, the probability in `flatYear`. */
export function summarySentences(version: PaperVersion, flatYear: number, lang: Lang, currency?: string): string[] {
  const t = PAPER_TEXT[lang];
  const f = formats(lang, currency);
  const { result } = version;
  const base = result.totals[0]!;
  const last = result.totals.at(-1)!;
  const name = quoted(version.label, lang);
  const flat =
    result.holdsFlatFrom !== null
      ? t.holdsFrom(name, result.holdsFlatFrom, f.fte(base.totalFte), result.baseYear)
      : t.holdsNot(name, result.horizon, f.fte(last.totalFte), f.fte(base.totalFte), result.baseYear);

  const inv = result.investment;
  const money =
    inv === null
      ? t.noLevers
      : inv.humpYear === null
        ? t.noHump
        : t.hump(f.mkr(inv.humpDepth), inv.humpYear, inv.paybackYear === null ? t.notPaidBack(result.horizon, f.mkr(inv.npv)) : t.paidBack(inv.paybackYear, f.mkr(inv.npv)));

  const u = version.uncertainty;
  const p = u?.holdFlat.find((h) => h.year === flatYear);
  const chance =
    u === null
      ? version.uncertaintyPending
        ? t.probabilityPending
        : t.probabilityMissing
      : u.uncertainParameters === 0 || p === undefined
        ? t.noUncertainty
        : (p.probability <= SURE ? t.probabilityNever : p.probability >= 1 - SURE ? t.probabilityAlways : t.probability)(flatYear, probabilityText(p.probability, lang), f.number(u.draws));
  return [flat, money, chance];
}
