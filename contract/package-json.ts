/**
 * A parsed data package as JSON, so that the server can send the browser the package it already
 * parsed and validated (`GET /api/package/model`) instead of the files, and the web app needs
 * neither the file parsers nor their run time before its first chart. Runs in the browser and in
 * Node.
 *
 * Plain JSON loses three things a `DataPackage` may hold: `Float64Array`s (the population's rates
 * by age), written here as `{ "$float64": [ … ] }` and read back as `Float64Array`s; negative
 * zero, which `JSON.stringify` writes as `0`, written here as `{ "$number": "-0" }`; and non-finite
 * numbers, which JSON would write as `null`: the writer refuses them. Every other double survives
 * the round trip exactly (`JSON.stringify` writes the shortest text that reads back to the same
 * double), so the browser computes with the very numbers the server does.
 */
import type { DataPackage } from "../model/data-package.ts";

/** The key that marks a `Float64Array` in the JSON. */
const FLOAT64 = "$float64";
/** The key that marks a number JSON has no literal for (negative zero). */
const NUMBER = "$number";

/**
 * The package as JSON text.
 *
 * @throws TypeError naming the field of a non-finite number or of a typed array other than `Float64Array`.
 * @example packageFromJson(packageToJson(pkg)) // deep-equal to pkg
 */
export function packageToJson(pkg: DataPackage): string {
  return JSON.stringify(pkg, function (key, value: unknown) {
    if (value instanceof Float64Array) {
      // its elements pass through this function again as numbers
      return { [FLOAT64]: Array.from(value) };
    }
    if (ArrayBuffer.isView(value)) throw new TypeError(`packageToJson: ${key} is a ${value.constructor.name}; only Float64Array is written`);
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError(`packageToJson: ${key} is ${value}, which JSON cannot hold`);
    if (Object.is(value, -0)) return { [NUMBER]: "-0" };
    return value;
  });
}

/** A `JSON.parse` reviver that restores what {@link packageToJson} marked (in a package or an answer holding one). */
export function revivePackage(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (FLOAT64 in value) return Float64Array.from((value as Record<typeof FLOAT64, number[]>)[FLOAT64]);
  if (NUMBER in value) return Number((value as Record<typeof NUMBER, string>)[NUMBER]);
  return value;
}

/** The package {@link packageToJson} wrote, as it was. */
export function packageFromJson(text: string): DataPackage {
  return JSON.parse(text, revivePackage) as DataPackage;
}
