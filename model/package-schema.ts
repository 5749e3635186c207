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
import { adoptionSchema } from "./adoption.ts";
import { DRIVER_TYPES } from "./data-package.ts";
import { distributionSchema } from "./distributions.ts";
import { LEVER_KIND_NAMES } from "./levers.ts";
import { scenarioSchema } from "./scenario.ts";
import { days, id, localizedTextSchema, nonNegative, share, shareBelowOne, strictObject, text, year } from "./schema-parts.ts";

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
// drivers.json

/** What one driver is: its name, stock or flow (default stock), and optionally its unit. */
export const driverInfoSchema = strictObject({
  name: localizedTextSchema.optional(),
  type: z.enum(DRIVER_TYPES).default("stock"),
  unit: localizedTextSchema.optional(),
});

/** `drivers.json` (optional): driver id → what the driver is; drivers not listed are stocks named by their id. */
export const driversFileSchema = strictObject({
  drivers: z.record(z.string(), driverInfoSchema),
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
  drift: z
    .number()
    .min(-0.5, "expected a yearly relative change from −0.5 to 0.5, e.g. 0.01 for +1 % a year")
    .max(0.5, "expected a yearly relative change from −0.5 to 0.5, e.g. 0.01 for +1 % a year")
    .default(0),
  fixedDrivers: z.record(z.string(), z.number()).default({}),
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
  reach: share.optional(),
});

/**
 * Development effort and capital expenditure; `years` may be 0 only when there is nothing to build
 * (checked here for the values given, in `parse-levers.ts` for those from distributions).
 */
export const buildSchema = strictObject({
  startYear: year,
  years: z.int("expected a whole number of years").min(0, "expected a whole number of years ≥ 0"),
  personYears: nonNegative.optional(),
  capex: nonNegative.optional(),
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
  efficiency: share.optional(),
  adoption: adoptionSchema,
  dip: nonNegative.optional(),
  build: buildSchema,
  upkeepFte: nonNegative.optional(),
  licencesPerYear: nonNegative.optional(),
  systemSavingsPerYear: nonNegative.optional(),
  distributions: z.record(z.string(), distributionSchema).default({}),
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
