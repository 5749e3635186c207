/**
 * Valid ranges in words, and the years a package may name: what the zod schemas (`schema-parts.ts`)
 * and the model's own checks (`bounds.ts`, `parameters.ts`) say alike. Kept apart from the schemas
 * so that the model in the browser, which reads no files, does not load zod.
 */
import type { ParameterSpec } from "./registry.ts";

/** The years a package may name (the first and last), in any file. */
export const YEAR_RANGE = [1900, 2200] as const;

/** A number written for a person: a true minus sign, no exponent for the bounds used here. */
export function numberText(value: number): string {
  return value < 0 ? `−${String(-value)}` : String(value);
}

/** A spec's valid range in words: "from −10 to 10 (elasticity)". */
export function rangeText(spec: Pick<ParameterSpec, "bounds" | "unit">, range = spec.bounds): string {
  return `from ${numberText(range[0])} to ${numberText(range[1])} (${spec.unit})`;
}
