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

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `{"field":[field of every item],…}` for the given fields, as `JSON.stringify` writes it. */
function columnsJson<T extends object>(items: readonly T[], fields: readonly (keyof T & string)[]): string {
  const written: unknown[][] = [];
  const texts: string[] = [];
  let text = "{";
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const column = new Array<unknown>(items.length);
    for (let i = 0; i < items.length; i++) column[i] = items[i]![field];
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

/** The JSON text of `result` with its rows and totals as columns (`ForecastColumns`), its fields in their order. */
export function forecastColumnsJson(result: ForecastResult): string {
  let text = "{";
  for (const [field, value] of Object.entries(result)) {
    const valueText =
      field === "rows"
        ? columnsJson(result.rows, PROCESS_YEAR_COLUMNS)
        : field === "totals"
          ? columnsJson(result.totals, YEAR_TOTAL_COLUMNS)
          : (JSON.stringify(value) as string | undefined);
    // JSON.stringify leaves out a field whose value it cannot write (undefined, a function).
    if (valueText !== undefined) text += `${text === "{" ? "" : ","}${JSON.stringify(field)}:${valueText}`;
  }
  return `${text}}`;
}

/** The JSON text of a deterministic forecast's answer: `head`'s fields, then `result` as columns. */
export function forecastAnswerJson(head: Omit<ForecastAnswer, "result">, result: ForecastResult): string {
  return `${JSON.stringify(head).slice(0, -1)},"result":${forecastColumnsJson(result)}}`;
}
