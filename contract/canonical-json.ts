/**
 * Canonical JSON: how a value is written before it is hashed, so that the same value always
 * gives the same text and another program can recompute an identifier (a saved version's hash,
 * `io/content-hash.ts`) or compare two scenarios (the web app). The JSON Canonicalization
 * Scheme, RFC 8785, from the `canonicalize` package: object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings as ECMAScript's `JSON.stringify` writes them; `undefined` object
 * fields are left out. Runs in the browser and in Node.
 */
import canonicalize from "canonicalize";

/**
 * The canonical JSON of a JSON value.
 *
 * @throws TypeError for what JSON cannot hold or RFC 8785 refuses: non-finite numbers, text with
 *   a lone surrogate, a cycle, `undefined` or a function on its own.
 * @example canonicalJson({ b: 1, a: [true, "x"] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    throw new TypeError(`canonicalJson: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  return text;
}
