/**
 * A forecast as text a person reads in a terminal: FTE per process for some years, whether
 * headcount holds flat, and the hump (Swedish by default, sv-SE numbers). Files for other
 * programs (CSV, XLSX, Arrow) are written by `io/`.
 */
import { type Formats, formats, type Lang } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult, InvestmentSummary } from "../model/forecast.ts";
import { illustrativeNote } from "../model/illustrative.ts";
import { MESSAGES } from "./messages.ts";

const LABELS = { sv: MESSAGES.sv.forecast, en: MESSAGES.en.forecast };

/** The years shown as columns: all of them for a short horizon, else the base year, every fifth year and the horizon. */
function shownYears(result: ForecastResult): number[] {
  if (result.years.length <= 10) return result.years;
  return result.years.filter((y) => y === result.baseYear || y === result.horizon || y % 5 === 0);
}

function irr(summary: InvestmentSummary, f: Formats, lang: Lang): string {
  const t = LABELS[lang];
  if (summary.irr === null) return summary.irrStatus === "several" ? t.several : t.none;
  return f.percent(summary.irr, 1);
}

function hump(summary: InvestmentSummary, lang: Lang, currency: string): string {
  const t = LABELS[lang];
  const f = formats(lang, currency);
  const mkr = (v: number) => f.mkr(v);
  const pct = (v: number) => f.percent(v, 1);
  return [
    `${t.hump}: ${t.depth} ${mkr(summary.humpDepth)}, ${t.year} ${summary.humpYear ?? t.none}, ` +
      `${t.payback} ${summary.paybackYear ?? t.never}`,
    `${t.npv(pct(summary.discountRate))}: ${mkr(summary.npv)}; ${t.irr}: ${irr(summary, f, lang)}; ` +
      `${t.perFte}: ${summary.investmentPerFteAvoided === null ? t.none : f.tkr(summary.investmentPerFteAvoided)}`,
    t.npvConvention(pct(summary.discountRate)),
  ].join("\n");
}

/**
 * Where the drivers' forecast comes from, when not simply drivers.csv: the scenario's driver set,
 * or the package's cohort projection.
 */
function driversLine(pkg: DataPackage, driverSet: string | undefined, lang: Lang): string | null {
  const t = LABELS[lang];
  const set = driverSet === undefined ? undefined : pkg.driverSets?.[driverSet];
  if (set !== undefined) return t.driverSet(set.name[lang]);
  return pkg.population === undefined ? null : t.cohort(pkg.population.baseYear);
}

/**
 * The forecast as a table of FTE per process for the shown years, with the totals and the hump.
 *
 * @param driverSet the driver set the scenario picked, named under the title.
 */
export function forecastText(pkg: DataPackage, result: ForecastResult, lang: Lang, driverSet?: string): string {
  const t = LABELS[lang];
  const f = formats(lang, pkg.municipality.currency);
  const years = shownYears(result);
  const index = years.map((y) => y - result.baseYear);
  const name = (id: string) => pkg.processes.find((p) => p.id === id)?.name[lang] ?? id;
  const lines: string[][] = [[t.process, ...years.map(String)]];
  for (const { id } of result.processes) {
    const rows = result.rows.filter((r) => r.process === id);
    lines.push([name(id), ...index.map((i) => f.fte(rows[i]!.totalFte))]);
  }
  lines.push([t.total, ...index.map((i) => f.fte(result.totals[i]!.totalFte))]);
  if (result.investment) lines.push([t.baseline, ...index.map((i) => f.fte(result.totals[i]!.baselineFte))]);
  const width = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const text = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(width[c]!) : cell.padStart(width[c]!))).join("  "));
  const footer = [t.estimate, t.holdsFlat(result.holdsFlatFrom)];
  if (result.investment) footer.push(hump(result.investment, lang, pkg.municipality.currency));
  const title = [t.title(pkg.municipality.name, result.scenario), illustrativeNote(result.illustrative, lang), driversLine(pkg, driverSet, lang)]
    .filter((line) => line !== null)
    .join("\n");
  return `${title}\n\n${text.join("\n")}\n\n${footer.join("\n")}\n`;
}
