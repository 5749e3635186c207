/**
 * A package as a ZIP archive (io/package-archive.ts): written and read back to the same texts; a
 * folder inside the archive, names in another letter case, hidden files and documentation handled
 * as the folder reader handles them; paths out of the folder refused; the declared sizes checked
 * before anything is unpacked.
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { archiveLimitProblem, MAX_ARCHIVE_FILES, readPackageArchive, writePackageArchive } from "../../io/package-archive.ts";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";

const texts = (files: Record<string, Uint8Array>) => Object.fromEntries(Object.entries(files).map(([p, b]) => [p, new TextDecoder().decode(b)]));
const zip = (files: Record<string, string>) => zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, strToU8(t)])));

describe("the package archive", () => {
  it("reads back what it wrote, any folder included, and writes the same bytes for the same package", () => {
    const files = { "municipality.json": "{}", "drivers.csv": "year,driver,value,kind\n", "population/nacka.csv": "år;ålder\n", "scenarios/a.json": "{}" };
    const bytes = writePackageArchive(files);
    expect(texts(readPackageArchive(bytes).files)).toEqual(files);
    expect(writePackageArchive({ ...files })).toEqual(bytes);
  });

  it("reads a zipped folder as its files, names in any case, without hidden files or documentation", () => {
    const bytes = zip({ "Kommun/Municipality.JSON": "{}", "Kommun/SCENARIOS/Plan.json": "{}", "Kommun/SOURCES.md": "#", "Kommun/.DS_Store": "x", "__MACOSX/Kommun/._drivers.csv": "x", "Kommun/drivers.csv": "y" });
    const read = readPackageArchive(bytes);
    expect(texts(read.files)).toEqual({ "municipality.json": "{}", "scenarios/Plan.json": "{}", "drivers.csv": "y" });
    expect(read.findings).toEqual([]);
  });

  it("refuses a path that leads out of the folder, with an error naming it", () => {
    const read = readPackageArchive(zip({ "municipality.json": "{}", "../evil.csv": "x" }));
    expect(read.findings).toEqual([{ severity: "error", file: "../evil.csv", message: "a path that leads out of the package folder: expected the package's files and folders only" }]);
    expect(Object.keys(read.files)).toEqual(["municipality.json"]);
  });

  it("checks the declared sizes before unpacking: too many files, a file too large, too much in all", () => {
    expect(archiveLimitProblem(Array.from({ length: MAX_ARCHIVE_FILES + 1 }, (_, i) => ({ name: `f${i}`, size: 1 })), 1e9)).toBe(
      `the archive holds ${MAX_ARCHIVE_FILES + 1} files; a data package has at most ${MAX_ARCHIVE_FILES}`,
    );
    expect(archiveLimitProblem([{ name: "drivers.csv", size: PACKAGE_LIMITS.fileBytes + 1 }], 1e9)).toMatch(/^drivers\.csv: the file is 10\.0 MB, larger than the limit of 10 MB/);
    // Two files of 3 MB each against a limit of 5 MB (5 × 1024 × 1024 bytes).
    expect(archiveLimitProblem([{ name: "a", size: 3 * 1024 * 1024 }, { name: "b", size: 3 * 1024 * 1024 }], 5 * 1024 * 1024)).toBe(
      "the archive's files come to 6 MB unpacked, more than the limit of 5 MB for a data package",
    );
    expect(archiveLimitProblem([{ name: "a", size: 10 }], 100)).toBeUndefined();
  });

  it("refuses bytes that are not a ZIP archive", () => {
    expect(() => readPackageArchive(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow(/^the file is not a ZIP archive that can be read/);
  });
});
