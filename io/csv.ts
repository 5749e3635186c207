/**
 * A forecast's rows as CSV (csv-stringify, RFC 4180 quoting): comma and decimal point for
 * programs, or semicolon and decimal comma for Swedish spreadsheets (with a UTF-8 byte order mark
 * so that Excel reads å, ä, ö). The last column says, on every row, why the figures are
 * illustrative (empty when they are the municipality's own). The server's exports and the command
 * line write it here.
 */
import { stringify } from "csv-stringify/sync";
import type { Lang } from "../contract/locale.ts";
import type { ForecastResult } from "../model/forecast.ts";
import { illustrativeNote } from "../model/illustrative.ts";
import { PROCESS_COLUMNS, TOTAL_COLUMNS } from "./columns.ts";

/** Separator and decimal mark: `,` and `.` (English, programs) or `;` and `,` (Swedish spreadsheets). */
export interface CsvDialect {
  separator: "," | ";";
  decimal: "." | ",";
}

/** The dialect of a language: Swedish writes `;` and decimal comma, English `,` and decimal point. */
export function csvDialect(lang: "sv" | "en"): CsvDialect {
  return lang === "sv" ? { separator: ";", decimal: "," } : { separator: ",", decimal: "." };
}

export interface CsvOptions extends CsvDialect {
  table: "processes" | "totals";
  /** The saved version's short id, written in a first column on every row; none for an unsaved forecast. */
  versionId?: string;
  /** Process id → name (in the chosen language). */
  processNames: Record<string, string>;
  /** Start with a UTF-8 byte order mark. */
  bom: boolean;
  /** Language of the illustrative note. */
  lang: Lang;
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

/** A forecast's rows per process and year, or its totals and money per year, as CSV text. */
export function forecastCsv(result: ForecastResult, options: CsvOptions): string {
  const num = (v: number | null) => formatNumber(v, options.decimal);
  const lead = options.versionId === undefined ? [] : [options.versionId];
  const leadHeader = options.versionId === undefined ? [] : ["versionId"];
  const illustrative = illustrativeNote(result.illustrative, options.lang) ?? "";
  const rows: string[][] =
    options.table === "processes"
      ? [
          [...leadHeader, "scenario", "year", "process", "processName", ...PROCESS_COLUMNS, "illustrative"],
          ...result.rows.map((r) => [
            ...lead,
            result.scenario,
            String(r.year),
            r.process,
            options.processNames[r.process] ?? r.process,
            ...PROCESS_COLUMNS.map((c) => num(r[c])),
            illustrative,
          ]),
        ]
      : [
          [...leadHeader, "scenario", "year", ...TOTAL_COLUMNS, "holdsFlat", "illustrative"],
          ...result.totals.map((t) => [
            ...lead,
            result.scenario,
            String(t.year),
            ...TOTAL_COLUMNS.map((c) => num(t[c])),
            t.holdsFlat ? "1" : "0",
            illustrative,
          ]),
        ];
  return stringify(rows, {
    delimiter: options.separator,
    record_delimiter: "\r\n",
    // csv-stringify quotes the separator, quotes and its record delimiter; a lone line break too (RFC 4180).
    quoted_match: /[\r\n]/,
    bom: options.bom,
  });
}
