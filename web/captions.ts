/**
 * Plain-language captions generated from the numbers, in Swedish or English: what a council member
 * reads under a chart instead of reading the chart.
 *
 * Pure: facts in ({@link scenarioFacts} reads them from a forecast), sentences out. For example
 *
 *     År 2030 behövs 1 088 årsarbetare med hävstängerna, mot 1 173 utan. Investeringspuckeln är
 *     djupast 2022, 47,9 Mkr, och är återbetald 2026. Sannolikheten att hålla nollan 2035 är 12 %.
 *
 * Numbers are written with {@link formats} (non-breaking spaces between thousands in Swedish).
 */
import type { ForecastResult } from "../model/forecast.ts";
import { formats, type Lang } from "../contract/locale.ts";
import { probabilityText, quoted } from "../paper/summary.ts";

export { probabilityText, quoted };

/** What the captions say about one scenario (version). Money in the currency, FTE in FTE. */
export interface ScenarioFacts {
  /** The scenario's name in the caption's language. */
  name: string;
  /** The version's short id, or null for an unsaved scenario. */
  versionId: string | null;
  baseYear: number;
  /** Total FTE in the base year: the level of "hålla nollan". */
  baseFte: number;
  horizon: number;
  /** The year the FTE sentence is about (e.g. 2030). */
  year: number;
  /** Total FTE in `year` with the scenario's levers (delivery + development + transition). */
  fteWith: number;
  /** FTE in `year` without levers (growth only). */
  fteWithout: number;
  /** Whether the scenario has any lever. */
  hasLevers: boolean;
  /** −min(cumulative net) in the currency, or null without a hump (or without levers). */
  humpDepth: number | null;
  humpYear: number | null;
  /** First year the cumulative net is back at zero or above, or null if not within the horizon. */
  paybackYear: number | null;
  /** First year from which total FTE stays at or below the base year, or null. */
  holdsFlatFrom: number | null;
  /** Monte Carlo probability (0–1) that total FTE is at or below the base year in `year`, or null if not computed. */
  flat: { year: number; probability: number } | null;
  /** Monte Carlo P10 and P90 of the hump's depth, or null if not computed. */
  humpRange: { p10: number; p90: number } | null;
}

/** Options of {@link scenarioFacts}. */
export interface FactsOptions {
  name: string;
  versionId?: string | null;
  /** The year the FTE sentence is about; clamped to the forecast's years. Default 2030. */
  year?: number;
  flat?: { year: number; probability: number } | null;
  humpRange?: { p10: number; p90: number } | null;
}

/**
 * The facts a caption needs, read from a forecast.
 *
 * @example scenarioFacts(result, { name: "Växa utan att växa", versionId: "3f2a9c1d0b4e", year: 2030 })
 */
export function scenarioFacts(result: ForecastResult, options: FactsOptions): ScenarioFacts {
  const first = result.totals[0]!;
  const last = result.totals.at(-1)!;
  const year = Math.min(Math.max(options.year ?? 2030, first.year), last.year);
  const row = result.totals.find((t) => t.year === year) ?? last;
  const inv = result.investment;
  return {
    name: options.name,
    versionId: options.versionId ?? null,
    baseYear: result.baseYear,
    baseFte: first.totalFte,
    horizon: result.horizon,
    year,
    fteWith: row.totalFte,
    fteWithout: row.baselineFte,
    hasLevers: inv !== null,
    humpDepth: inv !== null && inv.humpYear !== null ? inv.humpDepth : null,
    humpYear: inv?.humpYear ?? null,
    paybackYear: inv?.paybackYear ?? null,
    holdsFlatFrom: result.holdsFlatFrom,
    flat: options.flat ?? null,
    humpRange: options.humpRange ?? null,
  };
}

/** Joins names: "A", "A och B", "A, B och C" / "A and B". */
export function listText(items: string[], lang: Lang): string {
  const and = lang === "sv" ? "och" : "and";
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

/**
 * FTE in the year in focus, with and without the levers: "År 2030 behövs 1 088 årsarbetare med
 * hävstängerna, mot 1 173 utan." Without levers, the change since the base year instead.
 */
export function fteSentence(f: ScenarioFacts, lang: Lang): string {
  const x = formats(lang);
  if (f.hasLevers) {
    return lang === "sv"
      ? `År ${f.year} behövs ${x.fte(f.fteWith)} årsarbetare med hävstängerna, mot ${x.fte(f.fteWithout)} utan.`
      : `In ${f.year}, ${x.fte(f.fteWith)} FTE are needed with the levers, against ${x.fte(f.fteWithout)} without.`;
  }
  const diff = Math.round(f.fteWith) - Math.round(f.baseFte);
  if (lang === "sv") {
    const change = diff === 0 ? "lika många som" : diff > 0 ? `${x.fte(diff)} fler än` : `${x.fte(-diff)} färre än`;
    return `År ${f.year} behövs ${x.fte(f.fteWith)} årsarbetare, ${change} basåret ${f.baseYear} (${x.fte(f.baseFte)}).`;
  }
  const change = diff === 0 ? "as many as" : diff > 0 ? `${x.fte(diff)} more than` : `${x.fte(-diff)} fewer than`;
  return `In ${f.year}, ${x.fte(f.fteWith)} FTE are needed, ${change} in the base year ${f.baseYear} (${x.fte(f.baseFte)}).`;
}

/**
 * Whether total FTE holds at the base year's level: "Antalet årsarbetare håller nollan (högst 952,
 * som basåret 2018) från 2031."
 */
export function holdsFlatSentence(f: ScenarioFacts, lang: Lang): string {
  const x = formats(lang);
  if (f.holdsFlatFrom !== null) {
    return lang === "sv"
      ? `Antalet årsarbetare håller nollan (högst ${x.fte(f.baseFte)}, som basåret ${f.baseYear}) från ${f.holdsFlatFrom}.`
      : `Total FTE holds flat (at most ${x.fte(f.baseFte)}, the base year ${f.baseYear}'s level) from ${f.holdsFlatFrom}.`;
  }
  return lang === "sv"
    ? `Antalet årsarbetare kommer inte ned till basårets ${x.fte(f.baseFte)} (${f.baseYear}) före ${f.horizon}.`
    : `Total FTE does not come down to the base year's ${x.fte(f.baseFte)} (${f.baseYear}) by ${f.horizon}.`;
}

/**
 * The investment hump: "Investeringspuckeln är djupast 2022, 47,9 Mkr, och är återbetald 2026."
 * Empty for a scenario without levers.
 */
export function humpSentence(f: ScenarioFacts, lang: Lang): string {
  const x = formats(lang);
  if (!f.hasLevers) return "";
  if (f.humpDepth === null || f.humpYear === null) {
    return lang === "sv"
      ? "Hävstängerna kräver ingen investeringspuckel: besparingarna är större än kostnaderna varje år."
      : "The levers need no investment hump: the savings exceed the costs in every year.";
  }
  if (lang === "sv") {
    const payback = f.paybackYear === null ? `och är inte återbetald till ${f.horizon}` : `och är återbetald ${f.paybackYear}`;
    return `Investeringspuckeln är djupast ${f.humpYear}, ${x.mkr(f.humpDepth)}, ${payback}.`;
  }
  const payback = f.paybackYear === null ? `and is not paid back by ${f.horizon}` : `and has paid for itself by ${f.paybackYear}`;
  return `The investment hump is deepest in ${f.humpYear}, ${x.mkr(f.humpDepth)}, ${payback}.`;
}

/** The Monte Carlo range of the hump: "I fyra fall av fem är puckeln mellan 30,1 och 70,4 Mkr djup." */
export function humpRangeSentence(f: ScenarioFacts, lang: Lang): string {
  if (!f.hasLevers || f.humpRange === null) return "";
  const x = formats(lang);
  const low = x.fixed(f.humpRange.p10 / 1e6, 1);
  return lang === "sv"
    ? `I fyra fall av fem (P10–P90) är puckeln mellan ${low} och ${x.mkr(f.humpRange.p90)} djup.`
    : `In four cases out of five (P10–P90) the hump is between ${low} and ${x.mkr(f.humpRange.p90)} deep.`;
}

/** "Sannolikheten att hålla nollan 2035 är 12 %." Empty when not computed. */
export function flatSentence(f: ScenarioFacts, lang: Lang): string {
  if (f.flat === null) return "";
  const p = probabilityText(f.flat.probability, lang);
  return lang === "sv"
    ? `Sannolikheten att hålla nollan ${f.flat.year} är ${p}.`
    : `The probability of holding headcount flat in ${f.flat.year} is ${p}.`;
}

/** The caption of one scenario: FTE in the year in focus, the hump, the probability of holding flat. */
export function scenarioCaption(f: ScenarioFacts, lang: Lang): string {
  return [fteSentence(f, lang), humpSentence(f, lang), flatSentence(f, lang)].filter((s) => s !== "").join(" ");
}

/** What {@link tornadoCaption} needs of a tornado: its outcome in words, its base, its widest bar. */
export interface TornadoFacts {
  /** The outcome in the caption's language: "puckelns djup". */
  output: string;
  unit: "money" | "fte";
  /** The outcome with every uncertain assumption at its median. */
  base: number;
  /** The assumption that moves the outcome most, in words, and the outcome at its low and high value. */
  top: { label: string; outputAtLow: number; outputAtHigh: number } | null;
}

/**
 * The tornado in words: "Mittlinjen är puckelns djup med alla osäkra antaganden på sina
 * medianvärden, 67,5 Mkr. Mest betyder ”Göra det vi ska: mittpunkt”: från 61,0 till 72,9 Mkr."
 */
export function tornadoCaption(f: TornadoFacts, lang: Lang): string {
  const x = formats(lang);
  const value = (v: number) => (f.unit === "money" ? x.mkr(v) : `${x.number(v, 0)} ${x.fteUnit}`);
  const bare = (v: number) => (f.unit === "money" ? x.fixed(v / 1e6, 1) : x.number(v, 0));
  const sentences = [
    lang === "sv"
      ? `Mittlinjen är ${f.output} med alla osäkra antaganden på sina medianvärden, ${value(f.base)}.`
      : `The centre line is ${f.output} with every uncertain assumption at its median, ${value(f.base)}.`,
  ];
  if (f.top !== null) {
    const [low, high] = [f.top.outputAtLow, f.top.outputAtHigh].sort((a, b) => a - b) as [number, number];
    sentences.push(
      lang === "sv"
        ? `Mest betyder ${quoted(f.top.label, lang)}: mellan ${bare(low)} och ${value(high)} beroende på dess värde.`
        : `${quoted(f.top.label, lang)} matters most: between ${bare(low)} and ${value(high)} depending on its value.`,
    );
  }
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Comparisons of several scenario versions (the council view)

/** "… i ”A” (version 3f2a9c1d0b4e)" is too long for a caption; names only, ids are printed beside. */
function nameOf(f: ScenarioFacts, lang: Lang): string {
  return quoted(f.name, lang);
}

/**
 * FTE in the year in focus for each version: "År 2030 behövs 1 088 årsarbetare i ”Växa utan att
 * växa” med hävstängerna, mot 1 173 utan. I ”Dubbel tillväxttakt” behövs 1 173. Basåret 2018 var
 * det 952."
 */
export function compareFteCaption(list: ScenarioFacts[], lang: Lang): string {
  if (list.length === 0) return "";
  const x = formats(lang);
  const year = list[0]!.year;
  const sentences = list.map((f, i) => {
    const name = nameOf(f, lang);
    const levers = f.hasLevers
      ? lang === "sv"
        ? ` med hävstängerna, mot ${x.fte(f.fteWithout)} utan`
        : ` with the levers, against ${x.fte(f.fteWithout)} without`
      : "";
    if (lang === "sv") {
      return i === 0
        ? `År ${year} behövs ${x.fte(f.fteWith)} årsarbetare i ${name}${levers}.`
        : `I ${name} behövs ${x.fte(f.fteWith)}${levers}.`;
    }
    return i === 0
      ? `In ${year}, ${name} needs ${x.fte(f.fteWith)} FTE${levers}.`
      : `${name} needs ${x.fte(f.fteWith)}${levers}.`;
  });
  const base = list[0]!;
  sentences.push(
    lang === "sv"
      ? `Basåret ${base.baseYear} var det ${x.fte(base.baseFte)}.`
      : `In the base year ${base.baseYear} it was ${x.fte(base.baseFte)}.`,
  );
  if (list.length > 1) {
    const sorted = [...list].sort((a, b) => a.fteWith - b.fteWith);
    const low = sorted[0]!;
    const high = sorted.at(-1)!;
    const gap = Math.round(high.fteWith) - Math.round(low.fteWith);
    if (gap > 0) {
      sentences.push(
        lang === "sv"
          ? `Skillnaden mellan ${nameOf(low, lang)} och ${nameOf(high, lang)} är ${x.fte(gap)} årsarbetare.`
          : `The difference between ${nameOf(low, lang)} and ${nameOf(high, lang)} is ${x.fte(gap)} FTE.`,
      );
    }
  }
  return sentences.join(" ");
}

/** When each version holds flat, if it does: the caption of the FTE-per-year comparison. */
export function compareHoldsFlatCaption(list: ScenarioFacts[], lang: Lang): string {
  if (list.length === 0) return "";
  const x = formats(lang);
  const base = list[0]!;
  const holding = list.filter((f) => f.holdsFlatFrom !== null);
  const not = list.filter((f) => f.holdsFlatFrom === null);
  const sentences: string[] = [
    lang === "sv"
      ? `Den vågräta linjen är basårets ${x.fte(base.baseFte)} årsarbetare (${base.baseYear}): att hålla nollan är att ligga på eller under den.`
      : `The horizontal line is the base year's ${x.fte(base.baseFte)} FTE (${base.baseYear}): holding flat means staying on or below it.`,
  ];
  for (const f of holding) {
    sentences.push(
      lang === "sv"
        ? `${capitalized(nameOf(f, lang))} håller nollan från ${f.holdsFlatFrom}.`
        : `${nameOf(f, lang)} holds flat from ${f.holdsFlatFrom}.`,
    );
  }
  if (not.length > 0) {
    const names = listText(
      not.map((f) => nameOf(f, lang)),
      lang,
    );
    sentences.push(
      lang === "sv"
        ? `${capitalized(names)} håller inte nollan före ${base.horizon}.`
        : `${names} ${not.length === 1 ? "does" : "do"} not hold flat by ${base.horizon}.`,
    );
  }
  return sentences.join(" ");
}

/** The hump of each version: "I ”A” är investeringspuckeln djupast 2022, 47,9 Mkr, och återbetald 2026." */
export function compareHumpCaption(list: ScenarioFacts[], lang: Lang): string {
  const x = formats(lang);
  const sentences: string[] = [];
  for (const f of list) {
    const name = nameOf(f, lang);
    if (!f.hasLevers) {
      continue;
    } else if (f.humpDepth === null || f.humpYear === null) {
      sentences.push(
        lang === "sv" ? `${capitalized(name)} har ingen investeringspuckel.` : `${name} has no investment hump.`,
      );
    } else if (lang === "sv") {
      const payback = f.paybackYear === null ? `och inte återbetald till ${f.horizon}` : `och återbetald ${f.paybackYear}`;
      sentences.push(`I ${name} är investeringspuckeln djupast ${f.humpYear}, ${x.mkr(f.humpDepth)}, ${payback}.`);
    } else {
      const payback = f.paybackYear === null ? `and not paid back by ${f.horizon}` : `and paid back by ${f.paybackYear}`;
      sentences.push(`In ${name} the investment hump is deepest in ${f.humpYear}, ${x.mkr(f.humpDepth)}, ${payback}.`);
    }
  }
  const without = list.filter((f) => !f.hasLevers).map((f) => nameOf(f, lang));
  if (without.length > 0) {
    const names = listText(without, lang);
    sentences.push(
      lang === "sv"
        ? `${capitalized(names)} har inga hävstänger och därmed ingen investering.`
        : `${names} ${without.length === 1 ? "has" : "have"} no levers and so no investment.`,
    );
  }
  return sentences.join(" ");
}

/** "Sannolikheten att hålla nollan 2035 är 12 % i ”A” och 0 % i ”B”." */
export function compareFlatCaption(list: ScenarioFacts[], lang: Lang): string {
  const known = list.filter((f) => f.flat !== null);
  if (known.length === 0) return "";
  const year = known[0]!.flat!.year;
  const parts = known.map((f) =>
    lang === "sv"
      ? `${probabilityText(f.flat!.probability, lang)} i ${nameOf(f, lang)}`
      : `${probabilityText(f.flat!.probability, lang)} in ${nameOf(f, lang)}`,
  );
  const sentence =
    lang === "sv"
      ? `Sannolikheten att hålla nollan ${year} är ${listText(parts, lang)}.`
      : `The probability of holding headcount flat in ${year} is ${listText(parts, lang)}.`;
  const explain =
    lang === "sv"
      ? "Sannolikheten är andelen av många simuleringar med osäkra antaganden där antalet årsarbetare är högst basårets."
      : "The probability is the share of many simulations with uncertain assumptions in which total FTE is at most the base year's.";
  return `${sentence} ${explain}`;
}

function capitalized(text: string): string {
  // A quoted name starts with the quotation mark: capitalize its first letter instead.
  const i = /^[”“"]/.test(text) ? 1 : 0;
  return text.slice(0, i) + text.charAt(i).toUpperCase() + text.slice(i + 1);
}
