/**
 * Content hashes: how a scenario version and a data package are identified (DESIGN.md section 6).
 *
 * A value is hashed as its canonical JSON (RFC 8785, `contract/canonical-json.ts`), so another
 * program can recompute an identifier from the stored assumptions.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "../contract/canonical-json.ts";

/** Characters of a hash shown as a version identifier ("3f2a9c1d0b4e"): 48 bits. */
export const SHORT_ID_LENGTH = 12;

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
