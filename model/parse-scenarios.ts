/**
 * `scenarios/<id>.json` → scenarios, the id taken from the file name, checked against levers.json
 * and drivers.csv. See `data/README.md`.
 */
import type { DataPackage, DriverSet, Scenario } from "./data-package.ts";
import { errorAt, type JsonDoc, readJson } from "./json-source.ts";
import { type PackageError, type PackageFinding, quoted } from "./package-error.ts";
import { pointOrMedian } from "./median-rule.ts";
import { buildParameterTable, implausibleSettings } from "./parameters.ts";
import { valueWarnings } from "./plausibility.ts";
import { unknownDriverSet } from "./drivers.ts";
import { type LeversFile, type ScenarioFile, scenarioFileSchema } from "./package-schema.ts";
import { SCENARIO_ID_PATTERN } from "./schema-parts.ts";
import type { DriverTable } from "./parse-drivers.ts";

/** A scenario file: `scenarios/<id>.json`, `.json` in any letter case (`ny.JSON` is scenario `ny`). */
const SCENARIO_FILE = /^scenarios\/([^/]+)\.json$/i;

/** A scenario file that is valid JSON and valid against its schema. */
export interface ScenarioSource {
  id: string;
  doc: JsonDoc;
  value: ScenarioFile;
}

/** Every `scenarios/<id>.json` in `files`, by file name; those with errors are reported and left out. */
export function readScenarios(files: Readonly<Record<string, string>>, errors: PackageError[]): ScenarioSource[] {
  const result: ScenarioSource[] = [];
  const fileOf = new Map<string, string>();
  for (const name of Object.keys(files).sort()) {
    const match = SCENARIO_FILE.exec(name);
    if (match === null) continue;
    const id = match[1] ?? "";
    if (!SCENARIO_ID_PATTERN.test(id)) {
      errors.push({ file: name, message: `${quoted(id)} is not a scenario id: expected a file name of lower-case letters, digits, _ and -, starting with a letter, ending in .json` });
      continue;
    }
    const other = fileOf.get(id);
    if (other !== undefined) {
      errors.push({ file: name, message: `${other} and ${name} are both scenario "${id}": expected one file per scenario` });
      continue;
    }
    fileOf.set(id, name);
    const parsed = readJson(name, files, scenarioFileSchema, errors);
    if (parsed !== undefined) result.push({ id, doc: parsed.doc, value: parsed.value });
  }
  return result;
}

/**
 * Checks each scenario's levers against levers.json, its driver growth rates against
 * drivers.csv and its driver set against driver-sets.json, where those could be read.
 *
 * @returns the scenarios by id.
 */
export function checkScenarios(
  sources: ScenarioSource[],
  drivers: DriverTable | undefined,
  leversFile: LeversFile | undefined,
  driverSets: Readonly<Record<string, DriverSet>>,
  errors: PackageError[],
): Record<string, Scenario> {
  const leverIds = leversFile?.levers.map((l) => l.id);
  const scenarios: Record<string, Scenario> = {};
  for (const { id, doc, value } of sources) {
    const seen = new Set<string>();
    value.levers.forEach((lever, index) => {
      if (seen.has(lever)) errors.push(errorAt(doc, ["levers", index], `lever "${lever}" is listed twice: expected each lever once`));
      seen.add(lever);
      if (leverIds !== undefined && !leverIds.includes(lever)) {
        const valid = leverIds.length === 0 ? "levers.json has no levers" : `expected one of ${leverIds.join(", ")}`;
        errors.push(errorAt(doc, ["levers", index], `unknown lever "${lever}": ${valid}`));
      }
    });
    if (drivers !== undefined) {
      for (const driver of Object.keys(value.driverGrowthRates)) {
        if (!drivers.has(driver)) {
          errors.push(errorAt(doc, ["driverGrowthRates", driver], `unknown driver "${driver}": expected one of the drivers in drivers.csv (${[...drivers.keys()].join(", ")})`));
        }
      }
    }
    if (value.driverSet !== undefined && !Object.hasOwn(driverSets, value.driverSet)) {
      errors.push(errorAt(doc, ["driverSet"], unknownDriverSet(value.driverSet, driverSets)));
    }
    scenarios[id] = {
      id,
      name: value.name,
      description: value.description,
      growthMultiplier: pointOrMedian(value.growthMultiplier, value.uncertainty.growthMultiplier, 1),
      driverGrowthRates: { ...value.driverGrowthRates },
      levers: [...value.levers],
      set: { ...value.set },
      uncertainty: { ...value.uncertainty },
      ...(value.driverSet === undefined ? {} : { driverSet: value.driverSet }),
    };
  }
  return scenarios;
}


/**
 * Checks each scenario's `set` and `uncertainty` against the parameters the whole package defines
 * (paths that exist, values in range, a point value beside a distribution equal to its median),
 * once everything else has been read, so that a scenario the package ships can always be computed.
 */
export function checkScenarioParameters(pkg: DataPackage, sources: ScenarioSource[], errors: PackageError[], warnings: PackageFinding[]): void {
  for (const { id, doc, value } of sources) {
    warnings.push(...valueWarnings(doc, value, "scenarios/<id>.json"));
    const built = buildParameterTable(pkg, pkg.scenarios[id]!);
    if (built.ok) {
      for (const { path, message } of implausibleSettings(built.table, pkg.scenarios[id]!)) warnings.push({ severity: "warning", ...errorAt(doc, ["set", path], message) });
      continue;
    }
    for (const error of built.errors) {
      if (error.file !== `scenarios/${id}.json`) {
        errors.push(error);
        continue;
      }
      const keyed = error.field === undefined ? null : /^(set|uncertainty)\.(.+)$/.exec(error.field);
      const path = keyed ? [keyed[1]!, keyed[2]!] : error.field === undefined ? [] : [error.field];
      errors.push(errorAt(doc, path, error.message));
    }
  }
}
