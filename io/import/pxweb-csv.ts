/**
 * CSV exported from SCB's PxWeb (the API's `outputFormat=csv` or the web page's download):
 * ISO-8859-1 or UTF-8, comma separated (semicolon and tab also accepted), decimal point, codes or
 * texts, perhaps a title line first. Wide — one column per year (headers such as `2024` or
 * `Folkmängd 2024`), the usual layout — or long, every variable in the stub: a year column and one
 * value column. Status symbols (`..`, `.`, `:`, `-`) are kept as missing.
 */
import { parse } from "csv-parse/browser/esm/sync";
import { isStatusSymbol, looksLikeProjection, parseYear, populationContents } from "./categories.ts";
import { type CubeCell, type CubeDimension, roleOf, selectFromCube } from "./cube.ts";
import { type ImportProblem, type ReadOptions, type ReadResult, say } from "./import-types.ts";
import { importText } from "./text.ts";

const YEAR_IN_HEADER = /(?:^|\s)(\d{4})$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

export function readPxWebCsv(file: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
  const problems: ImportProblem[] = [];
  const provenance = { format: "PxWeb CSV", file, requiredNotes: [] as string[], projection: false };
  // SCB writes its CSV in ISO-8859-1: read as such (Windows-1252, its superset) without a note.
  const text = importText(file, bytes, problems, "Windows-1252")?.text;
  if (text === undefined) return { observations: [], provenance, problems };
  // The separator from the header: the first lines' most frequent of , ; and tab outside quotes (a title line has none).
  const counts = { ",": 0, ";": 0, "\t": 0 };
  for (const line of text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 2)) {
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c] += 1;
    }
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = (
      parse(text, { delimiter: counts[";"] > counts[","] ? ";" : counts["\t"] > counts[","] ? "\t" : ",", info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).filter((r) => r.record.some((f) => f !== ""));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    problems.push({ file, severity: "error", ...(line === undefined ? {} : { line }), message: say(`inte giltig CSV: ${String(error)}`, `not valid CSV: ${String(error)}`) });
    return { observations: [], provenance, problems };
  }
  // A title line (PxWeb's IncludeTitle) is a single field above the header.
  let title: string | undefined;
  if (records.length > 1 && records[0]!.record.filter((f) => f !== "").length === 1 && records[1]!.record.length > 1) {
    title = records[0]!.record.find((f) => f !== "");
    records = records.slice(1);
  }
  const header = records[0];
  if (header === undefined || records.length < 2) {
    problems.push({ file, severity: "error", line: 1, message: say("filen har ingen rubrikrad och inga datarader", "the file has no header line and no data lines") });
    return { observations: [], provenance, problems };
  }
  const rows = records.slice(1);
  const names = header.record;
  // A value column holds numbers and status symbols; at least half suffice, so that a bad field is reported rather than hiding the column.
  const valueLike = (column: number) =>
    rows.filter((r) => {
      const field = r.record[column] ?? "";
      return field === "" || NUMBER.test(field) || isStatusSymbol(field);
    }).length *
      2 >=
    rows.length;
  const yearColumns = names.map((name, column) => (YEAR_IN_HEADER.test(name) && valueLike(column) ? column : -1)).filter((c) => c >= 0);

  const dimensions: CubeDimension[] = [];
  const cells: CubeCell[] = [];
  const dimensionColumns = names.map((_, c) => c).filter((c) => !yearColumns.includes(c));
  let valueColumns: { column: number; year?: number }[];
  let contents: string | undefined;
  if (yearColumns.length > 0) {
    // Wide: the header's text before the year names the contents ("Folkmängd 2024", or only "2024").
    const contentsOf = (column: number) => (names[column] ?? "").replace(YEAR_IN_HEADER, "").trim();
    const contentsLabels = [...new Set(yearColumns.map(contentsOf))];
    const wanted = options.contents?.trim().toLowerCase();
    const population = wanted === undefined ? populationContents(contentsLabels.map((l) => ({ code: l, name: l }))) : undefined;
    const chosen =
      contentsLabels.length === 1 ? contentsLabels[0] : wanted === undefined ? (population === undefined ? undefined : contentsLabels[population]) : contentsLabels.find((l) => l.toLowerCase() === wanted);
    if (contentsLabels.length > 1 && wanted === undefined && chosen !== undefined) {
      problems.push({ file, severity: "note", line: header.info.lines, message: say(`rubrikraden har flera tabellinnehåll; folkmängden (${chosen}) läses — välj ett annat med --contents`, `the header has several contents; the population (${chosen}) is read — choose another with --contents`) });
    }
    if (chosen === undefined) {
      problems.push({
        file,
        severity: "error",
        line: header.info.lines,
        message:
          wanted === undefined
            ? say(`rubrikraden har flera tabellinnehåll (${contentsLabels.join(", ")}): välj ett med --contents`, `the header has several contents (${contentsLabels.join(", ")}): choose one with --contents`)
            : say(`--contents "${options.contents}" finns inte i rubrikraden: den har ${contentsLabels.join(", ")}`, `--contents "${options.contents}" is not in the header: it has ${contentsLabels.join(", ")}`),
      });
      return { observations: [], provenance, problems };
    }
    if (chosen !== "") contents = chosen;
    valueColumns = yearColumns.filter((c) => contentsOf(c) === chosen).map((column) => ({ column, year: parseYear(YEAR_IN_HEADER.exec(names[column] ?? "")?.[1] ?? "")! }));
  } else {
    // Long: the last column whose fields are all numbers is the value; the rest are variables.
    const last = [...names.keys()].reverse().find((c) => valueLike(c) && roleOf({ id: names[c] ?? "", label: names[c] ?? "", codes: [] }) !== "year");
    if (last === undefined) {
      problems.push({ file, severity: "error", line: header.info.lines, message: say("hittar varken årskolumner (t.ex. \"2024\") eller en värdekolumn", "found neither year columns (e.g. \"2024\") nor a value column") });
      return { observations: [], provenance, problems };
    }
    dimensionColumns.splice(dimensionColumns.indexOf(last), 1);
    valueColumns = [{ column: last }];
    contents = names[last];
  }

  for (const column of dimensionColumns) {
    const codes = [...new Set(rows.map((r) => r.record[column] ?? ""))];
    dimensions.push({ id: names[column] ?? `column ${column + 1}`, label: names[column] ?? "", codes, labels: codes });
  }
  const wide = valueColumns.length > 0 && valueColumns[0]!.year !== undefined;
  const yearCodes = wide ? valueColumns.map((v) => String(v.year)) : [];
  if (wide) dimensions.push({ id: "år", label: "år", codes: yearCodes, labels: yearCodes, declaredRole: "year" });
  const indexOf = dimensions.map((d) => new Map(d.codes.map((code, i) => [code, i])));
  for (const row of rows) {
    const base = dimensionColumns.map((column, d) => indexOf[d]!.get(row.record[column] ?? "") ?? -1);
    for (const [v, { column }] of valueColumns.entries()) {
      const field = (row.record[column] ?? "").trim();
      const categories = wide ? [...base, v] : base;
      const where = { line: row.info.lines, field: names[column] ?? `column ${column + 1}` };
      if (field === "" || isStatusSymbol(field)) cells.push({ categories, value: null, status: field, where });
      else if (NUMBER.test(field)) cells.push({ categories, value: Number(field), where });
      else problems.push({ file, severity: "error", ...where, message: say(`"${field}" är inte ett tal (decimalpunkt) eller en statussymbol`, `"${field}" is not a number (decimal point) or a status symbol`) });
    }
  }
  if (problems.some((p) => p.severity === "error")) return { observations: [], provenance, problems };
  const selection = selectFromCube(file, dimensions, cells, options, problems);
  return {
    observations: selection.observations,
    provenance: {
      ...provenance,
      projection: looksLikeProjection(`${title ?? ""} ${contents ?? ""}`),
      ...(contents === undefined ? {} : { contents }),
      ...(title === undefined ? {} : { title }),
      ...(selection.region === undefined ? {} : { region: selection.region }),
    },
    problems,
  };
}
