/**
 * Seeded random draws of the uncertain parameters, one column per parameter.
 *
 * The generators are stdlib's samplers (`samplers.ts`), each driven by its own 32-bit Mersenne
 * Twister (MT19937). A parameter's stream is seeded with the run's seed
 * followed by the parameter's path (MT19937's `init_by_array`), so its draws depend only on the seed, the path
 * and the distribution:
 *
 * - the same seed gives the same numbers to the last digit, on any machine and thread count;
 * - two scenarios that share an uncertain parameter get the same draws of it (common random
 *   numbers), so the difference between them is not blurred by sampling noise;
 * - adding an uncertain parameter does not change the draws of the others.
 */
import { distributionSchema } from "./distribution-schema.ts";
import { DISTRIBUTIONS, type Distribution } from "./distributions.ts";
import type { ParameterTable } from "./parameters.ts";
import { invalidOption, isRegistered } from "./registry.ts";
import { fillDraws } from "./samplers.ts";

/** Largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

/** The draws of a run's uncertain parameters, column by column. */
export interface ParameterDraws {
  /** Number of draws. */
  draws: number;
  /** The seed the columns were drawn with. */
  seed: number;
  /** Index of each uncertain parameter in the plan's parameter table, in table order. */
  parameters: Int32Array;
  /** Their paths, e.g. "levers.e_services.efficiency". */
  names: string[];
  /** Drawn values, clamped to the parameter's bounds: [column × draws + draw]. */
  values: Float64Array;
}

/**
 * Checks a seed and returns it: an integer from 0 to {@link MAX_SEED}.
 *
 * @throws RangeError naming the seed otherwise.
 */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`invalid seed: ${seed}; a seed is an integer from 0 to ${MAX_SEED}`);
  }
  return seed;
}

/**
 * The MT19937 seed array of one parameter's stream: the run's seed, then the UTF-16 code units of
 * the parameter's path.
 *
 * @example streamSeed(42, "dip") // Uint32Array [42, 100, 105, 112]
 */
export function streamSeed(seed: number, path: string): Uint32Array {
  const key = new Uint32Array(path.length + 1);
  key[0] = checkSeed(seed);
  for (let i = 0; i < path.length; i++) key[i + 1] = path.charCodeAt(i);
  return key;
}

/**
 * Rejects a distribution the file format would not accept (an unknown type, a parameter that is
 * not a finite number, min above mode …), naming the parameter's path.
 */
function checkDistribution(d: Distribution, path: string): void {
  if (!isRegistered(DISTRIBUTIONS, (d as { type?: unknown }).type)) {
    throw new RangeError(invalidOption(`distribution type for ${path}`, (d as { type?: unknown }).type, Object.keys(DISTRIBUTIONS)));
  }
  const parsed = distributionSchema.safeParse(d);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new RangeError(`invalid ${d.type} distribution for ${path}: ${field}${issue.message}`);
  }
}

/**
 * `count` seeded draws of one distribution into `out` (from `offset`), unclamped.
 *
 * @param path the parameter's path; it names the stream (see the module's description) and errors.
 * @throws RangeError for an unknown type, parameters out of order, or an invalid seed.
 * @example sampleDistribution({ type: "uniform", min: 0, max: 1 }, 3, 42, "x") // three numbers in [0, 1)
 */
export function sampleDistribution(
  distribution: Distribution,
  count: number,
  seed: number,
  path: string,
  out: Float64Array = new Float64Array(count),
  offset = 0,
): Float64Array {
  checkDistribution(distribution, path);
  fillDraws(distribution, streamSeed(seed, path), out, offset, offset + count);
  return out;
}

/**
 * Draws every uncertain parameter of a table `draws` times, clamped to the parameter's bounds.
 *
 * @param columns which of the uncertain parameters to draw (indices into `table.uncertain`); the
 *   default is all of them. A column's values do not depend on which others are drawn.
 * @param out where to write (length ≥ uncertain count × draws); columns not drawn are left as they are.
 */
export function sampleParameters(
  table: ParameterTable,
  draws: number,
  seed: number,
  columns?: Iterable<number>,
  out?: Float64Array,
): ParameterDraws {
  if (!Number.isInteger(draws) || draws < 1) throw new RangeError(`invalid draws: ${draws}; draws is an integer ≥ 1`);
  checkSeed(seed);
  const uncertain = table.uncertain;
  const values = out ?? new Float64Array(uncertain.length * draws);
  for (const j of columns ?? uncertain.keys()) {
    const { parameter, distribution } = uncertain[j]!;
    const lower = table.lower[parameter]!;
    const upper = table.upper[parameter]!;
    sampleDistribution(distribution, draws, seed, table.names[parameter]!, values, j * draws);
    for (let i = j * draws; i < (j + 1) * draws; i++) {
      const v = values[i]!;
      values[i] = v < lower ? lower : v > upper ? upper : v;
    }
  }
  return {
    draws,
    seed,
    parameters: Int32Array.from(uncertain, (u) => u.parameter),
    names: uncertain.map((u) => table.names[u.parameter]!),
    values,
  };
}
