/**
 * One import, from file bytes to the package's new `drivers.csv` and `SOURCES.md` texts: read the
 * table (format by file name, or by content), map it onto the package's drivers, merge, and check
 * that the package still validates. No file is touched here; `cli/import.ts` reads and writes.
 */
import { type AgeBand, ALL_AGES, driverBand, driverIdOfBand } from "../../model/age-bands.ts";
import type { LocalizedText } from "../../model/data-package.ts";
import type { PackageFinding } from "../../model/package-error.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { mergeDriverSet } from "./merge-driver-set.ts";
import { type Format, type ImportProblem, type ReadOptions, type ReadResult, say } from "./import-types.ts";
import { readJsonStat } from "./jsonstat.ts";
import { readKolada } from "./kolada.ts";
import { type DriverChange, type Kind, mergeDrivers } from "./merge-drivers.ts";
import { readPx } from "./px.ts";
import { readPxWebCsv } from "./pxweb-csv.ts";
import { withImportEntry } from "./sources-section.ts";
import { importText } from "./text.ts";
import { type DriverTarget, toDriverValues } from "./to-drivers.ts";
import { readXlsxForecast } from "./xlsx-forecast.ts";

/** The format a file's name says; "json" is JSON-stat or Kolada, told apart by {@link jsonFormat}. */
function formatOfName(name: string): Format | "json" | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith(".px")) return "px";
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}

/** A JSON text's format by its first keys: Kolada's answers have `kpi` and `municipality`, JSON-stat `class` and `version`. */
function jsonFormat(text: string): "jsonstat" | "kolada" {
  const head = text.slice(0, 4096);
  if (/"class"\s*:\s*"dataset"/.test(head) || /"version"\s*:\s*"2\.0"/.test(head)) return "jsonstat";
  return /"kpi"\s*:/.test(head) || /"municipality"\s*:/.test(head) ? "kolada" : "jsonstat";
}

/** Reads one file in its format (`format`, else by its name and, for JSON, its content). */
export async function readTable(name: string, bytes: Uint8Array, options: ReadOptions, format?: Format): Promise<ReadResult> {
  const chosen = format ?? formatOfName(name);
  switch (chosen) {
    case "json":
    case "jsonstat":
    case "kolada": {
      const problems: ImportProblem[] = [];
      const text = importText(name, bytes, problems)?.text;
      if (text === undefined) return { observations: [], provenance: { format: "JSON", file: name, requiredNotes: [], projection: false }, problems };
      const read = (chosen === "json" ? jsonFormat(text) : chosen) === "kolada" ? readKolada(name, text, options) : readJsonStat(name, text, options);
      return { ...read, problems: [...problems, ...read.problems] };
    }
    case "px":
      return readPx(name, bytes, options);
    case "csv":
      return readPxWebCsv(name, bytes, options);
    case "xlsx":
      return readXlsxForecast(name, bytes, options);
    default:
      return {
        observations: [],
        provenance: { format: "?", file: name, requiredNotes: [], projection: false },
        problems: [
          {
            file: name,
            severity: "error",
            message: say(`okänt filformat: väntade .json (JSON-stat eller Kolada), .px, .csv eller .xlsx`, `unknown file format: expected .json (JSON-stat or Kolada), .px, .csv or .xlsx`),
          },
        ],
      };
  }
}

export interface ImportRequest {
  /** Drivers to write (default: every driver of the package that is an age band, or `residents` for a table without ages). */
  drivers?: string[];
  /** Extra age bands to write as new drivers (`residents_<from>_<to>`, `residents_<from>plus`). */
  bands?: AgeBand[];
  /** `actual` or `forecast`; default: `forecast` for a projection (or an XLSX forecast), else `actual`. */
  kind?: Kind;
  /**
   * Write the figures as the named driver set `id` (a forecast, `driver-sets/<id>.csv`) instead of
   * into drivers.csv; `name` names a new set (default: the table's title).
   */
  set?: { id: string; name?: LocalizedText };
}

export interface ImportPlan {
  /** New texts of the files that change (relative to the package folder). */
  files: Record<string, string>;
  changes: DriverChange[];
  problems: ImportProblem[];
  kind: Kind;
  /**
   * The package's warnings and notes after the import (as `--validate` reports them): the import
   * goes through, but a planner should see a value that has become implausible.
   */
  report: PackageFinding[];
}

/**
 * The package's files after importing the tables read (one table, or the pages of one Kolada answer).
 *
 * @param packageFiles the package's files as texts (as `readPackageFolder` gives them, plus `SOURCES.md` if any).
 */
export function planImport(packageFiles: Readonly<Record<string, string>>, tables: ReadResult[], request: ImportRequest): ImportPlan {
  const problems: ImportProblem[] = tables.flatMap((t) => t.problems);
  const first = tables[0];
  const kind: Kind = request.set !== undefined ? "forecast" : (request.kind ?? (first?.provenance.projection === true ? "forecast" : "actual"));
  const none: ImportPlan = { files: {}, changes: [], problems, kind, report: [] };
  if (first === undefined || problems.some((p) => p.severity === "error")) return none;
  const observations = tables.flatMap((t) => t.observations);
  if (observations.length === 0) {
    problems.push({ file: first.provenance.file, severity: "error", message: say("filen har inga värden för den valda regionen och det valda innehållet", "the file has no values for the chosen region and contents") });
    return none;
  }

  const before = parseDataPackage(packageFiles);
  const pkg = before.ok ? before.package : undefined;
  const driverIds = pkg === undefined ? [] : Object.keys(pkg.drivers);
  const hasAges = observations.some((o) => o.age !== "total");
  let targets: DriverTarget[];
  if (request.drivers !== undefined && request.drivers.length > 0) {
    targets = request.drivers.map((id) => ({ id, band: driverBand(pkg?.drivers[id] ?? { id }) ?? ALL_AGES }));
  } else if (hasAges) {
    targets = driverIds.flatMap((id) => {
      const band = driverBand(pkg!.drivers[id]!);
      return band === undefined ? [] : [{ id, band }];
    });
  } else {
    targets = driverIds.includes("residents") ? [{ id: "residents", band: ALL_AGES }] : [];
  }
  for (const band of request.bands ?? []) {
    const id = driverIdOfBand(band);
    if (!targets.some((t) => t.id === id)) targets.push({ id, band });
  }
  if (targets.length === 0) {
    problems.push({
      file: first.provenance.file,
      severity: "error",
      message: say("vet inte vilken driver värdena ska till: ange --driver <id>", "do not know which driver the values go to: give --driver <id>"),
    });
    return none;
  }

  const driverValues = toDriverValues(first.provenance.file, observations, targets, problems);
  const driversCsv = packageFiles["drivers.csv"];
  if (driversCsv === undefined) {
    problems.push({ file: "drivers.csv", severity: "error", message: say("paketet har ingen drivers.csv", "the package has no drivers.csv") });
    return none;
  }
  if (problems.some((p) => p.severity === "error")) return none;
  const horizon = pkg?.municipality.horizon ?? horizonOf(packageFiles["municipality.json"]);
  let merged: { files: Record<string, string>; changes: DriverChange[] };
  if (request.set === undefined) {
    const drivers = mergeDrivers(driversCsv, driverValues, kind, pkg?.baseYear, horizon, problems);
    merged = { files: { "drivers.csv": drivers.text }, changes: drivers.changes };
  } else {
    const title = first.provenance.title ?? first.provenance.tableId ?? request.set.id;
    merged = mergeDriverSet(packageFiles, { id: request.set.id, name: request.set.name ?? { sv: title, en: title } }, driverValues, horizon, problems);
  }
  if (problems.some((p) => p.severity === "error")) return none;

  const after = parseDataPackage({ ...packageFiles, ...merged.files });
  if (!after.ok) {
    for (const e of after.errors) {
      // The package parser's messages are in English; the place is in the problem's file, line and field.
      problems.push({
        file: e.file,
        severity: "error",
        ...(e.line === undefined ? {} : { line: e.line }),
        ...(e.field === undefined ? {} : { field: e.field }),
        message: say(`paketet skulle inte gå igenom --validate efter importen: ${e.message}`, `the package would not pass --validate after the import: ${e.message}`),
      });
    }
    return { ...none, changes: merged.changes };
  }

  const written = new Map(driverValues.map((d) => [d.id, [...d.values.keys()].filter((y) => horizon === undefined || y <= horizon).sort((a, b) => a - b)]));
  const sources = withImportEntry(packageFiles["SOURCES.md"] ?? "", {
    provenance: first.provenance,
    kind,
    ...(request.set === undefined ? {} : { set: request.set.id }),
    written,
    notes: problems.filter((p) => p.severity === "note").map((p) => p.message.en),
  });
  return { files: { ...merged.files, "SOURCES.md": sources }, changes: merged.changes, problems, kind, report: after.report };
}

function horizonOf(municipalityJson: string | undefined): number | undefined {
  try {
    const horizon = (JSON.parse(municipalityJson ?? "") as { horizon?: unknown }).horizon;
    return typeof horizon === "number" ? horizon : undefined;
  } catch {
    return undefined;
  }
}
