/**
 * The JSON text of a deterministic forecast in the API's columnar form (`contract/forecast-columns.ts`):
 * the same text as `JSON.stringify` of the columnar object (tests/server/forecast-json.test.ts),
 * written column by column so that a column repeated (below) is written once.
 *
 * Why `JSON.stringify` for the numbers and not `String(number)` in a concatenation: V8 keeps a
 * cache of numbers it has turned into text, and `String(number)` is fast only when it hits. A server
 * answering new assumptions on every request writes up to about 1,000 numbers it has never seen,
 * and there `JSON.stringify` of an array of numbers took 135–175 ns a number against 200–320 ns for
 * `String(number)` alone and 320–450 ns with the concatenation, and it leaves one flat string
 * instead of a rope of 3,000 pieces that `Buffer.from` must first flatten (1,000 fresh numbers each
 * round, machine load about 4). Timing the same forecast again and again hides this: its numbers
 * are then all in the cache. Paired against the hand-written writer this replaces, on fresh Nacka
 * forecasts with two levers, text and Buffer: about 1.5–2× faster.
 *
 * A column with the same values as one written before it is not written again but its text reused:
 * without levers, delivery and total FTE are baseline FTE in every row and every year's total.
 */
import type { ForecastAnswer } from "../contract/api.ts";
import { PROCESS_YEAR_COLUMNS, YEAR_TOTAL_COLUMNS } from "../contract/forecast-columns.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ForecastColumns } from "../model/forecast-columns.ts";

/**
 * The text of values the model shares between forecasts of one plan structure (their years and
 * processes, `model/forecast.ts`), by identity: frozen, so the text cannot go stale.
 */
const frozenTexts = new WeakMap<object, string>();

function valueJson(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || !Object.isFrozen(value)) return JSON.stringify(value) as string | undefined;
  let text = frozenTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    frozenTexts.set(value, text);
  }
  return text;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `{"field":[…],…}` for the given columns in the given order, as `JSON.stringify` writes it. */
function columnsJson<F extends string>(columns: { readonly [K in F]: readonly unknown[] }, fields: readonly F[]): string {
  const written: (readonly unknown[])[] = [];
  const texts: string[] = [];
  let text = "{";
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const column = columns[field];
    let columnText: string | undefined;
    for (let w = 0; w < written.length && columnText === undefined; w++) if (sameValues(column, written[w]!)) columnText = texts[w];
    if (columnText === undefined) {
      columnText = JSON.stringify(column);
      written.push(column);
      texts.push(columnText);
    }
    text += `${f === 0 ? "" : ","}${JSON.stringify(field)}:${columnText}`;
  }
  return `${text}}`;
}

/** The JSON text of a forecast in columns (`ForecastColumns`), its fields in their order. */
export function columnarForecastJson(result: ForecastColumns): string {
  let text = "{";
  for (const [field, value] of Object.entries(result)) {
    const valueText =
      field === "rows"
        ? columnsJson(result.rows, PROCESS_YEAR_COLUMNS)
        : field === "totals"
          ? columnsJson(result.totals, YEAR_TOTAL_COLUMNS)
          : valueJson(value);
    // JSON.stringify leaves out a field whose value it cannot write (undefined, a function).
    if (valueText !== undefined) text += `${text === "{" ? "" : ","}${JSON.stringify(field)}:${valueText}`;
  }
  return `${text}}`;
}

/** The JSON text of `result` with its rows and totals as columns (`ForecastColumns`), its fields in their order. */
export function forecastColumnsJson(result: ForecastResult): string {
  const column = <T, F extends keyof T>(items: readonly T[], field: F): T[F][] => {
    const values = new Array<T[F]>(items.length);
    for (let i = 0; i < items.length; i++) values[i] = items[i]![field];
    return values;
  };
  const rows = Object.fromEntries(PROCESS_YEAR_COLUMNS.map((field) => [field, column(result.rows, field)]));
  const totals = Object.fromEntries(YEAR_TOTAL_COLUMNS.map((field) => [field, column(result.totals, field)]));
  return columnarForecastJson({ ...result, rows, totals } as ForecastColumns);
}

/** The JSON text of a deterministic forecast's answer: `head`'s fields, then `result` as columns. */
export function forecastAnswerJson(head: Omit<ForecastAnswer, "result">, result: ForecastResult | ForecastColumns): string {
  const text = Array.isArray(result.rows) ? forecastColumnsJson(result as ForecastResult) : columnarForecastJson(result as ForecastColumns);
  return `${JSON.stringify(head).slice(0, -1)},"result":${text}}`;
}
