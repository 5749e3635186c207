/**
 * Bytes → text for the importers, and line numbers of character offsets.
 *
 * One decoder for every file Vaxa reads: `decodeText` in `model/text-encoding.ts` (UTF-8 with or
 * without a byte-order mark, UTF-16, else Windows-1252 — the WHATWG superset of the ISO-8859-1
 * that SCB's CSV exports and older PX files are written in). Its refusals become import errors
 * and its notes import notes; a PX file's CODEPAGE is compared with what the bytes are
 * (`px.ts`) rather than obeyed, since tools that re-save a PX file as UTF-8 leave the keyword.
 */
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { lineOf, lineStartsOf } from "../../model/json-source.ts";
import { decodeText, type TextEncodingName } from "../../model/text-encoding.ts";
import { type ImportProblem, say } from "./import-types.ts";

/**
 * The text of a file's bytes and its encoding, or undefined with an error when it is not text (or
 * too large). `expected` is the encoding the format says (a PX file's CODEPAGE): when the bytes
 * are in it, no note is added; otherwise the decoder's note (Windows-1252, UTF-16) is kept.
 */
export function importText(
  file: string,
  bytes: Uint8Array,
  problems: ImportProblem[],
  expected?: TextEncodingName,
): { text: string; encoding: TextEncodingName } | undefined {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) {
    const { line, message } = decoded.error;
    problems.push({ file, severity: "error", ...(line === undefined ? {} : { line }), message: say(`filen går inte att läsa som text: ${message}`, `the file cannot be read as text: ${message}`) });
    return undefined;
  }
  const note = decoded.note;
  if (note !== undefined && decoded.encoding !== expected) {
    const sv = decoded.encoding === "Windows-1252" ? "filen är inte UTF-8: den läses som Windows-1252 (ISO-8859-1), som SCB:s CSV-filer" : `filen läses som ${decoded.encoding}`;
    problems.push({ file, severity: "note", ...(note.line === undefined ? {} : { line: note.line }), message: say(sv, note.message) });
  }
  return { text: decoded.text, encoding: decoded.encoding };
}

/** A function from a character offset in `text` to its 1-based line. */
export function lineLocator(text: string): (offset: number) => number {
  const starts = lineStartsOf(text);
  return (offset) => lineOf(starts, offset);
}

/**
 * A JSON text parsed, with the line of any value by its path (from jsonc-parser's syntax tree, since
 * `JSON.parse` keeps no positions); undefined, and an error with the line, when it is not JSON.
 */
export function parseJsonWithLines(
  file: string,
  text: string,
  problems: ImportProblem[],
): { value: unknown; lineOf: (path: (string | number)[]) => number | undefined } | undefined {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const tree = parseTree(body, errors);
  const lineAt = lineLocator(body);
  const first = errors[0];
  if (first !== undefined || tree === undefined) {
    const line = lineAt(first?.offset ?? 0);
    const what = first === undefined ? "" : `: ${printParseErrorCode(first.error)}`;
    problems.push({ file, severity: "error", line, message: say(`inte giltig JSON${what}`, `not valid JSON${what}`) });
    return undefined;
  }
  return {
    value: JSON.parse(body) as unknown,
    lineOf: (path) => {
      const node = findNodeAtLocation(tree, path);
      return node === undefined ? undefined : lineAt(node.offset);
    },
  };
}

/** "Befolkning 2024.csv" → "Befolkning 2024". */
export function fileStem(name: string): string {
  return name.replace(/\.[A-Za-z0-9]+$/, "");
}
