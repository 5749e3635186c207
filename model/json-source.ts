/**
 * A package's JSON files read with the line of every value, so that a problem can name the file,
 * the line and the field: syntax errors, repeated fields, and zod schema issues → PackageErrors.
 *
 * Lines come from jsonc-parser's syntax tree (https://github.com/microsoft/node-jsonc-parser),
 * since `JSON.parse` keeps no positions.
 */
import { findNodeAtLocation, type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import type { z } from "zod";
import { type PackageError, quoted } from "./package-error.ts";
import { PACKAGE_LIMITS } from "./package-limits.ts";

/** A parsed JSON file: its syntax tree, for the line of any path. */
export interface JsonDoc {
  file: string;
  tree: JsonNode;
  lineStarts: number[];
}

/** Keys and list indices from the top of a JSON file down to one value. */
export type JsonPath = (string | number)[];

/**
 * Reads `files[file]` as JSON and checks it against `schema`; every problem goes to `errors`.
 *
 * @returns the file's syntax tree (for the lines of later checks) and its typed value; undefined
 *   when the file is missing (reported by the caller, which knows whether it is required) or has
 *   syntax or schema errors.
 */
export function readJson<Schema extends z.ZodType>(
  file: string,
  files: Readonly<Record<string, string>>,
  schema: Schema,
  errors: PackageError[],
): { doc: JsonDoc; value: z.output<Schema> } | undefined {
  const raw = files[file];
  if (raw === undefined) return undefined;
  const parsed = parseJson(file, raw, errors);
  if (parsed === undefined) return undefined;
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) errors.push(...issueErrors(parsed.doc, issue));
    return undefined;
  }
  return { doc: parsed.doc, value: result.data };
}

function parseJson(file: string, raw: string, errors: PackageError[]): { doc: JsonDoc; value: unknown } | undefined {
  const text = raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
  const lineStarts = lineStartsOf(text);
  // Checked before parsing: the parsers recurse, and a file nested 100,000 deep would overflow the stack.
  const tooDeep = offsetPastDepth(text, PACKAGE_LIMITS.jsonDepth);
  if (tooDeep !== undefined) {
    errors.push({
      file,
      line: lineOf(lineStarts, tooDeep),
      message: `objects and lists are nested more than ${PACKAGE_LIMITS.jsonDepth} deep here: expected the package's own shapes, which nest at most 5 deep`,
    });
    return undefined;
  }
  const syntaxErrors: ParseError[] = [];
  const tree = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = syntaxErrors[0];
  if (first !== undefined || tree === undefined) {
    const offset = first?.offset ?? 0;
    const found = text.slice(offset, offset + Math.max(1, first?.length ?? 1)).trim();
    const what = first === undefined ? "expected a JSON value" : syntaxMessage(printParseErrorCode(first.error));
    errors.push({
      file,
      line: lineOf(lineStarts, offset),
      message: `not valid JSON: ${what}${found === "" ? " (found the end of the file)" : `, found ${quoted(found)}`}`,
    });
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    errors.push({ file, line: 1, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const doc: JsonDoc = { file, tree, lineStarts };
  const before = errors.length;
  checkKeys(doc, tree, [], errors);
  // A "__proto__" key is refused outright: JavaScript objects (and zod's copies) drop it silently.
  if (errors.slice(before).some((e) => e.message.startsWith(PROTO_MESSAGE))) return undefined;
  return { doc, value };
}

function syntaxMessage(code: string): string {
  switch (code) {
    case "InvalidSymbol":
      return "unexpected character";
    case "InvalidNumberFormat":
      return "expected a number such as 0.35 (JSON numbers use a decimal point)";
    case "PropertyNameExpected":
      return 'expected a field name in double quotes (a comma before "}" is not allowed)';
    case "ValueExpected":
      return 'expected a value (a comma before "]" or "}" is not allowed)';
    case "ColonExpected":
      return 'expected ":" after the field name';
    case "CommaExpected":
      return 'expected "," between fields or list items';
    case "CloseBraceExpected":
      return 'expected "}" to close the object';
    case "CloseBracketExpected":
      return 'expected "]" to close the list';
    case "EndOfFileExpected":
      return "expected the end of the file after the top-level value";
    case "InvalidCommentToken":
      return "comments are not allowed in JSON";
    case "UnexpectedEndOfComment":
      return "comments are not allowed in JSON";
    case "UnexpectedEndOfString":
      return 'a text is not closed: expected a closing "';
    case "UnexpectedEndOfNumber":
      return "expected digits after the decimal point or exponent";
    case "InvalidUnicode":
      return "expected four hex digits after \\u";
    case "InvalidEscapeCharacter":
      return 'expected a valid escape such as \\" or \\n';
    case "InvalidCharacter":
      return "a line break or tab inside a text must be written \\n or \\t";
    default:
      return code;
  }
}

const PROTO_MESSAGE = 'a field named "__proto__"';

/**
 * JSON allows a field twice in one object and keeps the last; a planner most likely did not mean
 * that. A field named `__proto__` would be dropped without a word by every JavaScript object the
 * value passes through (it sets the object's prototype instead): refused.
 */
function checkKeys(doc: JsonDoc, node: JsonNode, path: JsonPath, errors: PackageError[]): void {
  if (node.type === "object") {
    const seen = new Map<string, number>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined || typeof keyNode.value !== "string") continue;
      const key = keyNode.value;
      const line = lineOf(doc.lineStarts, keyNode.offset);
      if (key === "__proto__") {
        errors.push({ file: doc.file, line, field: fieldPath([...path, key]), message: `${PROTO_MESSAGE} is not allowed: it is not a field of any package file (JavaScript would drop it)` });
        continue;
      }
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        errors.push({
          file: doc.file,
          line,
          field: fieldPath([...path, key]),
          message: `${quoted(key)} appears twice in the same object (lines ${firstLine} and ${line}): expected each field once`,
        });
      } else {
        seen.set(key, line);
      }
      if (valueNode !== undefined) checkKeys(doc, valueNode, [...path, key], errors);
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, index) => checkKeys(doc, child, [...path, index], errors));
  }
}

/** The offset of the first `{` or `[` nested deeper than `limit` (outside strings), or undefined. */
function offsetPastDepth(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index += 1; // a backslash escapes the next character
      else if (code === 34) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 123 || code === 91) {
      depth += 1;
      if (depth > limit) return index;
    } else if (code === 125 || code === 93) {
      depth -= 1;
    }
  }
  return undefined;
}

/** Offsets where each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) if (text[index] === "\n") starts.push(index + 1);
  return starts;
}

/** 1-based line of a character offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** The node at `path`, or the nearest ancestor that exists, and whether the full path exists. */
function nodeAt(doc: JsonDoc, path: JsonPath): { node: JsonNode; exists: boolean } {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.tree : findNodeAtLocation(doc.tree, path.slice(0, length));
    if (node !== undefined) return { node, exists: length === path.length };
  }
  return { node: doc.tree, exists: false };
}

/** A readable path: `processes[2].activities[0].share`; keys that are not plain names are quoted: `set["levers.x.dip"]`. */
export function fieldPath(path: readonly (string | number)[]): string {
  let result = "";
  for (const [index, segment] of path.entries()) {
    if (typeof segment === "number") result += `[${segment}]`;
    else if (index === 0) result += segment;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) result += `.${segment}`;
    else result += `[${JSON.stringify(segment)}]`;
  }
  return result;
}

/** An error at a JSON path: the line of the value there (or of the nearest enclosing value that exists). */
export function errorAt(doc: JsonDoc, path: JsonPath, message: string): PackageError {
  const { node } = nodeAt(doc, path);
  const error: PackageError = { file: doc.file, line: lineOf(doc.lineStarts, node.offset), message };
  if (path.length > 0) error.field = fieldPath(path);
  return error;
}

function describeValue(node: JsonNode | undefined): string {
  if (node === undefined) return "nothing";
  switch (node.type) {
    case "object":
      return "an object";
    case "array":
      return "a list";
    case "string":
      return quoted(String(node.value));
    default:
      return String(node.value);
  }
}

const TYPE_NAMES: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text in double quotes",
  object: "an object { … }",
  record: "an object { … }",
  array: "a list [ … ]",
  boolean: "true or false",
};

/** One zod issue → PackageErrors (one per unknown key), with the line of the value and the value found. */
function issueErrors(doc: JsonDoc, issue: z.core.$ZodIssue): PackageError[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
  const { node, exists } = nodeAt(doc, path);
  const found = exists ? describeValue(node) : "nothing";
  const last = path[path.length - 1];
  const name = typeof last === "string" ? quoted(last) : "the value";
  switch (issue.code) {
    case "unrecognized_keys": {
      // zod's own message repeats the keys in full; the schemas' own (strictObject) lists the valid fields.
      const detail = issue.message.startsWith("Unrecognized key") ? "not a field of this object" : issue.message;
      return issue.keys.map((key) => errorAt(doc, [...path, key], `unknown field ${quoted(key)}: ${detail}`));
    }
    case "invalid_type": {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const message = exists ? `expected ${expected}, found ${found}` : `${name} is missing: expected ${expected}`;
      return [errorAt(doc, path, message)];
    }
    case "invalid_value": {
      const values = issue.values.map((v) => String(v)).join(", ");
      return [errorAt(doc, path, exists ? `${found} is not valid: expected one of ${values}` : `${name} is missing: expected one of ${values}`)];
    }
    case "invalid_union": {
      if ("discriminator" in issue && typeof issue.discriminator === "string") {
        const options = "options" in issue && Array.isArray(issue.options) ? issue.options.map(String).join(", ") : "";
        const message = exists
          ? `unknown ${issue.discriminator} ${found}: expected one of ${options}`
          : `"${issue.discriminator}" is missing: expected one of ${options}`;
        return [errorAt(doc, path, message)];
      }
      return [errorAt(doc, path, exists ? `${issue.message}, found ${found}` : `${name} is missing: ${issue.message}`)];
    }
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
      return [errorAt(doc, path, exists ? `${issue.message}, found ${found}` : issue.message)];
    default:
      return [errorAt(doc, path, issue.message)];
  }
}
