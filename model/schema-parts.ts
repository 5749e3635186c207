/**
 * The building blocks of every zod schema in Vaxa (the package's files, the scenario, the API's
 * requests): strict objects whose unknown fields are named, ids, texts, shares and years, each with
 * a message that says what was expected. The package parser adds the file, line, field and the
 * value found; the server adds the request's field path.
 */
import { z } from "zod";
import { rangeText, YEAR_RANGE } from "./ranges.ts";
import type { ParameterSpec } from "./registry.ts";

/** Process, activity, driver and lever ids: lower-case letters, digits and `_`, starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Longest id, characters (ids appear in messages, labels and parameter paths). */
export const ID_LENGTH = 64;

/** Scenario ids (file names without `.json`) may also use `-`. */
export const SCENARIO_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/**
 * A strict object: a field that is not in `shape` is an error whose message lists the valid fields.
 * The package parser prefixes it with `unknown field "<key>": `, the server with the field's path.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `expected only the fields ${fields}` : undefined),
  });
}

/** An id of `what` ("a process", "an activity", …), at most {@link ID_LENGTH} characters. */
export function id(what: string) {
  const message = `expected ${what} id: lower-case letters, digits and _, starting with a letter, at most ${ID_LENGTH} characters`;
  return z.string().max(ID_LENGTH, message).regex(ID_PATTERN, message);
}

/**
 * A number within a spec's bounds (`bounds.ts`), with one message for a wrong type and a value
 * out of range: "expected a growth multiplier from 0 to 5 (factor)".
 *
 * @param what the number in words, with its article; the spec's English label by default.
 * @param whole whether only whole numbers are valid (years, counts of years).
 */
export function boundedNumber(spec: Pick<ParameterSpec, "bounds" | "unit" | "label">, what = spec.label.en, whole = false) {
  const message = `expected ${what} ${rangeText(spec)}${whole ? ", a whole number" : ""}`;
  const [lo, hi] = spec.bounds;
  const number = whole ? z.int({ error: message }) : z.number({ error: message });
  return number.min(lo, message).max(hi, message);
}

export const text = z.string().min(1, "expected a non-empty text");

/** A text a person reads, in Swedish and English. */
export const localizedTextSchema = strictObject({ sv: text, en: text });

export const nonNegative = z.number().min(0, "expected zero or a positive number");
export const share = z.number().min(0, "expected a share from 0 to 1").max(1, "expected a share from 0 to 1");
export const shareBelowOne = z
  .number()
  .min(0, "expected a share from 0 up to (not including) 1")
  .lt(1, "expected a share from 0 up to (not including) 1");
export const year = z
  .int("expected a whole year such as 2024")
  .min(YEAR_RANGE[0], "expected a year such as 2024")
  .max(YEAR_RANGE[1], "expected a year such as 2040");
export const days = z.number().min(0, "expected a number of days from 0 to 366").max(366, "expected a number of days from 0 to 366");

/** A share of adoption reached in the long run, above 0 and at most 1. */
export const ceiling = z.number().gt(0, "expected a ceiling above 0, at most 1").max(1, "expected a ceiling above 0, at most 1");
