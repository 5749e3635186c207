/**
 * Zod schemas of the data package's JSON files, exactly the shapes described in `data/README.md`.
 *
 * A schema checks one file on its own: types, ranges, unknown fields (a misspelt optional field
 * would otherwise be silently replaced by its default) and the defaults of optional fields.
 * Checks that need another file (driver ids, process ids, the base year) are done by
 * {@link parseDataPackage} in `parse-package.ts`. Messages say what was expected; the parser adds
 * the file, line, field and the value found.
 */
import { z } from "zod";
import { LEVER_KINDS } from "./data-package.ts";
import type { Distribution } from "./distributions.ts";

/** Process, activity, driver and lever ids: lower-case letters, digits and `_`, starting with a letter. */
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Scenario ids (file names without `.json`) may also use `-`. */
export const SCENARIO_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/**
 * A strict object: a field that is not in `shape` is an error whose message lists the valid fields.
 * Only the message's part after the colon is used per unknown key by the parser.
 */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const fields = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? `expected only the fields ${fields}` : undefined),
  });
}

function id(what: string) {
  return z.string().regex(ID_PATTERN, `expected ${what} id: lower-case letters, digits and _, starting with a letter`);
}

const text = z.string().min(1, "expected a non-empty text");

/** A text a person reads, in Swedish and English. */
export const localizedTextSchema = strictObject({ sv: text, en: text });

/** A description may be empty. */
const descriptionSchema = strictObject({ sv: z.string(), en: z.string() });

const nonNegative = z.number().min(0, "expected zero or a positive number");
const share = z.number().min(0, "expected a share from 0 to 1").max(1, "expected a share from 0 to 1");
const shareBelowOne = z
  .number()
  .min(0, "expected a share from 0 up to (not including) 1")
  .lt(1, "expected a share from 0 up to (not including) 1");
const year = z.int("expected a whole year such as 2024").min(1900, "expected a year such as 2024").max(2200, "expected a year such as 2040");
const days = z.number().min(0, "expected a number of days from 0 to 366").max(366, "expected a number of days from 0 to 366");

// ---------------------------------------------------------------------------------------------
// Distributions

function minModeMax(value: { min: number; mode: number; max: number }, context: z.core.$RefinementCtx) {
  if (value.min > value.mode || value.mode > value.max) {
    context.addIssue({
      code: "custom",
      path: ["mode"],
      message: `expected min ≤ mode ≤ max, found min ${value.min}, mode ${value.mode}, max ${value.max}`,
    });
  }
}

/** `{ type, ... }`: triangular, pert (min ≤ mode ≤ max), normal (sd ≥ 0), lognormal (sigma ≥ 0), uniform (min ≤ max). */
export const distributionSchema = z.discriminatedUnion("type", [
  strictObject({ type: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number() }).superRefine(minModeMax),
  strictObject({ type: z.literal("pert"), min: z.number(), mode: z.number(), max: z.number() }).superRefine(minModeMax),
  strictObject({ type: z.literal("normal"), mean: z.number(), sd: z.number().min(0, "expected a standard deviation ≥ 0") }),
  strictObject({ type: z.literal("lognormal"), mu: z.number(), sigma: z.number().min(0, "expected a sigma ≥ 0") }),
  strictObject({ type: z.literal("uniform"), min: z.number(), max: z.number() }).refine((value) => value.min <= value.max, {
    path: ["max"],
    message: "expected max ≥ min",
  }),
]);

// ---------------------------------------------------------------------------------------------
// municipality.json

/** WHO WISN available working time; the available days must be positive. */
export const workingTimeSchema = strictObject({
  workingDays: days,
  holidays: days,
  leave: days,
  sickness: days,
  otherAbsence: days.default(0),
  hoursPerDay: z.number().gt(0, "expected hours per day above 0, at most 24").max(24, "expected hours per day above 0, at most 24"),
}).superRefine((value, context) => {
  const available = value.workingDays - value.holidays - value.leave - value.sickness - value.otherAbsence;
  if (available <= 0) {
    context.addIssue({
      code: "custom",
      path: ["workingDays"],
      message: `expected workingDays − holidays − leave − sickness − otherAbsence to be positive, found ${available} available days`,
    });
  }
});

/**
 * `municipality.json`. `illustrative` (optional) marks the package's figures as an illustration,
 * not the municipality's own, and says why, in Swedish and English; every output repeats it.
 */
export const municipalitySchema = strictObject({
  name: text,
  illustrative: localizedTextSchema.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code such as SEK"),
  costPerFte: z.number().gt(0, "expected the cost of one FTE per year, a number above 0"),
  workingTime: workingTimeSchema,
  discountRate: z.number().gt(-1, "expected a discount rate per year, e.g. 0.035").lt(1, "expected a discount rate per year, e.g. 0.035"),
  horizon: year,
});

// ---------------------------------------------------------------------------------------------
// processes.json

/** An activity: bottom-up (`volume` and `unitTimeHours`) or top-down (`share`). */
export const activitySchema = strictObject({
  id: id("an activity"),
  name: localizedTextSchema,
  volume: nonNegative.optional(),
  unitTimeHours: nonNegative.optional(),
  share: share.optional(),
  drivers: z.record(z.string(), z.number()),
}).superRefine((value, context) => {
  const bottomUp = value.volume !== undefined || value.unitTimeHours !== undefined;
  if (bottomUp && value.share !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["share"],
      message: "expected either share (top-down) or volume and unitTimeHours (bottom-up), not both",
    });
  } else if (bottomUp) {
    for (const missing of ["volume", "unitTimeHours"] as const) {
      if (value[missing] === undefined) {
        context.addIssue({
          code: "custom",
          path: [missing],
          message: `"${missing}" is missing: a bottom-up activity needs both volume and unitTimeHours`,
        });
      }
    }
  } else if (value.share === undefined) {
    context.addIssue({
      code: "custom",
      path: [],
      message: "expected either volume and unitTimeHours (bottom-up) or share (top-down)",
    });
  }
});

/** A process; `supports` absent = a core process. */
export const processSchema = strictObject({
  id: id("a process"),
  name: localizedTextSchema,
  fixedShare: shareBelowOne,
  supportShare: shareBelowOne,
  individualAllowanceFte: nonNegative,
  supports: z.union([z.literal("all"), z.array(z.string())], { error: 'expected "all" or a list of process ids' }).optional(),
  activities: z.array(activitySchema).min(1, "expected at least one activity"),
});

/** `processes.json`. */
export const processesFileSchema = strictObject({
  processes: z.array(processSchema).min(1, "expected at least one process"),
});

// ---------------------------------------------------------------------------------------------
// levers.json

/** What a lever acts on: an activity of a process, or its fixed work (`"activity": "fixed"`), and the share it reaches. */
export const leverTargetSchema = strictObject({
  process: z.string(),
  activity: z.string(),
  reach: share,
});

const ceiling = z.number().gt(0, "expected a ceiling above 0, at most 1").max(1, "expected a ceiling above 0, at most 1");

/** Adoption curve by name: `logistic` or `bass`. */
export const adoptionSchema = z.discriminatedUnion("curve", [
  strictObject({
    curve: z.literal("logistic"),
    startYear: year,
    midpoint: z.number(),
    steepness: z.number().gt(0, "expected a steepness per year above 0"),
    ceiling,
  }).refine((value) => value.midpoint >= value.startYear, {
    path: ["midpoint"],
    message: "expected the midpoint at or after startYear",
  }),
  strictObject({
    curve: z.literal("bass"),
    startYear: year,
    p: z.number().gt(0, "expected a coefficient of innovation p above 0"),
    q: z.number().min(0, "expected a coefficient of imitation q ≥ 0"),
    ceiling,
  }),
]);

/** Development effort and capital expenditure; `years` may be 0 only when there is nothing to build. */
export const buildSchema = strictObject({
  startYear: year,
  years: z.int("expected a whole number of years").min(0, "expected a whole number of years ≥ 0"),
  personYears: nonNegative,
  capex: nonNegative,
}).refine((value) => value.years >= 1 || (value.personYears === 0 && value.capex === 0), {
  path: ["years"],
  message: "expected at least 1 year when personYears or capex is above 0",
});

/** A lever; `dip`, `upkeepFte`, `licencesPerYear`, `systemSavingsPerYear` default to 0, `distributions` to {}. */
export const leverSchema = strictObject({
  id: id("a lever"),
  name: localizedTextSchema,
  kind: z.enum(LEVER_KINDS),
  targets: z.array(leverTargetSchema).min(1, "expected at least one target"),
  efficiency: share,
  adoption: adoptionSchema,
  dip: nonNegative.default(0),
  build: buildSchema,
  upkeepFte: nonNegative.default(0),
  licencesPerYear: nonNegative.default(0),
  systemSavingsPerYear: nonNegative.default(0),
  distributions: z.record(z.string(), distributionSchema).default({}),
});

/** `levers.json` (the file is optional: missing = no levers). */
export const leversFileSchema = strictObject({
  levers: z.array(leverSchema),
});

// ---------------------------------------------------------------------------------------------
// scenarios/<id>.json

/** A scenario file; every field but `name` is optional. */
export const scenarioSchema = strictObject({
  name: localizedTextSchema,
  description: descriptionSchema.default({ sv: "", en: "" }),
  growthMultiplier: z.number().min(0, "expected a growth multiplier ≥ 0 (1 = the forecast growth)").default(1),
  driverGrowthRates: z.record(z.string(), z.number().min(-1, "expected a yearly growth rate ≥ −1")).default({}),
  levers: z.array(z.string()).default([]),
  set: z.record(z.string(), z.number()).default({}),
  uncertainty: z.record(z.string(), distributionSchema).default({}),
});

/** `municipality.json` after validation, defaults filled in. */
export type MunicipalityFile = z.output<typeof municipalitySchema>;
/** `processes.json` after validation, as written (activities not yet turned into workloads, `supports` not resolved). */
export type ProcessesFile = z.output<typeof processesFileSchema>;
/** `levers.json` after validation, defaults filled in. */
export type LeversFile = z.output<typeof leversFileSchema>;
/** A scenario file after validation, defaults filled in (the id comes from the file name). */
export type ScenarioFile = z.output<typeof scenarioSchema>;

// Compile-time check that the distribution schema produces exactly the model's Distribution type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const distributionSchemaMatchesType: Same<z.output<typeof distributionSchema>, Distribution> = true;
void distributionSchemaMatchesType;
