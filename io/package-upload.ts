/**
 * An uploaded data package → its file texts and what reading found, ready for `parseDataPackage`:
 * a ZIP archive of the package folder (the browser zips a folder's chosen files the same way) or
 * an Excel workbook in the package layout (`package-workbook.ts`). Which one it is comes from the
 * bytes, not the file name. The files' bytes are decoded by the one `decodeText` the command line
 * uses (UTF-8, UTF-16, Windows-1252), so an upload gives the same texts, messages and notes as
 * `forecast --validate` on the same folder.
 */
import { decodeFiles } from "../model/text-encoding.ts";
import type { PackageFinding } from "../model/package-error.ts";
import { archiveEntries, archiveLimitProblem, isZip, MAX_UNPACKED_BYTES, readPackageArchive } from "./package-archive.ts";
import { readPackageWorkbook } from "./package-workbook.ts";

/** What an upload held. */
export interface UploadedPackage {
  /** "zip" or "xlsx". */
  format: "zip" | "xlsx";
  files: Record<string, string>;
  findings: PackageFinding[];
}

/** An upload that is neither a ZIP archive nor a workbook, or is past the limits: the message says which. */
export class UnreadableUploadError extends Error {
  override name = "UnreadableUploadError";
}

/**
 * Reads an uploaded package.
 *
 * @throws UnreadableUploadError if the bytes are neither a ZIP archive nor an Excel workbook, or the archive is past the limits.
 */
export async function readUploadedPackage(bytes: Uint8Array): Promise<UploadedPackage> {
  if (!isZip(bytes)) {
    throw new UnreadableUploadError(
      "the file is neither a ZIP archive nor an Excel workbook (.xlsx): upload the package folder as a .zip, its files, or a workbook downloaded from Vaxa",
    );
  }
  let names: string[];
  try {
    const entries = archiveEntries(bytes);
    const problem = archiveLimitProblem(entries, MAX_UNPACKED_BYTES);
    if (problem !== undefined) throw new UnreadableUploadError(problem);
    names = entries.map((e) => e.name);
  } catch (error) {
    if (error instanceof UnreadableUploadError) throw error;
    throw new UnreadableUploadError(`the file is not a ZIP archive that can be read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (names.includes("xl/workbook.xml")) return { format: "xlsx", ...(await readPackageWorkbook(bytes)) };
    const archive = readPackageArchive(bytes);
    const decoded = decodeFiles(archive.files);
    return { format: "zip", files: decoded.files, findings: [...archive.findings, ...decoded.findings] };
  } catch (error) {
    throw new UnreadableUploadError(error instanceof Error ? error.message : String(error));
  }
}
