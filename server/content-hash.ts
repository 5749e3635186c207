/**
 * Content hashes: how a scenario version and a data package are identified (DESIGN.md section 6).
 *
 * A value is hashed as its canonical JSON: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as `JSON.stringify` writes them. For the JSON values Vaxa
 * hashes this is the JSON Canonicalization Scheme (RFC 8785), so another program can recompute
 * an identifier from the stored assumptions.
 */
import { createHash } from "node:crypto";

/** Characters of a hash shown as a version identifier ("3f2a9c1d0b4e"): 48 bits. */
export const SHORT_ID_LENGTH = 12;

/**
 * Canonical JSON of a JSON value: sorted keys, no whitespace; `undefined` object fields are left out.
 *
 * @throws TypeError for values JSON cannot hold (functions, non-finite numbers, bigint).
 * @example canonicalJson({ b: 1, a: [true, "x"] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a JSON number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
}

/** SHA-256 of a UTF-8 text, as 64 lower-case hex digits. */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The data package's hash: SHA-256 of the canonical JSON of `{ path: text }` for the package's
 * model files (everything but `scenarios/`, whose contents become the assumptions of versions).
 */
export function packageHash(files: Readonly<Record<string, string>>): string {
  return sha256(canonicalJson(modelFiles(files)));
}

/** The package's files without its scenarios. */
export function modelFiles(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([path]) => !path.startsWith("scenarios/")));
}

/**
 * A scenario version's hash: SHA-256 of the canonical JSON of
 * `{ "assumptions": <normalized assumptions>, "package": <package hash> }`.
 *
 * @example versionHash({ name: { sv: "A", en: "A" }, growthMultiplier: 2, ... }, "9c1e…")
 */
export function versionHash(assumptions: unknown, packageHashHex: string): string {
  return sha256(canonicalJson({ assumptions, package: packageHashHex }));
}

/** The short identifier shown on charts and exports: the hash's first {@link SHORT_ID_LENGTH} hex digits. */
export function shortId(hash: string): string {
  return hash.slice(0, SHORT_ID_LENGTH);
}
