/**
 * Bytes → text for the importers, and line numbers of character offsets.
 *
 * SCB's CSV exports and older PX files are ISO-8859-1 / Windows-1252; newer ones and JSON are
 * UTF-8. A file that is valid UTF-8 (or starts with a UTF-8 byte-order mark) is read as UTF-8,
 * any other as Windows-1252 (the WHATWG superset of ISO-8859-1 that Node's TextDecoder provides),
 * unless the file names its encoding (PX's CODEPAGE).
 */
import { findNodeAtLocation, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import { lineOf, lineStartsOf } from "../../model/json-source.ts";
import { type ImportProblem, say } from "./import-types.ts";

/** The encodings a PX CODEPAGE may name, as TextDecoder labels. */
export function decoderLabel(codepage: string): string | undefined {
  const c = codepage.trim().toLowerCase().replace(/_/g, "-");
  if (c === "utf-8" || c === "utf8") return "utf-8";
  if (["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "ansi"].includes(c)) return "windows-1252";
  if (c === "iso-8859-15" || c === "latin-9") return "iso-8859-15";
  return undefined;
}

/** The bytes as text: UTF-8 if they are valid UTF-8, else Windows-1252 (ISO-8859-1). */
export function decodeText(bytes: Uint8Array, encoding?: string): { text: string; encoding: string } {
  if (encoding !== undefined) return { text: new TextDecoder(encoding).decode(bytes), encoding };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.startsWith("\uFEFF") ? text.slice(1) : text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
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
