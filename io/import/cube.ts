/**
 * The shared core of the table readers (JSON-stat, PX, PxWeb CSV): a table as dimensions and
 * cells → observations of one region and one contents, by age, sex and year.
 *
 * Each dimension is given a role from its id, label or declared role (region, age, sex, year,
 * contents) and its categories are read (ages, sexes, years). Any other dimension (marital status,
 * country of birth…) is reduced to its total: the category the table names as its elimination
 * value, a category called total, or else the sum over its categories (with a note).
 */
import { type AgeBand, formatAgeBand } from "../../model/age-bands.ts";
import { parseAge, parseSex, parseYear, populationContents, regionMatches, splitRegionLabel } from "./categories.ts";
import { type ImportProblem, type Observation, type ReadOptions, type Sex, say, type Where } from "./import-types.ts";

export type DimensionRole = "region" | "age" | "sex" | "year" | "contents" | "other";

export interface CubeDimension {
  id: string;
  label: string;
  codes: string[];
  /** Texts of the categories, in the order of `codes`. */
  labels: string[];
  /** The role the format declares (JSON-stat `role`, PX `TIMEVAL`/`CONTVARIABLE`), if any. */
  declaredRole?: DimensionRole;
  /** The code of the category that stands for the whole dimension (PX/JSON-stat elimination value). */
  eliminationCode?: string;
}

/** One figure: the category index in each dimension (in the order of the dimensions), its value or status, and where it is. */
export interface CubeCell {
  categories: number[];
  value: number | null;
  status?: string;
  where: Where;
}

export interface CubeSelection {
  observations: Observation[];
  /** "0182 Nacka", when the table has a region. */
  region?: string;
  /** "BE0101N1 Folkmängd", when the table has contents. */
  contents?: string;
}

const ROLE_PATTERNS: [DimensionRole, RegExp][] = [
  ["year", /^(tid|år|year|years|time|period|årtal)$/i],
  ["contents", /^(contentscode|tabellinnehåll|contents|table contents|observations)$/i],
  ["region", /^(region|kommun|kommuner|municipality|municipalities|län|county|område|area|geo)$/i],
  ["age", /^(ålder|alder|age|ålder \(år\)|åldersgrupp|age group)$/i],
  ["sex", /^(kön|kon|sex|gender)$/i],
];

/** The role of a dimension: declared, else from its id or label. */
export function roleOf(dimension: Pick<CubeDimension, "id" | "label" | "declaredRole" | "codes">): DimensionRole {
  if (dimension.declaredRole !== undefined) return dimension.declaredRole;
  for (const [role, pattern] of ROLE_PATTERNS) if (pattern.test(dimension.id.trim()) || pattern.test(dimension.label.trim())) return role;
  if (dimension.codes.length > 0 && dimension.codes.every((code) => parseYear(code) !== undefined)) return "year";
  return "other";
}

/**
 * Observations of the chosen region and contents, by age, sex and year.
 *
 * @param file the file name, for problems.
 * @param problems where every problem found goes.
 */
export function selectFromCube(
  file: string,
  dimensions: CubeDimension[],
  cells: Iterable<CubeCell>,
  options: ReadOptions,
  problems: ImportProblem[],
): CubeSelection {
  const roles = dimensions.map(roleOf);
  const fail = (message: { sv: string; en: string }, field?: string) =>
    problems.push({ file, severity: "error", message, ...(field === undefined ? {} : { field }) });

  for (const role of ["region", "age", "sex", "year", "contents"] as const) {
    const found = dimensions.filter((_, i) => roles[i] === role);
    if (found.length > 1) {
      fail(say(`flera variabler ser ut att vara ${ROLE_SV[role]}: ${found.map((d) => d.id).join(", ")}`, `several variables look like the ${role}: ${found.map((d) => d.id).join(", ")}`));
    }
  }
  const yearIndex = roles.indexOf("year");
  if (yearIndex < 0) {
    fail(say(`tabellen har ingen årsvariabel (tid, år): variablerna är ${dimensions.map((d) => d.id).join(", ")}`, `the table has no year variable (time, year): its variables are ${dimensions.map((d) => d.id).join(", ")}`));
    return { observations: [] };
  }

  const years = readCategories(dimensions[yearIndex]!, (code, label) => parseYear(code) ?? parseYear(label), "år", "year", file, problems);
  const ageIndex = roles.indexOf("age");
  const ages = ageIndex < 0 ? undefined : readCategories(dimensions[ageIndex]!, (code, label) => parseAge(code) ?? parseAge(label), "ålder", "age", file, problems);
  const sexIndex = roles.indexOf("sex");
  const sexes = sexIndex < 0 ? undefined : readCategories(dimensions[sexIndex]!, (code, label) => parseSex(code) ?? parseSex(label), "kön", "sex", file, problems);

  const region = chooseOne(file, dimensions, roles.indexOf("region"), options.region, options.municipality, "region", problems);
  const contents = chooseOne(file, dimensions, roles.indexOf("contents"), options.contents, undefined, "contents", problems);
  const others = dimensions.map((dimension, i) => (roles[i] === "other" ? otherChoice(file, dimension, problems) : undefined));
  if (problems.some((p) => p.severity === "error")) return { observations: [] };

  // Cells of the chosen region and contents, summed over other dimensions where they have no total.
  const grouped = new Map<string, Observation>();
  for (const cell of cells) {
    if (region !== undefined && cell.categories[region.index] !== region.category) continue;
    if (contents !== undefined && cell.categories[contents.index] !== contents.category) continue;
    if (others.some((choice, i) => choice !== undefined && choice !== "sum" && cell.categories[i] !== choice)) continue;
    const year = years[cell.categories[yearIndex] ?? -1];
    const age: AgeBand | "total" = ages === undefined ? "total" : (ages[cell.categories[ageIndex] ?? -1] ?? "total");
    const sex: Sex = sexes === undefined ? "total" : (sexes[cell.categories[sexIndex] ?? -1] ?? "total");
    if (year === undefined) continue;
    const key = `${year}|${age === "total" ? "t" : formatAgeBand(age)}|${sex}`;
    const earlier = grouped.get(key);
    if (earlier === undefined) {
      grouped.set(key, { age, sex, year, value: cell.value, ...(cell.status === undefined ? {} : { status: cell.status }), where: cell.where });
    } else if (earlier.value !== null) {
      // Summing over an eliminated variable: a missing part makes the sum missing.
      if (cell.value === null) grouped.set(key, { ...earlier, value: null, ...(cell.status === undefined ? {} : { status: cell.status }), where: cell.where });
      else earlier.value += cell.value;
    }
  }
  return {
    observations: [...grouped.values()],
    ...(region === undefined ? {} : { region: region.text }),
    ...(contents === undefined ? {} : { contents: contents.text }),
  };
}

const ROLE_SV: Record<DimensionRole, string> = { region: "region", age: "ålder", sex: "kön", year: "år", contents: "tabellinnehåll", other: "annan variabel" };

/** Each category read by `parse`; a category it cannot read is reported (an error), so no figure is silently dropped. */
function readCategories<T>(
  dimension: CubeDimension,
  parse: (code: string, label: string) => T | undefined,
  nameSv: string,
  nameEn: string,
  file: string,
  problems: ImportProblem[],
): (T | undefined)[] {
  return dimension.codes.map((code, i) => {
    const label = dimension.labels[i] ?? code;
    const value = parse(code, label);
    if (value === undefined) {
      problems.push({
        file,
        severity: "error",
        field: dimension.id,
        message: say(`"${label}" (kod ${code}) går inte att läsa som ${nameSv}`, `"${label}" (code ${code}) cannot be read as a ${nameEn}`),
      });
    }
    return value;
  });
}

/** The chosen category of the region or contents dimension: asked for, the only one, or the municipality's. */
function chooseOne(
  file: string,
  dimensions: CubeDimension[],
  index: number,
  wanted: string | undefined,
  municipality: string | undefined,
  what: "region" | "contents",
  problems: ImportProblem[],
): { index: number; category: number; text: string } | undefined {
  if (index < 0) return undefined;
  const dimension = dimensions[index]!;
  const entries = dimension.codes.map((code, i) => {
    const label = dimension.labels[i] ?? code;
    const named = what === "region" ? splitRegionLabel(code, label) : { code, name: label };
    return { category: i, code: named.code, name: named.name, text: named.name === named.code ? named.code : `${named.code} ${named.name}` };
  });
  const matches = (entry: { code: string; name: string }, w: string) =>
    what === "region" ? regionMatches(entry, w) : entry.code.toLowerCase() === w.trim().toLowerCase() || entry.name.toLowerCase() === w.trim().toLowerCase();
  let found = wanted === undefined ? undefined : entries.find((e) => matches(e, wanted));
  if (found === undefined && wanted === undefined && entries.length === 1) found = entries[0];
  if (found === undefined && wanted === undefined && municipality !== undefined) found = entries.find((e) => matches(e, municipality));
  if (found === undefined && wanted === undefined && what === "contents") {
    const population = populationContents(entries);
    if (population !== undefined) {
      found = entries[population];
      problems.push({
        file,
        severity: "note",
        field: dimension.id,
        message: say(`tabellen har flera tabellinnehåll; folkmängden (${found!.text}) läses — välj ett annat med --contents`, `the table has several contents; the population (${found!.text}) is read — choose another with --contents`),
      });
    }
  }
  if (found !== undefined) return { index, category: found.category, text: found.text };
  const list = entries.map((e) => e.text).join(", ");
  const option = what === "region" ? "--region" : "--contents";
  const sv = what === "region" ? "region" : "tabellinnehåll";
  problems.push({
    file,
    severity: "error",
    field: dimension.id,
    message:
      wanted === undefined
        ? say(`tabellen har flera värden för ${sv} (${list}): välj ett med ${option}`, `the table has several ${what} values (${list}): choose one with ${option}`)
        : say(`${option} "${wanted}" finns inte i tabellen: den har ${list}`, `${option} "${wanted}" is not in the table: it has ${list}`),
  });
  return undefined;
}

/** For a variable that is not region, age, sex, year or contents: the category to keep, or "sum". */
function otherChoice(file: string, dimension: CubeDimension, problems: ImportProblem[]): number | "sum" {
  if (dimension.codes.length === 1) return 0;
  const elimination = dimension.eliminationCode === undefined ? -1 : dimension.codes.indexOf(dimension.eliminationCode);
  if (elimination >= 0) return elimination;
  const total = dimension.codes.findIndex((code, i) => parseAge(code) === "total" || parseAge(dimension.labels[i] ?? "") === "total");
  if (total >= 0) return total;
  problems.push({
    file,
    severity: "note",
    field: dimension.id,
    message: say(
      `variabeln ${dimension.label} har ingen totalkategori: värdena summeras över ${dimension.codes.length} kategorier`,
      `the variable ${dimension.label} has no total category: the values are summed over its ${dimension.codes.length} categories`,
    ),
  });
  return "sum";
}

/** A cell's position in row-major order (the last dimension fastest) → its category in each dimension. */
export function categoriesOfIndex(index: number, sizes: readonly number[]): number[] {
  const categories = new Array<number>(sizes.length);
  let rest = index;
  for (let d = sizes.length - 1; d >= 0; d -= 1) {
    const size = sizes[d] ?? 1;
    categories[d] = rest % size;
    rest = Math.floor(rest / size);
  }
  return categories;
}
