/**
 * Request schemas (zod) and their error messages in plain words, each with the path of the field:
 * `assumptions.growthMultiplier: must be a number between 0 and 5`.
 *
 * The assumptions have the shape of a scenario file (`data/README.md`, `scenarios/<id>.json`);
 * distributions reuse the model's schema. The server's limits are tighter than the file format's
 * where a value outside them can only be a typing mistake or an attempt to make the server work
 * hard (e.g. a growth multiplier of 1e9).
 */
import { z } from "zod";
import { distributionSchema, ID_PATTERN, SCENARIO_ID_PATTERN } from "../model/package-schema.ts";
import { ROLES } from "./db/token-store.ts";

/** One problem in a request: where (a path such as `assumptions.levers[2]`) and what is wrong. */
export interface Problem {
  path: string;
  message: string;
}

/** Limits on request contents. */
export const LIMITS = {
  growthMultiplier: [0, 5],
  growthRate: [-0.5, 0.5],
  nameLength: 120,
  descriptionLength: 4000,
  commentLength: 1000,
  idLength: 64,
  levers: 100,
  setEntries: 1000,
  uncertaintyEntries: 1000,
  parameterPathLength: 200,
} as const;

/** A strict object whose unknown fields are reported with the list of the fields it has. */
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `is not a field here; the fields are ${fields}` : undefined),
  });
}

function between(lo: number, hi: number, what = "a number") {
  const message = `must be ${what} between ${lo} and ${hi}`;
  return z.number({ error: message }).min(lo, message).max(hi, message);
}

function text(max: number, what: string, nonEmpty = true) {
  const message = `must be ${nonEmpty ? "a non-empty" : "a"} text of at most ${max} characters (${what})`;
  const base = z.string({ error: message }).max(max, message);
  return nonEmpty ? base.min(1, message) : base;
}

function boundedRecord<V extends z.ZodType>(key: z.ZodType<string>, value: V, max: number, what: string) {
  return z
    .record(key, value, { error: (issue) => (issue.code === "invalid_type" ? `must be an object of ${what}` : undefined) })
    .refine((r) => Object.keys(r).length <= max, `must have at most ${max} entries`);
}

const leverId = z
  .string({ error: "must be a lever id (text)" })
  .max(LIMITS.idLength, `must be a lever id of at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, "must be a lever id: lower-case letters, digits and _, starting with a letter");

const driverId = z
  .string()
  .max(LIMITS.idLength, `must be a driver id of at most ${LIMITS.idLength} characters`)
  .regex(ID_PATTERN, "must be a driver id: lower-case letters, digits and _, starting with a letter");

const parameterPath = z
  .string()
  .max(LIMITS.parameterPathLength, `must be a parameter path of at most ${LIMITS.parameterPathLength} characters`)
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, "must be a parameter path such as levers.e_services.efficiency");

const finite = z.number({ error: "must be a number" });

const localized = (max: number, what: string, nonEmpty: boolean) =>
  strict({ sv: text(max, `${what} in Swedish`, nonEmpty), en: text(max, `${what} in English`, nonEmpty) });

const nameSchema = localized(LIMITS.nameLength, "the scenario's name", true);

/** The fields of a scenario (`data/README.md`) other than its name, every one optional. */
const assumptionFields = {
  description: localized(LIMITS.descriptionLength, "the scenario's description", false).optional(),
  growthMultiplier: between(...LIMITS.growthMultiplier).optional(),
  driverGrowthRates: boundedRecord(
    driverId,
    between(...LIMITS.growthRate, "a yearly growth rate"),
    100,
    "driver id → yearly growth rate",
  ).optional(),
  levers: z
    .array(leverId, { error: "must be a list of lever ids" })
    .max(LIMITS.levers, `must list at most ${LIMITS.levers} levers`)
    .refine((l) => new Set(l).size === l.length, "must list each lever once")
    .optional(),
  set: boundedRecord(parameterPath, finite, LIMITS.setEntries, "parameter path → number").optional(),
  uncertainty: boundedRecord(parameterPath, distributionSchema, LIMITS.uncertaintyEntries, "parameter path → distribution").optional(),
};

/** Assumptions of a forecast request: every field optional. */
export const forecastAssumptionsSchema = strict({ name: nameSchema.optional(), ...assumptionFields });
/** Assumptions saved as a scenario version: the name is required (charts and exports show it). */
export const savedAssumptionsSchema = strict({ name: nameSchema, ...assumptionFields });

/** Options of `POST /api/forecast` that depend on the package and configuration. */
export interface RequestLimits {
  maxDraws: number;
  /** The first and last horizon year allowed (the base year + 1 and the package's horizon). */
  horizon: [number, number];
}

export function forecastRequestSchema(limits: RequestLimits) {
  const [first, last] = limits.horizon;
  const horizonMessage = `must be a whole year from ${first} to ${last} (the data package's drivers end in ${last})`;
  const drawsMessage = `must be a whole number of draws from 1 to ${limits.maxDraws}`;
  const seedMessage = "must be a whole number from 0 to 4294967295";
  return strict({
    assumptions: forecastAssumptionsSchema.default({}),
    horizon: z.int({ error: horizonMessage }).min(first, horizonMessage).max(last, horizonMessage).optional(),
    monteCarlo: strict({
      draws: z.int({ error: drawsMessage }).min(1, drawsMessage).max(limits.maxDraws, drawsMessage),
      seed: z.int({ error: seedMessage }).min(0, seedMessage).max(4294967295, seedMessage).default(1),
    }).optional(),
  });
}
export type ForecastRequest = z.output<ReturnType<typeof forecastRequestSchema>>;

const scenarioId = z
  .string({ error: "must be a scenario id (text)" })
  .max(LIMITS.idLength, `must be a scenario id of at most ${LIMITS.idLength} characters`)
  .regex(SCENARIO_ID_PATTERN, "must be a scenario id: lower-case letters, digits, _ and -, starting with a letter");

const comment = text(LIMITS.commentLength, "what changed and why", false).optional();

export const createScenarioSchema = strict({ id: scenarioId.optional(), assumptions: savedAssumptionsSchema, comment });

export const updateScenarioSchema = strict({
  parentVersion: z
    .string({ error: "is required: the id of the version you changed (versionId, 12 hex digits, or the full hash)" })
    .regex(/^([0-9a-fA-F]{12}|[0-9a-fA-F]{64})$/, "must be a version id (12 hex digits) or a full hash (64 hex digits)"),
  assumptions: savedAssumptionsSchema,
  comment,
});

export const createTokenSchema = strict({
  name: text(LIMITS.nameLength, "who holds the token", true),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
});

/** Scenario ids in URLs. */
export const scenarioIdParam = scenarioId;

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
