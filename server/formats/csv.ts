/**
 * A scenario version's results as CSV: comma and decimal point for programs, or semicolon and
 * decimal comma for Swedish spreadsheets (with a UTF-8 byte order mark so that Excel reads å, ä, ö).
 * Every row carries the version id, and in its last column why the figures are illustrative (empty
 * when they are the municipality's own).
 */
import type { ForecastResult } from "../../model/forecast.ts";
import { illustrativeNote } from "../../model/illustrative.ts";
import { PROCESS_COLUMNS, TOTAL_COLUMNS } from "./columns.ts";

export interface CsvOptions {
  separator: "," | ";";
  decimal: "." | ",";
  table: "processes" | "totals";
  versionId: string;
  /** Process id → name (in the chosen language). */
  processNames: Record<string, string>;
  /** Start with a UTF-8 byte order mark. */
  bom: boolean;
  /** Language of the illustrative note. */
  lang: "sv" | "en";
}

/** A number without exponent notation, with the chosen decimal mark; null/NaN as an empty field. */
export function formatNumber(value: number | null, decimal: "." | ","): string {
  if (value === null || Number.isNaN(value)) return "";
  let text: string;
  if (Math.abs(value) < 1e-9) text = "0";
  else if (Math.abs(value) < 1e-6) text = value.toFixed(15).replace(/0+$/, "");
  else if (Math.abs(value) >= 1e21) text = BigInt(Math.round(value)).toString();
  else text = String(value);
  return decimal === "," ? text.replace(".", ",") : text;
}

/** A field quoted when it holds the separator, a quote or a line break (RFC 4180). */
export function formatField(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function forecastCsv(result: ForecastResult, options: CsvOptions): string {
  const sep = options.separator;
  const num = (v: number | null) => formatNumber(v, options.decimal);
  const illustrative = illustrativeNote(result.illustrative, options.lang) ?? "";
  const line = (fields: string[]) => fields.map((f) => formatField(f, sep)).join(sep);
  const lines: string[] = [];
  if (options.table === "processes") {
    lines.push(line(["versionId", "scenario", "year", "process", "processName", ...PROCESS_COLUMNS, "illustrative"]));
    for (const r of result.rows) {
      lines.push(
        line([
          options.versionId,
          result.scenario,
          String(r.year),
          r.process,
          options.processNames[r.process] ?? r.process,
          ...PROCESS_COLUMNS.map((c) => num(r[c])),
          illustrative,
        ]),
      );
    }
  } else {
    lines.push(line(["versionId", "scenario", "year", ...TOTAL_COLUMNS, "holdsFlat", "illustrative"]));
    for (const t of result.totals) {
      lines.push(
        line([options.versionId, result.scenario, String(t.year), ...TOTAL_COLUMNS.map((c) => num(t[c])), t.holdsFlat ? "1" : "0", illustrative]),
      );
    }
  }
  return `${options.bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`;
}
