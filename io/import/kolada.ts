/**
 * Kolada's API answers (https://api.kolada.se/v2/data/…): JSON pages of at most 5,000 records,
 * `{ "values": [{ "kpi", "municipality", "period", "values": [{ "gender", "count", "status",
 * "value" }] }], "count", "next_page" }`. A file may hold one page or a list of pages; several
 * files (`--from` more than once) are the pages of one answer. Kolada has no ages: its figures
 * are totals for the municipality, by gender T (total), K (women) and M (men). A value of null,
 * or a status such as "Saknas", is kept as missing.
 */
import { z } from "zod";
import { parseSex, parseYear } from "./categories.ts";
import { type ImportProblem, type Observation, type ReadOptions, type ReadResult, say } from "./import-types.ts";
import { parseJsonWithLines } from "./text.ts";

const valueSchema = z.object({
  gender: z.string(),
  count: z.number().optional(),
  status: z.string().nullable().optional(),
  value: z.number().nullable(),
});
const recordSchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number(), z.string()]),
  values: z.array(valueSchema),
});
const pageSchema = z.object({ values: z.array(recordSchema), count: z.number().optional(), next_page: z.string().nullable().optional() });

export function readKolada(file: string, text: string, options: ReadOptions): ReadResult {
  const problems: ImportProblem[] = [];
  const provenance = { format: "Kolada API (JSON)", file, source: "Kolada (RKA)", requiredNotes: [] as string[], projection: false };
  const json = parseJsonWithLines(file, text, problems);
  if (json === undefined) return { observations: [], provenance, problems };
  const { value: raw, lineOf } = json;
  const pages = Array.isArray(raw) ? raw : [raw];
  const records: { record: z.infer<typeof recordSchema>; path: (string | number)[] }[] = [];
  pages.forEach((page, p) => {
    const prefix = Array.isArray(raw) ? [p] : [];
    const parsed = pageSchema.safeParse(page);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 10)) {
        const path = [...prefix, ...issue.path.map((k) => (typeof k === "number" ? k : String(k)))];
        const line = lineOf(path);
        problems.push({ file, severity: "error", ...(line === undefined ? {} : { line }), field: path.join("."), message: say(`inte Koladas format: ${issue.message}`, `not Kolada's format: ${issue.message}`) });
      }
      return;
    }
    parsed.data.values.forEach((record, r) => records.push({ record, path: [...prefix, "values", r] }));
  });
  if (problems.length > 0) return { observations: [], provenance, problems };

  const choose = (what: "kpi" | "municipality", wanted: string | undefined, fallback: string | undefined): string | undefined => {
    const found = [...new Set(records.map((r) => r.record[what]))];
    if (wanted !== undefined) {
      if (found.includes(wanted)) return wanted;
    } else if (found.length === 1) return found[0];
    else if (fallback !== undefined && found.includes(fallback)) return fallback;
    const option = what === "kpi" ? "--contents" : "--region";
    problems.push({
      file,
      severity: "error",
      field: what,
      message:
        wanted === undefined
          ? say(`filen har flera ${what === "kpi" ? "nyckeltal" : "kommuner"} (${found.join(", ")}): välj med ${option}`, `the file has several ${what === "kpi" ? "KPIs" : "municipalities"} (${found.join(", ")}): choose with ${option}`)
          : say(`${option} "${wanted}" finns inte i filen: den har ${found.join(", ")}`, `${option} "${wanted}" is not in the file: it has ${found.join(", ")}`),
    });
    return undefined;
  };
  const kpi = choose("kpi", options.contents, undefined);
  // Kolada names municipalities by their four-digit code only.
  const region = choose("municipality", options.region !== undefined && /^\d{4}$/.test(options.region) ? options.region : undefined, undefined);
  if (kpi === undefined || region === undefined) return { observations: [], provenance, problems };

  const observations: Observation[] = [];
  for (const { record, path } of records) {
    if (record.kpi !== kpi || record.municipality !== region) continue;
    const year = parseYear(record.period);
    const periodLine = lineOf([...path, "period"]);
    if (year === undefined) {
      problems.push({ file, severity: "error", ...(periodLine === undefined ? {} : { line: periodLine }), field: `${path.join(".")}.period`, message: say(`"${record.period}" är inte ett år`, `"${record.period}" is not a year`) });
      continue;
    }
    record.values.forEach((v, i) => {
      const sex = parseSex(v.gender);
      const field = `${path.join(".")}.values.${i}`;
      const line = lineOf([...path, "values", i, "value"]);
      const where = { field, ...(line === undefined ? {} : { line }) };
      if (sex === undefined) {
        problems.push({ file, severity: "error", ...where, message: say(`kön "${v.gender}" är varken T, K eller M`, `gender "${v.gender}" is none of T, K and M`) });
        return;
      }
      const status = v.status ?? "";
      if (v.value === null) observations.push({ age: "total", sex, year, value: null, status: status === "" ? "null" : status, where });
      else observations.push({ age: "total", sex, year, value: v.value, where });
    });
  }
  return { observations, provenance: { ...provenance, tableId: kpi, region, contents: kpi }, problems };
}
