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
  Field,
  Float64,
  Int8,
  Int16,
  Int32,
  makeData,
  makeVector,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
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
 * The FTE paths of every draw as record batches of `drawsPerBatch` draws each: one row per draw,
 * process (then `total`) and year. Each batch's `draw`, `process` and `year` columns are made when
 * it is asked for, so a stream of them never holds more than one batch beyond the result itself.
 *
 * @throws Error if a process is called `total`, or there are more than 126 processes.
 */
export function* trajectoryBatches(result: MonteCarloResult, drawsPerBatch = result.draws): Generator<RecordBatch> {
  const { draws: D, processes } = result;
  const Y = result.years.length;
  const S = processes.length + 1;
  if (processes.includes(TOTAL_SERIES)) throw new Error(`a process may not be called "${TOTAL_SERIES}" in the Arrow output`);
  if (S > 127) throw new Error(`too many processes for the Arrow output: ${processes.length} (at most 126)`);
  // One dictionary and one type for every batch: a stream writes the dictionary once.
  const dictionary = vectorFromArray([...processes, TOTAL_SERIES], new Utf8());
  const processType = new Dictionary(new Utf8(), new Int8());
  const schema = new Schema(
    [new Field("draw", new Int32(), false), new Field("process", processType, false), new Field("year", new Int16(), false), new Field("fte", new Float64(), false)],
    new Map(Object.entries(runMetadata(result, TRAJECTORIES))),
  );
  const step = Math.max(1, Math.floor(drawsPerBatch));
  for (let from = 0; from < D; from += step) {
    const to = Math.min(D, from + step);
    const n = (to - from) * S * Y;
    const draw = new Int32Array(n);
    const process = new Int8Array(n);
    const year = new Int16Array(n);
    for (let d = from, i = 0; d < to; d++) {
      for (let s = 0; s < S; s++) {
        for (let y = 0; y < Y; y++, i++) {
          draw[i] = d;
          process[i] = s;
          year[i] = result.years[y]!;
        }
      }
    }
    const children = [
      makeData({ type: new Int32(), length: n, data: draw }),
      makeData({ type: processType, length: n, data: process, dictionary }),
      makeData({ type: new Int16(), length: n, data: year }),
      makeData({ type: new Float64(), length: n, data: result.fte.subarray(from * S * Y, to * S * Y) }),
    ];
    yield new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: n, children }));
  }
}

/**
 * The FTE paths of every draw: one row per draw, process (then `total`) and year.
 *
 * @throws Error if a process is called `total`, or there are more than 126 processes.
 */
export function trajectoriesTable(result: MonteCarloResult): Table {
  return new Table([...trajectoryBatches(result)]);
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

/** A table's rows as record batches of at most `rows` rows, each carrying the table's schema (and metadata). */
export function* tableBatches(table: Table, rows: number): Generator<RecordBatch> {
  const step = Math.max(1, Math.floor(rows));
  for (let from = 0; from < table.numRows; from += step) {
    for (const batch of table.slice(from, from + step).batches) yield new RecordBatch(table.schema, batch.data);
  }
}

/**
 * A stream writer that hands out the bytes of what it has written so far ({@link take}) instead of
 * queueing every byte until the stream is read: apache-arrow's writer keeps its output in a queue
 * that only an asynchronous reader drains. `_write` is the one place every byte passes through.
 */
class ChunkedStreamWriter extends RecordBatchStreamWriter {
  #parts: Uint8Array[] = [];
  #length = 0;

  protected override _write(chunk: unknown): this {
    // The writer passes typed arrays only: message headers, padding and the columns' buffers.
    const view = chunk as ArrayBufferView;
    if (this._started && view.byteLength > 0) {
      this.#parts.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
      this.#length += view.byteLength;
      this._position += view.byteLength;
    }
    return this;
  }

  /** The bytes written since the last call, in a buffer of their own (no column's memory is shared). */
  take(): Uint8Array {
    const out = new Uint8Array(this.#length);
    let at = 0;
    for (const part of this.#parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    this.#parts = [];
    this.#length = 0;
    return out;
  }
}

/**
 * An Arrow IPC stream written one record batch at a time: the first chunk holds the schema,
 * dictionaries and first batch, each later one a batch, the last one ends the stream. Joined, the
 * chunks are the same stream as {@link encodeArrow} writes of a table of these batches.
 */
export function* arrowStreamChunks(batches: Iterable<RecordBatch>): Generator<Uint8Array> {
  const writer = new ChunkedStreamWriter();
  let pending: Uint8Array | undefined;
  for (const batch of batches) {
    writer.write(batch);
    if (pending) yield pending;
    pending = writer.take();
  }
  if (pending === undefined) throw new Error("an Arrow stream needs at least one record batch");
  writer.finish();
  const end = writer.take();
  // The end-of-stream marker travels with the last batch, so the last chunk is never a bare marker.
  const last = new Uint8Array(pending.byteLength + end.byteLength);
  last.set(pending);
  last.set(end, pending.byteLength);
  yield last;
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
