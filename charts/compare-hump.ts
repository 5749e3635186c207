/**
 * The cumulative net of several scenario versions in millions of the currency: over the whole
 * horizon ({@link compareHumpChart}), and the hump on its own scale over the years until it has
 * paid for itself ({@link compareHumpYearsChart}) — a hump of 48 Mkr is a few pixels on an axis
 * that must also hold 1,100 Mkr of later savings. Each line is named at its end; the deepest
 * point carries its value.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import type { ChartSpec, CompareEntry, CompareOptions } from "./chart-spec.ts";
import { compareCaptionOf, endLabels, paddedDomain, scenarioColors, yearFrame } from "./frame.ts";
import { TEXT } from "./texts.ts";

/**
 * The hump's years: from the base year to the last payback year of the versions with a hump (the
 * horizon for one not paid back), at least three years; null when no version has a hump.
 */
export function humpYears(entries: CompareEntry[]): { from: number; to: number } | null {
  const humps = entries.filter((e) => e.result.investment?.humpYear != null);
  if (humps.length === 0) return null;
  const from = humps[0]!.result.baseYear;
  const to = Math.max(...humps.map((e) => Math.min(e.result.horizon, (e.result.investment!.paybackYear ?? e.result.horizon) + 1)));
  return { from, to: Math.max(to, Math.min(from + 3, humps[0]!.result.horizon)) };
}

function humpChart(entries: CompareEntry[], options: CompareOptions, years: { from: number; to: number } | null): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const axis = (v: number) => f.number(v);
  const labels = entries.map((e) => e.label);
  const colors = scenarioColors(entries.map((e) => e.scenarioId));
  const within = (year: number) => years === null || (year >= years.from && year <= years.to);
  const rows = entries.flatMap((e) => e.result.totals.filter((r) => within(r.year)).map((r) => ({ version: e.label, year: r.year, value: r.cumulativeNet / 1e6 })));
  const troughs = entries.flatMap((e) => {
    const inv = e.result.investment;
    return inv && inv.humpYear !== null ? [{ version: e.label, year: inv.humpYear, value: -inv.humpDepth / 1e6, text: `${f.mkr(-inv.humpDepth)} (${inv.humpYear})` }] : [];
  });
  const domain = paddedDomain(rows.map((r) => r.value), [0], 0.15);
  const width = options.width ?? 720;
  const height = 380;
  const ends = endLabels(
    entries.map((e) => {
      const last = rows.filter((r) => r.version === e.label).at(-1)!;
      return { version: e.label, year: last.year, value: last.value, text: `${e.label}: ${f.mkr(last.value * 1e6)}` };
    }),
    domain,
    height,
    width,
  );
  const name = years === null ? "compare-hump" : "compare-hump-years";
  return {
    name,
    title: years === null ? t.titles["compare-hump"] : t.titles["compare-hump-years"](years.from, years.to),
    subtitle: options.municipality ?? "",
    caption: compareCaptionOf(options, t.explain[name], entries),
    legend: labels.map((label, i) => ({ label, color: colors[i]!, shape: "line" as const })),
    plot: {
      ...yearFrame(width, height, t.year),
      marginRight: ends.marginRight,
      y: { label: t.mkr, grid: true, tickFormat: axis, domain },
      color: { domain: labels, range: colors },
      marks: [
        Plot.ruleY([0], { stroke: "#222222", strokeWidth: 1.5 }),
        Plot.lineY(rows, { x: "year", y: "value", z: "version", stroke: "version", strokeWidth: 2.5 }),
        Plot.dot(troughs, { x: "year", y: "value", fill: "version", r: 5, stroke: "white" }),
        ...(years === null ? [] : [Plot.text(troughs, { x: "year", y: "value", text: "text", dy: 16, fill: "#222222", fontSize: 12, fontWeight: "bold" })]),
        Plot.text(ends.rows, { x: "year", y: "at", text: "text", fill: "version", textAnchor: "start", dx: 8, fontSize: 12, fontWeight: "bold" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "value", title: (r: (typeof rows)[number]) => `${r.version}\n${r.year}: ${f.mkr(r.value * 1e6)}` })),
      ],
    },
  };
}

/** The cumulative net over the whole horizon. */
export function compareHumpChart(entries: CompareEntry[], options: CompareOptions): ChartSpec {
  return humpChart(entries, options, null);
}

/** The cumulative net over the hump's years ({@link humpYears}) on its own scale; null when no version has a hump. */
export function compareHumpYearsChart(entries: CompareEntry[], options: CompareOptions): ChartSpec | null {
  const years = humpYears(entries);
  return years === null ? null : humpChart(entries, options, years);
}
