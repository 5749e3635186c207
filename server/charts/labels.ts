/**
 * Texts and number formats of the charts, Swedish and English. Swedish numbers are written the
 * Swedish way: "1 234,5" (non-breaking space, decimal comma), minus as "−".
 */
import type { ChartLang, ChartOptions } from "./chart-spec.ts";

export const LOCALE: Record<ChartLang, string> = { sv: "sv-SE", en: "en-GB" };

/** A number formatter with at most `digits` decimals in the language's style. */
export function numberFormat(lang: ChartLang, digits = 0): (value: number) => string {
  const format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return (value: number) => format.format(value);
}

/** Millions of the currency: "47,9 Mkr" / "47.9 MSEK". */
export function millions(lang: ChartLang, currency = "SEK"): (value: number) => string {
  const format = numberFormat(lang, 1);
  const unit = lang === "sv" && currency === "SEK" ? "Mkr" : `M${currency}`;
  return (value: number) => `${format(value / 1e6)} ${unit}`;
}

export const TEXT = {
  sv: {
    fte: "Årsarbetare",
    year: "År",
    mkr: "Mkr",
    scenario: "Scenario",
    baseline: "Utan hävstänger (växa med tillväxten)",
    baseLevel: (year: number, fte: string) => `Basår ${year}: ${fte} årsarbetare (hålla nollan)`,
    version: (id: string) => `Scenarioversion ${id}.`,
    holdsFrom: (year: number) => `Totalt antal årsarbetare håller nollan från ${year}.`,
    holdsNot: (horizon: number) => `Totalt antal årsarbetare håller inte nollan till ${horizon}.`,
    totals: (horizon: number, fte: string, baseline: string) =>
      `År ${horizon}: ${fte} årsarbetare, mot ${baseline} utan hävstänger.`,
    cost: "Kostnad",
    savings: "Besparing",
    cumulative: "Ackumulerat netto",
    hump: (depth: string, year: number) => `Investeringspuckeln är som djupast ${year}: ${depth}.`,
    noHump: "Ackumulerat netto går aldrig under noll: ingen investeringspuckel.",
    payback: (year: number) => `Investeringen är återbetald ${year}.`,
    noPayback: (horizon: number) => `Investeringen är inte återbetald till ${horizon}.`,
    noLevers: "Scenariot har inga hävstänger: inga investeringar och inga besparingar.",
    titles: {
      "fte-per-year": "Årsarbetare per år",
      "fte-per-process": "Årsarbetare per process",
      "cumulative-net": "Investeringspuckeln: ackumulerat netto",
      "cost-savings": "Kostnader och besparingar per år",
    },
    explain: {
      "fte-per-year": "Linjen visar kontorsorganisationens årsarbetare med scenariots hävstänger, den streckade utan dem. Den vågräta linjen är basårets nivå.",
      "fte-per-process": "Ytorna visar årsarbetare per process med scenariots hävstänger, inklusive utveckling och omställning.",
      "cumulative-net": "Summan av besparingar minus kostnader från basåret: först en investeringspuckel, sedan återbetalning.",
      "cost-savings": "Kostnader: investeringar, licenser, utveckling och omställning. Besparingar: årsarbetare som inte behövs och system som avvecklas.",
    },
  },
  en: {
    fte: "FTE",
    year: "Year",
    mkr: "MSEK",
    scenario: "Scenario",
    baseline: "Without levers (grow with growth)",
    baseLevel: (year: number, fte: string) => `Base year ${year}: ${fte} FTE (holding flat)`,
    version: (id: string) => `Scenario version ${id}.`,
    holdsFrom: (year: number) => `Total FTE holds flat from ${year}.`,
    holdsNot: (horizon: number) => `Total FTE does not hold flat by ${horizon}.`,
    totals: (horizon: number, fte: string, baseline: string) => `In ${horizon}: ${fte} FTE, against ${baseline} without levers.`,
    cost: "Cost",
    savings: "Savings",
    cumulative: "Cumulative net",
    hump: (depth: string, year: number) => `The investment hump is deepest in ${year}: ${depth}.`,
    noHump: "Cumulative net never goes below zero: no investment hump.",
    payback: (year: number) => `The investment is paid back in ${year}.`,
    noPayback: (horizon: number) => `The investment is not paid back by ${horizon}.`,
    noLevers: "The scenario has no levers: no investment and no savings.",
    titles: {
      "fte-per-year": "FTE per year",
      "fte-per-process": "FTE per process",
      "cumulative-net": "The investment hump: cumulative net",
      "cost-savings": "Costs and savings per year",
    },
    explain: {
      "fte-per-year": "The line shows the office organisation's FTE with the scenario's levers, the dashed line without them. The horizontal line is the base year's level.",
      "fte-per-process": "The areas show FTE per process with the scenario's levers, including development and transition.",
      "cumulative-net": "Savings minus costs summed from the base year: first an investment hump, then payback.",
      "cost-savings": "Costs: investment, licences, development and transition. Savings: FTE no longer needed and systems retired.",
    },
  },
} as const;

/** The subtitle: municipality and scenario name. */
export function subtitleOf(options: ChartOptions, scenarioId: string): string {
  const name = options.scenarioName ?? scenarioId;
  return options.municipality ? `${options.municipality} — ${name}` : name;
}

/** A year on an axis: "2030", never "2 030". */
export const yearFormat = (year: number): string => String(year);

/** The frame every chart over the years shares: its size, the room for y ticks, and years on x. */
export function yearFrame(width: number | undefined, height: number, yearLabel: string) {
  return { width: width ?? 720, height, marginLeft: 60, x: { label: yearLabel, tickFormat: yearFormat } };
}

export const COLORS = {
  scenario: "#1f5fa8",
  baseline: "#7a7a7a",
  baseLevel: "#c0392b",
  cost: "#c0392b",
  savings: "#2e7d32",
  cumulative: "#1f5fa8",
} as const;
