/**
 * Arrow IPC streams written one record batch at a time (io/arrow.ts: trajectoryBatches,
 * tableBatches, arrowStreamChunks): joined, the chunks read back as the whole table.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arrowStreamChunks,
  decodeArrow,
  drawsTable,
  encodeArrow,
  float64Column,
  tableBatches,
  trajectoriesTable,
  trajectoryBatches,
} from "../../io/arrow.ts";
import { monteCarlo } from "../../model/monte-carlo.ts";
import { compile } from "../model/fixtures.ts";
import { uncertainPackage, uncertainScenario } from "../model/uncertainty-fixtures.ts";

const joined = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks].map((c) => Buffer.from(c)));
const rows = (table: ReturnType<typeof decodeArrow>) => Array.from({ length: table.numRows }, (_, i) => table.get(i)!.toJSON());

describe("Arrow streams in chunks", () => {
  const result = monteCarlo(compile(uncertainPackage(), uncertainScenario()), { draws: 40, seed: 9 });

  it("give the same trajectories as the whole table, for any number of draws per batch", () => {
    const whole = decodeArrow(encodeArrow(trajectoriesTable(result)));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 45 }), (perBatch) => {
        const chunks = [...arrowStreamChunks(trajectoryBatches(result, perBatch))];
        expect(chunks).toHaveLength(Math.ceil(40 / perBatch));
        const table = decodeArrow(joined(chunks));
        expect(Object.fromEntries(table.schema.metadata)).toEqual(Object.fromEntries(whole.schema.metadata));
        expect(float64Column(table, "fte")).toEqual(result.fte);
        expect(rows(table)).toEqual(rows(whole));
      }),
      { numRuns: 15 },
    );
  });

  it("give the same draws table, nulls included, for any number of rows per batch", () => {
    const withNone = { ...result, paybackYear: result.paybackYear.slice() };
    withNone.paybackYear[3] = NaN;
    withNone.paybackYear[37] = NaN;
    const whole = drawsTable(withNone);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), (perBatch) => {
        const table = decodeArrow(joined(arrowStreamChunks(tableBatches(whole, perBatch))));
        expect(table.schema.metadata.get("vaxa.table")).toBe("draws");
        expect(table.getChild("paybackYear")!.get(3)).toBeNull();
        expect(table.getChild("paybackYear")!.get(37)).toBeNull();
        expect(table.getChild("paybackYear")!.nullCount).toBe(2);
        expect(rows(table)).toEqual(rows(decodeArrow(encodeArrow(whole))));
      }),
      { numRuns: 15 },
    );
  });

  it("write no chunk before it is asked for", () => {
    let made = 0;
    function* counted() {
      for (const batch of trajectoryBatches(result, 10)) {
        made++;
        yield batch;
      }
    }
    const chunks = arrowStreamChunks(counted());
    expect(made).toBe(0);
    chunks.next();
    expect(made).toBeLessThanOrEqual(2); // the first batch, and the one that tells it is not the last
  });
});
