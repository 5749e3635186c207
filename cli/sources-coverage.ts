/**
 * The rules a package's `SOURCES.md` must keep (data/README.md, "SOURCES.md"):
 *
 * 1. **Every number is covered.** Every numeric field of `municipality.json` (by its path, e.g.
 *    `workingTime.leave`), every process and activity of `processes.json`, every lever of
 *    `levers.json`, every driver of `drivers.csv` and `drivers.json`, every scenario file that
 *    holds a number, every numeric field of `population/population.json` (a distribution by its
 *    name, e.g. `distributions.fertility`) and every CSV file of `population/` and `driver-sets/`
 *    (by its path, e.g. `population/base.csv`) is named, in backticks, on some line of
 *    `SOURCES.md` written by hand (not in a generated region): the line that gives its source or
 *    marks it ASSUMPTION.
 * 2. **Every source can be followed from the repository.** A file or folder it names (in backticks,
 *    or any word ending in a file extension) exists in the repository, relative to its root or to
 *    the package folder; it names no absolute path and none of the project's internal notes.
 */

/** File extensions that make a word a file name. */
const FILE_NAME = /^[\w.-]+\.(?:md|txt|csv|json|ts|mjs|js|html|xlsx|pdf|arrow|png|svg)$/;
/** Internal notes that are not part of the repository and must not be cited. */
const INTERNAL = [/\bFACTS\.md\b/, /\bseeds?\b/i];

export interface SourcesInput {
  /** The text of `SOURCES.md`. */
  sources: string;
  /** The package's files: path relative to the package folder → text (as `readPackageFolder` returns them). */
  files: Readonly<Record<string, string>>;
  /** The package folder relative to the repository root, e.g. `data/nacka`. */
  folder: string;
  /** Whether a path relative to the repository root exists. */
  exists: (path: string) => boolean;
}

const hasNumber = (value: unknown): boolean =>
  typeof value === "number" || (typeof value === "object" && value !== null && Object.values(value).some(hasNumber));

/** Numeric leaves of a JSON value by their dotted paths. */
function numericPaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "number") return [prefix];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => numericPaths(v, prefix === "" ? key : `${prefix}.${key}`));
}

/** Ids of the objects with an `id` in a list under `key` (e.g. processes) that hold a number; their `children` too. */
function idsWithNumbers(list: unknown, children?: string): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: Record<string, unknown>) => {
    const own = typeof item.id === "string" && hasNumber(item) ? [item.id] : [];
    return children === undefined ? own : [...own, ...idsWithNumbers(item[children])];
  });
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // the package parser reports broken JSON with its line and field
  }
}

/** The first column of a CSV file's rows under the header column `column`. */
function csvColumn(text: string | undefined, column: string): string[] {
  if (text === undefined) return [];
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const separator = header!.includes(";") ? ";" : ",";
  const index = header!.split(separator).indexOf(column);
  return index < 0 ? [] : rows.map((row) => row.split(separator)[index]!.trim());
}

/** Every id and field the package's numbers belong to, with the file it comes from. */
export function numberedIds(files: Readonly<Record<string, string>>): { id: string; file: string }[] {
  const found: { id: string; file: string }[] = [];
  const add = (file: string, ids: string[]) => {
    for (const id of new Set(ids)) found.push({ id, file });
  };
  add("municipality.json", numericPaths(parseJson(files["municipality.json"])));
  add("processes.json", idsWithNumbers((parseJson(files["processes.json"]) as { processes?: unknown })?.processes, "activities"));
  add("levers.json", idsWithNumbers((parseJson(files["levers.json"]) as { levers?: unknown })?.levers));
  add("drivers.csv", csvColumn(files["drivers.csv"], "driver"));
  const drivers = (parseJson(files["drivers.json"]) as { drivers?: unknown } | undefined)?.drivers;
  if (typeof drivers === "object" && drivers !== null) {
    add("drivers.json", Object.entries(drivers).flatMap(([id, d]) => (hasNumber(d) ? [id] : [])));
  }
  for (const [path, text] of Object.entries(files)) {
    const scenario = /^scenarios\/(.+)\.json$/.exec(path);
    if (scenario && hasNumber(parseJson(text))) add(path, [scenario[1]!]);
    if (/^(population|driver-sets)\/[^/]+\.csv$/.test(path)) add(path, [path]);
  }
  const population = parseJson(files["population/population.json"]);
  add("population/population.json", numericPaths(population).map((path) => path.replace(/^(distributions\.[^.]+)\..*$/, "$1")));
  return found;
}

/** An absolute path such as /home/x/notes.md. */
const ABSOLUTE = /^\/[\w.-]+\/[\w.-]/;
/** A pattern rather than a path, e.g. `scenarios/<id>.json`. */
const PATTERN = /[<>*{}]/;

/**
 * Words of the text that name a file or folder, with their line numbers: words in code spans
 * with a `/`, any word that is a file name, and any absolute path. Web addresses are not paths.
 */
function namedPaths(text: string): { path: string; line: number }[] {
  return text.split("\n").flatMap((content, i) => {
    const line = content.replace(/<?https?:\/\/[^\s)>|]+>?/g, " ");
    const inCode = [...line.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(/\s+/)).filter((w) => w.includes("/"));
    const words = line.split(/[\s`()|,;*"]+/).map((w) => w.replace(/[.:]+$/, ""));
    const paths = [...inCode, ...words.filter((w) => FILE_NAME.test(w) || ABSOLUTE.test(w))];
    return [...new Set(paths)].filter((path) => !PATTERN.test(path)).map((path) => ({ path, line: i + 1 }));
  });
}

/** Every broken rule, as a message naming the line or the id. */
export function sourcesProblems(input: SourcesInput): string[] {
  const problems: string[] = [];
  const lines = input.sources.split("\n");
  lines.forEach((line, i) => {
    for (const pattern of INTERNAL) {
      const match = pattern.exec(line);
      if (match) problems.push(`SOURCES.md line ${i + 1}: names "${match[0]}", which is not part of the repository`);
    }
  });
  for (const { path, line } of namedPaths(input.sources)) {
    const relative = path.replace(/^\.\//, "").replace(/\/$/, "");
    if (ABSOLUTE.test(path)) {
      problems.push(`SOURCES.md line ${line}: names the absolute path ${path}; cite a public source or a file in the repository`);
    } else if (!input.exists(relative) && !input.exists(`${input.folder}/${relative}`)) {
      problems.push(`SOURCES.md line ${line}: names ${path}, which is not in the repository`);
    }
  }
  // A generated table names every id; only the lines written by hand give sources.
  const written = input.sources.replace(/<!-- generated:[a-z-]+ -->\n[\s\S]*?<!-- \/generated -->/g, "");
  const named = new Set([...written.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!));
  for (const { id, file } of numberedIds(input.files)) {
    if (!named.has(id)) {
      problems.push(`SOURCES.md names no source for \`${id}\` (${file}): give its source or mark it ASSUMPTION on a line naming \`${id}\``);
    }
  }
  return problems;
}
