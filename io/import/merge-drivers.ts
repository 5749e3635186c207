/**
 * Imported driver values written into a package's `drivers.csv` text (long format
 * `year,driver,value,kind`), and the list of what changed, for `--dry-run`.
 *
 * - Rows of other drivers and years keep their text as written.
 * - An `actual` import replaces the rows of its years. A `forecast` import replaces forecast rows
 *   and adds missing years, but never overwrites a past value (kind `actual` or `estimate`; a note
 *   says which were kept).
 * - Estimates (`forecast` rows) before the first imported actual are removed, since drivers.csv
 *   wants actuals before forecasts — unless the driver would then no longer reach the base year.
 * - Years after the package's horizon are not written.
 */
import { parseCsv } from "../../model/csv.ts";
import type { DriverValues } from "./to-drivers.ts";
import { type ImportProblem, say } from "./import-types.ts";

export type Kind = "actual" | "forecast";

export interface DriverChange {
  driver: string;
  year: number;
  /** The row before, or undefined for a new row. */
  before?: { value: string; kind: string };
  /** The row after, or undefined for a removed row. */
  after?: { value: string; kind: string };
}

interface Row {
  year: number;
  driver: string;
  value: string;
  kind: string;
}

const FILE = "drivers.csv";

/**
 * @param text the package's drivers.csv.
 * @param baseYear the package's base year (last year of headcount.csv), when known.
 * @param horizon the package's horizon (municipality.json), when known.
 */
export function mergeDrivers(
  text: string,
  imported: DriverValues[],
  kind: Kind,
  baseYear: number | undefined,
  horizon: number | undefined,
  problems: ImportProblem[],
): { text: string; changes: DriverChange[] } {
  const { table, errors } = parseCsv(FILE, text, ["year", "driver", "value", "kind"]);
  if (table === undefined || errors.length > 0) {
    for (const e of errors) problems.push({ file: e.file, severity: "error", ...(e.line === undefined ? {} : { line: e.line }), ...(e.field === undefined ? {} : { field: e.field }), message: say(e.message, e.message) });
    return { text, changes: [] };
  }
  const separator = table.separator;
  const rows: Row[] = table.rows.map((r) => ({ year: Number(r.fields.year), driver: r.fields.driver ?? "", value: r.fields.value ?? "", kind: r.fields.kind ?? "" }));
  const order = [...new Set(rows.map((r) => r.driver))];
  const changes: DriverChange[] = [];
  for (const driver of imported) {
    if (!order.includes(driver.id)) order.push(driver.id);
    const keptActuals: number[] = [];
    let lastYear: number | undefined;
    for (const [year, value] of [...driver.values].sort((a, b) => a[0] - b[0])) {
      if (horizon !== undefined && year > horizon) {
        lastYear ??= year;
        continue;
      }
      const text = formatValue(value, separator);
      const existing = rows.find((r) => r.driver === driver.id && r.year === year);
      if (existing === undefined) {
        rows.push({ year, driver: driver.id, value: text, kind });
        changes.push({ driver: driver.id, year, after: { value: text, kind } });
      } else if (kind === "forecast" && existing.kind !== "forecast") {
        keptActuals.push(year);
      } else if (existing.value !== text || existing.kind !== kind) {
        changes.push({ driver: driver.id, year, before: { value: existing.value, kind: existing.kind }, after: { value: text, kind } });
        existing.value = text;
        existing.kind = kind;
      }
    }
    if (lastYear !== undefined) {
      problems.push({ file: FILE, severity: "note", field: driver.id, message: say(`${driver.id}: åren efter horisonten ${horizon} skrivs inte`, `${driver.id}: the years after the horizon ${horizon} are not written`) });
    }
    if (keptActuals.length > 0) {
      problems.push({
        file: FILE,
        severity: "note",
        field: driver.id,
        message: say(`${driver.id}: utfall behålls för ${span(keptActuals)} (en prognos skriver aldrig över utfall)`, `${driver.id}: past values kept for ${span(keptActuals)} (a forecast never overwrites actuals)`),
      });
    }
    if (kind === "actual") {
      removeEarlierEstimates(rows, driver, baseYear, changes, problems);
      reportEstimatesBetweenActuals(rows, driver, problems);
    }
  }
  rows.sort((a, b) => order.indexOf(a.driver) - order.indexOf(b.driver) || a.year - b.year);
  const lines = ["year,driver,value,kind".replaceAll(",", separator), ...rows.map((r) => [r.year, r.driver, r.value, r.kind].join(separator))];
  return { text: `${lines.join("\n")}\n`, changes };
}

/** Forecast rows (estimates) before the driver's first imported actual: removed, if the driver still reaches the base year. */
function removeEarlierEstimates(rows: Row[], driver: DriverValues, baseYear: number | undefined, changes: DriverChange[], problems: ImportProblem[]): void {
  const firstImported = Math.min(...driver.values.keys());
  const estimates = rows.filter((r) => r.driver === driver.id && r.year < firstImported && r.kind === "forecast");
  if (estimates.length === 0) return;
  if (baseYear !== undefined && firstImported > baseYear && estimates.some((r) => r.year === baseYear)) {
    problems.push({
      file: FILE,
      severity: "error",
      field: driver.id,
      message: say(
        `${driver.id}: filen börjar ${firstImported}, men åren före är skattningar (forecast) och får inte stå före utfall; exportera från basåret ${baseYear} eller tidigare`,
        `${driver.id}: the file starts in ${firstImported}, but the years before are estimates (forecast) and may not come before actuals; export from the base year ${baseYear} or earlier`,
      ),
    });
    return;
  }
  for (const row of estimates) {
    rows.splice(rows.indexOf(row), 1);
    changes.push({ driver: driver.id, year: row.year, before: { value: row.value, kind: row.kind } });
  }
  problems.push({
    file: FILE,
    severity: "note",
    field: driver.id,
    message: say(
      `${driver.id}: skattningarna för ${span(estimates.map((r) => r.year))} tas bort (utfall måste stå före prognoser)`,
      `${driver.id}: the estimates for ${span(estimates.map((r) => r.year))} are removed (actuals must come before forecasts)`,
    ),
  });
}

/** A year the file leaves missing, inside the imported years, whose row is a forecast (an estimate): it would sit between actuals. */
function reportEstimatesBetweenActuals(rows: Row[], driver: DriverValues, problems: ImportProblem[]): void {
  const years = [...driver.values.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const between = rows.filter((r) => r.driver === driver.id && r.year > first && r.year < last && r.kind === "forecast").map((r) => r.year);
  if (between.length === 0) return;
  problems.push({
    file: FILE,
    severity: "error",
    field: driver.id,
    message: say(
      `${driver.id}: filen saknar värde för ${span(between)}, och paketets värde där är en skattning (forecast) som skulle stå mellan utfall; välj en annan tabell, eller skriv värdet i drivers.csv och importera igen`,
      `${driver.id}: the file has no value for ${span(between)}, and the package's value there is an estimate (forecast) that would sit between actuals; choose another table, or write the value in drivers.csv and import again`,
    ),
  });
}

/** "2015–2018" for consecutive years, else a list. */
export function span(years: number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return "";
  return last - first === sorted.length - 1 && sorted.length > 1 ? `${first}–${last}` : sorted.join(", ");
}

/** A value as drivers.csv writes it: integers plainly, others to 6 decimals, with the file's decimal mark. */
export function formatValue(value: number, separator: "," | ";"): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  return separator === ";" ? text.replace(".", ",") : text;
}
