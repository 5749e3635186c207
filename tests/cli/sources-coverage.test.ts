/**
 * The rules of a package's SOURCES.md: every number named with its source or ASSUMPTION, every
 * file it names in the repository, no internal notes. Checked on every data/*\/SOURCES.md and on
 * small packages made to break each rule.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { numberedIds, sourcesProblems } from "../../cli/sources-coverage.ts";
import { readPackageFolder } from "../../io/read-package-folder.ts";

const FILES = {
  "municipality.json": JSON.stringify({ name: "Testby", currency: "SEK", costPerFte: 1, workingTime: { workingDays: 200, holidays: 0, leave: 0, sickness: 0, hoursPerDay: 8 } }),
  "drivers.csv": "year,driver,value,kind\n2020,residents,100,actual\n",
  "processes.json": JSON.stringify({
    processes: [{ id: "cases", name: { sv: "a", en: "a" }, fixedShare: 0, activities: [{ id: "handling", share: 1, drivers: { residents: 1 } }] }],
  }),
  "levers.json": JSON.stringify({ levers: [{ id: "robot", efficiency: 0.5 }] }),
  "scenarios/base.json": JSON.stringify({ name: { sv: "b", en: "b" } }),
  "scenarios/double.json": JSON.stringify({ name: { sv: "d", en: "d" }, growthMultiplier: 2 }),
};

/** A SOURCES.md naming every id above. */
const COMPLETE = [
  "`costPerFte` ASSUMPTION. `workingTime.workingDays`, `workingTime.holidays`, `workingTime.leave`,",
  "`workingTime.sickness`, `workingTime.hoursPerDay`: ASSUMPTION.",
  "`residents`: SCB, https://www.statistikdatabasen.scb.se/report.pdf",
  "`cases` and `handling`: ASSUMPTION. `robot`: ASSUMPTION. `double`: the memo.",
  "Regenerate with `npm run sources -- --data data/nacka`; see `drivers.csv` and data/README.md.",
].join("\n");

const problems = (sources: string, files: Record<string, string> = FILES) =>
  sourcesProblems({ sources, files, folder: "data/nacka", exists: (path) => existsSync(path) });

describe("numberedIds", () => {
  it("finds every numeric field of municipality.json, the processes, activities, levers, drivers and scenarios with numbers", () => {
    expect(numberedIds(FILES).map((f) => f.id)).toEqual([
      "costPerFte",
      "workingTime.workingDays",
      "workingTime.holidays",
      "workingTime.leave",
      "workingTime.sickness",
      "workingTime.hoursPerDay",
      "cases",
      "handling",
      "robot",
      "residents",
      "double",
    ]);
  });

  it("finds the driver ids of drivers.json whose definition holds a number", () => {
    const files = { ...FILES, "drivers.json": JSON.stringify({ drivers: { residents_0_5: { ages: [0, 5] }, residents: { name: { sv: "i", en: "r" } } } }) };
    expect(numberedIds(files).filter((f) => f.file === "drivers.json").map((f) => f.id)).toEqual(["residents_0_5"]);
  });
});

describe("sourcesProblems", () => {
  it("accepts a SOURCES.md that names every id and only files of the repository", () => {
    expect(problems(COMPLETE)).toEqual([]);
  });

  it("names each id that no line of SOURCES.md names", () => {
    const found = problems(COMPLETE.replace("`robot`: ASSUMPTION.", "").replace("`workingTime.leave`,", ""));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/no source for `workingTime\.leave` \(municipality\.json\)/);
    expect(found[1]).toMatch(/no source for `robot` \(levers\.json\)/);
  });

  it("does not count an id named only in a generated table", () => {
    const generated = "<!-- generated:levers -->\n| `robot` | 0.5 |\n<!-- /generated -->";
    const found = problems(`${COMPLETE.replace("`robot`: ASSUMPTION.", "")}\n${generated}`);
    expect(found).toEqual([expect.stringMatching(/no source for `robot` \(levers\.json\)/)]);
  });

  it("rejects internal notes, files that are not in the repository and absolute paths, with their lines", () => {
    const found = problems(`${COMPLETE}\nAs FACTS.md says.\nSee seed 001.\nFrom /work/shared/notes.md.\nIn \`docs/none.md\` and report-2019.pdf.`);
    expect(found).toEqual([
      'SOURCES.md line 6: names "FACTS.md", which is not part of the repository',
      'SOURCES.md line 7: names "seed", which is not part of the repository',
      "SOURCES.md line 6: names FACTS.md, which is not in the repository",
      "SOURCES.md line 8: names the absolute path /work/shared/notes.md; cite a public source or a file in the repository",
      "SOURCES.md line 9: names docs/none.md, which is not in the repository",
      "SOURCES.md line 9: names report-2019.pdf, which is not in the repository",
    ]);
  });
});

describe("every data/*/SOURCES.md", () => {
  it("names every number of its package and no file outside the repository", async () => {
    const folders = (await readdir("data", { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => join("data", d.name));
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      const sources = await readFile(join(folder, "SOURCES.md"), "utf8");
      const { files } = await readPackageFolder(folder);
      expect(numberedIds(files).length).toBeGreaterThan(0);
      expect(sourcesProblems({ sources, files, folder, exists: (path) => existsSync(path) }), folder).toEqual([]);
    }
  });
});
