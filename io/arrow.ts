/**
 * Results as Apache Arrow tables and IPC streams (https://arrow.apache.org), the format in which
 * large results leave the process (DESIGN.md section 7).
 *
 * A deterministic forecast ({@link forecastArrowTable}): one row per process and year with the FTE
 * components, or one row per year with the totals and money, in the columns every export writes
 * (`columns.ts`); the schema's metadata carries the scenario, whatever identifies it (version id,
 * package hash) and, for an illustrative package, why (`illustrative.sv`/`.en`).
 *
 * A Monte Carlo run, two tables, each with the run's identity in its schema metadata (`vaxa.table`,
 * `scenario`, `seed`, `draws`, `baseYear`, `horizon`, and `illustrative.sv`/`.en` for an
 * illustrative package):
 *
 * - **trajectories**, one row per draw, process and year, in that order: `draw` (Int32), `process`
 *   (dictionary of the process ids, then `total`), `year` (Int16), `fte` (Float64: delivery +
 *   development + transition). The `fte` column is the result's own buffer, not a copy.
 * - **draws**, one row per draw: `draw` (Int32), `npv` and `humpDepth` (Float64, currency),
 *   `humpYear`, `paybackYear`, `holdsFlatFrom` (Int16, null where a draw has none), then one
 *   Float64 column per uncertain parameter, named by its path, with the value drawn.
 *
 * Streams are written with `tableToIPC(table, "stream")` and read with `tableFromIPC` (apache-arrow 21).
 */
import {
  Dictionary,
  Float64,
  Int8,
  Int16,
  Int32,
  makeData,
  makeVector,
  Schema,
  Table,
  tableFromIPC,
  tableToIPC,
  Utf8,
  Uint8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { TOTAL_SERIES } from "../model/draw-columns.ts";
import type { LocalizedText } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import type { MonteCarloResult } from "../model/monte-carlo.ts";
import { PROCESS_COLUMNS, TOTAL_COLUMNS } from "./columns.ts";

/** `vaxa.table` metadata of the two tables. */
export const TRAJECTORIES = "trajectories";
export const DRAWS = "draws";

/** The same table with this schema metadata (the table's identity travels with its bytes). */
export function withMetadata(table: Table, metadata: Record<string, string>): Table {
  return new Table(new Schema(table.schema.fields, new Map(Object.entries(metadata))), table.batches);
}

/** `illustrative.sv` and `illustrative.en`: why the figures are illustrative; none when they are the municipality's own. */
export function illustrativeMetadata(illustrative: LocalizedText | null): Record<string, string> {
  return illustrative === null ? {} : { "illustrative.sv": illustrative.sv, "illustrative.en": illustrative.en };
}

/** The two tables of a deterministic forecast: per process and year, or totals per year. */
export type ResultTable = "processes" | "totals";

/** Numbers as a Float64 column; null (no residents driver, no decoupling ratio in the base year) stays null, as in JSON. */
const float64 = (values: (number | null)[]) => vectorFromArray(values, new Float64());

/**
 * One table of a deterministic forecast as an Arrow table.
 *
 * @param metadata added to the schema's metadata, e.g. `{ versionId, packageHash }`.
 */
export function forecastArrowTable(result: ForecastResult, table: ResultTable, metadata: Record<string, string> = {}): Table {
  const meta = {
    scenario: result.scenario,
    baseYear: String(result.baseYear),
    horizon: String(result.horizon),
    ...illustrativeMetadata(result.illustrative),
    ...metadata,
  };
  if (table === "processes") {
    const rows = result.rows;
    return withMetadata(
      new Table({
        year: vectorFromArray(rows.map((r) => r.year), new Int32()),
        process: vectorFromArray(rows.map((r) => r.process), new Utf8()),
        ...Object.fromEntries(PROCESS_COLUMNS.map((c) => [c, float64(rows.map((r) => r[c]))])),
      }),
      meta,
    );
  }
  const totals = result.totals;
  return withMetadata(
    new Table({
      year: vectorFromArray(totals.map((t) => t.year), new Int32()),
      ...Object.fromEntries(TOTAL_COLUMNS.map((c) => [c, float64(totals.map((t) => t[c]))])),
      holdsFlat: vectorFromArray(totals.map((t) => (t.holdsFlat ? 1 : 0)), new Uint8()),
    }),
    meta,
  );
}

/** A Monte Carlo table's metadata: which table, and the run that made it. */
function runMetadata(result: MonteCarloResult, name: string): Record<string, string> {
  return {
    "vaxa.table": name,
    scenario: result.scenario,
    seed: String(result.seed),
    draws: String(result.draws),
    baseYear: String(result.baseYear),
    horizon: String(result.horizon),
    ...illustrativeMetadata(result.illustrative),
  };
}

/** Calendar years as nullable Int16: NaN becomes null. */
function yearVector(values: Float64Array): Vector<Int16> {
  const n = values.length;
  const data = new Int16Array(n);
  const valid = new Uint8Array(Math.ceil(n / 8));
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) nullCount++;
    else {
      data[i] = v;
      valid[i >> 3]! |= 1 << (i & 7);
    }
  }
  return makeVector(makeData({ type: new Int16(), length: n, nullCount, nullBitmap: valid, data }));
}

/**
 * The FTE paths of every draw: one row per draw, process (then `total`) and year.
 *
 * @throws Error if a process is called `total`, or there are more than 126 processes.
 */
export function trajectoriesTable(result: MonteCarloResult): Table {
  const { draws: D, processes } = result;
  const Y = result.years.length;
  const S = processes.length + 1;
  if (processes.includes(TOTAL_SERIES)) throw new Error(`a process may not be called "${TOTAL_SERIES}" in the Arrow output`);
  if (S > 127) throw new Error(`too many processes for the Arrow output: ${processes.length} (at most 126)`);
  const n = D * S * Y;
  const draw = new Int32Array(n);
  const process = new Int8Array(n);
  const year = new Int16Array(n);
  for (let d = 0, i = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      for (let y = 0; y < Y; y++, i++) {
        draw[i] = d;
        process[i] = s;
        year[i] = result.years[y]!;
      }
    }
  }
  const dictionary = vectorFromArray([...processes, TOTAL_SERIES], new Utf8());
  const type = new Dictionary(new Utf8(), new Int8());
  const table = new Table({
    draw: makeVector(draw),
    process: makeVector(makeData({ type, length: n, data: process, dictionary })),
    year: makeVector(year),
    fte: makeVector(result.fte.subarray(0, n)),
  });
  return withMetadata(table, runMetadata(result, TRAJECTORIES));
}

/** The outcomes and parameter values of every draw: one row per draw. */
export function drawsTable(result: MonteCarloResult): Table {
  const { names, values, draws: D } = result.parameters;
  const columns: Record<string, Vector> = {
    draw: makeVector(Int32Array.from({ length: D }, (_, d) => d)),
    npv: makeVector(result.npv),
    humpDepth: makeVector(result.humpDepth),
    humpYear: yearVector(result.humpYear),
    paybackYear: yearVector(result.paybackYear),
    holdsFlatFrom: yearVector(result.holdsFlatFrom),
  };
  names.forEach((name, j) => {
    if (name in columns) throw new Error(`parameter "${name}" clashes with a column of the draws table`);
    columns[name] = makeVector(values.subarray(j * D, (j + 1) * D));
  });
  return withMetadata(new Table(columns), runMetadata(result, DRAWS));
}

/** An Arrow table as IPC stream bytes. */
export function encodeArrow(table: Table): Uint8Array {
  return tableToIPC(table, "stream");
}

/** An Arrow IPC stream (or file) back into a table. */
export function decodeArrow(bytes: Uint8Array): Table {
  return tableFromIPC(bytes);
}

/** A Float64 column of a decoded table as one Float64Array (its chunks joined). */
export function float64Column(table: Table, name: string): Float64Array {
  const values: unknown = table.getChild(name)?.toArray();
  if (!(values instanceof Float64Array)) throw new Error(`no Float64 column "${name}" in the table`);
  return values;
}
