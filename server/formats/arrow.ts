/**
 * Deterministic forecast results as Apache Arrow IPC streams (`application/vnd.apache.arrow.stream`):
 * one row per process and year with the FTE components, or one row per year with the totals and
 * money. The schema's metadata carries the scenario, the version id and the package hash. (Monte
 * Carlo tables are `io/arrow.ts`'s.)
 */
import { Schema, Table, tableFromArrays, tableToIPC } from "apache-arrow";
import type { ForecastResult } from "../../model/forecast.ts";

export type ResultTable = "processes" | "totals";

/** Metadata written into the stream's schema, e.g. { versionId, packageHash }. */
export type ArrowMetadata = Record<string, string>;

function withMetadata(table: Table, metadata: ArrowMetadata): Table {
  const schema = new Schema(table.schema.fields, new Map(Object.entries(metadata)));
  return new Table(schema, table.batches);
}

/** The rows of one table of a forecast as an Arrow table. */
export function forecastTable(result: ForecastResult, table: ResultTable, metadata: ArrowMetadata = {}): Table {
  const meta = { scenario: result.scenario, baseYear: String(result.baseYear), horizon: String(result.horizon), ...metadata };
  if (table === "processes") {
    const rows = result.rows;
    const column = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
    return withMetadata(
      tableFromArrays({
        year: Int32Array.from(rows, (r) => r.year),
        process: rows.map((r) => r.process),
        baselineFte: column((r) => r.baselineFte),
        deliveryFte: column((r) => r.deliveryFte),
        developmentFte: column((r) => r.developmentFte),
        transitionFte: column((r) => r.transitionFte),
        totalFte: column((r) => r.totalFte),
      }),
      meta,
    );
  }
  const totals = result.totals;
  const column = (f: (t: (typeof totals)[number]) => number) => Float64Array.from(totals, f);
  return withMetadata(
    tableFromArrays({
      year: Int32Array.from(totals, (t) => t.year),
      // null (no residents driver; no decoupling ratio in the base year) stays null in Arrow, as in JSON
      residents: totals.map((t) => t.residents),
      baselineFte: column((t) => t.baselineFte),
      deliveryFte: column((t) => t.deliveryFte),
      developmentFte: column((t) => t.developmentFte),
      transitionFte: column((t) => t.transitionFte),
      totalFte: column((t) => t.totalFte),
      decouplingRatio: totals.map((t) => t.decouplingRatio),
      holdsFlat: Uint8Array.from(totals, (t) => (t.holdsFlat ? 1 : 0)),
      capex: column((t) => t.capex),
      licences: column((t) => t.licences),
      changeFteCost: column((t) => t.changeFteCost),
      fteSavings: column((t) => t.fteSavings),
      systemSavings: column((t) => t.systemSavings),
      cost: column((t) => t.cost),
      savings: column((t) => t.savings),
      net: column((t) => t.net),
      cumulativeNet: column((t) => t.cumulativeNet),
    }),
    meta,
  );
}

/** An Arrow table as IPC stream bytes. */
export function arrowStream(table: Table): Uint8Array {
  return tableToIPC(table, "stream");
}

