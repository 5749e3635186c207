/**
 * What every notebook does with a data package, in a few lines each: parse it, pick or change a
 * scenario, compile and run it, and read the results as rows for Plot. Nothing here computes what
 * the model computes; it calls the model (`model/`) and reshapes its output.
 */
import type { DataPackage, Scenario } from "../model/data-package.ts";
import type { Distribution } from "../model/distributions.ts";
import { createWorkspace, evaluate } from "../model/evaluate.ts";
import { type ForecastResult, forecast } from "../model/forecast.ts";
import { formatPackageError, type PackageError } from "../model/package-error.ts";
import { parseDataPackage } from "../model/parse-package.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";

function fail(what: string, errors: PackageError[]): never {
  throw new Error(`${what}:\n${errors.map(formatPackageError).join("\n")}`);
}

/** Parses a package from its file texts; throws with every problem (file, line, field) if it is invalid. */
export function parsePackage(files: Readonly<Record<string, string>>, name = "the data package"): DataPackage {
  const result = parseDataPackage(files);
  if (!result.ok) fail(`${name} is not a valid data package`, result.errors);
  return result.package;
}

/**
 * A scenario of the package, by id, optionally changed: `{ levers: ["e_services"] }`,
 * `{ set: { "levers.intensity": 1.5 } }` (merged into the scenario's own `set`). A changed
 * scenario gets the id `<id>+` so that it is never mistaken for the saved one.
 */
export function scenario(pkg: DataPackage, id: string, changes: Partial<Omit<Scenario, "id">> = {}): Scenario {
  const base = pkg.scenarios[id];
  if (base === undefined) {
    throw new Error(`unknown scenario "${id}"; the package's scenarios are ${Object.keys(pkg.scenarios).join(", ")}`);
  }
  if (Object.keys(changes).length === 0) return base;
  return { ...base, ...changes, id: `${id}+`, set: { ...base.set, ...changes.set } };
}

/** Compiles a scenario (by id, or a scenario object) to a model plan; throws on invalid parameters. */
export function plan(pkg: DataPackage, which: string | Scenario): ModelPlan {
  const s = typeof which === "string" ? scenario(pkg, which) : which;
  const compiled = compilePlan(pkg, s);
  if (!compiled.ok) fail(`scenario "${s.id}" cannot be run`, compiled.errors);
  return compiled.plan;
}

/** The deterministic forecast of a scenario (by id, or a scenario object). */
export function run(pkg: DataPackage, which: string | Scenario): ForecastResult {
  return forecast(plan(pkg, which));
}

/** A process's Swedish name, or its id if the package has no such process. */
export function processName(pkg: DataPackage, id: string): string {
  return pkg.processes.find((p) => p.id === id)?.name.sv ?? id;
}

/** A lever's Swedish name, or its id. */
export function leverName(pkg: DataPackage, id: string): string {
  return pkg.levers.find((l) => l.id === id)?.name.sv ?? id;
}

/** Swedish names of the drivers (ids as in `drivers.csv`). */
export const DRIVER_NAMES: Readonly<Record<string, string>> = {
  residents: "Invånare",
  residents_0_5: "Invånare 0–5 år",
  residents_6_15: "Invånare 6–15 år",
  residents_16_19: "Invånare 16–19 år",
  residents_20_64: "Invånare 20–64 år",
  residents_65_79: "Invånare 65–79 år",
  residents_80plus: "Invånare 80+ år",
  businesses: "Företag",
  dwellings_completed: "Färdigställda bostäder",
  supported_fte: "Stödda årsarbetare",
};

/** A driver's Swedish name, or its id. */
export function driverName(id: string): string {
  return DRIVER_NAMES[id] ?? id;
}

/** Swedish names of the lever kinds. */
export const LEVER_KIND_NAMES: Readonly<Record<string, string>> = {
  automation: "automatisering",
  self_service: "självbetjäning",
  failure_demand: "onödig efterfrågan",
  consolidation: "konsolidering",
  stop_doing: "sluta göra",
};

/** One row per driver and year from the package: the series as `drivers.csv` gives it. */
export function driverRows(pkg: DataPackage): { driver: string; name: string; year: number; value: number; actual: boolean }[] {
  return Object.values(pkg.drivers).flatMap((series) =>
    series.values.map((value, i) => ({
      driver: series.id,
      name: driverName(series.id),
      year: series.firstYear + i,
      value,
      actual: series.actual[i] ?? false,
    })),
  );
}

/** One row per process and history year from `headcount.csv`. */
export function headcountRows(pkg: DataPackage): { process: string; name: string; year: number; fte: number }[] {
  return Object.entries(pkg.headcount).flatMap(([process, years]) =>
    Object.entries(years).map(([year, fte]) => ({ process, name: processName(pkg, process), year: Number(year), fte })),
  );
}

/** FTE of one part of a process in one year: an activity, its fixed work, or its individual allowances. */
export interface PartYear {
  process: string;
  /** Activity id, or "fixed" / "allowance". */
  part: string;
  /** Swedish name of the part. */
  name: string;
  year: number;
  /** FTE without levers. */
  baselineFte: number;
  /** FTE with the scenario's levers (equal to baseline without levers). */
  deliveryFte: number;
}

/**
 * The parts of every process per year, read from one run of the model (`evaluate`'s workspace):
 * each activity's FTE, the fixed work (changed only by consolidation and stop-doing levers) and
 * the individual allowances. The parts of a process sum to its baseline and delivery FTE.
 */
export function partRows(pkg: DataPackage, modelPlan: ModelPlan): PartYear[] {
  const ws = evaluate(modelPlan, modelPlan.parameters.values, createWorkspace(modelPlan));
  const Y = modelPlan.yearCount;
  const rows: PartYear[] = [];
  modelPlan.processIds.forEach((process, p) => {
    const definition = pkg.processes.find((d) => d.id === process);
    const from = modelPlan.processActivityStart[p]!;
    const to = modelPlan.processActivityStart[p + 1]!;
    const fixed = modelPlan.fixedFte[p]!;
    const allowance = modelPlan.allowanceFte[p]!;
    for (let y = 0; y < Y; y++) {
      const year = modelPlan.baseYear + y;
      let activitiesDelivery = 0;
      for (let a = from; a < to; a++) {
        const id = modelPlan.activityIds[a]!;
        const baselineFte = ws.activityBaseline[a * Y + y]!;
        const deliveryFte = ws.activityDelivery[a * Y + y]!;
        activitiesDelivery += deliveryFte;
        const name = definition?.activities.find((d) => d.id === id)?.name.sv ?? id;
        rows.push({ process, part: id, name, year, baselineFte, deliveryFte });
      }
      // The process's delivery FTE minus its activities is its fixed work after levers, plus allowances.
      const fixedDelivery = ws.delivery[p * Y + y]! - activitiesDelivery - allowance;
      rows.push({ process, part: "fixed", name: "Fast arbete", year, baselineFte: fixed, deliveryFte: fixedDelivery });
      rows.push({ process, part: "allowance", name: "Individuella tillägg", year, baselineFte: allowance, deliveryFte: allowance });
    }
  });
  return rows;
}

const LEVER_PARAMETER_NAMES: Readonly<Record<string, string>> = {
  efficiency: "effekt",
  "adoption.startYear": "startår",
  "adoption.midpoint": "mittpunkt",
  "adoption.steepness": "branthet",
  "adoption.ceiling": "tak",
  "adoption.p": "Bass p",
  "adoption.q": "Bass q",
  dip: "dipp (J-kurvan)",
  "build.personYears": "utveckling, personår",
  "build.capex": "investering",
  upkeepFte: "förvaltning, årsarbetare",
  licencesPerYear: "licenser per år",
  systemSavingsPerYear: "sparade systemkostnader per år",
};

/**
 * A parameter path (see data/README.md) in Swedish words, e.g. "levers.e_services.efficiency" →
 * "E-tjänster och självbetjäning: effekt". Unknown paths are returned as they are.
 */
export function parameterLabel(pkg: DataPackage, path: string): string {
  if (path === "growthMultiplier") return "Tillväxtmultiplikator";
  if (path === "costPerFte") return "Kostnad per årsarbetare";
  if (path === "discountRate") return "Diskonteringsränta";
  if (path === "levers.intensity") return "Hävstängernas räckvidd ×";
  if (path === "levers.midpointShift") return "Hävstängernas mittpunkt ± år";
  const driver = /^drivers\.([^.]+)\.growthMultiplier$/.exec(path);
  if (driver) return `${driverName(driver[1]!)}: tillväxtmultiplikator`;
  const elasticity = /^processes\.([^.]+)\.activities\.([^.]+)\.elasticity\.([^.]+)$/.exec(path);
  if (elasticity) {
    const [, p, a, d] = elasticity as unknown as [string, string, string, string];
    const activity = pkg.processes.find((x) => x.id === p)?.activities.find((x) => x.id === a)?.name.sv ?? a;
    return `${activity}: elasticitet mot ${driverName(d).toLowerCase()}`;
  }
  const lever = /^levers\.([^.]+)\.(.+)$/.exec(path);
  if (lever) {
    const [, id, rest] = lever as unknown as [string, string, string];
    const reach = /^reach\.([^.]+)\.([^.]+)$/.exec(rest);
    const what = reach
      ? `räckvidd, ${
          reach[2] === "fixed"
            ? `fast arbete (${processName(pkg, reach[1]!)})`
            : (pkg.processes.find((x) => x.id === reach[1])?.activities.find((x) => x.id === reach[2])?.name.sv ?? reach[2]!)
        }`
      : (LEVER_PARAMETER_NAMES[rest] ?? rest);
    return `${leverName(pkg, id)}: ${what}`;
  }
  return path;
}

/** A distribution in words, with its numbers formatted by `format`: "PERT 0,4–0,7–0,85". */
export function distributionText(d: Distribution, format: (value: number) => string = String): string {
  switch (d.type) {
    case "triangular":
      return `triangulär ${format(d.min)}–${format(d.mode)}–${format(d.max)}`;
    case "pert":
      return `PERT ${format(d.min)}–${format(d.mode)}–${format(d.max)}`;
    case "uniform":
      return `likformig ${format(d.min)}–${format(d.max)}`;
    case "normal":
      return `normal, medel ${format(d.mean)}, sd ${format(d.sd)}`;
    case "lognormal":
      return `lognormal, μ ${format(d.mu)}, σ ${format(d.sigma)}`;
  }
}
