/**
 * The tornado of the finance view, computed in the browser by the model's own sensitivity analysis
 * (`model/sensitivity.ts`) on the compiled plan: one-at-a-time runs, each uncertain assumption at
 * its P10 and its P90 with the others at their medians (a few dozen runs of well under a
 * millisecond each). Here only the outcome is chosen and the assumptions are named in words.
 */
import type { DataPackage } from "../model/data-package.ts";
import type { ModelPlan } from "../model/plan.ts";
import { tornado } from "../model/sensitivity.ts";
import type { TornadoChartBar } from "../charts/tornado.ts";
import type { Lang } from "../contract/locale.ts";
import { formats } from "../contract/locale.ts";
import { driverName } from "./i18n.ts";

/** A bar with the assumption's low and high values in words. */
export interface WebTornadoBar extends TornadoChartBar {
  lowText: string;
  highText: string;
}

export interface TornadoResult {
  /** The outcome with every uncertain assumption at its median. */
  base: number;
  /** "money" (currency) or "fte". */
  unit: "money" | "fte";
  /** What the outcome is, in words. */
  output: { sv: string; en: string };
  bars: WebTornadoBar[];
}

/** A parameter path in words: "levers.e_services.efficiency" → "E-tjänster: effektivitet". */
export function parameterLabel(path: string, lang: Lang, pkg: DataPackage): string {
  const parts = path.split(".");
  if (path === "growthMultiplier") return lang === "sv" ? "Tillväxtmultiplikator" : "Growth multiplier";
  if (path === "costPerFte") return lang === "sv" ? "Kostnad per årsarbetare" : "Cost per FTE";
  if (path === "discountRate") return lang === "sv" ? "Diskonteringsränta" : "Discount rate";
  if (path === "levers.intensity") return lang === "sv" ? "Hävstängernas intensitet" : "Lever intensity";
  if (path === "levers.midpointShift") return lang === "sv" ? "Hävstängernas tidpunkt" : "Lever timing";
  if (parts[0] === "drivers") return lang === "sv" ? `Tillväxt för ${driverName(lang, parts[1] ?? "")}` : `Growth of ${driverName(lang, parts[1] ?? "")}`;
  if (parts[0] === "levers") {
    const lever = pkg.levers.find((l) => l.id === parts[1]);
    const name = lever?.name[lang] ?? parts[1] ?? path;
    const rest = parts.slice(2).join(".");
    const words: Record<string, { sv: string; en: string }> = {
      efficiency: { sv: "effektivitet", en: "efficiency" },
      dip: { sv: "omställningsdipp", en: "transition dip" },
      upkeepFte: { sv: "förvaltning (årsarbetare)", en: "upkeep (FTE)" },
      licencesPerYear: { sv: "licenser per år", en: "licences per year" },
      systemSavingsPerYear: { sv: "systembesparing per år", en: "system savings per year" },
      "build.capex": { sv: "investering", en: "capital expenditure" },
      "build.personYears": { sv: "utvecklingsinsats (personår)", en: "build effort (person-years)" },
      "adoption.startYear": { sv: "startår", en: "start year" },
      "adoption.midpoint": { sv: "mittpunkt", en: "midpoint" },
      "adoption.steepness": { sv: "branthet", en: "steepness" },
      "adoption.ceiling": { sv: "högsta användning", en: "adoption ceiling" },
      "adoption.p": { sv: "Bass p", en: "Bass p" },
      "adoption.q": { sv: "Bass q", en: "Bass q" },
    };
    if (words[rest]) return `${name}: ${words[rest][lang]}`;
    if (parts[2] === "reach") {
      const process = pkg.processes.find((p) => p.id === parts[3]);
      const activity = process?.activities.find((a) => a.id === parts[4]);
      const what = activity?.name[lang] ?? (parts[4] === "fixed" ? (lang === "sv" ? "fast arbete" : "fixed work") : parts[4]);
      return `${name}: ${lang === "sv" ? "räckvidd" : "reach"}, ${what}`;
    }
    return `${name}: ${rest}`;
  }
  return path;
}

/** A parameter value in words: shares as percentages, years as years, money in Mkr. */
export function parameterValueText(path: string, value: number, lang: Lang): string {
  const f = formats(lang);
  if (/\.(efficiency|reach\.|adoption\.ceiling)/.test(path) || path === "discountRate") return f.percent(value);
  if (/adoption\.(startYear|midpoint)$/.test(path)) return f.number(value, 1);
  if (/(capex|PerYear)$/.test(path) || path === "costPerFte") return f.mkr(value);
  return f.number(value, 2);
}

/** The outcomes the finance view offers for its tornado. */
export const WEB_TORNADO_OUTCOMES = ["humpDepth", "npv", "fte"] as const;
export type WebTornadoOutcome = (typeof WEB_TORNADO_OUTCOMES)[number];

/** The outcome in words: "puckelns djup" / "the hump's depth". */
export function outcomeText(outcome: WebTornadoOutcome, year: number): { sv: string; en: string } {
  switch (outcome) {
    case "humpDepth":
      return { sv: "puckelns djup", en: "the depth of the hump" };
    case "npv":
      return { sv: "nuvärdet (NPV)", en: "the net present value (NPV)" };
    case "fte":
      return { sv: `antalet årsarbetare ${year}`, en: `total FTE in ${year}` };
  }
}

/**
 * The tornado of a compiled plan for one outcome, by the model's own one-at-a-time sensitivity
 * ({@link tornado} in `model/sensitivity.ts`): every uncertain assumption at its median, then one
 * at a time at its P10 and P90.
 */
export function computeTornado(plan: ModelPlan, outcome: WebTornadoOutcome, year: number, lang: Lang, pkg: DataPackage): TornadoResult {
  const result = tornado(plan, outcome === "fte" ? { kind: "fte", year } : { kind: outcome });
  return {
    base: result.base,
    unit: result.unit === "FTE" ? "fte" : "money",
    output: outcomeText(outcome, year),
    bars: result.bars.map((b) => ({
      parameter: b.parameter,
      label: parameterLabel(b.parameter, lang, pkg),
      outputAtLow: b.outcomeAtLow,
      outputAtHigh: b.outcomeAtHigh,
      lowText: parameterValueText(b.parameter, b.lowValue, lang),
      highText: parameterValueText(b.parameter, b.highValue, lang),
    })),
  };
}
