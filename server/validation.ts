/**
 * Reading requests: the schemas' messages in plain words, each with the path of the field
 * (`assumptions.growthMultiplier: expected a growth multiplier from 0 to 5 …`). The requests of
 * the API are defined in `contract/api.ts`; only the token request, which concerns the server
 * alone, is here.
 */
import { z } from "zod";
import { strictObject } from "../model/schema-parts.ts";
import { ROLES, TOKEN_DAYS, tokenNameProblem } from "./db/token-store.ts";

/** One problem in a request: where (a path such as `assumptions.levers[2]`) and what is wrong. */
export interface Problem {
  path: string;
  message: string;
}

const daysMessage = `must be a whole number of days from 1 to ${TOKEN_DAYS}`;

/** `POST /api/tokens`. */
export const createTokenSchema = strictObject({
  name: z.string({ error: "must be a text: who holds the token" }).superRefine((name, context) => {
    const problem = tokenNameProblem(name);
    if (problem) context.addIssue({ code: "custom", message: problem });
  }),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  expiresInDays: z.int({ error: daysMessage }).min(1, daysMessage).max(TOKEN_DAYS, daysMessage).optional(),
});

// ---------------------------------------------------------------------------------------------
// Messages

function describeValue(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "string") return input.length > 40 ? "a text" : `the text "${input}"`;
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  if (typeof input === "object") return "an object";
  return typeof input;
}

const EXPECTED: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a text",
  object: "an object ({ … })",
  array: "a list ([ … ])",
  boolean: "true or false",
  record: "an object ({ … })",
};

/** Plain-words messages for the checks that have none of their own. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is required";
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(issue.input)}`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_key": {
      const inner = issue.issues[0]?.message;
      return inner === undefined ? "is not an accepted key here" : inner;
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) return `must be one of ${options.map((o) => JSON.stringify(o)).join(", ")}`;
      return "does not match any of the accepted forms";
    }
    default:
      return undefined;
  }
};

/** `assumptions.set["levers.x.efficiency"]`, `assumptions.levers[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === "" ? "(request body)" : out;
}

/** The problems of a failed parse, one per field (an unknown field is reported at its own path). */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: issue.message }));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/** Parses with the plain-words messages. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: problemsOf(result.error) };
}
