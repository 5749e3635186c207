/**
 * Deterministic forecast results as Apache Arrow tables (`application/vnd.apache.arrow.stream`):
 * one row per process and year with the FTE components, or one row per year with the totals and
 * money, in the columns every export writes (`columns.ts`). The schema's metadata carries the
 * scenario, the version id, the package hash and, for an illustrative package, why. Encoding, and the Monte Carlo tables, are
 * `io/arrow.ts`'s.
 */
import { Float64, Int32, Table, Uint8, Utf8, vectorFromArray } from "apache-arrow";
import type { ForecastResult } from "../../model/forecast.ts";
import { illustrativeMetadata, withMetadata } from "../../io/arrow.ts";
import { PROCESS_COLUMNS, TOTAL_COLUMNS } from "./columns.ts";

export type ResultTable = "processes" | "totals";

/** Metadata written into the stream's schema, e.g. { versionId, packageHash }. */
export type ArrowMetadata = Record<string, string>;

/** Numbers as a Float64 column; null (no residents driver, no decoupling ratio in the base year) stays null, as in JSON. */
const float64 = (values: (number | null)[]) => vectorFromArray(values, new Float64());

/** The rows of one table of a forecast as an Arrow table. */
export function forecastTable(result: ForecastResult, table: ResultTable, metadata: ArrowMetadata = {}): Table {
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
