/**
 * Texts, colours and option types of the charts the web app added to this folder (planner,
 * finance and council views): per-process bars, the hump with its Monte Carlo band, the tornado,
 * and the comparisons of several scenario versions. Like the rest of the folder this runs in the
 * browser and on the server and imports only Observable Plot (and the model's types).
 */
import type { ForecastResult } from "../../model/forecast.ts";
import type { ChartLang } from "./chart-spec.ts";

/** One scenario version in a comparison chart. */
export interface CompareEntry {
  /** The scenario's name in the chart's language. */
  label: string;
  /** The version's short id (12 hex digits). */
  versionId: string;
  result: ForecastResult;
  /**
   * Monte Carlo probability (0–1) per year that total FTE is at or below the base year's, or
   * undefined when it was not computed.
   */
  holdFlat?: { year: number; probability: number }[] | undefined;
}

/** Options of the comparison charts. */
export interface CompareOptions {
  lang: ChartLang;
  /** The municipality's name, for the subtitle. */
  municipality?: string;
  /** The year in focus (bars), default 2030 or the last year. */
  year?: number;
  /** Replaces the generated caption (e.g. with the web app's plain-language caption). */
  caption?: string;
  /** Width in pixels, default 720. */
  width?: number;
}

/** Colours of up to four compared versions: each at least 4.5:1 against white. */
export const VERSION_COLORS = ["#1f5fa8", "#a94a05", "#2e7d32", "#6b3fa0"] as const;

/** Grey of "without levers" bars and lines: 3.5:1 against white (WCAG 1.4.11 for graphics). */
export const BASELINE_GREY = "#858585";

/**
 * Room for a bar chart's category labels: the left margin (pixels) that fits the longest label at
 * `fontSize`, at most `share` of the width, and a function that shortens longer labels with "…".
 */
export function labelRoom(labels: string[], width: number, fontSize = 12, share = 0.42): { margin: number; fit: (label: string) => string } {
  const charWidth = fontSize * 0.56;
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  const margin = Math.ceil(Math.min(width * share, 16 + longest * charWidth));
  const chars = Math.max(8, Math.floor((margin - 16) / charWidth));
  return { margin, fit: (label) => (label.length <= chars ? label : `${label.slice(0, chars - 1).trimEnd()}…`) };
}

/** The year in focus: the asked year within the forecast's years, default 2030. */
export function focusYear(result: ForecastResult, year: number | undefined): number {
  const first = result.years[0]!;
  const last = result.years.at(-1)!;
  return Math.min(Math.max(year ?? 2030, first), last);
}

export const WEB_TEXT = {
  sv: {
    fte: "Årsarbetare",
    year: "År",
    mkr: "Mkr",
    probability: "Sannolikhet",
    withLevers: "Med hävstänger",
    withoutLevers: "Utan hävstänger",
    baseYear: (year: number) => `Basår ${year} (hålla nollan)`,
    versions: (ids: string[]) => `Scenarioversioner ${ids.join(", ")}.`,
    version: (id: string) => `Scenarioversion ${id}.`,
    p50: "Median (P50)",
    band: "80 % av utfallen (P10–P90)",
    deterministic: "Scenariots antaganden",
    titles: {
      "fte-process-bars": (year: number) => `Årsarbetare per process ${year}`,
      "cumulative-net-band": "Investeringspuckeln med osäkerhet",
      tornado: "Vilka antaganden påverkar mest?",
      "compare-fte": "Årsarbetare per år, scenarier jämförda",
      "compare-year": (year: number) => `Årsarbetare ${year}, med och utan hävstänger`,
      "compare-hump": "Investeringspuckeln, scenarier jämförda",
      "compare-hold-flat": "Sannolikhet att hålla nollan",
    },
    explain: {
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
    low: "Lågt värde",
    high: "Högt värde",
  },
  en: {
    fte: "FTE",
    year: "Year",
    mkr: "MSEK",
    probability: "Probability",
    withLevers: "With levers",
    withoutLevers: "Without levers",
    baseYear: (year: number) => `Base year ${year} (holding flat)`,
    versions: (ids: string[]) => `Scenario versions ${ids.join(", ")}.`,
    version: (id: string) => `Scenario version ${id}.`,
    p50: "Median (P50)",
    band: "80% of outcomes (P10–P90)",
    deterministic: "The scenario's assumptions",
    titles: {
      "fte-process-bars": (year: number) => `FTE per process in ${year}`,
      "cumulative-net-band": "The investment hump with uncertainty",
      tornado: "Which assumptions matter most?",
      "compare-fte": "FTE per year, scenarios compared",
      "compare-year": (year: number) => `FTE in ${year}, with and without levers`,
      "compare-hump": "The investment hump, scenarios compared",
      "compare-hold-flat": "Probability of holding headcount flat",
    },
    explain: {
      "fte-process-bars": (year: number, base: number) =>
        `Grey bar: FTE in ${year} without levers. Blue bar: with the scenario's levers, including development and transition. Red mark: the base year ${base}.`,
      "cumulative-net-band":
        "Savings minus costs summed from the base year. The shaded band shows where eight of ten simulated outcomes fall.",
      tornado: (output: string) =>
        `The bars show how much ${output} changes when one assumption goes from its low to its high value, the others unchanged.`,
      "compare-fte": "Solid lines: with levers. Dashed: without. The horizontal line is the base year's level.",
      "compare-year": "Grey bar: without levers. Coloured bar: with levers. Red mark: the base year's level.",
      "compare-hump": "Savings minus costs summed from the base year, per scenario.",
      "compare-hold-flat": "The share of simulations in which total FTE is at most the base year's, per year.",
    },
    low: "Low value",
    high: "High value",
  },
} as const;
