/**
 * Every text of the charts, in Swedish and English: one table per language with the same keys
 * (the English table is checked against the Swedish one by the type system). Texts with numbers
 * are functions that take them already formatted (`contract/locale.ts`).
 */
import type { Lang } from "../contract/locale.ts";

const sv = {
  fte: "Årsarbetare",
  year: "År",
  mkr: "Mkr",
  probability: "Sannolikhet",
  scenario: "Scenario",
  baseline: "Utan hävstänger (växa med tillväxten)",
  withLevers: "Med hävstänger",
  withoutLevers: "Utan hävstänger",
  baseLevel: (year: number, fte: string) => `Basår ${year}: ${fte} årsarbetare (hålla nollan)`,
  baseYear: (year: number) => `Basår ${year} (hålla nollan)`,
  version: (id: string | undefined) => (id === undefined ? "" : `Scenarioversion ${id}.`),
  versions: (ids: string[]) => `Scenarioversioner ${ids.join(", ")}.`,
  holdsFrom: (year: number) => `Totalt antal årsarbetare håller nollan från ${year}.`,
  holdsNot: (horizon: number) => `Totalt antal årsarbetare håller inte nollan till ${horizon}.`,
  totals: (horizon: number, fte: string, baseline: string) => `År ${horizon}: ${fte} årsarbetare, mot ${baseline} utan hävstänger.`,
  cost: "Kostnad",
  savings: "Besparing",
  cumulative: "Ackumulerat netto",
  hump: (depth: string, year: number) => `Investeringspuckeln är som djupast ${year}: ${depth}.`,
  noHump: "Ackumulerat netto går aldrig under noll: ingen investeringspuckel.",
  payback: (year: number) => `Investeringen är återbetald ${year}.`,
  noPayback: (horizon: number) => `Investeringen är inte återbetald till ${horizon}.`,
  noLevers: "Scenariot har inga hävstänger: inga investeringar och inga besparingar.",
  trough: "Puckelns djupaste punkt",
  paidBack: "Återbetald",
  p50: "Median (P50)",
  band: "80 % av utfallen (P10–P90)",
  deterministic: "Scenariots antaganden",
  low: "Lågt värde",
  high: "Högt värde",
  titles: {
    "fte-per-year": "Årsarbetare per år",
    "fte-per-process": "Årsarbetare per process",
    "cumulative-net": "Investeringspuckeln: ackumulerat netto",
    "cost-savings": "Kostnader och besparingar per år",
    "fte-process-bars": (year: number) => `Årsarbetare per process ${year}`,
    "cumulative-net-band": "Investeringspuckeln med osäkerhet",
    tornado: "Vilka antaganden påverkar mest?",
    "compare-fte": "Årsarbetare per år, scenarier jämförda",
    "compare-year": (year: number) => `Årsarbetare ${year}, med och utan hävstänger`,
    "compare-hump": "Investeringspuckeln, scenarier jämförda",
    "compare-hold-flat": "Sannolikhet att hålla nollan",
  },
  explain: {
    "fte-per-year":
      "Linjen visar kontorsorganisationens årsarbetare med scenariots hävstänger, den streckade utan dem. Den vågräta linjen är basårets nivå.",
    "fte-per-process": "Ytorna visar årsarbetare per process med scenariots hävstänger, inklusive utveckling och omställning.",
    "cumulative-net": "Summan av besparingar minus kostnader från basåret: först en investeringspuckel, sedan återbetalning.",
    "cost-savings":
      "Kostnader: investeringar, licenser, utveckling och omställning. Besparingar: årsarbetare som inte behövs och system som avvecklas.",
    "fte-process-bars": (year: number, base: number) =>
      `Grå stapel: årsarbetare ${year} utan hävstänger. Blå stapel: med scenariots hävstänger, inklusive utveckling och omställning. Röd markering: basåret ${base}.`,
    "cumulative-net-band":
      "Summan av besparingar minus kostnader från basåret. Det skuggade bandet visar var åtta av tio simulerade utfall hamnar.",
    tornado: (output: string) =>
      `Staplarna visar hur mycket ${output} ändras när ett antagande går från sitt låga till sitt höga värde, de andra oförändrade.`,
    "compare-fte": "Heldragna linjer: med hävstänger. Streckade: utan. Den vågräta linjen är basårets nivå.",
    "compare-year": "Grå stapel: utan hävstänger. Färgad stapel: med hävstänger. Röd markering: basårets nivå.",
    "compare-hump": "Summan av besparingar minus kostnader från basåret, per scenario.",
    "compare-hold-flat": "Andelen simuleringar där antalet årsarbetare är högst basårets, per år.",
  },
};

/** The chart texts of one language. */
export type ChartTexts = typeof sv;

const en: ChartTexts = {
  fte: "FTE",
  year: "Year",
  mkr: "MSEK",
  probability: "Probability",
  scenario: "Scenario",
  baseline: "Without levers (grow with growth)",
  withLevers: "With levers",
  withoutLevers: "Without levers",
  baseLevel: (year, fte) => `Base year ${year}: ${fte} FTE (holding flat)`,
  baseYear: (year) => `Base year ${year} (holding flat)`,
  version: (id) => (id === undefined ? "" : `Scenario version ${id}.`),
  versions: (ids) => `Scenario versions ${ids.join(", ")}.`,
  holdsFrom: (year) => `Total FTE holds flat from ${year}.`,
  holdsNot: (horizon) => `Total FTE does not hold flat by ${horizon}.`,
  totals: (horizon, fte, baseline) => `In ${horizon}: ${fte} FTE, against ${baseline} without levers.`,
  cost: "Cost",
  savings: "Savings",
  cumulative: "Cumulative net",
  hump: (depth, year) => `The investment hump is deepest in ${year}: ${depth}.`,
  noHump: "Cumulative net never goes below zero: no investment hump.",
  payback: (year) => `The investment is paid back in ${year}.`,
  noPayback: (horizon) => `The investment is not paid back by ${horizon}.`,
  noLevers: "The scenario has no levers: no investment and no savings.",
  trough: "The hump's deepest point",
  paidBack: "Paid back",
  p50: "Median (P50)",
  band: "80% of outcomes (P10–P90)",
  deterministic: "The scenario's assumptions",
  low: "Low value",
  high: "High value",
  titles: {
    "fte-per-year": "FTE per year",
    "fte-per-process": "FTE per process",
    "cumulative-net": "The investment hump: cumulative net",
    "cost-savings": "Costs and savings per year",
    "fte-process-bars": (year) => `FTE per process in ${year}`,
    "cumulative-net-band": "The investment hump with uncertainty",
    tornado: "Which assumptions matter most?",
    "compare-fte": "FTE per year, scenarios compared",
    "compare-year": (year) => `FTE in ${year}, with and without levers`,
    "compare-hump": "The investment hump, scenarios compared",
    "compare-hold-flat": "Probability of holding headcount flat",
  },
  explain: {
    "fte-per-year":
      "The line shows the office organisation's FTE with the scenario's levers, the dashed line without them. The horizontal line is the base year's level.",
    "fte-per-process": "The areas show FTE per process with the scenario's levers, including development and transition.",
    "cumulative-net": "Savings minus costs summed from the base year: first an investment hump, then payback.",
    "cost-savings": "Costs: investment, licences, development and transition. Savings: FTE no longer needed and systems retired.",
    "fte-process-bars": (year, base) =>
      `Grey bar: FTE in ${year} without levers. Blue bar: with the scenario's levers, including development and transition. Red mark: the base year ${base}.`,
    "cumulative-net-band":
      "Savings minus costs summed from the base year. The shaded band shows where eight of ten simulated outcomes fall.",
    tornado: (output) =>
      `The bars show how much ${output} changes when one assumption goes from its low to its high value, the others unchanged.`,
    "compare-fte": "Solid lines: with levers. Dashed: without. The horizontal line is the base year's level.",
    "compare-year": "Grey bar: without levers. Coloured bar: with levers. Red mark: the base year's level.",
    "compare-hump": "Savings minus costs summed from the base year, per scenario.",
    "compare-hold-flat": "The share of simulations in which total FTE is at most the base year's, per year.",
  },
};

/** The chart texts by language. */
export const TEXT: Record<Lang, ChartTexts> = { sv, en };
