/**
 * npm run sources -- [--data <folder>] [--check]
 *
 * Fills the generated regions of the package's SOURCES.md from the model (`sources-regions.ts`)
 * and checks its rules (`sources-coverage.ts`): every number named with its source or marked
 * ASSUMPTION, every file it names in the repository. With --check it writes nothing and fails when
 * the file is out of date with the model or breaks a rule.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { readPackageFolder } from "../io/read-package-folder.ts";
import { DEFAULT_PACKAGE, fail, loadPackage, runCommand } from "./common.ts";
import { sourcesProblems } from "./sources-coverage.ts";
import { fillRegions } from "./sources-regions.ts";

runCommand(async () => {
  const { values } = parseArgs({
    options: { data: { type: "string", default: DEFAULT_PACKAGE }, check: { type: "boolean", default: false } },
  });
  const folder = values.data;
  const file = join(folder, "SOURCES.md");
  const text = await readFile(file, "utf8").catch(() => fail(`${file} does not exist: every package needs a SOURCES.md`));
  const filled = fillRegions(text, await loadPackage(folder));
  const root = process.cwd();
  const problems = sourcesProblems({
    sources: filled,
    files: await readPackageFolder(folder),
    folder: relative(root, folder),
    exists: (path) => existsSync(join(root, path)),
  });
  if (values.check && filled !== text) problems.unshift(`${file} is out of date with the model: run npm run sources -- --data ${folder}`);
  if (!values.check && filled !== text) {
    await writeFile(file, filled);
    process.stderr.write(`Updated the generated regions of ${file}.\n`);
  }
  if (problems.length > 0) {
    fail(`${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  process.stdout.write(`${file}: OK — every number named, every file in the repository${values.check ? ", up to date with the model" : ""}\n`);
});
