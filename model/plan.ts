/**
 * The model plan: a data package and a scenario compiled into flat typed arrays.
 *
 * The plan holds the structure (which activity belongs to which process, which driver moves
 * which activity, which lever reaches which work) as indices, and every numeric assumption as an
 * index into the parameter table. {@link evaluate} runs the model on a plan and one vector of
 * parameter values, so a deterministic forecast and each Monte Carlo draw run the same code with
 * no objects created per run. A plan is plain data: it can be sent to a worker thread as it is.
 */
import { ADOPTION_CURVE_NAMES, ADOPTION_CURVES } from "./adoption.ts";
import type { AgeBand } from "./age-bands.ts";
import { type DataPackage, type DriverSeries, FIXED_WORK, type LocalizedText, type Population, type Process, type Scenario, SUPPORTED_FTE } from "./data-package.ts";
import { driverPath, lastActualYear, unknownDriverSet, withDriverSet } from "./drivers.ts";
import type { PackageError } from "./package-error.ts";
import { buildParameterTable, type ParameterTable } from "./parameters.ts";
import { availableHours, calibrateProcess, type ProcessCalibration } from "./workload.ts";

/** Offsets of a lever's parameters in {@link ModelPlan.leverParameter} (stride {@link LEVER_STRIDE}). */
export const L_EFFICIENCY = 0;
export const L_START = 1;
/** The adoption curve's first and second shape parameter (`adoption.ts`: e.g. the logistic midpoint and steepness). */
export const L_SHAPE_1 = 2;
export const L_SHAPE_2 = 3;
export const L_CEILING = 4;
export const L_DIP = 5;
export const L_PERSON_YEARS = 6;
export const L_CAPEX = 7;
export const L_UPKEEP = 8;
export const L_LICENCES = 9;
export const L_SYSTEM_SAVINGS = 10;
export const LEVER_STRIDE = 11;

/**
 * The cohort projection in a plan: run on every evaluation (its scale factors are parameters and
 * the scenario's growth multiplier scales its net migration), its bands drive these drivers after
 * the population's base year.
 */
export interface PopulationPlan {
  inputs: Pick<Population, "baseYear" | "base" | "assumptions" | "inMigrants">;
  /** Year index of the population's base year (its drivers' last history year). */
  startIndex: number;
  /** Driver index of each band the projection drives in this scenario (not replaced by a driver set or a growth rate). */
  driver: Int32Array;
  band: AgeBand[];
  /** Parameter indices of the scale factors (`population.<name>`). */
  fertility: number;
  mortality: number;
  inMigration: number;
  outMigration: number;
  /** Driver index of homes built (in-migration per dwelling), or −1. */
  dwellings: number;
}

export interface ModelPlan {
  scenarioId: string;
  /** Why the package's figures are illustrative (`municipality.json`), or null: every result repeats it. */
  illustrative: LocalizedText | null;
  baseYear: number;
  horizon: number;
  /** Years from the base year to the horizon, inclusive. */
  yearCount: number;
  parameters: ParameterTable;

  driverIds: string[];
  /** Driver value in the base year, per driver. */
  driverBase: Float64Array;
  /** Driver path before growth multipliers (growth rates applied), [driver × yearCount + year index]. */
  driverPath: Float64Array;
  /**
   * Year index of each driver's last actual year t_a (at least 0, the base year): years up to it
   * are never changed by a scenario; the growth multiplier acts after it.
   */
  driverAnchorIndex: Int32Array;
  /** Driver value in its last actual year, D(t_a). */
  driverAnchor: Float64Array;
  /** 1 for a flow driver (the multiplier scales its level), 0 for a stock (it scales the change since t_a). */
  driverIsFlow: Uint8Array;
  /** Parameter index of each driver's own growth multiplier. */
  driverMultiplier: Int32Array;
  /** Index of `residents` in `driverIds`, or −1. */
  residentsDriver: number;
  /** The cohort projection, when the package has a population. */
  population: PopulationPlan | null;

  processIds: string[];
  /** Process indices in dependency order: a support process after the processes it supports. */
  processOrder: Int32Array;
  calibration: ProcessCalibration[];
  /** Base-year fixed FTE and individual allowances per process. */
  fixedFte: Float64Array;
  allowanceFte: Float64Array;
  /** Parameter index of each process's drift. */
  processDrift: Int32Array;
  /** Driver terms of process p's fixed work are fixedTermStart[p] .. fixedTermStart[p+1] (none = constant). */
  fixedTermStart: Int32Array;
  /** Driver index of a fixed-work term, or −1 for the supported processes' FTE. */
  fixedTermDriver: Int32Array;
  /** Parameter index of the fixed-work term's elasticity. */
  fixedTermElasticity: Int32Array;
  /** Processes each process supports (CSR: supportedList[supportedStart[p] .. supportedStart[p+1]]). */
  supportedStart: Int32Array;
  supportedList: Int32Array;

  /** Activities grouped by process: activities of p are processActivityStart[p] .. [p+1]. */
  processActivityStart: Int32Array;
  activityIds: string[];
  /** Calibrated base-year FTE per activity. */
  activityFte: Float64Array;
  /** Driver terms of activity a are termStart[a] .. termStart[a+1]. */
  termStart: Int32Array;
  /** Driver index of a term, or −1 for the supported processes' FTE. */
  termDriver: Int32Array;
  /** Parameter index of the term's elasticity. */
  termElasticity: Int32Array;

  leverIds: string[];
  /** Each lever's adoption curve: its index in `ADOPTION_CURVE_LIST` (`adoption.ts`). */
  leverCurve: Uint8Array;
  /** Parameter indices, [lever × LEVER_STRIDE + offset]. */
  leverParameter: Int32Array;
  buildStart: Int32Array;
  buildYears: Int32Array;
  /** Targets of lever l are targetStart[l] .. targetStart[l+1]. */
  targetStart: Int32Array;
  targetLever: Int32Array;
  targetProcess: Int32Array;
  /** Activity index of a target, or −1 for the process's fixed work. */
  targetActivity: Int32Array;
  targetReach: Int32Array;
  /** Targets acting on activity a: activityTargetList[activityTargetStart[a] .. [a+1]]. */
  activityTargetStart: Int32Array;
  activityTargetList: Int32Array;
  /** Targets acting on the fixed work of process p. */
  fixedTargetStart: Int32Array;
  fixedTargetList: Int32Array;

  growthMultiplier: number;
  intensity: number;
  midpointShift: number;
  costPerFte: number;
  discountRate: number;
}

/** A driver's series in a scenario: its forecast from the scenario's driver set, when the set has it. */
function scenarioSeries(series: DriverSeries, set: { drivers: Record<string, { firstYear: number; values: number[] }> } | undefined, baseYear: number): DriverSeries {
  const values = set?.drivers[series.id];
  if (values === undefined) return series;
  return withDriverSet(series, values, lastActualYear(series, baseYear) + 1);
}

/** The population's part of a plan; `follows(d)`: whether driver d follows the projection in this scenario. */
function populationPlan(
  population: Population | undefined,
  baseYear: number,
  driverIndex: Map<string, number>,
  param: (name: string) => number,
  follows: (driver: string) => boolean,
): PopulationPlan | null {
  if (population === undefined) return null;
  const bands = population.bands.filter((b) => follows(b.driver));
  const { baseYear: start, base, assumptions, inMigrants } = population;
  return {
    inputs: { baseYear: start, base, assumptions, inMigrants },
    startIndex: start - baseYear,
    driver: Int32Array.from(bands, (b) => driverIndex.get(b.driver)!),
    band: bands.map((b) => b.band),
    fertility: param("population.fertility"),
    mortality: param("population.mortality"),
    inMigration: param("population.inMigration"),
    outMigration: param("population.outMigration"),
    dwellings: inMigrants.dwellingsDriver === undefined ? -1 : driverIndex.get(inMigrants.dwellingsDriver)!,
  };
}

/** Compressed rows: for each of `count` owners, the items whose owner is that index. */
function csr(count: number, owners: number[]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const o of owners) start[o + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, count);
  const list = new Int32Array(owners.length);
  owners.forEach((o, item) => {
    list[fill[o]!++] = item;
  });
  return { start, list };
}

/**
 * Processes in dependency order: a support process after those it supports. The parser has
 * already rejected support cycles (with file, line and field), so none can occur here.
 */
function dependencyOrder(processes: Process[]): number[] {
  const index = new Map(processes.map((p, i) => [p.id, i]));
  const placed = new Array<boolean>(processes.length).fill(false);
  const order: number[] = [];
  const place = (i: number): void => {
    if (placed[i]) return;
    placed[i] = true;
    for (const s of processes[i]!.supports) place(index.get(s)!);
    order.push(i);
  };
  processes.forEach((_, i) => place(i));
  return order;
}

/**
 * Compiles a validated package and one of its scenarios (or a scenario built elsewhere, e.g. from
 * an HTTP request) into a plan, or returns every problem in the scenario's parameters.
 */
export function compilePlan(
  pkg: DataPackage,
  scenario: Scenario,
): { ok: true; plan: ModelPlan } | { ok: false; errors: PackageError[] } {
  const file = `scenarios/${scenario.id}.json`;
  const references: PackageError[] = [
    ...scenario.levers
      .filter((id) => !pkg.levers.some((l) => l.id === id))
      .map((id) => ({
        file,
        field: "levers",
        message: `unknown lever "${id}"; the package's levers are ${pkg.levers.map((l) => l.id).join(", ") || "none"}`,
      })),
    ...Object.keys(scenario.driverGrowthRates)
      .filter((d) => !Object.hasOwn(pkg.drivers, d))
      .map((d) => ({
        file,
        field: `driverGrowthRates.${d}`,
        message: `unknown driver "${d}"; the package's drivers are ${Object.keys(pkg.drivers).join(", ")}`,
      })),
    ...(scenario.driverSet === undefined || Object.hasOwn(pkg.driverSets ?? {}, scenario.driverSet)
      ? []
      : [{ file, field: "driverSet", message: unknownDriverSet(scenario.driverSet, pkg.driverSets ?? {}) }]),
  ];
  if (references.length > 0) return { ok: false, errors: references };
  const built = buildParameterTable(pkg, scenario);
  if (!built.ok) return built;
  const parameters = built.table;
  const param = (name: string): number => {
    const i = parameters.index.get(name);
    if (i === undefined) throw new Error(`internal: parameter ${name} missing from the table`);
    return i;
  };
  const { baseYear } = pkg;
  const { horizon } = pkg.municipality;
  const yearCount = horizon - baseYear + 1;

  const driverIds = Object.keys(pkg.drivers);
  const driverIndex = new Map(driverIds.map((d, i) => [d, i]));
  const driverPaths = new Float64Array(driverIds.length * yearCount);
  const set = scenario.driverSet === undefined ? undefined : pkg.driverSets?.[scenario.driverSet];
  driverIds.forEach((d, i) => {
    const series = scenarioSeries(pkg.drivers[d]!, set, baseYear);
    driverPaths.set(driverPath(series, baseYear, horizon, scenario.driverGrowthRates[d]), i * yearCount);
  });
  const population = populationPlan(pkg.population, baseYear, driverIndex, param, (d) => set?.drivers[d] === undefined && scenario.driverGrowthRates[d] === undefined);

  const processes = pkg.processes;
  const processIndex = new Map(processes.map((p, i) => [p.id, i]));
  const hoursPerFte = availableHours(pkg.municipality.workingTime);
  const calibration = processes.map((p) => calibrateProcess(p, pkg.headcount[p.id]?.[baseYear] ?? 0, hoursPerFte));
  const supported = csr(
    processes.length,
    processes.flatMap((p, i) => p.supports.map(() => i)),
  );
  const supportedList = Int32Array.from(processes.flatMap((p) => p.supports.map((s) => processIndex.get(s)!)));

  const fixedTerms = processes.flatMap((p, pi) =>
    Object.keys(p.fixedDrivers).map((d) => ({
      pi,
      driver: d === SUPPORTED_FTE ? -1 : driverIndex.get(d)!,
      elasticity: param(`processes.${p.id}.fixed.elasticity.${d}`),
    })),
  );
  const activities = processes.flatMap((p, pi) => p.activities.map((a, ai) => ({ p, pi, a, ai })));
  const activityIndex = new Map(activities.map(({ p, a }, i) => [`${p.id}.${a.id}`, i]));
  const terms = activities.flatMap(({ p, a }, ai) =>
    Object.keys(a.drivers).map((d) => ({
      ai,
      driver: d === SUPPORTED_FTE ? -1 : driverIndex.get(d)!,
      elasticity: param(`processes.${p.id}.activities.${a.id}.elasticity.${d}`),
    })),
  );

  const levers = pkg.levers.filter((l) => scenario.levers.includes(l.id));
  const leverParameter = new Int32Array(levers.length * LEVER_STRIDE);
  levers.forEach((l, li) => {
    const at = (offset: number, name: string) => {
      leverParameter[li * LEVER_STRIDE + offset] = param(`levers.${l.id}.${name}`);
    };
    at(L_EFFICIENCY, "efficiency");
    at(L_START, "adoption.startYear");
    const [shape1, shape2] = ADOPTION_CURVES[l.adoption.curve].shape;
    at(L_SHAPE_1, shape1.name);
    at(L_SHAPE_2, shape2.name);
    at(L_CEILING, "adoption.ceiling");
    at(L_DIP, "dip");
    at(L_PERSON_YEARS, "build.personYears");
    at(L_CAPEX, "build.capex");
    at(L_UPKEEP, "upkeepFte");
    at(L_LICENCES, "licencesPerYear");
    at(L_SYSTEM_SAVINGS, "systemSavingsPerYear");
  });
  const targets = levers.flatMap((l, li) =>
    l.targets.map((t) => ({
      li,
      process: processIndex.get(t.process)!,
      activity: t.activity === FIXED_WORK ? -1 : activityIndex.get(`${t.process}.${t.activity}`)!,
      reach: param(`levers.${l.id}.reach.${t.process}.${t.activity}`),
    })),
  );
  const targetOfActivity = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.activity >= 0);
  const targetOfFixed = targets.map((t, i) => ({ t, i })).filter(({ t }) => t.activity < 0);
  const activityTargets = csr(
    activities.length,
    targetOfActivity.map(({ t }) => t.activity),
  );
  const fixedTargets = csr(
    processes.length,
    targetOfFixed.map(({ t }) => t.process),
  );

  return {
    ok: true,
    plan: {
      scenarioId: scenario.id,
      illustrative: pkg.municipality.illustrative ?? null,
      baseYear,
      horizon,
      yearCount,
      parameters,
      driverIds,
      driverBase: Float64Array.from(driverIds, (d) => {
        const s = pkg.drivers[d]!;
        return s.values[baseYear - s.firstYear] ?? NaN;
      }),
      driverPath: driverPaths,
      driverAnchorIndex: Int32Array.from(driverIds, (d) => lastActualYear(pkg.drivers[d]!, baseYear) - baseYear),
      driverAnchor: Float64Array.from(driverIds, (d) => {
        const s = pkg.drivers[d]!;
        return s.values[lastActualYear(s, baseYear) - s.firstYear] ?? NaN;
      }),
      driverIsFlow: Uint8Array.from(driverIds, (d) => (pkg.drivers[d]!.type === "flow" ? 1 : 0)),
      driverMultiplier: Int32Array.from(driverIds, (d) => param(`drivers.${d}.growthMultiplier`)),
      residentsDriver: driverIndex.get("residents") ?? -1,
      population,
      processIds: processes.map((p) => p.id),
      processOrder: Int32Array.from(dependencyOrder(processes)),
      calibration,
      fixedFte: Float64Array.from(calibration, (c) => c.fixedFte),
      allowanceFte: Float64Array.from(calibration, (c) => c.allowanceFte),
      processDrift: Int32Array.from(processes, (p) => param(`processes.${p.id}.drift`)),
      fixedTermStart: csr(
        processes.length,
        fixedTerms.map((t) => t.pi),
      ).start,
      fixedTermDriver: Int32Array.from(fixedTerms, (t) => t.driver),
      fixedTermElasticity: Int32Array.from(fixedTerms, (t) => t.elasticity),
      supportedStart: supported.start,
      supportedList,
      processActivityStart: csr(
        processes.length,
        activities.map(({ pi }) => pi),
      ).start,
      activityIds: activities.map(({ a }) => a.id),
      activityFte: Float64Array.from(activities, ({ pi, ai }) => calibration[pi]!.activityFte[ai] ?? 0),
      termStart: csr(
        activities.length,
        terms.map((t) => t.ai),
      ).start,
      termDriver: Int32Array.from(terms, (t) => t.driver),
      termElasticity: Int32Array.from(terms, (t) => t.elasticity),
      leverIds: levers.map((l) => l.id),
      leverCurve: Uint8Array.from(levers, (l) => ADOPTION_CURVE_NAMES.indexOf(l.adoption.curve)),
      leverParameter,
      buildStart: Int32Array.from(levers, (l) => l.build.startYear),
      buildYears: Int32Array.from(levers, (l) => l.build.years),
      targetStart: csr(
        levers.length,
        targets.map((t) => t.li),
      ).start,
      targetLever: Int32Array.from(targets, (t) => t.li),
      targetProcess: Int32Array.from(targets, (t) => t.process),
      targetActivity: Int32Array.from(targets, (t) => t.activity),
      targetReach: Int32Array.from(targets, (t) => t.reach),
      activityTargetStart: activityTargets.start,
      activityTargetList: Int32Array.from(activityTargets.list, (k) => targetOfActivity[k]!.i),
      fixedTargetStart: fixedTargets.start,
      fixedTargetList: Int32Array.from(fixedTargets.list, (k) => targetOfFixed[k]!.i),
      growthMultiplier: param("growthMultiplier"),
      intensity: param("levers.intensity"),
      midpointShift: param("levers.midpointShift"),
      costPerFte: param("costPerFte"),
      discountRate: param("discountRate"),
    },
  };
}
