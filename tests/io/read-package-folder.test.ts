/**
 * Reading a package folder: only regular files inside it, what is skipped said in a note, links
 * out of it and named pipes refused without being opened, file names in any letter case, the size
 * limit checked before reading, and the encodings decoded (model/text-encoding.ts).
 */
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkPackageFolder, loadPackageFolder, readPackageFolder } from "../../io/read-package-folder.ts";
import { formatPackageError, type PackageFinding, PackageValidationError } from "../../model/package-error.ts";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";
import { parsed, validFiles } from "../model/package-files.ts";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "vaxa-package-"));
  await mkdir(join(folder, "scenarios"));
  for (const [name, text] of Object.entries(validFiles())) await writeFile(join(folder, name), text);
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const shown = (findings: PackageFinding[]) => findings.map((f) => `${f.severity}: ${formatPackageError(f)}`);

describe("readPackageFolder and loadPackageFolder", () => {
  it("reads the known files and scenarios/*.json, and loads them into a package", async () => {
    const { files, findings } = await readPackageFolder(folder);
    expect(Object.keys(files).sort()).toEqual(Object.keys(validFiles()).sort());
    expect(findings).toEqual([]);
    expect(await loadPackageFolder(folder)).toEqual(parsed(validFiles()));

    await writeFile(join(folder, "municipality.json"), "{");
    const error = await loadPackageFolder(folder).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageValidationError);
    expect((error as PackageValidationError).errors[0]).toMatchObject({ file: "municipality.json", line: 1 });
  });

  it("throws a clear error for a folder that does not exist", async () => {
    await expect(readPackageFolder("/no/such/vaxa/package")).rejects.toThrow("The data package folder /no/such/vaxa/package does not exist");
  });

  it("says in a note what it skips, and reads SOURCES.md and README.md for no one without a note", async () => {
    await writeFile(join(folder, "scenarios", "notes.txt"), "not a scenario");
    await writeFile(join(folder, "drivers_old.csv"), "year,driver,value,kind\n");
    await writeFile(join(folder, "SOURCES.md"), "# Sources\n");
    await writeFile(join(folder, "README.md"), "# Read me\n");
    await mkdir(join(folder, "scenarios", "archive"));
    const { files, findings } = await readPackageFolder(folder);
    expect(Object.keys(files).sort()).toEqual(Object.keys(validFiles()).sort());
    expect(shown(findings)).toEqual([
      "note: drivers_old.csv: skipped: not a file of a data package (its files are municipality.json, drivers.csv, headcount.csv, processes.json, drivers.json, levers.json, driver-sets.json, scenarios/*.json, population/ and driver-sets/*.csv)",
      "note: scenarios/archive: skipped: not a scenario: a scenario is a file scenarios/<id>.json",
      "note: scenarios/notes.txt: skipped: not a scenario: a scenario is a file scenarios/<id>.json",
    ]);
  });

  it("reads a scenario named ny.JSON as scenario ny, and a known file in another letter case with a note", async () => {
    await writeFile(join(folder, "scenarios", "ny.JSON"), '{ "name": { "sv": "Ny", "en": "New" } }');
    await rm(join(folder, "levers.json"));
    await writeFile(join(folder, "Levers.JSON"), validFiles()["levers.json"]!);
    const { result } = await checkPackageFolder(folder);
    expect(result.ok && Object.keys(result.package.scenarios).sort()).toEqual(["baseline", "grow-fast", "ny"]);
    expect(result.ok && result.package.levers.length).toBe(2);
    expect(shown(result.report)).toEqual(['note: levers.json: read from "Levers.JSON"']);
  });

  it("refuses two files for one name in different letter case, and two files for one scenario", async () => {
    await writeFile(join(folder, "DRIVERS.csv"), validFiles()["drivers.csv"]!);
    await writeFile(join(folder, "scenarios", "Baseline.json"), "{}");
    await writeFile(join(folder, "scenarios", "grow-fast.JSON"), validFiles()["scenarios/grow-fast.json"]!);
    const { result } = await checkPackageFolder(folder);
    expect(result.ok).toBe(false);
    expect(shown(result.report)).toEqual([
      'error: drivers.csv: "drivers.csv" and "DRIVERS.csv" are the same file name in different letter case: expected one drivers.csv',
      'error: scenarios/Baseline.json: "Baseline" is not a scenario id: expected a file name of lower-case letters, digits, _ and -, starting with a letter, ending in .json',
      'error: scenarios/grow-fast.json: scenarios/grow-fast.JSON and scenarios/grow-fast.json are both scenario "grow-fast": expected one file per scenario',
      // Names are read in byte order: the upper-case one came first.
      'note: drivers.csv: read from "DRIVERS.csv"',
    ]);
  });

  it("refuses a link out of the folder without quoting its target, and follows a link inside it", async () => {
    const outside = await mkdtemp(join(tmpdir(), "vaxa-outside-"));
    try {
      await writeFile(join(outside, "secret.json"), '{ "password": "hunter2" }');
      await rm(join(folder, "municipality.json"));
      await symlink(join(outside, "secret.json"), join(folder, "municipality.json"));
      await symlink(join(outside, "secret.json"), join(folder, "scenarios", "leak.json"));
      await writeFile(join(folder, "scenarios", "copy.txt"), validFiles()["scenarios/grow-fast.json"]!);
      await symlink("copy.txt", join(folder, "scenarios", "linked.json"));
      const { result } = await checkPackageFolder(folder);
      const report = shown(result.report);
      expect(report).toEqual([
        "error: municipality.json: it is a symbolic link to a file outside the package folder: not read (copy the file into the folder instead)",
        "error: scenarios/leak.json: it is a symbolic link to a file outside the package folder: not read (copy the file into the folder instead)",
        "note: scenarios/copy.txt: skipped: not a scenario: a scenario is a file scenarios/<id>.json",
      ]);
      expect(report.join("\n")).not.toContain("hunter2");
      // The link inside the folder was read (its scenario has no errors, so only the others are listed).
      const { files } = await readPackageFolder(folder);
      expect(files["scenarios/linked.json"]).toBe(validFiles()["scenarios/grow-fast.json"]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("refuses a scenarios folder that links out of the package, and a link to nothing", async () => {
    const outside = await mkdtemp(join(tmpdir(), "vaxa-outside-"));
    try {
      await rm(join(folder, "scenarios"), { recursive: true });
      await symlink(outside, join(folder, "scenarios"));
      await symlink(join(folder, "no-such-file"), join(folder, "levers.json.lnk"));
      await rm(join(folder, "levers.json"));
      await symlink(join(folder, "no-such-file"), join(folder, "levers.json"));
      const { findings } = await readPackageFolder(folder);
      expect(shown(findings)).toEqual([
        "error: levers.json: it is a symbolic link to nothing (its target does not exist): not read",
        expect.stringMatching(/^note: levers\.json\.lnk: skipped/),
        "error: scenarios: it is a symbolic link to a file outside the package folder: not read (copy the file into the folder instead)",
      ]);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("never opens a named pipe (reading one would wait forever) and does not report it missing as well", async () => {
    await rm(join(folder, "drivers.csv"));
    execFileSync("mkfifo", [join(folder, "drivers.csv")]);
    execFileSync("mkfifo", [join(folder, "scenarios", "pipe.json")]);
    const { result } = await checkPackageFolder(folder);
    expect(shown(result.report)).toEqual([
      "error: drivers.csv: it is a named pipe (FIFO), not a regular file: not read",
      "error: scenarios/pipe.json: it is a named pipe (FIFO), not a regular file: not read",
    ]);
  });

  it("refuses a file larger than the limit before reading it", async () => {
    await truncate(join(folder, "drivers.csv"), PACKAGE_LIMITS.fileBytes + 1);
    const { result } = await checkPackageFolder(folder);
    expect(shown(result.report)).toEqual([
      "error: drivers.csv: the file is 10.0 MB, larger than the limit of 10 MB for a package file: expected a package's own figures (a few kB); split or shorten it",
    ]);
  });

  it("decodes a Windows-1252 file with a note naming it and the line, and a UTF-16 file with a note", async () => {
    const processes = validFiles()["processes.json"]!;
    await writeFile(join(folder, "processes.json"), Buffer.from(processes, "latin1"));
    await writeFile(join(folder, "scenarios", "grow-fast.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(validFiles()["scenarios/grow-fast.json"]!, "utf16le")]));
    const { result } = await checkPackageFolder(folder);
    expect(result.ok && result.package.processes[0]!.activities[0]!.name.sv).toBe("Ärenden");
    expect(shown(result.report)).toEqual([
      expect.stringMatching(/^note: processes\.json line \d+: the file is not UTF-8 \(byte 0xC4 on this line is not valid UTF-8\): read as Windows-1252, .*the line reads ".*Ärenden/),
      "note: scenarios/grow-fast.json: read as UTF-16 LE text, since it starts with a UTF-16 LE byte-order mark",
    ]);
  });
});
