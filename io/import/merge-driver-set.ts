/**
 * An imported forecast written as a named driver set (`driver-sets/<id>.csv`, long format
 * `year,driver,value`) and named in `driver-sets.json`, instead of into drivers.csv: a projection
 * of Statistics Sweden's, or the municipality's own, kept beside the package's forecast.
 *
 * - The imported drivers' rows of the set are replaced; its other drivers keep their text.
 * - Every year the table gives up to the horizon is written (years of the drivers' history too:
 *   the model keeps the history, the planner's chart shows them).
 * - A set not yet in `driver-sets.json` is added with its name (the table's title by default).
 */
import { parseCsv } from "../../model/csv.ts";
import type { LocalizedText } from "../../model/data-package.ts";
import { DRIVER_SETS_FILE, driverSetFile } from "../../model/parse-driver-sets.ts";
import { type ImportProblem, say } from "./import-types.ts";
import { type DriverChange, formatValue } from "./merge-drivers.ts";
import type { DriverValues } from "./to-drivers.ts";

/** The set's new CSV text and driver-sets.json, and what changed (values only; the kind is always `forecast`). */
export function mergeDriverSet(
  files: Readonly<Record<string, string>>,
  set: { id: string; name: LocalizedText },
  imported: DriverValues[],
  horizon: number | undefined,
  problems: ImportProblem[],
): { files: Record<string, string>; changes: DriverChange[] } {
  const file = driverSetFile(set.id);
  const before = readRows(file, files[file], problems);
  const ids = new Set(imported.map((d) => d.id));
  const rows = before.filter((r) => !ids.has(r.driver));
  const changes: DriverChange[] = [];
  for (const driver of imported) {
    for (const [year, value] of [...driver.values].sort((a, b) => a[0] - b[0])) {
      if (horizon !== undefined && year > horizon) continue;
      const text = formatValue(value, ",");
      const old = before.find((r) => r.driver === driver.id && r.year === year);
      rows.push({ year, driver: driver.id, value: text });
      if (old?.value !== text) {
        changes.push({ driver: driver.id, year, ...(old === undefined ? {} : { before: { value: old.value, kind: "forecast" } }), after: { value: text, kind: "forecast" } });
      }
    }
  }
  const order = [...new Set(rows.map((r) => r.driver))];
  rows.sort((a, b) => order.indexOf(a.driver) - order.indexOf(b.driver) || a.year - b.year);
  const csv = `${["year,driver,value", ...rows.map((r) => `${r.year},${r.driver},${r.value}`)].join("\n")}\n`;
  return { files: { [file]: csv, [DRIVER_SETS_FILE]: withSetName(files[DRIVER_SETS_FILE], set, problems) }, changes };
}

interface Row {
  year: number;
  driver: string;
  value: string;
}

function readRows(file: string, text: string | undefined, problems: ImportProblem[]): Row[] {
  if (text === undefined) return [];
  const { table, errors } = parseCsv(file, text, ["year", "driver", "value"]);
  for (const e of errors) problems.push({ file: e.file, severity: "error", ...(e.line === undefined ? {} : { line: e.line }), ...(e.field === undefined ? {} : { field: e.field }), message: say(e.message, e.message) });
  return (table?.rows ?? []).map((r) => ({ year: Number(r.fields.year), driver: r.fields.driver ?? "", value: r.fields.value ?? "" }));
}

/** driver-sets.json with the set named (an existing name is kept). */
function withSetName(text: string | undefined, set: { id: string; name: LocalizedText }, problems: ImportProblem[]): string {
  let json: { sets: Record<string, unknown> };
  try {
    json = text === undefined ? { sets: {} } : (JSON.parse(text) as { sets: Record<string, unknown> });
  } catch {
    problems.push({ file: DRIVER_SETS_FILE, severity: "error", message: say("filen är inte giltig JSON; rätta den och importera igen", "the file is not valid JSON; fix it and import again") });
    return text ?? "";
  }
  if (typeof json.sets !== "object" || json.sets === null) json = { sets: {} };
  if (!Object.hasOwn(json.sets, set.id)) json.sets[set.id] = { name: set.name };
  return `${JSON.stringify(json, null, 2)}\n`;
}
