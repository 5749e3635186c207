/**
 * Every compared version's assumptions as one readable table, a column per version: what it
 * says, its growth, its levers, its money, the parameters it changes, and what is uncertain and
 * how (the scenario's own distributions, and the levers' distributions in the package) — named
 * with the registries' labels (`model/parameter-labels.ts`, `model/distributions.ts`).
 */
import { formats, type Formats, type Lang } from "../contract/locale.ts";
import type { DataPackage } from "../model/data-package.ts";
import { distributionText } from "../model/distributions.ts";
import { driverName, leverName, parameterLabel, parameterSpec } from "../model/parameter-labels.ts";
import type { ParameterSpec } from "../model/registry.ts";
import type { PaperTable, PaperVersion } from "./paper.ts";
import { PAPER_TEXT } from "./texts.ts";

/** A parameter's value in its unit: shares as per cent, money in the currency, the rest as numbers. */
export function valueText(spec: ParameterSpec | undefined, value: number, f: Formats): string {
  switch (spec?.unit) {
    case "share":
    case "per year":
      return f.percent(value, 1);
    case "currency":
    case "currency per FTE":
    case "currency per year":
      return f.tkr(value);
    default:
      return f.number(value, 3);
  }
}

/** The assumptions of `versions`. */
export function assumptionsTable(versions: PaperVersion[], pkg: DataPackage, lang: Lang): PaperTable {
  const t = PAPER_TEXT[lang];
  const f = formats(lang, pkg.municipality.currency);
  const list = (items: string[]) => (items.length === 0 ? t.nothingChanged : items.join("; "));
  const row = (label: string, cell: (v: PaperVersion) => string) => [label, ...versions.map(cell)];
  const leverDistributions = (v: PaperVersion) =>
    v.assumptions.levers.reduce((n, id) => n + Object.keys(pkg.levers.find((l) => l.id === id)?.distributions ?? {}).length, 0);
  return {
    caption: t.assumptionsHeading,
    columns: [{ label: "" }, ...versions.map((v) => ({ label: `${v.label} (${v.versionId})` }))],
    rows: [
      row(t.description, (v) => v.assumptions.description[lang] || t.none),
      row(t.growth, (v) => t.growthText(f.number(v.assumptions.growthMultiplier, 3))),
      row(t.driverRates, (v) =>
        list(Object.entries(v.assumptions.driverGrowthRates).map(([id, rate]) => `${driverName(pkg, id, lang)}: ${f.percent(rate, 1)}`)),
      ),
      row(t.levers, (v) => (v.assumptions.levers.length === 0 ? t.noLeversCell : v.assumptions.levers.map((id) => leverName(pkg, id, lang)).join("; "))),
      row(t.money, (v) =>
        t.moneyText(
          f.tkr(v.assumptions.set.costPerFte ?? pkg.municipality.costPerFte),
          f.percent(v.assumptions.set.discountRate ?? pkg.municipality.discountRate, 1),
        ),
      ),
      row(t.changed, (v) =>
        list(Object.entries(v.assumptions.set).map(([path, value]) => `${parameterLabel(pkg, path, lang)}: ${valueText(parameterSpec(path), value, f)}`)),
      ),
      row(t.uncertain, (v) => {
        const spec = (path: string) => parameterSpec(path);
        const own = Object.entries(v.assumptions.uncertainty).map(
          ([path, d]) => `${parameterLabel(pkg, path, lang)}: ${distributionText(d, lang, (x) => valueText(spec(path), x, f))}`,
        );
        const count = leverDistributions(v);
        return list([...own, ...(count > 0 ? [t.leverDistributions(count)] : [])]);
      }),
    ],
  };
}
