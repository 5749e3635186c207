/**
 * The parameter table: every numeric assumption a scenario can override or make uncertain, by path.
 *
 * A forecast is a function of a data package's structure and of this table's values, so a scenario's
 * `set`, a Monte Carlo draw, a tornado swing and a goal seek all work by changing values here. The
 * paths are listed in `data/README.md`.
 */
import { type DataPackage, defaultScenario, type Lever, type Scenario } from "./data-package.ts";
import type { Distribution } from "./distributions.ts";
import type { PackageError } from "./package-error.ts";

export interface ParameterTable {
  /** Parameter paths, e.g. "levers.e_services.efficiency". */
  names: string[];
  /** Point values: the package's values after the scenario's `set`. */
  values: Float64Array;
  /** Smallest and largest meaningful value of each parameter; draws are clamped to these. */
  lower: Float64Array;
  upper: Float64Array;
  /** Path → index into `values`. */
  index: Map<string, number>;
  /** The uncertain parameters and their distributions, in table order. */
  uncertain: { parameter: number; distribution: Distribution }[];
}

interface Entry {
  name: string;
  value: number;
  lower: number;
  upper: number;
}

const SHARE = [0, 1] as const;
const NON_NEGATIVE = [0, Infinity] as const;
const ANY = [-Infinity, Infinity] as const;
/**
 * The largest elasticity accepted (in absolute value): a driver that doubles would multiply the
 * work by 2^10 ≈ 1,000, far past anything a municipality's history supports, while larger values
 * overflow the arithmetic.
 */
const ELASTICITY_LIMIT = 10;

/** The parameters of one lever, relative to `levers.<id>.`, with their bounds. */
function leverEntries(lever: Lever, firstYear: number): Entry[] {
  const entry = (name: string, value: number, [lower, upper]: readonly [number, number]): Entry => ({
    name: `levers.${lever.id}.${name}`,
    value,
    lower,
    upper,
  });
  const a = lever.adoption;
  const curve =
    a.curve === "logistic"
      ? [
          entry("adoption.startYear", a.startYear, [firstYear, Infinity]),
          entry("adoption.midpoint", a.midpoint, ANY),
          entry("adoption.steepness", a.steepness, [1e-6, Infinity]),
          entry("adoption.ceiling", a.ceiling, SHARE),
        ]
      : [
          entry("adoption.startYear", a.startYear, [firstYear, Infinity]),
          entry("adoption.p", a.p, [1e-9, Infinity]),
          entry("adoption.q", a.q, NON_NEGATIVE),
          entry("adoption.ceiling", a.ceiling, SHARE),
        ];
  return [
    entry("efficiency", lever.efficiency, SHARE),
    entry("dip", lever.dip, NON_NEGATIVE),
    entry("upkeepFte", lever.upkeepFte, NON_NEGATIVE),
    entry("licencesPerYear", lever.licencesPerYear, NON_NEGATIVE),
    entry("systemSavingsPerYear", lever.systemSavingsPerYear, NON_NEGATIVE),
    ...curve,
    entry("build.personYears", lever.build.personYears, NON_NEGATIVE),
    entry("build.capex", lever.build.capex, NON_NEGATIVE),
    ...lever.targets.map((t) => entry(`reach.${t.process}.${t.activity}`, t.reach, SHARE)),
  ];
}

/** The parameter names a lever's `distributions` may use, relative to `levers.<id>.`. */
export function leverParameterNames(lever: Lever): string[] {
  const prefix = `levers.${lever.id}.`.length;
  return leverEntries(lever, 0).map((e) => e.name.slice(prefix));
}

/** The parameter table's entries for a package and a scenario's active levers, before `set`. */
function entries(pkg: DataPackage, levers: Lever[]): Entry[] {
  const m = pkg.municipality;
  return [
    { name: "growthMultiplier", value: 1, lower: 0, upper: Infinity },
    ...Object.keys(pkg.drivers).map((d) => ({
      name: `drivers.${d}.growthMultiplier`,
      value: 1,
      lower: 0,
      upper: Infinity,
    })),
    { name: "costPerFte", value: m.costPerFte, lower: 0, upper: Infinity },
    { name: "discountRate", value: m.discountRate, lower: -0.99, upper: Infinity },
    ...pkg.processes.flatMap((p) =>
      p.activities.flatMap((a) =>
        Object.entries(a.drivers).map(([d, e]) => ({
          name: `processes.${p.id}.activities.${a.id}.elasticity.${d}`,
          value: e,
          lower: -ELASTICITY_LIMIT,
          upper: ELASTICITY_LIMIT,
        })),
      ),
    ),
    { name: "levers.intensity", value: 1, lower: 0, upper: Infinity },
    { name: "levers.midpointShift", value: 0, lower: -Infinity, upper: Infinity },
    ...levers.flatMap((l) => leverEntries(l, pkg.baseYear + 1)),
  ];
}

/** Every parameter of a package, with all its levers active, at the package's values. */
export function packageParameters(pkg: DataPackage): ParameterTable {
  const all = defaultScenario("all", { sv: "Alla hävstänger", en: "All levers" }, pkg.levers.map((l) => l.id));
  const built = buildParameterTable(pkg, all);
  if (!built.ok) throw new Error(`internal: the package's own parameters did not build: ${built.errors[0]?.message}`);
  return built.table;
}

/** Up to three known paths that share the most leading segments with an unknown one. */
function similarPaths(path: string, names: string[]): string[] {
  const segments = path.split(".");
  const shared = (name: string) => {
    const other = name.split(".");
    let n = 0;
    while (n < segments.length && n < other.length && segments[n] === other[n]) n++;
    return n;
  };
  return [...names].sort((a, b) => shared(b) - shared(a)).slice(0, 3);
}

/**
 * Builds the parameter table for a scenario: the package's values, the scenario's growth
 * multiplier, its `set` overrides, and the distributions from the active levers and the scenario.
 *
 * Returns every problem found (unknown paths, values out of range) instead of a table when there is any.
 */
export function buildParameterTable(
  pkg: DataPackage,
  scenario: Scenario,
): { ok: true; table: ParameterTable } | { ok: false; errors: PackageError[] } {
  const file = `scenarios/${scenario.id}.json`;
  const levers = pkg.levers.filter((l) => scenario.levers.includes(l.id));
  const list = entries(pkg, levers);
  const names = list.map((e) => e.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const values = Float64Array.from(list, (e) => e.value);
  const lower = Float64Array.from(list, (e) => e.lower);
  const upper = Float64Array.from(list, (e) => e.upper);
  const errors: PackageError[] = [];

  const resolve = (path: string, field: string, source: string): number | undefined => {
    const i = index.get(path);
    if (i === undefined) {
      const inactive = pkg.levers.some((l) => path.startsWith(`levers.${l.id}.`) && !scenario.levers.includes(l.id));
      errors.push({
        file: source,
        field,
        message: inactive
          ? `"${path}" belongs to a lever that is not active in scenario "${scenario.id}"`
          : `unknown parameter "${path}"; similar parameters: ${similarPaths(path, names).join(", ")}`,
      });
    }
    return i;
  };

  const growth = index.get("growthMultiplier") ?? 0;
  values[growth] = scenario.growthMultiplier;
  for (const [path, value] of Object.entries(scenario.set)) {
    const i = resolve(path, `set.${path}`, file);
    if (i === undefined) continue;
    const lo = lower[i] ?? -Infinity;
    const hi = upper[i] ?? Infinity;
    if (!(value >= lo && value <= hi)) {
      errors.push({ file, field: `set.${path}`, message: `${value} is outside the valid range ${lo} to ${hi}` });
      continue;
    }
    values[i] = value;
  }

  const uncertain = new Map<number, Distribution>();
  for (const lever of levers) {
    for (const [key, distribution] of Object.entries(lever.distributions)) {
      const i = resolve(`levers.${lever.id}.${key}`, `levers[${lever.id}].distributions.${key}`, "levers.json");
      if (i !== undefined) uncertain.set(i, distribution);
    }
  }
  for (const [path, distribution] of Object.entries(scenario.uncertainty)) {
    const i = resolve(path, `uncertainty.${path}`, file);
    if (i !== undefined) uncertain.set(i, distribution);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    table: {
      names,
      values,
      lower,
      upper,
      index,
      uncertain: [...uncertain.entries()]
        .sort(([a], [b]) => a - b)
        .map(([parameter, distribution]) => ({ parameter, distribution })),
    },
  };
}
