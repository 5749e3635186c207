/**
 * The parameter table: every numeric assumption a scenario can override or make uncertain, by path.
 *
 * A forecast is a function of a data package's structure and of this table's values, so a scenario's
 * `set`, a Monte Carlo draw, a tornado swing and a goal seek all work by changing values here. The
 * paths are listed in `data/README.md`.
 */
import { ADOPTION_START } from "./adoption.ts";
import { distributionOutside, implausible, PACKAGE_PARAMETERS, POPULATION_PARAMETERS } from "./bounds.ts";
import { type DataPackage, type Lever, POPULATION_SCALES } from "./data-package.ts";
import type { Distribution } from "./distributions.ts";
import { type LeverShape, leverParameters, leverValue } from "./levers.ts";
import { equalsMedian, median, medianMismatch, medianOutOfRange, shortNumber } from "./median-rule.ts";
import { type PackageError, quoted } from "./package-error.ts";
import type { ParameterSpec } from "./registry.ts";
import { defaultScenario } from "./assumptions.ts";
import type { Scenario } from "./scenario.ts";
import { rangeText, YEAR_RANGE } from "./ranges.ts";

export interface ParameterTable {
  /** Parameter paths, e.g. "levers.e_services.efficiency". */
  names: string[];
  /**
   * Point values, the deterministic run's: the package's values after the scenario's `set`, and
   * for every uncertain parameter the median of its distribution (the median rule).
   */
  values: Float64Array;
  /** Smallest and largest meaningful value of each parameter; draws are clamped to these. */
  lower: Float64Array;
  upper: Float64Array;
  /** Each parameter's spec (unit, valid and plausible range, label), from the table of bounds (`bounds.ts`). */
  specs: ParameterSpec[];
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
  spec: ParameterSpec;
}

/** An entry of the table from a spec, under its full path. */
function entry(spec: ParameterSpec, name: string, value: number, bounds = spec.bounds): Entry {
  return { name, value, lower: bounds[0], upper: bounds[1], spec };
}

/** The parameters of one lever, under `levers.<id>.`, with their bounds; the start year no earlier than `firstYear`. */
function leverEntries(lever: Lever, firstYear: number): Entry[] {
  return leverParameters(lever).map((spec) =>
    entry(spec, `levers.${lever.id}.${spec.name}`, leverValue(lever, spec) ?? NaN, spec.name === ADOPTION_START.name ? [firstYear, YEAR_RANGE[1]] : spec.bounds),
  );
}

/** The parameter names a lever's `distributions` may use, relative to `levers.<id>.`. */
export function leverParameterNames(lever: LeverShape): string[] {
  return leverParameters(lever).map((spec) => spec.name);
}

/** The parameter table's entries for a package and a scenario's active levers, before `set`. */
function entries(pkg: DataPackage, levers: Lever[]): Entry[] {
  const m = pkg.municipality;
  const p = PACKAGE_PARAMETERS;
  return [
    entry(p.growthMultiplier, "growthMultiplier", 1),
    ...Object.keys(pkg.drivers).map((d) => entry(p.driverGrowthMultiplier, `drivers.${d}.growthMultiplier`, 1)),
    entry(p.costPerFte, "costPerFte", m.costPerFte),
    entry(p.discountRate, "discountRate", m.discountRate),
    ...pkg.processes.flatMap((process) => [
      entry(p.drift, `processes.${process.id}.drift`, process.drift),
      ...Object.entries(process.fixedDrivers).map(([d, e]) => entry(p.fixedElasticity, `processes.${process.id}.fixed.elasticity.${d}`, e)),
      ...process.activities.flatMap((a) =>
        Object.entries(a.drivers).map(([d, e]) => entry(p.elasticity, `processes.${process.id}.activities.${a.id}.elasticity.${d}`, e)),
      ),
    ]),
    ...(pkg.population === undefined ? [] : POPULATION_SCALES.map((name) => entry(POPULATION_PARAMETERS[name], POPULATION_PARAMETERS[name].name, 1))),
    entry(p.intensity, "levers.intensity", 1),
    entry(p.midpointShift, "levers.midpointShift", 0),
    ...levers.flatMap((l) => leverEntries(l, pkg.baseYear + 1)),
  ];
}

/** An uncertain parameter in the making: its distribution, where it was given, and its median and range check once known. */
interface Uncertain {
  distribution: Distribution;
  field: string;
  source: string;
  /** The median and the message for a distribution outside the parameter's range, or undefined until computed. */
  point?: { median: number; outside: string | undefined };
}

/** A distribution the package gives (a lever's or the population's), under the parameter path it makes uncertain. */
interface PackageDistribution extends Uncertain {
  path: string;
  /** The parameter's index, or undefined for a path the table does not have (reported on every build). */
  parameter: number | undefined;
}

/**
 * The table's parts that depend only on the package and the active levers, before the scenario,
 * and the package's distributions with their medians, which are the same for every scenario.
 */
type BaseTable = Pick<ParameterTable, "names" | "index" | "values" | "lower" | "upper" | "specs"> & { distributions: PackageDistribution[] };

/** The median of a parameter's distribution, and the message when the distribution or its median is outside the parameter's range. */
function pointOf(table: Pick<ParameterTable, "lower" | "upper" | "specs">, i: number, distribution: Distribution): NonNullable<Uncertain["point"]> {
  const outside = distributionOutside(distribution, table.specs[i]!) ?? medianOutOfRange(distribution, [table.lower[i] ?? -Infinity, table.upper[i] ?? Infinity]);
  return { median: median(distribution), outside };
}

/** The active levers' distributions, then the population's, in that order. */
function packageDistributions(pkg: DataPackage, levers: Lever[], table: Pick<ParameterTable, "index" | "lower" | "upper" | "specs">): PackageDistribution[] {
  const given: Omit<PackageDistribution, "parameter" | "point">[] = [];
  for (const lever of levers) {
    for (const [key, distribution] of Object.entries(lever.distributions)) {
      given.push({ path: `levers.${lever.id}.${key}`, field: `levers[${lever.id}].distributions.${key}`, source: "levers.json", distribution });
    }
  }
  for (const [name, distribution] of Object.entries(pkg.population?.distributions ?? {})) {
    given.push({ path: `population.${name}`, field: `distributions.${name}`, source: "population/population.json", distribution });
  }
  return given.map((d) => {
    const parameter = table.index.get(d.path);
    return { ...d, parameter, ...(parameter === undefined ? {} : { point: pointOf(table, parameter, d.distribution) }) };
  });
}

/**
 * Base tables by package and active levers. A server builds a table for every request with new
 * assumptions; the package is parsed once and not changed after, so its base tables are kept with
 * it (and shared: callers copy `values` before changing it and never change the rest).
 */
const baseTables = new WeakMap<DataPackage, Map<string, BaseTable>>();

function baseTable(pkg: DataPackage, levers: Lever[]): BaseTable {
  let byLevers = baseTables.get(pkg);
  if (!byLevers) {
    byLevers = new Map();
    baseTables.set(pkg, byLevers);
  }
  const key = levers.map((l) => l.id).join("\n");
  let base = byLevers.get(key);
  if (!base) {
    const list = entries(pkg, levers);
    const names = list.map((e) => e.name);
    const table = {
      names,
      index: new Map(names.map((n, i) => [n, i])),
      values: Float64Array.from(list, (e) => e.value),
      lower: Float64Array.from(list, (e) => e.lower),
      upper: Float64Array.from(list, (e) => e.upper),
      specs: list.map((e) => e.spec),
    };
    base = { ...table, distributions: packageDistributions(pkg, levers, table) };
    byLevers.set(key, base);
  }
  return base;
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
 * multiplier, its `set` overrides, and the distributions from the active levers (except for a
 * parameter the scenario sets, which the scenario decides) and from the scenario (which take
 * precedence). Every uncertain parameter's point value is its distribution's median; a value the
 * scenario gives beside its own distribution must equal that median.
 *
 * Returns every problem found (unknown paths, values out of range, a point value that is not its
 * distribution's median) instead of a table when there is any.
 */
export function buildParameterTable(
  pkg: DataPackage,
  scenario: Scenario,
): { ok: true; table: ParameterTable } | { ok: false; errors: PackageError[] } {
  const file = `scenarios/${scenario.id}.json`;
  const levers = pkg.levers.filter((l) => scenario.levers.includes(l.id));
  const base = baseTable(pkg, levers);
  const { names, index, lower, upper, specs } = base;
  const values = base.values.slice();
  const errors: PackageError[] = [];

  const resolve = (path: string, field: string, source: string): number | undefined => {
    const i = index.get(path);
    if (i === undefined) {
      const inactive = pkg.levers.some((l) => path.startsWith(`levers.${l.id}.`) && !scenario.levers.includes(l.id));
      errors.push({
        file: source,
        field,
        message: inactive
          ? `${quoted(path)} belongs to a lever that is not active in scenario "${scenario.id}"`
          : `unknown parameter ${quoted(path)}; similar parameters: ${similarPaths(path, names).join(", ")}`,
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
      errors.push({ file, field: `set.${path}`, message: `${shortNumber(value)} is outside the valid range ${rangeText(specs[i]!, [lo, hi])}` });
      continue;
    }
    values[i] = value;
  }

  // The uncertain parameters: the active levers' distributions, unless the scenario sets the value
  // (a value the scenario decides is certain), and the scenario's own, which take precedence.
  const uncertain = new Map<number, Uncertain>();
  for (const given of base.distributions) {
    const i = given.parameter ?? resolve(given.path, given.field, given.source);
    if (i !== undefined && !Object.hasOwn(scenario.set, given.path)) uncertain.set(i, given);
  }
  for (const [path, distribution] of Object.entries(scenario.uncertainty)) {
    const i = resolve(path, `uncertainty.${path}`, file);
    if (i === undefined) continue;
    uncertain.set(i, { distribution, field: `uncertainty.${path}`, source: file });
    // A distribution that does not fit the range is reported below, and alone (its median means nothing).
    if (distributionOutside(distribution, specs[i]!) !== undefined) continue;
    // The median rule: a point value the scenario gives beside the distribution must be its median.
    const given = path === "growthMultiplier" ? { field: "growthMultiplier", value: scenario.growthMultiplier } : undefined;
    const set = Object.hasOwn(scenario.set, path) ? { field: `set.${path}`, value: scenario.set[path]! } : given;
    const mismatch = set && medianMismatch(set.field, set.value, `uncertainty.${path}`, distribution);
    if (mismatch) errors.push({ file, field: set.field, message: mismatch });
  }
  // The deterministic run uses each uncertain parameter's median.
  for (const [i, { distribution, field, source, point }] of uncertain) {
    const { median: m, outside } = point ?? pointOf(base, i, distribution);
    if (outside !== undefined) errors.push({ file: source, field, message: outside });
    // a value that already is the median to within MEDIAN_TOLERANCE (a value given beside its
    // distribution, or a lever's value resolved when levers.json was read) stays as written
    if (!equalsMedian(values[i]!, m)) values[i] = m;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    table: {
      names,
      values,
      lower,
      upper,
      specs,
      index,
      uncertain: [...uncertain.entries()]
        .sort(([a], [b]) => a - b)
        .map(([parameter, { distribution }]) => ({ parameter, distribution })),
    },
  };
}

/**
 * The scenario's `set` values that are valid but outside their plausible range (`bounds.ts`), as
 * warnings by parameter path.
 */
export function implausibleSettings(table: ParameterTable, scenario: Scenario): { path: string; message: string }[] {
  return Object.entries(scenario.set).flatMap(([path, value]) => {
    const i = table.index.get(path);
    const message = i === undefined ? undefined : implausible(table.specs[i]!, value);
    return message === undefined ? [] : [{ path, message }];
  });
}
