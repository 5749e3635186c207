/**
 * Reading a data package folder from disk: the only place that touches the file system for it.
 *
 * Only regular files inside the folder are read. Every entry is looked at with `lstat` before
 * anything is opened: a named pipe, a socket or a device is never opened (reading a FIFO waits
 * forever), and a symbolic link is followed only when it ends at a regular file inside the
 * package folder — a link out of the folder is refused without reading (or quoting) its target.
 * The bytes go to `decodeText` (`model/text-encoding.ts`: UTF-8, Windows-1252, UTF-16) and the
 * texts to {@link parseDataPackage}, which is pure and does all the checking. What is skipped is
 * said in a note.
 */
import { constants, type Dirent } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { DataPackage } from "../model/data-package.ts";
import { type PackageFinding, PackageValidationError, quoted } from "../model/package-error.ts";
import { fileTooLarge, PACKAGE_LIMITS } from "../model/package-limits.ts";
import { OPTIONAL_FILES, type ParseDataPackageResult, parseDataPackage, REQUIRED_FILES } from "../model/parse-package.ts";
import { decodeText } from "../model/text-encoding.ts";

/** A package folder as read: the texts by path relative to the folder, and what reading found (skipped files, encodings, refusals). */
export interface PackageFolder {
  files: Record<string, string>;
  findings: PackageFinding[];
}

/** Files a package may hold for people, read by no part of the model: skipped without a note. */
const DOCUMENTATION = new Set(["sources.md", "readme.md"]);
/** The package's files at its top level. */
const KNOWN_FILES: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES].filter((name) => !name.includes("/"));

/**
 * The package's folders: which of their files are read (the file's name in lower case → its name
 * in the package, or undefined), and the note on a file skipped.
 */
const FOLDERS: Readonly<Record<string, { accept: (lower: string, name: string) => string | undefined; holds: string }>> = {
  scenarios: { accept: (lower, name) => (lower.endsWith(".json") ? name : undefined), holds: "not a scenario: a scenario is a file scenarios/<id>.json" },
  population: {
    accept: (lower) => OPTIONAL_FILES.find((file) => file === `population/${lower}`)?.slice("population/".length),
    holds: `not a file of population/: its files are ${OPTIONAL_FILES.filter((f) => f.startsWith("population/")).join(", ")}`,
  },
  "driver-sets": { accept: (lower, name) => (lower.endsWith(".csv") ? name : undefined), holds: "not a driver set: a driver set is a file driver-sets/<id>.csv" },
};

/**
 * Reads a package folder's files as texts keyed by path relative to the folder: the known files
 * (`municipality.json`, `drivers.csv`, …; names matched without regard to case, keyed by their
 * own name), every `scenarios/*.json` (`.json` in any case, keyed by the file's name), the
 * `population/` files and every `driver-sets/*.csv`. Missing
 * files are absent from the result (the parser reports the required ones); a file that cannot be
 * read is absent with an error among the findings; other files are skipped with a note
 * (`SOURCES.md` and `README.md` without one).
 *
 * @param folder the package folder, absolute or relative to the working directory.
 * @throws Error if the folder does not exist or is not a folder.
 * @example const { files, findings } = await readPackageFolder("data/nacka");
 */
export async function readPackageFolder(folder: string): Promise<PackageFolder> {
  const root = resolve(folder);
  const info = await stat(root).catch(() => undefined);
  if (info === undefined) throw new Error(`The data package folder ${folder} does not exist (looked in ${root}).`);
  if (!info.isDirectory()) throw new Error(`The data package ${folder} is not a folder: expected a folder with ${REQUIRED_FILES.join(", ")}.`);
  const realRoot = await realpath(root);
  const reader = new FolderReader(realRoot);

  for (const entry of await sortedEntries(root)) {
    const lower = entry.name.toLowerCase();
    const known = KNOWN_FILES.find((name) => name === lower);
    if (known !== undefined) {
      await reader.readFile(join(root, entry.name), known, entry.name);
    } else if (Object.hasOwn(FOLDERS, lower)) {
      await reader.readFolder(join(root, entry.name), entry.name, lower);
    } else if (!DOCUMENTATION.has(lower)) {
      reader.skip(entry.name, `not a file of a data package (its files are ${KNOWN_FILES.join(", ")}, scenarios/*.json, population/ and driver-sets/*.csv)`);
    }
  }
  return { files: reader.files, findings: reader.findings };
}

/**
 * Reads and validates a package folder: the texts read and the parser's result, whose findings
 * include what reading found.
 *
 * @throws Error if the folder does not exist or is not a folder.
 */
export async function checkPackageFolder(folder: string): Promise<{ files: Record<string, string>; result: ParseDataPackageResult }> {
  const { files, findings } = await readPackageFolder(folder);
  return { files, result: parseDataPackage(files, findings) };
}

/**
 * Reads and validates a package folder.
 *
 * @throws PackageValidationError listing every problem (file, line, field, message) if the
 *   package has any; Error if the folder does not exist.
 * @example const pkg = await loadPackageFolder("data/nacka");
 */
export async function loadPackageFolder(folder: string): Promise<DataPackage> {
  const { result } = await checkPackageFolder(folder);
  if (!result.ok) throw new PackageValidationError(result.errors);
  return result.package;
}

async function sortedEntries(path: string): Promise<Dirent[]> {
  const entries = await readdir(path, { withFileTypes: true });
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What kind of thing a non-regular entry is, for a message. */
function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean }): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isBlockDevice() || info.isCharacterDevice()) return "a device";
  return "not a regular file";
}

/** Opened without following a last symbolic link and without waiting on a pipe (both flags are 0 where the platform lacks them). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

class FolderReader {
  readonly files: Record<string, string> = {};
  readonly findings: PackageFinding[] = [];
  /** Which entry was read under each key, to report two names for one file ("drivers.csv" and "Drivers.CSV"). */
  readonly #readAs = new Map<string, string>();

  constructor(private readonly realRoot: string) {}

  skip(name: string, why: string): void {
    this.findings.push({ severity: "note", file: name, message: `skipped: ${why}` });
  }

  #refuse(file: string, message: string): void {
    this.findings.push({ severity: "error", file, message });
  }

  /**
   * Reads the file at `path` under `key` (its path in the package) when it is a regular file
   * inside the package folder, or a link to one; anything else is refused with an error.
   *
   * @param shown the entry's path relative to the folder as it is on disk, for messages.
   */
  async readFile(path: string, key: string, shown: string): Promise<void> {
    const earlier = this.#readAs.get(key);
    if (earlier !== undefined) {
      this.#refuse(shown, `${quoted(shown)} and ${quoted(earlier)} are the same file name in different letter case: expected one ${key}`);
      return;
    }
    this.#readAs.set(key, shown);
    const target = await this.#regularFileAt(path, shown);
    if (target === undefined) return;

    let bytes: Uint8Array;
    const handle = await open(target, OPEN_FLAGS);
    try {
      // Checked again on the open file: it may have been replaced since lstat.
      const info = await handle.stat();
      if (!info.isFile()) return this.#refuse(shown, `it is ${kindOf(info)}, not a regular file: not read`);
      if (info.size > PACKAGE_LIMITS.fileBytes) return this.#refuse(shown, fileTooLarge(info.size));
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
    const decoded = decodeText(key, bytes);
    if (!decoded.ok) {
      this.findings.push({ severity: "error", ...decoded.error });
      return;
    }
    this.files[key] = decoded.text;
    if (decoded.note !== undefined) this.findings.push(decoded.note);
    if (shown !== key) this.findings.push({ severity: "note", file: key, message: `read from ${quoted(shown)}` });
  }

  /** The files one of the package's folders accepts ({@link FOLDERS}), keyed `<folder>/<name>`. */
  async readFolder(path: string, shown: string, key: string): Promise<void> {
    const folder = await this.#insideFolder(path, shown, key);
    if (folder === undefined) return;
    const { accept, holds } = FOLDERS[key]!;
    for (const entry of await sortedEntries(folder)) {
      const name = `${shown}/${entry.name}`;
      const accepted = accept(entry.name.toLowerCase(), entry.name);
      if (accepted === undefined) {
        this.skip(name, holds);
        continue;
      }
      await this.readFile(join(folder, entry.name), `${key}/${accepted}`, name);
    }
  }

  /** The real path of a regular file inside the package folder at `path`, or undefined (refused). */
  async #regularFileAt(path: string, shown: string): Promise<string | undefined> {
    const info = await lstat(path);
    if (info.isSymbolicLink()) {
      const target = await this.#linkInside(path, shown);
      if (target === undefined) return undefined;
      const targetInfo = await stat(target);
      if (!targetInfo.isFile()) return this.#refused(shown, `it is a symbolic link to ${kindOf(targetInfo)}, not to a regular file: not read`);
      if (targetInfo.size > PACKAGE_LIMITS.fileBytes) return this.#refused(shown, fileTooLarge(targetInfo.size));
      return target;
    }
    if (!info.isFile()) return this.#refused(shown, `it is ${kindOf(info)}, not a regular file: not read`);
    if (info.size > PACKAGE_LIMITS.fileBytes) return this.#refused(shown, fileTooLarge(info.size));
    return path;
  }

  /** The real path of a folder inside the package folder (the scenarios folder, perhaps a link), or undefined (refused). */
  async #insideFolder(path: string, shown: string, key: string): Promise<string | undefined> {
    const info = await lstat(path);
    const target = info.isSymbolicLink() ? await this.#linkInside(path, shown) : path;
    if (target === undefined) return undefined;
    const targetInfo = await stat(target);
    if (!targetInfo.isDirectory()) return this.#refused(shown, `it is ${kindOf(targetInfo)}, not a folder of ${key}: not read`);
    return target;
  }

  /** Where a symbolic link ends, when that is inside the package folder; else undefined (refused, the target not named). */
  async #linkInside(path: string, shown: string): Promise<string | undefined> {
    const target = await realpath(path).catch(() => undefined);
    if (target === undefined) return this.#refused(shown, "it is a symbolic link to nothing (its target does not exist): not read");
    const inside = relative(this.realRoot, target);
    if (inside === "" || inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      return this.#refused(shown, "it is a symbolic link to a file outside the package folder: not read (copy the file into the folder instead)");
    }
    return target;
  }

  #refused(file: string, message: string): undefined {
    this.#refuse(file, message);
    return undefined;
  }
}
