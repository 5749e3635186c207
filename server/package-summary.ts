/**
 * The summary of a data package that a client needs to build a scenario: processes, drivers,
 * years, levers, and every parameter path `set` and `uncertainty` accept with its default.
 */
import type { LoadedPackage, PackageSummary } from "../contract/api.ts";
import { packageParameters } from "../model/parameters.ts";

const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function summarizePackage(loaded: LoadedPackage): PackageSummary {
  const { pkg } = loaded;
  const years = Array.from({ length: pkg.municipality.horizon - pkg.baseYear + 1 }, (_, i) => pkg.baseYear + i);
  const table = packageParameters(pkg);
  return {
    package: { hash: loaded.hash, versionId: loaded.versionId },
    municipality: {
      name: pkg.municipality.name,
      illustrative: pkg.municipality.illustrative ?? null,
      currency: pkg.municipality.currency,
      costPerFte: pkg.municipality.costPerFte,
      discountRate: pkg.municipality.discountRate,
      horizon: pkg.municipality.horizon,
    },
    baseYear: pkg.baseYear,
    years,
    processes: pkg.processes.map((p) => ({
      id: p.id,
      name: p.name,
      baseYearFte: pkg.headcount[p.id]?.[pkg.baseYear] ?? null,
      fixedShare: p.fixedShare,
      supports: p.supports,
      activities: p.activities.map((a) => ({ id: a.id, name: a.name, drivers: a.drivers })),
    })),
    drivers: Object.values(pkg.drivers).map((d) => {
      const lastActual = d.actual.lastIndexOf(true);
      return {
        id: d.id,
        name: d.name ?? null,
        firstYear: d.firstYear,
        lastYear: d.firstYear + d.values.length - 1,
        lastActualYear: lastActual < 0 ? null : d.firstYear + lastActual,
        baseYearValue: d.values[pkg.baseYear - d.firstYear] ?? null,
      };
    }),
    levers: pkg.levers.map((l) => ({
      id: l.id,
      name: l.name,
      kind: l.kind,
      targets: l.targets,
      efficiency: l.efficiency,
      adoption: l.adoption,
      uncertain: Object.keys(l.distributions),
    })),
    scenarios: Object.values(pkg.scenarios).map((s) => ({ id: s.id, name: s.name })),
    report: loaded.report,
    parameters: table.names.map((path, i) => ({
      path,
      default: table.values[i]!,
      min: finiteOrNull(table.lower[i]!),
      max: finiteOrNull(table.upper[i]!),
    })),
  };
}
