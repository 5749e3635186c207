/**
 * `levers.json` → levers, checked against processes.json: unique ids, targets that exist and
 * suit the lever's kind, a start after the base year, and distributions only for the lever's
 * parameters. See `data/README.md`.
 */
import { FIXED_WORK, type Lever } from "./data-package.ts";
import { errorAt, fieldPath, type JsonDoc, type JsonPath } from "./json-source.ts";
import type { PackageError } from "./package-error.ts";
import type { LeversFile, ProcessesFile } from "./package-schema.ts";
import { LEVER_KINDS } from "./levers.ts";
import { leverParameterNames } from "./parameters.ts";

/**
 * Checks levers.json (already valid against its schema) against processes.json where it could be
 * read, and the base year where it is known.
 *
 * @param doc the syntax tree for lines; undefined when the package has no levers.json.
 */
export function checkLevers(
  doc: JsonDoc | undefined,
  file: LeversFile,
  processesFile: ProcessesFile | undefined,
  baseYear: number | undefined,
  errors: PackageError[],
): Lever[] {
  const where = (path: JsonPath, message: string): PackageError =>
    doc === undefined ? { file: "levers.json", field: fieldPath(path), message } : errorAt(doc, path, message);
  const seen = new Map<string, number>();
  file.levers.forEach((lever, l) => {
    const earlier = seen.get(lever.id);
    if (earlier !== undefined) errors.push(where(["levers", l, "id"], `lever id "${lever.id}" is used twice (also levers[${earlier}]): expected unique ids`));
    else seen.set(lever.id, l);

    const acts = LEVER_KINDS[lever.kind].actsOn;
    const targetKeys = new Set<string>();
    lever.targets.forEach((target, t) => {
      const path = ["levers", l, "targets", t];
      const key = `${target.process}.${target.activity}`;
      if (targetKeys.has(key)) errors.push(where(path, `${target.process} ${target.activity} is targeted twice by ${lever.id}: expected each target once`));
      targetKeys.add(key);
      if (target.activity === FIXED_WORK && !acts.fixed) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on activities, not on fixed work: expected an activity id of ${target.process}`));
      } else if (target.activity !== FIXED_WORK && !acts.activities) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on fixed work: expected "activity": "${FIXED_WORK}", found "${target.activity}"`));
      }
      if (processesFile === undefined) return;
      const process = processesFile.processes.find((p) => p.id === target.process);
      if (process === undefined) {
        errors.push(where([...path, "process"], `unknown process "${target.process}": expected one of ${processesFile.processes.map((p) => p.id).join(", ")}`));
      } else if (target.activity !== FIXED_WORK && !process.activities.some((a) => a.id === target.activity)) {
        const valid = [...process.activities.map((a) => a.id), ...(acts.fixed ? [FIXED_WORK] : [])];
        errors.push(where([...path, "activity"], `unknown activity "${target.activity}" of ${process.id}: expected one of ${valid.join(", ")}`));
      }
    });

    if (baseYear !== undefined) {
      const message = `a lever must start after the base year ${baseYear}: the base year's headcount already includes what was done before`;
      if (lever.adoption.startYear <= baseYear) errors.push(where(["levers", l, "adoption", "startYear"], `${message} (found ${lever.adoption.startYear})`));
      if (lever.build.startYear <= baseYear) errors.push(where(["levers", l, "build", "startYear"], `${message} (found ${lever.build.startYear})`));
    }

    const valid = leverParameterNames(lever);
    for (const name of Object.keys(lever.distributions)) {
      if (!valid.includes(name)) {
        errors.push(where(["levers", l, "distributions", name], `"${name}" is not a parameter of ${lever.id}: expected one of ${valid.join(", ")}`));
      }
    }
  });

  return file.levers.map(
    (lever): Lever => ({
      id: lever.id,
      name: lever.name,
      kind: lever.kind,
      targets: lever.targets.map((t) => ({ process: t.process, activity: t.activity, reach: t.reach })),
      efficiency: lever.efficiency,
      adoption: { ...lever.adoption },
      dip: lever.dip,
      build: { ...lever.build },
      upkeepFte: lever.upkeepFte,
      licencesPerYear: lever.licencesPerYear,
      systemSavingsPerYear: lever.systemSavingsPerYear,
      distributions: { ...lever.distributions },
    }),
  );
}
