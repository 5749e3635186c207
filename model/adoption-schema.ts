/**
 * The adoption curves' objects in `levers.json` (`adoption`), one zod schema per curve of the
 * registry (`adoption.ts`): `curve` (the name), `startYear`, the two shape parameters, `ceiling`,
 * each held to its parameter's bounds. A number may be left out when the lever gives it a
 * distribution (the median rule, `parse-levers.ts`), so rules between two numbers hold where both
 * are known; the parser checks the resolved curve with the same schema.
 *
 * Apart from the registry so that the model in the browser, which reads no files, does not load zod.
 */
import { z } from "zod";
import { ADOPTION_CEILING, ADOPTION_CURVES, ADOPTION_START, type AdoptionCurve } from "./adoption.ts";
import { boundedNumber, strictObject } from "./schema-parts.ts";

const startYear = boundedNumber(ADOPTION_START, "a start year", true).optional();
const ceiling = boundedNumber(ADOPTION_CEILING, "a ceiling").optional();
const [MIDPOINT, STEEPNESS] = ADOPTION_CURVES.logistic.shape;
const [BASS_P, BASS_Q] = ADOPTION_CURVES.bass.shape;

/** Each curve's object, by the curve's name: every curve of the registry has one. */
export const ADOPTION_CURVE_SCHEMAS = {
  logistic: strictObject({
    curve: z.literal("logistic"),
    startYear,
    midpoint: boundedNumber(MIDPOINT, "a midpoint year").optional(),
    steepness: boundedNumber(STEEPNESS, "a steepness").optional(),
    ceiling,
  }).refine((value) => value.midpoint === undefined || value.startYear === undefined || value.midpoint >= value.startYear, {
    path: ["midpoint"],
    message: "expected the midpoint at or after startYear",
  }),
  bass: strictObject({
    curve: z.literal("bass"),
    startYear,
    p: boundedNumber(BASS_P, "a coefficient of innovation p").optional(),
    q: boundedNumber(BASS_Q, "a coefficient of imitation q").optional(),
    ceiling,
  }),
} satisfies Record<AdoptionCurve, z.ZodType<{ curve: AdoptionCurve; startYear?: number | undefined; ceiling?: number | undefined }>>;

type CurveSchema = (typeof ADOPTION_CURVE_SCHEMAS)[AdoptionCurve];

/** `adoption` in `levers.json`: one of the curves' objects, chosen by `curve`. */
export const adoptionSchema = z.discriminatedUnion("curve", Object.values(ADOPTION_CURVE_SCHEMAS) as unknown as [CurveSchema, ...CurveSchema[]]);

/** `adoption` as `levers.json` writes it: a number may be missing where a distribution gives it. */
export type AdoptionFile = z.output<typeof adoptionSchema>;
