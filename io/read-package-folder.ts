/**
 * Reading a data package folder from disk: the only place that touches the file system for it.
 *
 * The texts go to {@link parseDataPackage}, which is pure and does all the checking.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DataPackage } from "../model/data-package.ts";
import { PackageValidationError } from "../model/package-error.ts";
import { OPTIONAL_FILES, parseDataPackage, REQUIRED_FILES } from "../model/parse-package.ts";

/**
 * Reads a package folder's files as texts keyed by path relative to the folder: the known files
 * (`municipality.json`, `drivers.csv`, `headcount.csv`, `processes.json`, `levers.json`) and
 * every `scenarios/*.json`. Missing files are simply absent from the result (the parser reports
 * the required ones); other files (e.g. `SOURCES.md`) are not read.
 *
 * @param folder the package folder, absolute or relative to the working directory.
 * @throws Error if the folder does not exist or is not a folder.
 * @example await readPackageFolder("data/nacka") // { "municipality.json": "{…}", "scenarios/baseline.json": "{…}", … }
 */
export async function readPackageFolder(folder: string): Promise<Record<string, string>> {
  const root = resolve(folder);
  const info = await stat(root).catch(() => undefined);
  if (info === undefined) throw new Error(`The data package folder ${folder} does not exist (looked in ${root}).`);
  if (!info.isDirectory()) throw new Error(`The data package ${folder} is not a folder: expected a folder with ${REQUIRED_FILES.join(", ")}.`);

  const files: Record<string, string> = {};
  for (const name of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
    const text = await readOptional(join(root, name));
    if (text !== undefined) files[name] = text;
  }
  const scenarioNames = await readdir(join(root, "scenarios"), { withFileTypes: true }).catch(() => []);
  for (const entry of scenarioNames) {
    if (!entry.isFile() || !entry.name.endsWith(".json")) continue;
    const text = await readOptional(join(root, "scenarios", entry.name));
    if (text !== undefined) files[`scenarios/${entry.name}`] = text;
  }
  return files;
}

/**
 * Reads and validates a package folder.
 *
 * @throws PackageValidationError listing every problem (file, line, field, message) if the
 *   package has any; Error if the folder does not exist.
 * @example const pkg = await loadPackageFolder("data/nacka");
 */
export async function loadPackageFolder(folder: string): Promise<DataPackage> {
  const result = parseDataPackage(await readPackageFolder(folder));
  if (!result.ok) throw new PackageValidationError(result.errors);
  return result.package;
}

/** The file's UTF-8 text, or undefined if there is no such file. */
async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "EISDIR";
}
