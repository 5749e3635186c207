/**
 * A package file's bytes → its text, whatever a spreadsheet or editor saved it as: the one place
 * that decides a file's encoding, for the package folder reader, a browser upload and the
 * population importers alike. Pure (bytes in, text or an error out); the decoding itself is the
 * platform's `TextDecoder` (WHATWG Encoding Standard), in Node and in a browser.
 *
 * The rule, in order:
 * 1. larger than {@link PACKAGE_LIMITS.fileBytes}: refused;
 * 2. a ZIP archive (an Excel workbook saved under a `.csv` name): refused, saying so;
 * 3. a byte-order mark says the encoding: EF BB BF UTF-8, FF FE UTF-16 LE, FE FF UTF-16 BE
 *    (UTF-16 is decoded, with a note);
 * 4. without one, NUL bytes in every other position are UTF-16 without a byte-order mark (LE when
 *    the NULs follow the letters, BE when they precede them), decoded with a note; any other NUL
 *    byte means the file is not text: refused;
 * 5. valid UTF-8 is UTF-8 (plain ASCII included);
 * 6. anything else is Windows-1252 — what Swedish Excel writes for "CSV (semicolon separated)" —
 *    decoded with a note naming the first byte that was not UTF-8 and the line it is on;
 * 7. a decoded text with control characters (other than tab and line breaks) is not a text a
 *    spreadsheet or editor writes: refused, naming the line (this catches binary files and
 *    encodings other than these, whose bytes Windows-1252 maps to controls).
 *
 * Node 20.18.3 and later decode `windows-1252` as Latin-1 (bytes 0x80–0x9F become the C1 controls
 * U+0080–U+009F instead of €, ’, “ …: https://github.com/nodejs/node/issues/60888); browsers
 * follow the Encoding Standard. The decoded text's C1 controls are therefore mapped to the
 * standard's characters for those bytes, which leaves a correct decoder's output unchanged.
 */
import { type PackageError, type PackageFinding, quoted } from "./package-error.ts";
import { fileTooLarge, PACKAGE_LIMITS } from "./package-limits.ts";

/** The encodings a package file may be written in, as the messages name them. */
export type TextEncodingName = "UTF-8" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

/** The result of {@link decodeText}: the text and its encoding (and a note when it was not UTF-8), or why it cannot be read. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; note?: PackageFinding }
  | { ok: false; error: PackageError };

const DECODER_LABEL: Record<TextEncodingName, string> = {
  "UTF-8": "utf-8",
  "UTF-16 LE": "utf-16le",
  "UTF-16 BE": "utf-16be",
  "Windows-1252": "windows-1252",
};

/**
 * The Encoding Standard's index-windows-1252 for the bytes 0x80–0x9F
 * (https://encoding.spec.whatwg.org/index-windows-1252.txt); the five bytes it leaves as C1
 * controls (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to themselves.
 */
const WINDOWS_1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** Bytes looked at to recognise UTF-16 without a byte-order mark. */
const SNIFF_BYTES = 4096;

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Decodes a package file's bytes by the rule above.
 *
 * @param file the file's name, for messages.
 * @example decodeText("drivers.csv", new Uint8Array([0x6d, 0x69, 0x6c, 0x6a, 0xf6])) // { ok: true, text: "miljö", encoding: "Windows-1252", note: … }
 */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const refuse = (message: string, line?: number): DecodedText => ({ ok: false, error: line === undefined ? { file, message } : { file, line, message } });
  if (bytes.length > PACKAGE_LIMITS.fileBytes) return refuse(fileTooLarge(bytes.length));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return refuse("the file is a ZIP archive (an Excel workbook saved under this name?), not text: save it from the spreadsheet as CSV (UTF-8) or as text");
  }

  let encoding: TextEncodingName;
  let why: string | undefined;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = "UTF-8";
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, why] = ["UTF-16 LE", "it starts with a UTF-16 LE byte-order mark"];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, why] = ["UTF-16 BE", "it starts with a UTF-16 BE byte-order mark"];
  else {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      const utf16 = utf16WithoutMark(bytes);
      if (utf16 === undefined) {
        return refuse(`the file has a NUL byte (at byte ${nul + 1}) and is not text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)`, lineOfByte(bytes, nul));
      }
      [encoding, why] = [utf16, "every other byte is NUL, as in UTF-16 text without a byte-order mark"];
    } else if (isUtf8(bytes)) {
      encoding = "UTF-8";
    } else {
      encoding = "Windows-1252";
    }
  }

  let text: string;
  try {
    text = new TextDecoder(DECODER_LABEL[encoding], { fatal: true }).decode(bytes);
    if (encoding === "Windows-1252") text = text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
  } catch {
    return refuse(`the file looks like ${encoding} text (${why ?? "it starts with a UTF-8 byte-order mark"}) but is not valid ${encoding}: save it again as UTF-8`);
  }

  const control = CONTROL.exec(text);
  if (control !== null) {
    const code = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
    const read = encoding === "Windows-1252" ? " (read as Windows-1252, since it is not UTF-8)" : "";
    return refuse(
      `the file has the control character ${code}${read}, which no spreadsheet or editor writes in text: expected text saved as UTF-8 (or Windows-1252 or UTF-16)`,
      lineOfText(text, control.index),
    );
  }

  if (encoding === "Windows-1252") {
    const at = firstInvalidUtf8(bytes);
    const line = lineOfByte(bytes, at);
    const lineText = text.split(/\r\n|\n|\r/)[line - 1] ?? "";
    return {
      ok: true,
      text,
      encoding,
      note: {
        severity: "note",
        file,
        line,
        message: `the file is not UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase()} on this line is not valid UTF-8): read as Windows-1252, the encoding Swedish Windows programs save in (Excel's "CSV (semicolon separated)", Notepad's "ANSI"); the line reads ${quoted(lineText.trim(), 60)}`,
      },
    };
  }
  if (why !== undefined) {
    return { ok: true, text, encoding, note: { severity: "note", file, message: `read as ${encoding} text, since ${why}` } };
  }
  return { ok: true, text, encoding };
}

/**
 * Every file's bytes decoded by {@link decodeText}: the texts, and the notes and errors (a file
 * that cannot be decoded is left out, with its error).
 */
export function decodeFiles(bytes: Readonly<Record<string, Uint8Array>>): { files: Record<string, string>; findings: PackageFinding[] } {
  const files: Record<string, string> = {};
  const findings: PackageFinding[] = [];
  for (const [name, content] of Object.entries(bytes)) {
    const decoded = decodeText(name, content);
    if (!decoded.ok) {
      findings.push({ severity: "error", ...decoded.error });
      continue;
    }
    files[name] = decoded.text;
    if (decoded.note !== undefined) findings.push(decoded.note);
  }
  return { files, findings };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a byte-order mark: an even number of bytes, and within the first bytes NULs in
 * at least a third of one parity's positions and in none of the other's (text in Latin script
 * written as UTF-16 has a NUL beside every letter).
 */
function utf16WithoutMark(bytes: Uint8Array): "UTF-16 LE" | "UTF-16 BE" | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < length; index += 1) {
    if (bytes[index] !== 0) continue;
    if (index % 2 === 0) even += 1;
    else odd += 1;
  }
  const pairs = length / 2;
  if (odd >= pairs / 3 && even === 0) return "UTF-16 LE";
  if (even >= pairs / 3 && odd === 0) return "UTF-16 BE";
  return undefined;
}

/** The index of the first byte that is not part of valid UTF-8 (the text is known not to be valid UTF-8). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** 1-based line of a byte offset (line feeds are the byte 0x0A in every encoding but UTF-16, which is never asked). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
}

function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (text.charCodeAt(index) === 10) line += 1;
  return line;
}
