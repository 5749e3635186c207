import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPackageFolder, readPackageFolder } from "../../io/read-package-folder.ts";
import { PackageValidationError } from "../../model/package-error.ts";
import { parsed, validFiles } from "../model/package-files.ts";

describe("readPackageFolder and loadPackageFolder", () => {
  it("reads the known files and scenarios/*.json, and loads them into a package", async () => {
    const folder = await mkdtemp(join(tmpdir(), "vaxa-package-"));
    try {
      await mkdir(join(folder, "scenarios"));
      for (const [name, text] of Object.entries(validFiles())) await writeFile(join(folder, name), text);
      await writeFile(join(folder, "scenarios", "notes.txt"), "not a scenario");
      const files = await readPackageFolder(folder);
      expect(Object.keys(files).sort()).toEqual(Object.keys(validFiles()).sort());
      expect(await loadPackageFolder(folder)).toEqual(parsed(validFiles()));

      await writeFile(join(folder, "municipality.json"), "{");
      const error = await loadPackageFolder(folder).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackageValidationError);
      expect((error as PackageValidationError).errors[0]).toMatchObject({ file: "municipality.json", line: 1 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("throws a clear error for a folder that does not exist", async () => {
    await expect(readPackageFolder("/no/such/vaxa/package")).rejects.toThrow("The data package folder /no/such/vaxa/package does not exist");
  });
});
