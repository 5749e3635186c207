/**
 * The scenario: the assumptions a forecast is run with (`data/README.md`, `scenarios/<id>.json`).
 * Its shape is defined here once, as a zod schema, and its types are inferred from it: the package
 * parser reads scenario files with it, the server reads requests with it (with limits on sizes,
 * `contract/api.ts`), and the model, the web app and the command line use its types. Numbers are
 * held to the one table of bounds (`bounds.ts`) in a file and a request alike. The defaults and
 * the normal form of assumptions are in `assumptions.ts` (the browser uses them without zod).
 */
import { z } from "zod";
import { DEFAULT_ASSUMPTIONS } from "./assumptions.ts";
import { distributionSchema } from "./distribution-schema.ts";
import { FILE_NUMBERS, PACKAGE_PARAMETERS } from "./bounds.ts";
import { boundedNumber, ID_LENGTH, ID_PATTERN, strictObject } from "./schema-parts.ts";

/**
 * How large a scenario may be. A data package's files accept any size (the file's own size is
 * limited, `package-limits.ts`); the server accepts less, since a request past its limits can
 * only be a typing mistake or an attempt to make it work hard. The numbers' ranges are not
 * limits of either: they are the table of bounds (`bounds.ts`), the same for both.
 */
export interface ScenarioLimits {
  nameLength: number;
  descriptionLength: number;
  /** Longest lever or driver id. */
  idLength: number;
  /** Most levers; when finite, each lever may be listed once only (the package parser says so with the line). */
  levers: number;
  /** Most entries in `driverGrowthRates`, `set` and `uncertainty`. */
  entries: number;
  /** Longest parameter path. */
  parameterPathLength: number;
}

/** The limits of a scenario file. */
export const FILE_LIMITS: ScenarioLimits = {
  nameLength: Infinity,
  descriptionLength: Infinity,
  idLength: ID_LENGTH,
  levers: Infinity,
  entries: Infinity,
  parameterPathLength: Infinity,
};

/** A parameter path: segments of letters, digits, `_` and `-` joined by dots, starting with a letter (never `__proto__`). */
const PARAMETER_PATH = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

function localized(max: number, what: string, nonEmpty: boolean) {
  const part = (language: string) => {
    const message =
      max === Infinity
        ? `expected a${nonEmpty ? " non-empty" : ""} text`
        : `expected a${nonEmpty ? " non-empty" : ""} text of at most ${max} characters (${what} in ${language})`;
    // RFC 8785 (the version hash) cannot write a lone surrogate.
    const text = z.string({ error: message }).refine((s) => !/\p{Cs}/u.test(s), "expected text without a broken character (a lone surrogate)");
    const bounded = max === Infinity ? text : text.max(max, message);
    return nonEmpty ? bounded.min(1, message) : bounded;
  };
  return strictObject({ sv: part("Swedish"), en: part("English") });
}

/**
 * Ids and paths are checked in a file and a request alike: a key such as `__proto__` would
 * otherwise vanish when zod copies the record (it sets the copy's prototype instead of a field).
 */
function idOf(what: string, max: number) {
  return z
    .string({ error: `expected ${what} id (text)` })
    .max(max, `expected ${what} id of at most ${max} characters`)
    .regex(ID_PATTERN, `expected ${what} id: lower-case letters, digits and _, starting with a letter`);
}

function pathKey(max: number) {
  const path = z.string().regex(PARAMETER_PATH, "expected a parameter path such as levers.e_services.efficiency");
  return max === Infinity ? path : path.max(max, `expected a parameter path of at most ${max} characters`);
}

/** A record of `what` ("driver id → yearly growth rate"), its keys `keys` ("a driver id"). */
function entries<V extends z.ZodType>(key: z.ZodType<string>, value: V, max: number, what: string, keys: string) {
  const record = z.record(key, value, { error: (issue) => (issue.code === "invalid_type" ? `expected an object of ${what}` : undefined) });
  const bounded = max === Infinity ? record : record.refine((r) => Object.keys(r).length <= max, `expected at most ${max} entries`);
  // zod's record drops a "__proto__" key without a word (JSON.parse makes it an own key): refuse it first.
  return z.preprocess((input, context) => {
    if (input !== null && typeof input === "object" && Object.hasOwn(input, "__proto__")) {
      context.addIssue({ code: "custom", path: ["__proto__"], message: `"__proto__" is not ${keys}`, input });
    }
    return input;
  }, bounded);
}

/**
 * The schema of a scenario's assumptions within `limits`; every field but `name` may be left out
 * and gets its default ({@link DEFAULT_ASSUMPTIONS}), except `growthMultiplier`, which
 * `normalizeAssumptions` fills in: without one, the median of `uncertainty.growthMultiplier`
 * (the median rule, `median-rule.ts`), or 1.
 */
export function scenarioSchema(limits: ScenarioLimits = FILE_LIMITS) {
  const leverList = z.array(idOf("a lever", limits.idLength), { error: "expected a list of lever ids" });
  return strictObject({
    name: localized(limits.nameLength, "the scenario's name", true),
    description: localized(limits.descriptionLength, "the scenario's description", false).default(DEFAULT_ASSUMPTIONS.description),
    growthMultiplier: boundedNumber(PACKAGE_PARAMETERS.growthMultiplier, "a growth multiplier (1 = the forecast growth)").optional(),
    driverGrowthRates: entries(
      idOf("a driver", limits.idLength),
      boundedNumber(FILE_NUMBERS.growthRate),
      limits.entries,
      "driver id → yearly growth rate",
      "a driver id",
    ).default({}),
    levers: (limits.levers === Infinity
      ? leverList
      : leverList
          .max(limits.levers, `expected at most ${limits.levers} levers`)
          .refine((l) => new Set(l).size === l.length, "expected each lever once")
    ).default([]),
    set: entries(pathKey(limits.parameterPathLength), z.number({ error: "expected a number" }), limits.entries, "parameter path → number", "a parameter path").default({}),
    uncertainty: entries(pathKey(limits.parameterPathLength), distributionSchema, limits.entries, "parameter path → distribution", "a parameter path").default({}),
    /** A named driver set of the package (`driver-sets.json`) whose forecasts replace the package's own; none = the package's. */
    driverSet: idOf("a driver set", limits.idLength).optional(),
  });
}

/** A scenario's assumptions as read, the growth multiplier possibly left to its distribution's median. */
export type AssumptionsRead = z.output<ReturnType<typeof scenarioSchema>>;

/** A scenario's assumptions, every field present: what a scenario version stores and hashes. */
export type Assumptions = Omit<AssumptionsRead, "growthMultiplier"> & { growthMultiplier: number };

/** Assumptions as a request or a caller may give them: only what differs from the defaults. */
export type AssumptionsInput = { [K in keyof Assumptions]?: Assumptions[K] | undefined };

/** A scenario: its id (the file name, or the saved scenario's id) and its assumptions. */
export type Scenario = { id: string } & Assumptions;
