/**
 * The one reader of numbers written by people: a data package's fields (`model/csv.ts`), the
 * command line's flags (`cli/common.ts`) and every number box of the web app (`web/controls.ts`).
 * Pure; runs in the browser and in Node.
 *
 * Two conventions:
 * - **Swedish, and a package's files** (the default): the decimal mark is a comma or a point
 *   (`1,25`, `1.25` — a Swedish keyboard's number pad types a point), groups of three digits may
 *   be separated by a space, a no-break space (U+00A0) or a narrow no-break space (U+202F, what
 *   `toLocaleString("sv-SE")` writes), and the minus may be U+2212.
 * - **English**: the decimal mark is a point; groups of three digits may be separated by commas or
 *   spaces (`1,234.5`). A comma that does not separate groups of three (`1,25`) is refused: it is
 *   a Swedish decimal comma or a typing slip, and reading it either way could be the wrong value.
 *
 * Both refuse a number with a point and a comma in the Swedish reading (`1.234,5`: which is the
 * decimal mark?), anything that is not a finite number, and the empty text — which a number box
 * reads as "not set", never as zero.
 */

/** How a number is written: `"sv"` (and every package file) or `"en"`. */
export type NumberConvention = "sv" | "en";

/** Why a text is not a number. */
export type NumberTextProblem =
  /** Nothing but spaces. */
  | "empty"
  /** A point and a comma in the Swedish reading: either could be the decimal mark. */
  | "bothMarks"
  /** A comma in the English reading that does not separate groups of three digits (`1,25`). */
  | "commaDecimal"
  /** Not a number at all (`12 3a`, `1.234.567`, `NaN`). */
  | "notNumber"
  /** Beyond the numbers a computer holds (`1e999`). */
  | "tooLarge";

/** A number, or why the text is not one. */
export type NumberTextResult = { ok: true; value: number } | { ok: false; problem: NumberTextProblem };

/** Characters read as a thousands separator in both conventions: space, no-break space, narrow no-break space. */
const SPACES = " \u00A0\u202F";

/** Sign (`-`, U+2212 or `+`), digits (grouped by spaces), a fraction after `.` or `,`, an exponent. */
const SPACED_NUMBER = /^([-\u2212+]?)(\d+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+)?(?:([.,])(\d+))?(?:[eE]([-+]?\d+))?$/;

/** The English form: digits grouped by commas or by spaces (not both), a fraction after `.` only. */
const ENGLISH_NUMBER = /^([-\u2212+]?)(\d+|\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00A0\u202F]\d{3})+)?(?:(\.)(\d+))?(?:[eE]([-+]?\d+))?$/;

/**
 * The number a person wrote, read in `convention`.
 *
 * @example readNumberText("1 234,5") // { ok: true, value: 1234.5 }
 * @example readNumberText("1,25") // { ok: true, value: 1.25 }
 * @example readNumberText("1,234.5", "en") // { ok: true, value: 1234.5 }
 * @example readNumberText("1,25", "en") // { ok: false, problem: "commaDecimal" }
 * @example readNumberText("") // { ok: false, problem: "empty" }
 */
export function readNumberText(text: string, convention: NumberConvention = "sv"): NumberTextResult {
  const trimmed = trimSpaces(text);
  if (trimmed === "") return { ok: false, problem: "empty" };
  const english = convention === "en";
  if (!english && trimmed.includes(".") && trimmed.includes(",")) return { ok: false, problem: "bothMarks" };
  const match = (english ? ENGLISH_NUMBER : SPACED_NUMBER).exec(trimmed);
  if (match === null) return { ok: false, problem: english && trimmed.includes(",") && SPACED_NUMBER.test(trimmed) ? "commaDecimal" : "notNumber" };
  const [, sign = "", integer = "", , fraction, exponent] = match;
  if (integer === "" && fraction === undefined) return { ok: false, problem: "notNumber" };
  let normalized = sign === "" || sign === "+" ? "" : "-";
  normalized += integer === "" ? "0" : integer.replace(/[ \u00A0\u202F,]/g, "");
  if (fraction !== undefined) normalized += `.${fraction}`;
  if (exponent !== undefined) normalized += `e${exponent}`;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, problem: "tooLarge" };
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** A lone comma after one to three digits (the first not 0) and before exactly three: `103,656`, `1,500`, `−2,000`. */
const COMMA_THEN_THREE_DIGITS = /^[-\u2212+]?[1-9]\d{0,2},\d{3}$/;

/**
 * Whether a number's text, read the Swedish way, may be an English number with a thousands
 * separator: a lone comma followed by exactly three digits (`"103,656"` is 103.656 written the
 * Swedish way, or 103,656 written the English way). A package's column of counts treats it as
 * ambiguous (`model/csv-rows.ts` says when the column itself settles it).
 *
 * @example mayBeThousands("103,656") // true
 * @example mayBeThousands("103,6") // false
 */
export function mayBeThousands(text: string): boolean {
  return COMMA_THEN_THREE_DIGITS.test(trimSpaces(text));
}

/**
 * Whether a text, read the Swedish way, shows that it writes decimals with a comma: a decimal
 * comma followed by other than three digits (`12,5`, `0,25`), or after digits grouped by spaces
 * (`1 234,5`).
 */
export function showsDecimalComma(text: string): boolean {
  const match = SPACED_NUMBER.exec(trimSpaces(text));
  if (match === null || match[3] !== ",") return false;
  return /[ \u00A0\u202F]/.test(match[2] ?? "") || (match[4] ?? "").length !== 3;
}

export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text[start]!)) start += 1;
  while (end > start && isSpace(text[end - 1]!)) end -= 1;
  return text.slice(start, end);
}

function isSpace(character: string): boolean {
  return character.trim() === "" || SPACES.includes(character);
}
