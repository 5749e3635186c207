/**
 * `processes.json` → processes, checked against the other files: unique ids, known drivers (of
 * activities and of fixed work) that are positive in the base year, activities that are all bottom-up or all shares summing to 1,
 * fixed work and allowances that fit in the base year's actual FTE, and support processes whose
 * supports exist and form no cycle. See `data/README.md`.
 */
import { type Activity, FIXED_WORK, type Process, SUPPORTED_FTE } from "./data-package.ts";
import { errorAt, type JsonDoc } from "./json-source.ts";
import { type PackageError, quoted } from "./package-error.ts";
import type { ProcessesFile } from "./package-schema.ts";
import type { DriverTable } from "./parse-drivers.ts";
import type { HeadcountTable } from "./parse-headcount.ts";

const SHARE_TOLERANCE = 1e-6;

/**
 * Checks processes.json (already valid against its schema) against drivers.csv and headcount.csv
 * where those could be read (undefined where not, and those checks are skipped).
 *
 * @returns the processes, with `"supports": "all"` resolved to the other processes' ids.
 */
export function checkProcesses(
  doc: JsonDoc,
  file: ProcessesFile,
  drivers: DriverTable | undefined,
  headcount: HeadcountTable | undefined,
  baseYear: number | undefined,
  errors: PackageError[],
): Process[] {
  const ids = file.processes.map((p) => p.id);
  const firstIndex = new Map<string, number>();
  file.processes.forEach((process, p) => {
    const earlier = firstIndex.get(process.id);
    if (earlier !== undefined) {
      errors.push(errorAt(doc, ["processes", p, "id"], `process id "${process.id}" is used twice (also processes[${earlier}]): expected unique ids`));
    } else {
      firstIndex.set(process.id, p);
    }
  });
  const resolvedSupports = file.processes.map((process, p) => resolveSupports(doc, process, p, ids, errors));

  file.processes.forEach((process, p) => {
    const isSupport = (resolvedSupports[p] ?? []).length > 0;
    const activityIndex = new Map<string, number>();
    process.activities.forEach((activity, a) => {
      const path = ["processes", p, "activities", a];
      const earlier = activityIndex.get(activity.id);
      if (earlier !== undefined) {
        errors.push(errorAt(doc, [...path, "id"], `activity id "${activity.id}" is used twice in ${process.id} (also activities[${earlier}]): expected unique ids within a process`));
      } else {
        activityIndex.set(activity.id, a);
      }
      if (activity.id === FIXED_WORK) {
        errors.push(errorAt(doc, [...path, "id"], `"${FIXED_WORK}" is reserved for a process's fixed work (as a lever target): expected another activity id`));
      }
      checkDriverReferences(doc, [...path, "drivers"], activity.drivers, process.id, isSupport, drivers, baseYear, errors);
    });
    checkDriverReferences(doc, ["processes", p, "fixedDrivers"], process.fixedDrivers, process.id, isSupport, drivers, baseYear, errors);

    const bottomUp = process.activities.filter((a) => a.share === undefined);
    const shares = process.activities.filter((a) => a.share !== undefined);
    if (bottomUp.length > 0 && shares.length > 0) {
      errors.push(
        errorAt(doc, ["processes", p, "activities"], `${process.id} mixes bottom-up activities (${bottomUp.map((a) => a.id).join(", ")}) and share activities (${shares.map((a) => a.id).join(", ")}): expected every activity to have volume and unitTimeHours, or every activity a share`),
      );
    } else if (shares.length > 0) {
      const sum = shares.reduce((total, a) => total + (a.share ?? 0), 0);
      if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
        errors.push(errorAt(doc, ["processes", p, "activities"], `the activities' shares of ${process.id} sum to ${round(sum)}: expected them to sum to 1`));
      }
    }

    const rows = headcount?.get(process.id);
    if (headcount !== undefined && rows === undefined) {
      errors.push(errorAt(doc, ["processes", p, "id"], `process ${process.id} has no rows in headcount.csv: expected its actual FTE for the history years`));
    }
    const baseRow = baseYear === undefined ? undefined : rows?.find((r) => r.year === baseYear);
    if (baseRow?.fte !== undefined) {
      const actual = baseRow.fte;
      const fixedAndAllowances = process.fixedShare * actual + process.individualAllowanceFte;
      if (fixedAndAllowances > actual + 1e-9) {
        errors.push(
          errorAt(doc, ["processes", p, "individualAllowanceFte"], `fixedShare ${process.fixedShare} × the base-year FTE ${actual} + individualAllowanceFte ${process.individualAllowanceFte} = ${round(fixedAndAllowances)} exceeds the actual FTE ${actual} in ${baseYear} (headcount.csv line ${baseRow.line}): expected fixed work and individual allowances to fit within the actual`),
        );
      } else if (bottomUp.length > 0 && shares.length === 0 && actual - fixedAndAllowances > 0) {
        const workload = bottomUp.reduce((total, a) => total + (a.volume ?? 0) * (a.unitTimeHours ?? 0), 0);
        if (workload <= 0) {
          errors.push(errorAt(doc, ["processes", p, "activities"], `the activities of ${process.id} have no workload (every volume × unitTimeHours is 0) but the process has ${round(actual - fixedAndAllowances)} FTE of variable work in ${baseYear}: expected at least one activity with volume and unit time above 0`));
        }
      }
    }
  });

  checkSupportCycles(doc, file, resolvedSupports, errors);

  return file.processes.map(
    (process, p): Process => ({
      id: process.id,
      name: process.name,
      fixedShare: process.fixedShare,
      supportShare: process.supportShare,
      individualAllowanceFte: process.individualAllowanceFte,
      drift: process.drift,
      fixedDrivers: { ...process.fixedDrivers },
      supports: resolvedSupports[p] ?? [],
      activities: process.activities.map(
        (activity): Activity => ({
          id: activity.id,
          name: activity.name,
          workload:
            activity.share !== undefined
              ? { kind: "share", share: activity.share }
              : { kind: "bottom-up", volume: activity.volume ?? 0, unitTimeHours: activity.unitTimeHours ?? 0 },
          drivers: { ...activity.drivers },
        }),
      ),
    }),
  );
}

/**
 * The drivers an activity (or a process's fixed work) names: known in drivers.csv (or
 * `supported_fte` in a support process) and positive in the base year.
 */
function checkDriverReferences(
  doc: JsonDoc,
  path: (string | number)[],
  elasticities: Record<string, number>,
  processId: string,
  isSupport: boolean,
  drivers: DriverTable | undefined,
  baseYear: number | undefined,
  errors: PackageError[],
): void {
  for (const driver of Object.keys(elasticities)) {
    const driverPath = [...path, driver];
    if (driver === SUPPORTED_FTE) {
      if (!isSupport) {
        errors.push(errorAt(doc, driverPath, `"${SUPPORTED_FTE}" is only for support processes: expected ${processId} to have "supports" ("all" or a list of process ids), or another driver`));
      }
      continue;
    }
    const series = drivers?.get(driver);
    if (drivers !== undefined && series === undefined) {
      const valid = [...drivers.keys(), ...(isSupport ? [SUPPORTED_FTE] : [])];
      errors.push(errorAt(doc, driverPath, `unknown driver ${quoted(driver)}: expected one of the drivers in drivers.csv (${valid.join(", ")})`));
      continue;
    }
    const baseRow = baseYear === undefined ? undefined : series?.find((r) => r.year === baseYear);
    if (baseRow?.value !== undefined && baseRow.value <= 0) {
      errors.push(
        errorAt(doc, driverPath, `driver ${driver} is ${baseRow.value} in the base year ${baseYear} (drivers.csv line ${baseRow.line}): a driver an activity uses must be positive in the base year, since growth is measured against it`),
      );
    }
  }
}

/** `"all"` → every other process; a list is checked for unknown ids, the process itself and repeats. */
function resolveSupports(doc: JsonDoc, process: ProcessesFile["processes"][number], p: number, ids: string[], errors: PackageError[]): string[] {
  const supports = process.supports;
  if (supports === undefined) return [];
  if (supports === "all") return ids.filter((id) => id !== process.id);
  const resolved: string[] = [];
  supports.forEach((id, s) => {
    const path = ["processes", p, "supports", s];
    if (id === process.id) {
      errors.push(errorAt(doc, path, `${process.id} cannot support itself: expected the ids of other processes`));
    } else if (!ids.includes(id)) {
      errors.push(errorAt(doc, path, `unknown process ${quoted(id)}: expected one of ${ids.filter((other) => other !== process.id).join(", ")}`));
    } else if (resolved.includes(id)) {
      errors.push(errorAt(doc, path, `${quoted(id)} is listed twice: expected each supported process once`));
    } else {
      resolved.push(id);
    }
  });
  return resolved;
}

/** A support process is computed after those it supports, so supports must not form a cycle. Each cycle is reported once. */
function checkSupportCycles(doc: JsonDoc, file: ProcessesFile, supports: string[][], errors: PackageError[]): void {
  const index = new Map<string, number>();
  file.processes.forEach((process, p) => {
    if (!index.has(process.id)) index.set(process.id, p);
  });
  const reported = new Set<string>();
  const state = new Array<"new" | "open" | "done">(file.processes.length).fill("new");
  const stack: number[] = [];
  const visit = (p: number): void => {
    state[p] = "open";
    stack.push(p);
    for (const id of supports[p] ?? []) {
      const q = index.get(id);
      if (q === undefined) continue;
      if (state[q] === "open") {
        const cycle = stack.slice(stack.indexOf(q));
        const names = cycle.map((c) => file.processes[c]?.id ?? "?");
        // The same cycle found from another start is the same problem: key it by its sorted members.
        const key = [...names].sort().join(" ");
        if (!reported.has(key)) {
          reported.add(key);
          errors.push(errorAt(doc, ["processes", q, "supports"], `support processes form a cycle: ${[...names, names[0]].join(" → ")}; expected a support process not to support, directly or through others, a process that supports it`));
        }
      } else if (state[q] === "new") {
        visit(q);
      }
    }
    stack.pop();
    state[p] = "done";
  };
  file.processes.forEach((_, p) => {
    if (state[p] === "new") visit(p);
  });
}

/** A number for a message: at most 6 decimals, no float noise. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
