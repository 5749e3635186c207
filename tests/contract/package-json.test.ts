/** contract/package-json.ts: the parsed package as JSON, read back exactly as it was written. */
import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { packageFromJson, packageToJson } from "../../contract/package-json.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { nackaPackage } from "../server/helpers.ts";

// The codec only walks the value: any object stands in for a package.
const write = (value: unknown) => packageToJson(value as DataPackage);

describe("package JSON", () => {
  it("gives back Nacka's package deep-equal to the parsed one, Float64Arrays included", async () => {
    const { pkg } = await nackaPackage();
    const back = packageFromJson(packageToJson(pkg));
    expect(back.population?.assumptions.fertility).toBeInstanceOf(Float64Array);
    expect(isDeepStrictEqual(back, pkg)).toBe(true);
  });

  it("gives back every finite double bit for bit, negative zero included, plain or in a Float64Array", () => {
    const double = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(double), fc.dictionary(fc.string(), double), (list, record) => {
        const value = { list, record, typed: Float64Array.from(list) };
        const back = packageFromJson(write(value)) as unknown as typeof value;
        expect(back.typed).toBeInstanceOf(Float64Array);
        // Object.is tells -0 from 0, which toEqual's number comparison would not check in a typed array
        expect(Array.from(back.typed).every((v, i) => Object.is(v, list[i]))).toBe(true);
        expect(back.list.every((v, i) => Object.is(v, list[i]))).toBe(true);
        expect(Object.entries(back.record).every(([k, v]) => Object.is(v, record[k]))).toBe(true);
      }),
    );
  });

  it("refuses what JSON cannot hold instead of writing null", () => {
    expect(() => write({ a: Number.NaN })).toThrow(/a is NaN/);
    expect(() => write({ rates: Float64Array.of(1, Number.POSITIVE_INFINITY) })).toThrow(/Infinity/);
    expect(() => write({ ages: Int32Array.of(1) })).toThrow(/ages is a Int32Array/);
  });
});
