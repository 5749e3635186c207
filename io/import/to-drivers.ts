/**
 * Observations → yearly values of the package's drivers: each driver is an age band (all ages for
 * `residents`) summed over the table's ages, for both sexes together.
 *
 * - The table's own total (all ages, or both sexes) is used where it has one; where it also has
 *   the parts and they do not add up to it, a note says by how much: from reference year 2025 SCB
 *   adds controlled random noise to its population tables, so a total need not equal its parts.
 * - A band must be covered exactly by the table's age groups (single years, or groups inside it).
 * - A missing part (a status symbol) makes the band's value missing for that year: it is left out,
 *   never read as zero, and a note names the year, the symbol and where it is.
 */
import { formats, type Lang } from "../../contract/locale.ts";
import { type AgeBand, formatAgeBand } from "../../model/age-bands.ts";
import { statusMeaning } from "./categories.ts";
import { type ImportProblem, type Observation, say, type Where } from "./import-types.ts";

export interface DriverTarget {
  id: string;
  band: AgeBand;
}

/** Imported values of one driver: year → value (years with a missing part are absent). */
export interface DriverValues {
  id: string;
  values: Map<number, number>;
}

interface Figure {
  value: number | null;
  status?: string;
  where: Where;
}

/**
 * Each target driver's values by year.
 *
 * @param file the file name, for problems.
 */
export function toDriverValues(file: string, observations: Observation[], targets: DriverTarget[], problems: ImportProblem[]): DriverValues[] {
  const noise: { year: number; what: string; difference: number }[] = [];
  const byYear = bothSexes(observations, noise, file, problems);
  const results: DriverValues[] = [];
  for (const target of targets) {
    const values = new Map<number, number>();
    const missing: { year: number; status: string; where: Where }[] = [];
    let uncovered: string | undefined;
    for (const [year, ages] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const total = ages.get("total");
      const parts = tiling(target.band, [...ages.entries()].filter(([k]) => k !== "total").map(([, v]) => v.band!));
      if (target.band.from === 0 && target.band.to === null && total !== undefined) {
        if (parts !== undefined) {
          const sum = sumOf(parts.map((band) => ages.get(formatAgeBand(band))!.figure));
          if (sum.value !== null && total.figure.value !== null && Math.abs(sum.value - total.figure.value) > 1e-9) {
            noise.push({ year, what: `${formatAgeBand(target.band)}`, difference: total.figure.value - sum.value });
          }
        }
        record(year, total.figure);
        continue;
      }
      if (parts === undefined) {
        uncovered = [...ages.keys()].filter((k) => k !== "total").join(", ");
        break;
      }
      record(year, sumOf(parts.map((band) => ages.get(formatAgeBand(band))!.figure)));
    }
    if (uncovered !== undefined) {
      problems.push({
        file,
        severity: "error",
        message: say(
          `${target.id} (${formatAgeBand(target.band)} år) går inte att bilda av tabellens åldrar: ${uncovered || "inga åldrar"}`,
          `${target.id} (ages ${formatAgeBand(target.band)}) cannot be built from the table's ages: ${uncovered || "no ages"}`,
        ),
      });
      continue;
    }
    if (missing.length > 0) {
      const first = missing[0]!;
      const meaning = statusMeaning(first.status);
      problems.push({
        file,
        severity: "note",
        ...first.where,
        message: say(
          `${target.id}: värde saknas för ${missing.map((m) => m.year).join(", ")} ("${first.status}": ${meaning.sv}); de åren lämnas som de var`,
          `${target.id}: no value for ${missing.map((m) => m.year).join(", ")} ("${first.status}": ${meaning.en}); those years are left as they were`,
        ),
      });
    }
    results.push({ id: target.id, values });

    function record(year: number, figure: Figure): void {
      if (figure.value === null) missing.push({ year, status: figure.status ?? "", where: figure.where });
      else values.set(year, figure.value);
    }
  }
  if (noise.length > 0) {
    const largest = noise.reduce((a, b) => (Math.abs(b.difference) > Math.abs(a.difference) ? b : a));
    const years = [...new Set(noise.map((n) => n.year))].sort((a, b) => a - b);
    problems.push({
      file,
      severity: "note",
      message: say(
        `totalen skiljer sig från summan av delarna år ${years.join(", ")} (störst ${signed("sv", largest.difference)} för ${largest.what}, ${largest.year}); tabellens total används. SCB lägger till kontrollerat slumpbrus från referensår 2025, så en total behöver inte vara summan av delarna`,
        `the total differs from the sum of its parts in ${years.join(", ")} (largest ${signed("en", largest.difference)} for ${largest.what}, ${largest.year}); the table's total is used. SCB adds controlled random noise from reference year 2025, so a total need not equal the sum of its parts`,
      ),
    });
  }
  return results;
}

/** A difference with its sign in the language's number format: "+12", "−3" (a true minus sign in Swedish). */
function signed(lang: Lang, difference: number): string {
  return `${difference > 0 ? "+" : ""}${formats(lang).number(difference)}`;
}

/** Year → age key ("total" or "80–84") → the figure for both sexes, and its band. */
function bothSexes(
  observations: Observation[],
  noise: { year: number; what: string; difference: number }[],
  file: string,
  problems: ImportProblem[],
): Map<number, Map<string, { band?: AgeBand; figure: Figure }>> {
  const grouped = new Map<string, { year: number; age: AgeBand | "total"; total?: Figure; women?: Figure; men?: Figure }>();
  for (const o of observations) {
    const key = `${o.year}|${o.age === "total" ? "total" : formatAgeBand(o.age)}`;
    let entry = grouped.get(key);
    if (entry === undefined) grouped.set(key, (entry = { year: o.year, age: o.age }));
    entry[o.sex] = { value: o.value, ...(o.status === undefined ? {} : { status: o.status }), where: o.where };
  }
  const result = new Map<number, Map<string, { band?: AgeBand; figure: Figure }>>();
  let oneSexOnly: string | undefined;
  for (const entry of grouped.values()) {
    const parts = entry.women !== undefined && entry.men !== undefined ? sumOf([entry.women, entry.men]) : undefined;
    const figure = entry.total ?? parts;
    if (figure === undefined) {
      oneSexOnly ??= entry.women !== undefined ? "women" : "men";
      continue;
    }
    if (entry.total !== undefined && parts?.value != null && entry.total.value !== null && Math.abs(parts.value - entry.total.value) > 1e-9) {
      noise.push({ year: entry.year, what: `${entry.age === "total" ? "" : formatAgeBand(entry.age) + " "}women + men`, difference: entry.total.value - parts.value });
    }
    let ages = result.get(entry.year);
    if (ages === undefined) result.set(entry.year, (ages = new Map()));
    ages.set(entry.age === "total" ? "total" : formatAgeBand(entry.age), { ...(entry.age === "total" ? {} : { band: entry.age }), figure });
  }
  if (oneSexOnly !== undefined) {
    problems.push({
      file,
      severity: "error",
      message: say(`tabellen har bara ${oneSexOnly === "women" ? "kvinnor" : "män"} för vissa åldrar: väntade båda könen eller totalen`, `the table has only ${oneSexOnly} for some ages: expected both sexes or the total`),
    });
  }
  return result;
}

/** The sum of figures; missing if any part is missing (with that part's status and place). */
function sumOf(figures: Figure[]): Figure {
  const missing = figures.find((f) => f.value === null);
  if (missing !== undefined) return missing;
  return { value: figures.reduce((sum, f) => sum + (f.value ?? 0), 0), where: figures[0]?.where ?? {} };
}

/**
 * Age groups of the table that cover `band` exactly, preferring the finest (single years); undefined when they cannot.
 */
function tiling(band: AgeBand, groups: AgeBand[]): AgeBand[] | undefined {
  const inside = groups.filter((g) => g.from >= band.from && (band.to === null || (g.to !== null && g.to <= band.to)));
  const chosen: AgeBand[] = [];
  let next = band.from;
  for (;;) {
    const candidates = inside.filter((g) => g.from === next).sort((a, b) => (a.to ?? Infinity) - (b.to ?? Infinity));
    const group = candidates[0];
    if (group === undefined) return undefined;
    chosen.push(group);
    if (group.to === null) return band.to === null ? chosen : undefined;
    if (band.to !== null && group.to === band.to) return chosen;
    next = group.to + 1;
  }
}
