/**
 * Zod schemas of the data package's JSON files, exactly the shapes described in `data/README.md`.
 *
 * A schema checks one file on its own: types, ranges (every number's from the table of bounds,
 * `bounds.ts`), unknown fields (a misspelt optional field would otherwise be silently replaced by
 * its default) and the defaults of optional fields.
 * Checks that need another file (driver ids, process ids, the base year) are done by
 * {@link parseDataPackage} in `parse-package.ts`. Messages say what was expected; the parser adds
 * the file, line, field and the value found.
 */
import { z } from "zod";
import { adoptionSchema } from "./adoption-schema.ts";
import { FILE_NUMBERS, PACKAGE_PARAMETERS } from "./bounds.ts";
import { DRIVER_TYPES } from "./data-package.ts";
import { distributionSchema } from "./distribution-schema.ts";
import { BUILD_YEARS, LEVER_KIND_NAMES, LEVER_OWN_PARAMETERS, REACH } from "./levers.ts";
import type { ParameterSpec } from "./registry.ts";
import { scenarioSchema } from "./scenario.ts";
import { boundedNumber, id, localizedTextSchema, strictObject, text, year } from "./schema-parts.ts";

const f = FILE_NUMBERS;
const p = PACKAGE_PARAMETERS;

/** A lever's own parameter's spec by name (`levers.ts`). */
function leverSpec(name: string): ParameterSpec {
  const spec = LEVER_OWN_PARAMETERS.find((s) => s.name === name);
  if (spec === undefined) throw new Error(`internal: no lever parameter ${name}`);
  return spec;
}

/** A record whose keys are ids (a key such as `__proto__` is refused, not lost when zod copies the record). */
function idRecord<V extends z.ZodType>(what: string, value: V) {
  return z.record(id(what), value);
}

// ---------------------------------------------------------------------------------------------
// municipality.json

/** WHO WISN available working time; the available days must be positive. */
export const workingTimeSchema = strictObject({
  workingDays: boundedNumber(f.workingDays, "a number of days"),
  holidays: boundedNumber(f.holidays, "a number of days"),
  leave: boundedNumber(f.leave, "a number of days"),
  sickness: boundedNumber(f.sickness, "a number of days"),
  otherAbsence: boundedNumber(f.otherAbsence, "a number of days").default(0),
  hoursPerDay: boundedNumber(f.hoursPerDay, "hours per day"),
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
  costPerFte: boundedNumber(p.costPerFte, "the cost of one FTE per year"),
  workingTime: workingTimeSchema,
  discountRate: boundedNumber(p.discountRate, "a discount rate per year (e.g. 0.035)"),
  horizon: year,
});

// ---------------------------------------------------------------------------------------------
// drivers.json

const age = z.int("expected a whole age such as 80").min(0, "expected an age from 0").max(150, "expected an age up to 150");

/**
 * What one driver is: its name, stock or flow (default stock), optionally its unit, and for a
 * count of residents its age band: `"ages": [from, to]`, completed ages on 31 December, `to` =
 * null for "and older" (e.g. `[80, 89]`, `[90, null]`).
 */
export const driverInfoSchema = strictObject({
  name: localizedTextSchema.optional(),
  type: z.enum(DRIVER_TYPES).default("stock"),
  unit: localizedTextSchema.optional(),
  ages: z
    .tuple([age, age.nullable()], { error: "expected [from, to], e.g. [80, 89], or [90, null] for 90 and older" })
    .refine(([from, to]) => to === null || to >= from, "expected the last age at or above the first")
    .optional(),
});

/** `drivers.json` (optional): driver id → what the driver is; drivers not listed are stocks named by their id. */
export const driversFileSchema = strictObject({
  drivers: idRecord("a driver", driverInfoSchema),
});

// ---------------------------------------------------------------------------------------------
// processes.json

/** An activity: bottom-up (`volume` and `unitTimeHours`) or top-down (`share`). */
export const activitySchema = strictObject({
  id: id("an activity"),
  name: localizedTextSchema,
  volume: boundedNumber(f.volume).optional(),
  unitTimeHours: boundedNumber(f.unitTimeHours).optional(),
  share: boundedNumber(f.activityShare).optional(),
  drivers: idRecord("a driver", boundedNumber(p.elasticity, "an elasticity")),
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
  fixedShare: boundedNumber(f.fixedShare),
  supportShare: boundedNumber(f.supportShare),
  individualAllowanceFte: boundedNumber(f.individualAllowanceFte, "individual allowances in FTE"),
  drift: boundedNumber(p.drift, "a yearly relative change (e.g. 0.01 for +1 % a year)").default(0),
  fixedDrivers: idRecord("a driver", boundedNumber(p.fixedElasticity, "an elasticity")).default({}),
  supports: z.union([z.literal("all"), z.array(z.string())], { error: 'expected "all" or a list of process ids' }).optional(),
  activities: z.array(activitySchema).min(1, "expected at least one activity"),
});

/** `processes.json`. */
export const processesFileSchema = strictObject({
  processes: z.array(processSchema).min(1, "expected at least one process"),
});

// ---------------------------------------------------------------------------------------------
// levers.json

/**
 * What a lever acts on: an activity of a process, or its fixed work (`"activity": "fixed"`), and the
 * share it reaches. `reach` may be left out when the lever gives it a distribution (the median rule).
 */
export const leverTargetSchema = strictObject({
  process: z.string(),
  activity: z.string(),
  reach: boundedNumber(REACH, "a reach").optional(),
});

/**
 * Development effort and capital expenditure; `years` may be 0 only when there is nothing to build
 * (checked here for the values given, in `parse-levers.ts` for those from distributions).
 */
export const buildSchema = strictObject({
  startYear: year,
  years: boundedNumber(BUILD_YEARS, "a number of years", true),
  personYears: boundedNumber(leverSpec("build.personYears"), "a number of person-years").optional(),
  capex: boundedNumber(leverSpec("build.capex")).optional(),
}).refine((value) => value.years >= 1 || ((value.personYears ?? 0) === 0 && (value.capex ?? 0) === 0), {
  path: ["years"],
  message: "expected at least 1 year when personYears or capex is above 0",
});

/**
 * A lever. Every numeric parameter may be left out when `distributions` gives it a distribution:
 * the forecast then uses the distribution's median, and a value given beside a distribution must
 * equal that median. Without a distribution, `dip`, `upkeepFte`, `licencesPerYear` and
 * `systemSavingsPerYear` default to 0; the others are required. `distributions` defaults to {}.
 */
export const leverSchema = strictObject({
  id: id("a lever"),
  name: localizedTextSchema,
  kind: z.enum(LEVER_KIND_NAMES),
  targets: z.array(leverTargetSchema).min(1, "expected at least one target"),
  efficiency: boundedNumber(leverSpec("efficiency"), "an efficiency").optional(),
  adoption: adoptionSchema,
  dip: boundedNumber(leverSpec("dip"), "a dip").optional(),
  build: buildSchema,
  upkeepFte: boundedNumber(leverSpec("upkeepFte"), "upkeep in FTE").optional(),
  licencesPerYear: boundedNumber(leverSpec("licencesPerYear")).optional(),
  systemSavingsPerYear: boundedNumber(leverSpec("systemSavingsPerYear")).optional(),
  distributions: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.]*$/, "expected a parameter name of the lever such as efficiency or adoption.midpoint"), distributionSchema).default({}),
});

/** `levers.json` (the file is optional: missing = no levers). */
export const leversFileSchema = strictObject({
  levers: z.array(leverSchema),
});

// ---------------------------------------------------------------------------------------------
// scenarios/<id>.json

/** A scenario file (`scenario.ts`); every field but `name` is optional. */
export const scenarioFileSchema = scenarioSchema();

/** `municipality.json` after validation, defaults filled in. */
export type MunicipalityFile = z.output<typeof municipalitySchema>;
/** `drivers.json` after validation, defaults filled in. */
export type DriversFile = z.output<typeof driversFileSchema>;
/** `processes.json` after validation, as written (activities not yet turned into workloads, `supports` not resolved). */
export type ProcessesFile = z.output<typeof processesFileSchema>;
/** `levers.json` after validation, defaults filled in. */
export type LeversFile = z.output<typeof leversFileSchema>;
/** A scenario file after validation, defaults filled in (the id comes from the file name). */
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
