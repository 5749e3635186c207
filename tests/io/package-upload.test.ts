/**
 * An upload's bytes to file texts (io/package-upload.ts): a ZIP archive decoded file by file like
 * a folder (a Windows-1252 file with a note), a workbook recognised by its contents whatever its
 * name, and anything else refused with a message for the uploader.
 */
import { describe, expect, it } from "vitest";
import { writePackageWorkbook } from "../../io/package-workbook.ts";
import { readUploadedPackage, UnreadableUploadError } from "../../io/package-upload.ts";
import { windows1252, zipOf } from "./package-uploads.ts";

describe("readUploadedPackage", () => {
  it("decodes a ZIP archive's files as a folder's are: Windows-1252 with a note", async () => {
    const read = await readUploadedPackage(zipOf({ "municipality.json": windows1252('{ "name": "Åre" }') }));
    expect(read.format).toBe("zip");
    expect(read.files).toEqual({ "municipality.json": '{ "name": "Åre" }' });
    expect(read.findings).toMatchObject([{ severity: "note", file: "municipality.json", line: 1 }]);
  });

  it("reads a workbook by its contents", async () => {
    const read = await readUploadedPackage(await writePackageWorkbook({ "drivers.csv": "year,driver\n2024,residents" }));
    expect(read).toEqual({ format: "xlsx", files: { "drivers.csv": "year,driver\n2024,residents" }, findings: [] });
  });

  it("refuses what is neither", async () => {
    await expect(readUploadedPackage(new TextEncoder().encode("year;driver\n"))).rejects.toThrow(UnreadableUploadError);
    await expect(readUploadedPackage(new TextEncoder().encode("year;driver\n"))).rejects.toThrow(/^the file is neither a ZIP archive nor an Excel workbook/);
  });
});
