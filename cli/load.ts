/**
 * Loading what a command works on: a package folder, one of its scenarios, the compiled plan; each
 * failure is a {@link CommandFailure} in the command's language, naming file, line and field.
 */
import type { Terminal } from "../io/command-line.ts";
import { type PackageFolder, readPackageFolder } from "../io/read-package-folder.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { PackageError } from "../model/package-error.ts";
import { parseDataPackage, type ParseDataPackageResult } from "../model/parse-package.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import type { Scenario } from "../model/scenario.ts";
import { fail } from "./common.ts";
import type { Messages } from "./messages.ts";

/** A package problem in the command's language: "drivers.csv rad 14, fält ”value”: …". */
export function packageProblem(t: Messages, e: PackageError): string {
  return `${t.common.where(e.file, e.line, e.field)}: ${e.message}`;
}

/** The package's files as read from the folder, with what reading found, or the end with the reader's message. */
export async function readFiles(folder: string): Promise<PackageFolder> {
  try {
    return await readPackageFolder(folder);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** The package in a folder parsed, its files, and the graded report (`model/parse-package.ts`). */
export async function checkPackage(folder: string): Promise<{ files: Record<string, string>; parsed: ParseDataPackageResult }> {
  const { files, findings } = await readFiles(folder);
  return { files, parsed: parseDataPackage(files, findings) };
}

/**
 * The package in a folder and its files, its warnings and notes written on stderr (they never
 * stop a command), or the end with every finding of a package that has errors.
 */
export async function loadPackage(t: Messages, folder: string, io: Terminal): Promise<{ pkg: DataPackage; files: Record<string, string> }> {
  const { files, parsed } = await checkPackage(folder);
  const { findingCounts, findingLines } = await import("./report.ts");
  if (!parsed.ok) fail(t.common.packageProblems(folder, parsed.errors.length), findingLines(t, parsed.report));
  if (parsed.report.length > 0) io.err(`${folder}: ${findingCounts(t, parsed.report)}\n${findingLines(t, parsed.report).map((l) => `  ${l}`).join("\n")}\n`);
  return { pkg: parsed.package, files };
}

/** The package's own scenario of that id (never an inherited property such as "constructor"), or the end with the list of known ones. */
export function findScenario(t: Messages, pkg: DataPackage, id: string): Scenario {
  if (!Object.hasOwn(pkg.scenarios, id)) {
    fail(t.common.unknownScenario(id, Object.keys(pkg.scenarios).join(", ") || t.common.noScenarios));
  }
  return pkg.scenarios[id]!;
}

/** The id of one of the package's driver sets, or the end with the list of known ones. */
export function findDriverSet(t: Messages, pkg: DataPackage, id: string): string {
  if (!Object.hasOwn(pkg.driverSets ?? {}, id)) fail(t.common.unknownDriverSet(id, Object.keys(pkg.driverSets ?? {}).join(", ")));
  return id;
}

export function planFor(t: Messages, pkg: DataPackage, scenario: Scenario): ModelPlan {
  const compiled = compilePlan(pkg, scenario);
  if (!compiled.ok) fail(t.common.scenarioProblems(scenario.id), compiled.errors.map((e) => packageProblem(t, e)));
  return compiled.plan;
}
