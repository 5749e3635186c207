/**
 * What every notebook does with a data package, in a few lines each: parse it, pick or change a
 * scenario, compile and run it, and read the results as rows for Plot. Nothing here computes what
 * the model computes; it calls the model (`model/`) and reshapes its output. Names and labels come
 * from `model/parameter-labels.ts`.
 */
import { ALLOWANCES } from "../charts/process-activities.ts";
import { type DataPackage, FIXED_WORK, type Scenario } from "../model/data-package.ts";
import { createWorkspace, evaluate } from "../model/evaluate.ts";
import { type ForecastResult, forecast } from "../model/forecast.ts";
import { formatPackageError, type PackageError } from "../model/package-error.ts";
import { driverName, processName } from "../model/parameter-labels.ts";
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

/** One row per driver and year from the package: the series as `drivers.csv` gives it. */
export function driverRows(pkg: DataPackage): { driver: string; name: string; year: number; value: number; actual: boolean }[] {
  return Object.values(pkg.drivers).flatMap((series) =>
    series.values.map((value, i) => ({
      driver: series.id,
      name: driverName(pkg, series.id, "sv"),
      year: series.firstYear + i,
      value,
      actual: series.actual[i] ?? false,
    })),
  );
}

/** One row per process and history year from `headcount.csv`. */
export function headcountRows(pkg: DataPackage): { process: string; name: string; year: number; fte: number }[] {
  return Object.entries(pkg.headcount).flatMap(([process, years]) =>
    Object.entries(years).map(([year, fte]) => ({ process, name: processName(pkg, process, "sv"), year: Number(year), fte })),
  );
}

/** FTE of one part of a process in one year: an activity, its fixed work, or its individual allowances. */
export interface PartYear {
  process: string;
  /** Activity id, or `FIXED_WORK` ("fixed") / `ALLOWANCES` ("allowance"). */
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
 * each activity's FTE, the fixed work (moved by its drivers and drift if the package says so, and by consolidation and stop-doing levers) and
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
      rows.push({ process, part: FIXED_WORK, name: "Fast arbete", year, baselineFte: ws.fixedBaseline[p * Y + y]!, deliveryFte: fixedDelivery });
      rows.push({ process, part: ALLOWANCES, name: "Individuella tillägg", year, baselineFte: allowance, deliveryFte: allowance });
    }
  });
  return rows;
}
