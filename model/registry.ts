/**
 * Strategies chosen by name (adoption curves, distributions, lever kinds, goal-seek modes,
 * tornado outcomes, output formats) live in registries: plain objects from the name to what the
 * name means. One message rejects a name a registry does not have, listing the names it has, as
 * Observable Plot's `keyword()` does.
 */
import type { LocalizedText } from "./data-package.ts";

/** The unit of a parameter, for labels, formats and input controls. */
export type ParameterUnit =
  | "share"
  | "year"
  | "per year"
  | "factor"
  | "years"
  | "elasticity"
  | "FTE"
  | "person-years"
  | "FTE-years per FTE"
  | "currency"
  | "currency per FTE"
  | "currency per year"
  | "days"
  | "hours"
  | "hours per day"
  | "count"
  | "count per year";

/**
 * A numeric input of the package's files or a scenario (a parameter of the model, or a number
 * that is not one, such as a driver's value): its name, unit, valid range, plausible range and
 * label. `model/bounds.ts` lists them all; every reader of a number checks it against its spec.
 */
export interface ParameterSpec {
  /** Name relative to the owner, e.g. "adoption.midpoint" relative to a lever. */
  name: string;
  unit: ParameterUnit;
  /**
   * Smallest and largest valid value, always finite: a value outside is an error wherever it is
   * written (a package file, a scenario's `set`, a request), and draws are clamped to these.
   */
  bounds: readonly [number, number];
  /**
   * Smallest and largest plausible value (within `bounds`): a value outside is valid but most
   * likely a mistake, a warning in the validation report. Absent: every valid value is plausible.
   */
  plausible?: readonly [number, number];
  /** The parameter in words, lower case (it follows its owner's name): "mittpunkt". */
  label: LocalizedText;
  /**
   * The range of a slider for it in the web app (`years`: the package's years after the base
   * year); none when the app offers no slider.
   */
  slider?: { min: number; max: number; step: number } | { years: true; step: number };
}

/**
 * The message for a value that is not one of the valid names.
 *
 * @example invalidOption("adoption curve", "gompertz", ["logistic", "bass"])
 *   // 'invalid adoption curve: "gompertz" (expected one of logistic, bass)'
 */
export function invalidOption(option: string, value: unknown, valid: readonly string[]): string {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return `invalid ${option}: ${shown} (expected one of ${valid.join(", ")})`;
}

/** Whether `name` is one of the registry's own names (never an inherited property such as "constructor"). */
export function isRegistered<R extends object>(registry: R, name: unknown): name is keyof R & string {
  return typeof name === "string" && Object.hasOwn(registry, name);
}

/**
 * The name itself, typed as one of the registry's names.
 *
 * @throws RangeError with {@link invalidOption}'s message when the registry has no such name.
 * @example chooseOption(ADOPTION_CURVES, "adoption curve", "bass") // "bass"
 */
export function chooseOption<R extends object>(registry: R, option: string, name: unknown): keyof R & string {
  if (!isRegistered(registry, name)) throw new RangeError(invalidOption(option, name, Object.keys(registry)));
  return name;
}
