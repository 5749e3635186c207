/**
 * `levers.json` → levers, checked against processes.json: unique ids, targets that exist and
 * suit the lever's kind, a start after the base year, distributions only for the lever's
 * parameters, and the median rule (a parameter with a distribution takes its median; a value given
 * beside it must equal the median; the curve's and the build's rules hold for the medians too,
 * e.g. a logistic midpoint at or after the start year). See `data/README.md`.
 */
import type { z } from "zod";
import { type Adoption, adoptionParameters } from "./adoption.ts";
import { ADOPTION_CURVE_SCHEMAS } from "./adoption-schema.ts";
import { FIXED_WORK, type Lever } from "./data-package.ts";
import { errorAt, fieldPath, type JsonDoc, type JsonPath } from "./json-source.ts";
import { LEVER_KINDS, leverParameters, leverValue } from "./levers.ts";
import { median, medianMismatch, medianOutOfRange, shortNumber } from "./median-rule.ts";
import { distributionOutside } from "./bounds.ts";
import { type PackageError, quoted } from "./package-error.ts";
import { buildSchema, type LeversFile, type ProcessesFile } from "./package-schema.ts";
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
    if (earlier !== undefined) errors.push(where(["levers", l, "id"], `lever id ${quoted(lever.id)} is used twice (also levers[${earlier}]): expected unique ids`));
    else seen.set(lever.id, l);

    const acts = LEVER_KINDS[lever.kind].actsOn;
    const targetKeys = new Set<string>();
    lever.targets.forEach((target, t) => {
      const path = ["levers", l, "targets", t];
      const key = `${target.process}.${target.activity}`;
      if (targetKeys.has(key)) errors.push(where(path, `${quoted(target.process)} ${quoted(target.activity)} is targeted twice by ${lever.id}: expected each target once`));
      targetKeys.add(key);
      if (target.activity === FIXED_WORK && !acts.fixed) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on activities, not on fixed work: expected an activity id of ${target.process}`));
      } else if (target.activity !== FIXED_WORK && !acts.activities) {
        errors.push(where([...path, "activity"], `a ${lever.kind} lever acts on fixed work: expected "activity": "${FIXED_WORK}", found ${quoted(target.activity)}`));
      }
      if (processesFile === undefined) return;
      const process = processesFile.processes.find((p) => p.id === target.process);
      if (process === undefined) {
        errors.push(where([...path, "process"], `unknown process ${quoted(target.process)}: expected one of ${processesFile.processes.map((p) => p.id).join(", ")}`));
      } else if (target.activity !== FIXED_WORK && !process.activities.some((a) => a.id === target.activity)) {
        const valid = [...process.activities.map((a) => a.id), ...(acts.fixed ? [FIXED_WORK] : [])];
        errors.push(where([...path, "activity"], `unknown activity ${quoted(target.activity)} of ${process.id}: expected one of ${valid.join(", ")}`));
      }
    });

    const valid = leverParameterNames(lever);
    for (const name of Object.keys(lever.distributions)) {
      if (!valid.includes(name)) {
        errors.push(where(["levers", l, "distributions", name], `${quoted(name)} is not a parameter of ${lever.id}: expected one of ${valid.join(", ")}`));
      }
    }

    const value = resolveParameters(lever, (path, message) => errors.push(where(["levers", l, ...path], message)));
    const adoption = resolvedAdoption(lever, value);
    const build = { ...lever.build, personYears: value("build.personYears"), capex: value("build.capex") };
    // rules between two numbers, checked again where a number is the median of its distribution
    const fromDistributions = (names: string[]) => names.filter((name) => Object.hasOwn(lever.distributions, name));
    const recheck = (schema: z.ZodType, resolved: object, names: string[], at: JsonPath) => {
      const medians = fromDistributions(names);
      if (medians.length === 0 || names.some((name) => Number.isNaN(value(name)))) return;
      const found = names.map((name) => `${name.split(".").pop()} ${shortNumber(value(name))}${medians.includes(name) ? " (the median of its distribution)" : ""}`);
      for (const issue of schema.safeParse(resolved).error?.issues ?? []) {
        errors.push(where(["levers", l, ...at, ...(issue.path as JsonPath)], `${issue.message}, found ${found.join(", ")}`));
      }
    };
    recheck(ADOPTION_CURVE_SCHEMAS[lever.adoption.curve], adoption, adoptionParameters(lever.adoption.curve).map((p) => p.name), ["adoption"]);
    recheck(buildSchema, build, ["build.personYears", "build.capex"], ["build"]);
    if (baseYear !== undefined) {
      const message = `a lever must start after the base year ${baseYear}: the base year's headcount already includes what was done before`;
      if (adoption.startYear <= baseYear) errors.push(where(["levers", l, "adoption", "startYear"], `${message} (found ${adoption.startYear})`));
      if (lever.build.startYear <= baseYear) errors.push(where(["levers", l, "build", "startYear"], `${message} (found ${lever.build.startYear})`));
    }
  });

  return file.levers.map((lever): Lever => {
    const value = resolveParameters(lever, () => undefined);
    return {
      id: lever.id,
      name: lever.name,
      kind: lever.kind,
      targets: lever.targets.map((t) => ({ process: t.process, activity: t.activity, reach: value(`reach.${t.process}.${t.activity}`) })),
      efficiency: value("efficiency"),
      adoption: resolvedAdoption(lever, value),
      dip: value("dip"),
      build: { startYear: lever.build.startYear, years: lever.build.years, personYears: value("build.personYears"), capex: value("build.capex") },
      upkeepFte: value("upkeepFte"),
      licencesPerYear: value("licencesPerYear"),
      systemSavingsPerYear: value("systemSavingsPerYear"),
      distributions: { ...lever.distributions },
    };
  });
}

type LeverEntry = LeversFile["levers"][number];

/** The lever's adoption curve with every number resolved, whatever the curve (`adoption.ts`). */
function resolvedAdoption(lever: LeverEntry, value: (name: string) => number): Adoption {
  const numbers = adoptionParameters(lever.adoption.curve).map((p) => [p.name.replace(/^adoption\./, ""), value(p.name)]);
  return { curve: lever.adoption.curve, ...Object.fromEntries(numbers) } as Adoption;
}

/**
 * The median rule for one lever of levers.json: each numeric parameter's value is the median of its
 * distribution when it has one (a value also given must equal it), else the value given, else the
 * parameter's fallback (`levers.ts`: 0 for dip, upkeep, licences and system savings). Reports a
 * value that is not its median, a median outside the parameter's range and a required value that
 * is missing.
 *
 * @returns the value of a parameter by its name relative to the lever (NaN where it is missing).
 */
function resolveParameters(lever: LeverEntry, report: (path: JsonPath, message: string) => void): (name: string) => number {
  const values = new Map<string, number>();
  for (const spec of leverParameters(lever)) {
    const path = [...spec.field];
    const given = leverValue(lever, spec);
    const distribution = lever.distributions[spec.name];
    if (distribution !== undefined) {
      const field = fieldPath(path);
      const mismatch = given === undefined ? undefined : medianMismatch(field, given, `distributions.${spec.name}`, distribution);
      const outside = distributionOutside(distribution, spec) ?? medianOutOfRange(distribution, spec.bounds, field);
      if (mismatch !== undefined) report(path, mismatch);
      else if (outside !== undefined) report(["distributions", spec.name], outside);
      // a value given beside its distribution equals the median to within MEDIAN_TOLERANCE: keep the value as written
      values.set(spec.name, given ?? median(distribution));
    } else if (given !== undefined) {
      values.set(spec.name, given);
    } else if (spec.fallback !== undefined) {
      values.set(spec.name, spec.fallback);
    } else {
      report(path, `"${path[path.length - 1]}" is missing: expected a number, or a distribution "${spec.name}" in the lever's distributions`);
    }
  }
  return (name) => values.get(name) ?? NaN;
}
