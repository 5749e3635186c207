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
import { command, DATA_FLAG, fail, runIfMain } from "./common.ts";

export const sourcesCommand = command({
  flags: { ...DATA_FLAG, check: { type: "boolean", default: false } },
  help: (t) => t.sources.help,
  async run(values, { t, io }) {
    const { loadPackage } = await import("./load.ts");
    const { sourcesProblems } = await import("./sources-coverage.ts");
    const { fillRegions } = await import("./sources-regions.ts");
    const folder = values.data;
    const file = join(folder, "SOURCES.md");
    const text = await readFile(file, "utf8").catch(() => fail(t.sources.missing(file)));
    const { pkg, files } = await loadPackage(t, folder, io);
    const filled = fillRegions(text, pkg);
    const root = process.cwd();
    const problems = sourcesProblems({ sources: filled, files, folder: relative(root, folder), exists: (path) => existsSync(join(root, path)) });
    if (values.check && filled !== text) problems.unshift(t.sources.outOfDate(file, folder));
    if (!values.check && filled !== text) {
      await writeFile(file, filled);
      io.err(`${t.sources.updated(file)}\n`);
    }
    if (problems.length > 0) fail(t.sources.problems(file, problems.length), problems);
    io.out(`${t.sources.ok(file, values.check === true)}\n`);
  },
});

runIfMain(import.meta.url, sourcesCommand);
