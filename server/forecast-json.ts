/**
 * The JSON text of a deterministic forecast in the API's columnar form (`contract/forecast-columns.ts`),
 * written by hand: the same text as `JSON.stringify` of the columnar object
 * (tests/server/forecast-json.test.ts), in less time. A forecast with levers holds about 1,500
 * numbers, and Node 20's `JSON.stringify` writes a number slower than `String(number)` in a
 * concatenation. Nacka with two levers, text and Buffer, in one process (best of 9 × 200 runs,
 * load about 13): rows as objects 336 µs and 56 kB, columns by `JSON.stringify` 251 µs, columns
 * by this writer 120 µs and 27 kB; what is left is mostly turning the numbers into text.
 *
 * A process's calibration does not change with the assumptions' values (plans of one structure
 * share it, `model-service.ts`): its text is written once per calibration object.
 */
import type { ForecastAnswer } from "../contract/api.ts";
import { PROCESS_YEAR_COLUMNS, YEAR_TOTAL_COLUMNS } from "../contract/forecast-columns.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { ProcessCalibration } from "../model/workload.ts";

const calibrationTexts = new WeakMap<ProcessCalibration, string>();

/** A number, boolean or null as JSON writes it (a number that is not finite as null). */
function scalar(value: number | boolean | null): string {
  return typeof value === "number" && !Number.isFinite(value) ? "null" : String(value);
}

/** `values` as a JSON array. */
function array(values: readonly (number | boolean | null)[]): string {
  let text = "[";
  for (let i = 0; i < values.length; i++) text += (i === 0 ? "" : ",") + scalar(values[i]!);
  return `${text}]`;
}

/** `{"field":[values of field in every item],…}` for the given fields. */
function columns<T extends object>(items: readonly T[], fields: readonly (keyof T & string)[]): string {
  let text = "{";
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    text += `${f === 0 ? "" : ","}"${field}":[`;
    for (let i = 0; i < items.length; i++) text += (i === 0 ? "" : ",") + scalar(items[i]![field] as number | boolean | null);
    text += "]";
  }
  return `${text}}`;
}

function calibrationText(calibration: ProcessCalibration): string {
  let text = calibrationTexts.get(calibration);
  if (text === undefined) {
    text = JSON.stringify(calibration);
    calibrationTexts.set(calibration, text);
  }
  return text;
}

/** The JSON text of `result` with its rows and totals as columns (`ForecastColumns`). */
export function forecastColumnsJson(result: ForecastResult): string {
  let processes = "[";
  for (let p = 0; p < result.processes.length; p++) {
    const { id, calibration } = result.processes[p]!;
    processes += `${p === 0 ? "" : ","}{"id":${JSON.stringify(id)},"calibration":${calibrationText(calibration)}}`;
  }
  let levers = "[";
  for (let l = 0; l < result.levers.length; l++) {
    const { id, adoption } = result.levers[l]!;
    levers += `${l === 0 ? "" : ","}{"id":${JSON.stringify(id)},"adoption":${array(adoption)}}`;
  }
  return (
    `{"scenario":${JSON.stringify(result.scenario)},"illustrative":${JSON.stringify(result.illustrative)},` +
    `"estimate":${JSON.stringify(result.estimate)},"baseYear":${scalar(result.baseYear)},"horizon":${scalar(result.horizon)},` +
    `"years":${array(result.years)},"processes":${processes}],` +
    `"rows":${columns(result.rows, PROCESS_YEAR_COLUMNS)},"totals":${columns(result.totals, YEAR_TOTAL_COLUMNS)},` +
    `"levers":${levers}],"holdsFlatFrom":${scalar(result.holdsFlatFrom)},"investment":${JSON.stringify(result.investment)}}`
  );
}

/** The JSON text of a deterministic forecast's answer: `head`'s fields, then `result` as columns. */
export function forecastAnswerJson(head: Omit<ForecastAnswer, "result">, result: ForecastResult): string {
  return `${JSON.stringify(head).slice(0, -1)},"result":${forecastColumnsJson(result)}}`;
}
