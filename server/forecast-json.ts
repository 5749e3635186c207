/**
 * The JSON text of a deterministic forecast in the API's columnar form (`contract/forecast-columns.ts`):
 * the rows' and totals' fields gathered into one array each, in plain loops, and the whole written
 * by one `JSON.stringify`.
 *
 * Why not by hand: V8 keeps a cache of numbers it has turned into text, and `String(number)` is
 * fast only when it hits. A server answering new assumptions on every request writes about 1,000
 * numbers it has never seen, and there `JSON.stringify` of an array of numbers takes about 160 ns
 * a number against about 230–320 ns for `String(number)` in a concatenation, and leaves one flat
 * string instead of a rope of 3,000 pieces that `Buffer.from` must first flatten (measured in one
 * process with fresh numbers each round; Nacka with two levers, answer and Buffer, about 2× faster
 * than the hand-written writer this replaces). Timing the same forecast again and again hides this:
 * its numbers are then all in the cache.
 */
import type { ForecastAnswer } from "../contract/api.ts";
import { type ForecastColumns, PROCESS_YEAR_COLUMNS, YEAR_TOTAL_COLUMNS } from "../contract/forecast-columns.ts";
import type { ForecastResult } from "../model/forecast.ts";

/** `{ field: [field of every item], … }` for the given fields, in their order. */
function columns<T extends object, F extends keyof T & string>(items: readonly T[], fields: readonly F[]): { [K in F]: T[K][] } {
  const out = {} as { [K in F]: T[K][] };
  for (const field of fields) {
    const column = new Array<T[F]>(items.length);
    for (let i = 0; i < items.length; i++) column[i] = items[i]![field];
    out[field] = column;
  }
  return out;
}

/** `result` with its rows and totals as columns. */
function forecastColumns(result: ForecastResult): ForecastColumns {
  return { ...result, rows: columns(result.rows, PROCESS_YEAR_COLUMNS), totals: columns(result.totals, YEAR_TOTAL_COLUMNS) };
}

/** The JSON text of `result` with its rows and totals as columns (`ForecastColumns`). */
export function forecastColumnsJson(result: ForecastResult): string {
  return JSON.stringify(forecastColumns(result));
}

/** The JSON text of a deterministic forecast's answer: `head`'s fields, then `result` as columns. */
export function forecastAnswerJson(head: Omit<ForecastAnswer, "result">, result: ForecastResult): string {
  return JSON.stringify({ ...head, result: forecastColumns(result) });
}
