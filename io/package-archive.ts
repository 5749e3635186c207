/**
 * A data package as a ZIP archive (fflate), both ways: the files of an uploaded archive by their
 * path in the package, and a package's stored files written as an archive to download.
 *
 * Any file travels: the model's files, `scenarios/*.json`, and folders the model may read later
 * (a `population/` folder) keep their paths. An archive of the package folder itself
 * (`nacka/municipality.json`, …) is read as if its files were at the top. Before anything is
 * inflated, the sizes the archive declares are checked against {@link PACKAGE_LIMITS}, so an
 * archive that would inflate to gigabytes costs nothing.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import type { PackageFinding } from "../model/package-error.ts";
import { byteText, fileTooLarge, PACKAGE_LIMITS } from "../model/package-limits.ts";
import { OPTIONAL_FILES, REQUIRED_FILES } from "../model/parse-package.ts";

/** Most files an uploaded archive may hold (a package has a handful, plus its scenarios and population files). */
export const MAX_ARCHIVE_FILES = 1000;

/** The files an archive holds, as bytes by path in the package, and what reading it found. */
export interface ArchiveFiles {
  files: Record<string, Uint8Array>;
  findings: PackageFinding[];
}

const KNOWN_FILES: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES];
/** Files for people that no part of the model reads (as `io/read-package-folder.ts` skips them). */
const DOCUMENTATION = new Set(["sources.md", "readme.md"]);

/** Whether bytes start like a ZIP archive (an XLSX workbook is one too). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * The names and declared sizes of an archive's entries, nothing inflated.
 *
 * @throws Error if the bytes are not a ZIP archive fflate can read.
 */
export function archiveEntries(bytes: Uint8Array): { name: string; size: number }[] {
  const entries: { name: string; size: number }[] = [];
  unzipSync(bytes, {
    filter(file) {
      entries.push({ name: file.name, size: file.originalSize });
      return false;
    },
  });
  return entries;
}

/**
 * Checks an archive's declared entries against the limits: at most {@link MAX_ARCHIVE_FILES}
 * entries, none larger than a package file may be, and all together at most `totalBytes`.
 *
 * @returns the problem in words, or undefined when the archive may be inflated.
 */
export function archiveLimitProblem(entries: readonly { name: string; size: number }[], totalBytes: number): string | undefined {
  if (entries.length > MAX_ARCHIVE_FILES) return `the archive holds ${entries.length} files; a data package has at most ${MAX_ARCHIVE_FILES}`;
  const large = entries.find((e) => e.size > PACKAGE_LIMITS.fileBytes);
  if (large !== undefined) return `${large.name}: ${fileTooLarge(large.size)}`;
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > totalBytes) return `the archive's files come to ${byteText(total)} unpacked, more than the limit of ${byteText(totalBytes)} for a data package`;
  return undefined;
}

/** Total unpacked bytes an archive's files may come to: every required and optional file at its limit. */
export const MAX_UNPACKED_BYTES = 4 * PACKAGE_LIMITS.fileBytes;

/**
 * Reads an uploaded ZIP archive of a data package.
 *
 * Folders, hidden files (`.DS_Store`, `__MACOSX/`), `SOURCES.md` and `README.md` are left out; the
 * known files are matched without regard to case (`Drivers.CSV` is `drivers.csv`); a path with
 * `..` or starting with `/` is refused with an error.
 *
 * @throws Error with a message for the uploader if the bytes are not a readable ZIP archive or it is past the limits.
 */
export function readPackageArchive(bytes: Uint8Array): ArchiveFiles {
  let entries: { name: string; size: number }[];
  try {
    entries = archiveEntries(bytes);
  } catch (error) {
    throw new Error(`the file is not a ZIP archive that can be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = archiveLimitProblem(entries, MAX_UNPACKED_BYTES);
  if (problem !== undefined) throw new Error(problem);

  const inflated = unzipSync(bytes, { filter: (file) => !file.name.endsWith("/") });
  const findings: PackageFinding[] = [];
  const paths = Object.keys(inflated).filter((name) => !name.split("/").some((part) => part.startsWith(".") && part !== "." && part !== "..") && !name.startsWith("__MACOSX/"));
  const prefix = commonFolder(paths);
  const files: Record<string, Uint8Array> = {};
  for (const name of paths) {
    const content = inflated[name]!;
    if (content.length > PACKAGE_LIMITS.fileBytes) throw new Error(`${name}: ${fileTooLarge(content.length)}`);
    const inner = name.slice(prefix.length);
    if (inner.startsWith("/") || inner.split("/").includes("..")) {
      findings.push({ severity: "error", file: name, message: "a path that leads out of the package folder: expected the package's files and folders only" });
      continue;
    }
    const path = packagePath(inner);
    if (DOCUMENTATION.has(path.toLowerCase())) continue;
    files[path] = content;
  }
  return { files, findings };
}

/**
 * A package's files as a ZIP archive: each file at its path, as UTF-8 text.
 *
 * @example writePackageArchive({ "municipality.json": "{…}", "population/nacka.csv": "…" })
 */
export function writePackageArchive(files: Readonly<Record<string, string>>): Uint8Array {
  const entries = Object.fromEntries(Object.keys(files).sort().map((path) => [path, strToU8(files[path]!)]));
  // A fixed time stamp: the same package gives the same bytes.
  return zipSync(entries, { level: 6, mtime: new Date("2000-01-01T00:00:00Z") });
}

/** The folder every path is in (`nacka/`), when the package's files are not at the top. */
function commonFolder(paths: readonly string[]): string {
  const atTop = paths.some((p) => KNOWN_FILES.includes(p.toLowerCase()));
  if (atTop || paths.length === 0) return "";
  const first = paths[0]!.split("/")[0]!;
  return paths.every((p) => p.startsWith(`${first}/`)) ? `${first}/` : "";
}

/** A known file's own name whatever its case; `scenarios/` matched the same way; other paths as they are. */
export function packagePath(path: string): string {
  const lower = path.toLowerCase();
  if (KNOWN_FILES.includes(lower)) return lower;
  if (/^scenarios\/[^/]+\.json$/.test(lower)) return `scenarios/${path.slice("scenarios/".length, -".json".length)}.json`;
  return path;
}
