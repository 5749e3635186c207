/**
 * What every command shares: loading a package folder, choosing a scenario, compiling it, and
 * stopping with a message a planner can act on instead of a stack trace.
 */
import { type DataPackage, formatPackageError, type PackageError, PackageValidationError, type Scenario } from "../model/index.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import { loadPackageFolder } from "../io/read-package-folder.ts";
import { invalidOption } from "../model/registry.ts";

export const DEFAULT_PACKAGE = "data/nacka";
export const DEFAULT_SCENARIO = "baseline";

/** Prints the problems and exits with status 1. */
export function fail(message: string, errors: PackageError[] = []): never {
  process.stderr.write(`${message}\n`);
  for (const e of errors) process.stderr.write(`  ${formatPackageError(e)}\n`);
  process.exit(1);
}

/** The value of an option that must be one of `valid` (a list, or a registry's names), or the end with the one message for it. */
export function choice<T extends string>(option: string, value: string | undefined, valid: readonly T[] | Record<T, unknown>): T {
  const names = (Array.isArray(valid) ? valid : Object.keys(valid)) as T[];
  if (!names.includes(value as T)) fail(invalidOption(option, value, names));
  return value as T;
}

export async function loadPackage(folder: string): Promise<DataPackage> {
  try {
    return await loadPackageFolder(folder);
  } catch (error) {
    if (error instanceof PackageValidationError) fail(`The data package ${folder} has problems:`, error.errors);
    fail(error instanceof Error ? error.message : String(error));
  }
}

export function findScenario(pkg: DataPackage, id: string): Scenario {
  const scenario = pkg.scenarios[id];
  if (!scenario) {
    fail(`Unknown scenario "${id}". The package's scenarios are: ${Object.keys(pkg.scenarios).join(", ") || "none"}.`);
  }
  return scenario;
}

export function planFor(pkg: DataPackage, scenario: Scenario): ModelPlan {
  const compiled = compilePlan(pkg, scenario);
  if (!compiled.ok) fail(`Scenario "${scenario.id}" has problems:`, compiled.errors);
  return compiled.plan;
}

/** Rethrows nothing: any unexpected error ends the command with its message only. */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
}
