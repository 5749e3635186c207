/**
 * The distributions as the package's files and the API write them (`{ type, ... }`,
 * `data/README.md`): one zod schema per distribution of the registry (`distributions.ts`), with
 * its parameters' rules. The distributions' type is inferred from here.
 *
 * Apart from the registry so that the model in the browser, which reads no files, does not load zod.
 */
import { z } from "zod";
import { strictObject } from "./schema-parts.ts";

/** min ≤ mode ≤ max, reported at `mode`. */
function minModeMax(value: { min: number; mode: number; max: number }, context: z.core.$RefinementCtx) {
  if (value.min > value.mode || value.mode > value.max) {
    context.addIssue({
      code: "custom",
      path: ["mode"],
      message: `expected min ≤ mode ≤ max, found min ${value.min}, mode ${value.mode}, max ${value.max}`,
    });
  }
}

/** Each distribution's parameters and their rules, by the distribution's name. */
export const DISTRIBUTION_SCHEMAS = {
  triangular: strictObject({ type: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number() }).superRefine(minModeMax),
  pert: strictObject({ type: z.literal("pert"), min: z.number(), mode: z.number(), max: z.number() }).superRefine(minModeMax),
  normal: strictObject({ type: z.literal("normal"), mean: z.number(), sd: z.number().min(0, "expected a standard deviation ≥ 0") }),
  lognormal: strictObject({ type: z.literal("lognormal"), mu: z.number(), sigma: z.number().min(0, "expected a sigma ≥ 0") }),
  uniform: strictObject({ type: z.literal("uniform"), min: z.number(), max: z.number() }).refine((d) => d.min <= d.max, {
    path: ["max"],
    message: "expected max ≥ min",
  }),
};

export type DistributionType = keyof typeof DISTRIBUTION_SCHEMAS;

type DistributionSchema = (typeof DISTRIBUTION_SCHEMAS)[DistributionType];

/** `{ type, ... }`: a distribution as the package's files and the API write it, chosen by `type`. */
export const distributionSchema = z.discriminatedUnion("type", Object.values(DISTRIBUTION_SCHEMAS) as unknown as [DistributionSchema, ...DistributionSchema[]]);

export type Distribution = z.output<typeof distributionSchema>;
