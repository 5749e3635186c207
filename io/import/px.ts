/**
 * PX files (PC-Axis), after Statistics Sweden's "PX-file format specification, AXIS-VERSION 2013":
 * `KEYWORD[language](subkeys)=values;` records, quoted strings (a long text continues in the next
 * quoted string on the next line), lists separated by commas, `TLIST(...)`, the file's CODEPAGE,
 * variables in STUB and HEADING order with their VALUES and CODES, and DATA (row-major over the
 * stub then heading variables, the last heading variable fastest; or KEYS rows for sparse files).
 * Quoted cells (`"."` … `"......"`, `"-"`) and `:` are status symbols: kept as missing.
 *
 * Only the default language is read (keywords without `[language]`). Required footnotes are
 * NOTEX, NOTEX("variable") and VALUENOTEX; NOTE and VALUENOTE are optional and not kept.
 */
import { isStatusSymbol, looksLikeProjection } from "./categories.ts";
import { categoriesOfIndex, type CubeCell, type CubeDimension, roleOf, selectFromCube } from "./cube.ts";
import { type ImportProblem, type ReadOptions, type ReadResult, say } from "./import-types.ts";
import type { TextEncodingName } from "../../model/text-encoding.ts";
import { importText, lineLocator } from "./text.ts";

interface PxRecord {
  keyword: string;
  language?: string;
  subkeys: string[];
  values: string[];
  line: number;
  /** Offset of the first character after `=`, and the value's raw text (for DATA). */
  valueOffset: number;
  raw: string;
}

/** The encoding a PX CODEPAGE names, as the decoder names it (ISO-8859-1 is read as its superset Windows-1252). */
function codepageEncoding(codepage: string): TextEncodingName | undefined {
  const c = codepage.trim().toLowerCase().replace(/_/g, "-");
  if (c === "utf-8" || c === "utf8") return "UTF-8";
  if (["iso-8859-1", "iso8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "ansi"].includes(c)) return "Windows-1252";
  return undefined;
}

/** Reads the bytes of a PX file (UTF-8 or ISO-8859-1, whatever its CODEPAGE says; a disagreement is a note). */
export function readPx(file: string, bytes: Uint8Array, options: ReadOptions): ReadResult {
  const problems: ImportProblem[] = [];
  const provenance = { format: "PX", file, requiredNotes: [] as string[], projection: false };
  const decoded = importText(file, bytes, problems, "Windows-1252");
  if (decoded === undefined) return { observations: [], provenance, problems };
  const { text, encoding } = decoded;
  // CODEPAGE says what the file was written in; the bytes say what it is (a tool that re-saves a
  // PX file as UTF-8 may leave iso-8859-1). The bytes win, and a disagreement is a note.
  const codepage = /CODEPAGE\s*=\s*"([^"]*)"/i.exec(text)?.[1];
  const named = codepage === undefined ? undefined : codepageEncoding(codepage);
  if (codepage !== undefined && named !== encoding && bytes.some((b) => b >= 0x80)) {
    problems.push({
      file,
      severity: "note",
      field: "CODEPAGE",
      message: say(`filen säger CODEPAGE "${codepage}" men läses som ${encoding}`, `the file says CODEPAGE "${codepage}" but is read as ${encoding}`),
    });
  }
  const lineAt = lineLocator(text);
  const records = parseRecords(file, text, lineAt, problems);
  if (problems.some((p) => p.severity === "error")) return { observations: [], provenance, problems };

  const get = (keyword: string, ...subkeys: string[]) =>
    records.find((r) => r.keyword === keyword && r.language === undefined && r.subkeys.length === subkeys.length && r.subkeys.every((s, i) => s === subkeys[i]));
  const first = (keyword: string) => get(keyword)?.values.join("");
  const missing = ["DATA", "VALUES"].filter((k) => !records.some((r) => r.keyword === k));
  if (get("STUB") === undefined && get("HEADING") === undefined) missing.push("STUB/HEADING");
  if (missing.length > 0) {
    problems.push({ file, severity: "error", field: missing.join(", "), message: say(`obligatoriska nyckelord saknas: ${missing.join(", ")}`, `mandatory keywords are missing: ${missing.join(", ")}`) });
    return { observations: [], provenance, problems };
  }
  const stub = get("STUB")?.values ?? [];
  const heading = get("HEADING")?.values ?? [];
  const variables = [...stub, ...heading];
  const contentsVariable = first("CONTVARIABLE");
  const dimensions: CubeDimension[] = [];
  for (const name of variables) {
    const valuesRecord = get("VALUES", name);
    if (valuesRecord === undefined) {
      problems.push({ file, severity: "error", field: `VALUES("${name}")`, message: say(`variabeln "${name}" i STUB/HEADING har inga VALUES`, `the variable "${name}" in STUB/HEADING has no VALUES`) });
      continue;
    }
    const codes = get("CODES", name)?.values ?? valuesRecord.values;
    if (codes.length !== valuesRecord.values.length) {
      problems.push({
        file,
        severity: "error",
        line: get("CODES", name)?.line ?? valuesRecord.line,
        field: `CODES("${name}")`,
        message: say(`CODES har ${codes.length} koder men VALUES har ${valuesRecord.values.length} värden`, `CODES has ${codes.length} codes but VALUES has ${valuesRecord.values.length} values`),
      });
      continue;
    }
    const elimination = get("ELIMINATION", name)?.values[0];
    const eliminationIndex = elimination === undefined ? -1 : valuesRecord.values.indexOf(elimination);
    const declaredRole = get("TIMEVAL", name) !== undefined ? "year" : name === contentsVariable ? "contents" : undefined;
    dimensions.push({
      id: name,
      label: name,
      codes,
      labels: valuesRecord.values,
      ...(declaredRole === undefined ? {} : { declaredRole }),
      ...(eliminationIndex >= 0 ? { eliminationCode: codes[eliminationIndex] } : {}),
    });
  }
  if (problems.some((p) => p.severity === "error")) return { observations: [], provenance, problems };

  const data = get("DATA")!;
  const keyed = stub.map((name) => get("KEYS", name)?.values[0]);
  const cells = keyed.some((k) => k !== undefined)
    ? keyedCells(file, data, dimensions, stub.length, keyed, lineAt, problems)
    : denseCells(file, data, dimensions, lineAt, problems);
  if (problems.some((p) => p.severity === "error")) return { observations: [], provenance, problems };
  const selection = selectFromCube(file, dimensions, cells, options, problems);

  const requiredNotes = records
    .filter((r) => r.language === undefined && (r.keyword === "NOTEX" || r.keyword === "VALUENOTEX"))
    .filter((r) => {
      if (r.keyword === "NOTEX") return true;
      // A value note of a region or contents not chosen does not travel with these figures.
      const dimension = dimensions.find((d) => d.id === r.subkeys[0]);
      const role = dimension === undefined ? "other" : roleOf(dimension);
      const chosen = role === "region" ? selection.region : role === "contents" ? selection.contents : undefined;
      return chosen === undefined || chosen.includes((r.subkeys[1] ?? "").replace(/^\d+\s+/, ""));
    })
    .map((r) => (r.subkeys.length === 0 ? r.values.join("") : `${r.subkeys.join(", ")}: ${r.values.join("")}`));
  const cellNotes = records.filter((r) => r.language === undefined && r.keyword === "CELLNOTEX").length;
  if (cellNotes > 0) {
    problems.push({ file, severity: "note", field: "CELLNOTEX", message: say(`filen har ${cellNotes} obligatoriska cellfotnoter: läs dem i källan`, `the file has ${cellNotes} required cell footnotes: read them in the source`) });
  }
  const tableId = first("TABLEID") ?? first("MATRIX");
  const title = first("TITLE") ?? first("DESCRIPTION");
  const updated = first("LAST-UPDATED");
  const source = first("SOURCE");
  return {
    observations: selection.observations,
    provenance: {
      ...provenance,
      requiredNotes,
      projection: looksLikeProjection(`${title ?? ""} ${first("CONTENTS") ?? ""} ${selection.contents ?? ""}`),
      ...(tableId === undefined ? {} : { tableId }),
      ...(title === undefined ? {} : { title }),
      ...(updated === undefined ? {} : { updated: formatPxDate(updated) }),
      ...(source === undefined ? {} : { source }),
      ...(selection.region === undefined ? {} : { region: selection.region }),
      ...(selection.contents === undefined ? {} : { contents: selection.contents }),
    },
    problems,
  };
}

/** `"20250221 08:00"` → `"2025-02-21 08:00"`. */
function formatPxDate(text: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})(?:\s+(\d{2}:\d{2}))?/.exec(text.trim());
  if (match === null) return text;
  return `${match[1]}-${match[2]}-${match[3]}${match[4] === undefined ? "" : ` ${match[4]}`}`;
}

const KEYWORD = /\s*([A-Za-z][A-Za-z0-9-]*)(?:\[([A-Za-z_-]+)\])?(?:\(([^)]*)\))?\s*=/y;

/** The file's records; syntax problems are reported with their line. */
function parseRecords(file: string, text: string, lineAt: (offset: number) => number, problems: ImportProblem[]): PxRecord[] {
  const records: PxRecord[] = [];
  let position = 0;
  while (position < text.length) {
    while (position < text.length && /\s/.test(text[position] ?? "")) position += 1;
    if (position >= text.length) break;
    KEYWORD.lastIndex = position;
    const match = KEYWORD.exec(text);
    if (match === null) {
      const line = lineAt(position);
      const found = text.slice(position, position + 30).split("\n")[0] ?? "";
      problems.push({ file, severity: "error", line, message: say(`väntade NYCKELORD=värde; men fann "${found}"`, `expected KEYWORD=value; but found "${found}"`) });
      return records;
    }
    const keyword = (match[1] ?? "").toUpperCase();
    const valueOffset = KEYWORD.lastIndex;
    const end = endOfValue(text, valueOffset);
    if (end < 0) {
      problems.push({ file, severity: "error", line: lineAt(position), field: keyword, message: say(`värdet tar aldrig slut: väntade ";" efter ${keyword}`, `the value never ends: expected ";" after ${keyword}`) });
      return records;
    }
    const raw = text.slice(valueOffset, end);
    records.push({
      keyword,
      ...(match[2] === undefined ? {} : { language: match[2] }),
      subkeys: match[3] === undefined ? [] : splitValues(match[3]),
      values: keyword === "DATA" ? [] : splitValues(raw),
      line: lineAt(position),
      valueOffset,
      raw,
    });
    position = end + 1;
  }
  return records;
}

/** Offset of the `;` that ends a value starting at `from` (outside quotes), or −1. */
function endOfValue(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === ";" && !quoted) return i;
  }
  return -1;
}

/**
 * A value's items: quoted strings separated by commas; quoted strings with only white space
 * between them are one long text split over lines; bare words (YES, 0, TLIST(A1)) as they are.
 */
function splitValues(raw: string): string[] {
  const items: string[] = [];
  let current: string | undefined;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] ?? "";
    if (c === '"') {
      const close = raw.indexOf('"', i + 1);
      const piece = raw.slice(i + 1, close < 0 ? raw.length : close);
      current = current === undefined ? piece : current + piece;
      i = close < 0 ? raw.length : close + 1;
    } else if (c === ",") {
      if (current !== undefined) items.push(current);
      current = undefined;
      i += 1;
    } else if (/\s/.test(c)) {
      i += 1;
    } else {
      let j = i;
      let depth = 0;
      while (j < raw.length) {
        const d = raw[j] ?? "";
        if (d === "(") depth += 1;
        else if (d === ")") depth -= 1;
        else if (depth === 0 && (d === "," || /\s/.test(d))) break;
        j += 1;
      }
      if (current !== undefined) items.push(current);
      current = raw.slice(i, j);
      i = j;
    }
  }
  if (current !== undefined) items.push(current);
  return items;
}

interface DataToken {
  text: string;
  offset: number;
}

/** Numbers and quoted symbols of a DATA text, with their offsets (separators: space, tab, comma, newline). */
function dataTokens(raw: string, base: number): DataToken[] {
  const tokens: DataToken[] = [];
  const pattern = /"([^"]*)"|([^\s,;"]+)/g;
  for (let match = pattern.exec(raw); match !== null; match = pattern.exec(raw)) {
    tokens.push({ text: match[1] ?? match[2] ?? "", offset: base + match.index });
  }
  return tokens;
}

function cellValue(file: string, token: DataToken, line: number, problems: ImportProblem[]): { value: number | null; status?: string } {
  const text = token.text.trim();
  if (isStatusSymbol(text)) return { value: null, status: text };
  const value = Number(text);
  if (text !== "" && Number.isFinite(value)) return { value };
  problems.push({ file, severity: "error", line, field: "DATA", message: say(`"${token.text}" är varken ett tal eller ett statussymbol (".", "..", ":", "-")`, `"${token.text}" is neither a number nor a status symbol (".", "..", ":", "-")`) });
  return { value: null, status: text };
}

function* denseCells(
  file: string,
  data: PxRecord,
  dimensions: CubeDimension[],
  lineAt: (offset: number) => number,
  problems: ImportProblem[],
): Generator<CubeCell> {
  const sizes = dimensions.map((d) => d.codes.length);
  const expected = sizes.reduce((a, b) => a * b, 1);
  const tokens = dataTokens(data.raw, data.valueOffset);
  if (tokens.length !== expected) {
    problems.push({
      file,
      severity: "error",
      line: data.line,
      field: "DATA",
      message: say(`DATA har ${tokens.length} celler men STUB och HEADING ger ${expected} (${sizes.join(" × ")})`, `DATA has ${tokens.length} cells but STUB and HEADING make ${expected} (${sizes.join(" × ")})`),
    });
    return;
  }
  for (let index = 0; index < expected; index += 1) {
    const token = tokens[index]!;
    const line = lineAt(token.offset);
    yield { categories: categoriesOfIndex(index, sizes), ...cellValue(file, token, line, problems), where: { line, field: "DATA" } };
  }
}

/** KEYS rows: the stub variables' values or codes in quotes, then the row's cells; rows left out are zeros. */
function* keyedCells(
  file: string,
  data: PxRecord,
  dimensions: CubeDimension[],
  stubCount: number,
  keyed: (string | undefined)[],
  lineAt: (offset: number) => number,
  problems: ImportProblem[],
): Generator<CubeCell> {
  const headingSizes = dimensions.slice(stubCount).map((d) => d.codes.length);
  const rowLength = headingSizes.reduce((a, b) => a * b, 1);
  const seen = new Set<string>();
  let offset = data.valueOffset;
  for (const lineText of data.raw.split("\n")) {
    const tokens = dataTokens(lineText, offset);
    offset += lineText.length + 1;
    if (tokens.length === 0) continue;
    const line = lineAt(tokens[0]!.offset);
    const stubCategories: number[] = [];
    for (let s = 0; s < stubCount; s += 1) {
      const token = tokens[s];
      const dimension = dimensions[s]!;
      const list = keyed[s] === "CODES" ? dimension.codes : dimension.labels;
      const category = token === undefined ? -1 : list.indexOf(token.text);
      if (category < 0) {
        problems.push({ file, severity: "error", line, field: `KEYS("${dimension.id}")`, message: say(`"${token?.text ?? ""}" finns inte bland ${dimension.id}s ${keyed[s] === "CODES" ? "CODES" : "VALUES"}`, `"${token?.text ?? ""}" is not among ${dimension.id}'s ${keyed[s] === "CODES" ? "CODES" : "VALUES"}`) });
        return;
      }
      stubCategories.push(category);
    }
    const cellsOfRow = tokens.slice(stubCount);
    if (cellsOfRow.length !== rowLength) {
      problems.push({ file, severity: "error", line, field: "DATA", message: say(`raden har ${cellsOfRow.length} celler: väntade ${rowLength}`, `the row has ${cellsOfRow.length} cells: expected ${rowLength}`) });
      return;
    }
    seen.add(stubCategories.join(","));
    for (let h = 0; h < rowLength; h += 1) yield { categories: [...stubCategories, ...categoriesOfIndex(h, headingSizes)], ...cellValue(file, cellsOfRow[h]!, line, problems), where: { line, field: "DATA" } };
  }
  // The specification leaves out rows of only zeros.
  const stubSizes = dimensions.slice(0, stubCount).map((d) => d.codes.length);
  const stubRows = stubSizes.reduce((a, b) => a * b, 1);
  for (let r = 0; r < stubRows; r += 1) {
    const stubCategories = categoriesOfIndex(r, stubSizes);
    if (seen.has(stubCategories.join(","))) continue;
    for (let h = 0; h < rowLength; h += 1) yield { categories: [...stubCategories, ...categoriesOfIndex(h, headingSizes)], value: 0, where: { line: data.line, field: "DATA (KEYS: row left out, zeros)" } };
  }
}
