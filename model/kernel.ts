/**
 * The model's kernel specialised to one plan: the arithmetic of {@link evaluate} (`evaluate.ts`,
 * the readable reference, model/README.md sections 2–6) generated as JavaScript for a plan, with
 * the plan's structure unrolled and the certain parameters folded in, so that a Monte Carlo draw
 * runs only the arithmetic that can change from one draw to the next.
 *
 * What the generator does, and why each keeps the numbers identical to the last bit:
 *
 * - Every index is a literal and every parameter that does not vary between runs (not in
 *   `variable`) is a literal: the same double, so the same arithmetic.
 * - Rows that depend only on certain parameters (driver log ratios, adoption curves, drift
 *   factors, the growth of activities whose drivers and elasticities are certain) are computed
 *   once, when the kernel is built, by the same expressions as the reference, and kept.
 * - Years up to a driver's last actual year are the package's, so their logarithms are computed
 *   once too; a driver that follows the population is computed once whole when the population's
 *   inputs and its multiplier are certain.
 * - Activities whose growth has the same drivers and the same elasticities (the same parameter,
 *   or equal certain values) share one growth row, computed once per run ("twins").
 * - Per-run values (a lever's reach × efficiency, 1 + drift) are locals computed once, outside the
 *   year loop; sums are written in the reference's order, starting from 0, so rounding is the same.
 * - A factor that is exactly 1 for every year (no drift, no growth) is left out: x × 1 = x.
 * - Values used within one year loop stay locals there: a process that supports none gets its
 *   delivery in its baseline's loop, and levers run in groups sharing one loop whose rows
 *   (development, transition, the money totals) are locals, stored once a year.
 *
 * The code is emitted in blocks (one per driver, lever group, process and phase) packed into functions of
 * at most {@link CHUNK_CHARACTERS} characters, well under V8's limit for optimising one function
 * (61,440 bytes of bytecode, beyond which a function runs many times slower), so a package ten times
 * Nacka's is as fast per activity. Blocks share values through one Float64Array (`X`) at literal
 * offsets and through the workspace.
 *
 * The kernel writes the workspace's outputs (residents, adoption, FTE per process, the totals, money,
 * NPV, the hump), not the reference's intermediate arrays (activity and target rows), and for a
 * Monte Carlo draw the draw's rows of the columns too, as it computes them. Tests compare
 * it with {@link evaluate} on Nacka, a package ten times larger and random packages.
 *
 * Code generation needs `new Function`; where a content security policy forbids it (the browser),
 * {@link kernelFor} falls back to the reference {@link evaluate}, which gives the same numbers.
 */
import { ADOPTION_CURVE_LIST } from "./adoption.ts";
import { type BandProjector, bandProjector } from "./cohort-bands.ts";
import { populationDriverPaths } from "./cohort-drivers.ts";
import { scenarioDriver } from "./drivers.ts";
import type { MonteCarloColumns } from "./draw-columns.ts";
import { createWorkspace, evaluate, type Workspace } from "./evaluate.ts";
import { MATERIAL_AMOUNT, netPresentValue } from "./investment.ts";
import {
  L_CAPEX,
  L_CEILING,
  L_DIP,
  L_EFFICIENCY,
  L_LICENCES,
  L_PERSON_YEARS,
  L_SHAPE_1,
  L_SHAPE_2,
  L_START,
  L_SYSTEM_SAVINGS,
  L_UPKEEP,
  LEVER_STRIDE,
  type ModelPlan,
} from "./plan.ts";

/** Source characters per generated function: far below V8's optimisation limit of 61,440 bytes of bytecode. */
export const CHUNK_CHARACTERS = 8_000;

/** A compiled kernel: runs the model on a parameter vector into a workspace. */
export interface Kernel {
  /**
   * Runs the model. Parameters outside the kernel's `variable` set are the plan's point values,
   * whatever `theta` holds for them.
   */
  run(theta: Float64Array, ws: Workspace): Workspace;
  /**
   * Runs the model into the kernel's own workspace and writes draw `draw`'s rows of the Monte Carlo
   * columns (FTE per series, baseline FTE, net, cumulative net) as it computes them; the draw's
   * scalars are left to the caller, who reads them from the returned workspace.
   */
  runDraw(theta: Float64Array, columns: MonteCarloColumns, draw: number): Workspace;
  /**
   * A workspace kept with the kernel, for a caller that reads it before the next run (a forecast
   * read into rows): allocating one costs more than a run.
   */
  workspace(): Workspace;
  /** Generated functions (1 when code generation is not available). */
  chunks: number;
  /** Characters of generated source (0 without code generation). */
  sourceCharacters: number;
}

/** Which parameters may differ between runs: every one, or a set of parameter indices. */
export type VariableParameters = "all" | Iterable<number>;

/** A number as a JavaScript literal that reads back as the same double. */
function literal(x: number): string {
  if (Object.is(x, -0)) return "-0";
  return Number.isNaN(x) ? "NaN" : String(x);
}

/** A product of factors, left to right, leaving out factors that are exactly 1 (null here). */
function product(factors: (string | null)[]): string {
  const kept = factors.filter((f): f is string => f !== null);
  return kept.length === 0 ? "1" : kept.join(" * ");
}

interface Row {
  /** Offset of the row in X. */
  at: number;
  /** Whether the row is the same in every run (filled when the kernel is built). */
  constant: boolean;
  /** Whether every value of a constant row is exactly 1. */
  one: boolean;
  /** How many leading years are filled when the kernel is built and never change (Y for a constant row). */
  fixedYears: number;
}

/** A term of a growth row: a driver index (−1: the supported processes' FTE) and its elasticity parameter. */
interface Term {
  driver: number;
  elasticity: number;
}

class Generator {
  readonly Y: number;
  readonly values: Float64Array;
  readonly #variable: (i: number) => boolean;
  #size = 0;
  readonly constants: { at: number; values: Float64Array }[] = [];
  readonly blocks: string[] = [];

  constructor(
    readonly plan: ModelPlan,
    variable: VariableParameters,
  ) {
    this.Y = plan.yearCount;
    this.values = plan.parameters.values;
    const set = variable === "all" ? null : new Set(variable);
    this.#variable = set === null ? () => true : (i) => set.has(i);
  }

  get size(): number {
    return this.#size;
  }

  varies(i: number): boolean {
    return this.#variable(i);
  }

  /** A parameter's value as code: `theta[i]` when it varies, else its literal. */
  param(i: number): string {
    return this.#variable(i) ? `theta[${i}]` : literal(this.values[i]!);
  }

  /** A new row of Y values in X; `values` fills it once when given. */
  row(values?: Float64Array): Row {
    const at = this.#size;
    this.#size += this.Y;
    if (values) {
      this.constants.push({ at, values });
      return { at, constant: true, one: values.every((v) => v === 1), fixedYears: this.Y };
    }
    return { at, constant: false, one: false, fixedYears: 0 };
  }

  emit(block: string): void {
    this.blocks.push(`{\n${block}\n}`);
  }
}

/**
 * The drivers a population drives (evaluate.ts projectPopulationDrivers): the band sums of the
 * projection, computed once when the kernel is built if its five inputs are certain (the
 * reference's `populationDriverPaths`), else on every run by `F.population` (the same sums from
 * cohort-bands.ts, skipped while its inputs are the last run's);
 * each driver's years up to the population's base year are the package's, the later ones its
 * band's growth from there, under the driver's own multiplier. A driver whose band sums and
 * multiplier are both certain (goal seek; Monte Carlo and the tornado of a scenario that leaves the
 * population certain) is the same in every run: its whole row is computed when the kernel is
 * built, by the reference's expressions, so that the growth rows on it can be too. Null without a
 * population.
 */
function populationRows(g: Generator, residentsRow: Row | null): { row(d: number): Row | undefined } | null {
  const { plan, Y } = g;
  const p = plan.population;
  if (p === null || p.driver.length === 0) return null;
  const theta = g.values;
  const inputs = [p.fertility, p.mortality, p.inMigration, p.outMigration, plan.growthMultiplier];
  const varies = inputs.some((i) => g.varies(i));
  const s = p.startIndex;
  // Band k's sums over the years from the population's base year, at X[bandRows[k].at + j].
  // The band sums when they are certain (computed now), and band k's row in X.
  let paths: Float64Array[] | null = null;
  let bandRows: Row[];
  if (!varies) {
    const dwellings = (year: number) => (p.dwellings < 0 ? 0 : plan.driverPath[p.dwellings * Y + year - plan.baseYear]!);
    paths = populationDriverPaths(p, plan.horizon, theta, dwellings, theta[plan.growthMultiplier]!);
    bandRows = paths.map((path) => {
      const values = new Float64Array(Y);
      values.set(path);
      return g.row(values);
    });
  } else {
    // One row per band, one after another: F.population writes band k's year j to X[at + k·Y + j].
    bandRows = Array.from(p.driver, () => g.row());
    if (bandRows.some((row, k) => row.at !== bandRows[0]!.at + k * Y)) throw new Error("internal: the population's band rows are not consecutive");
    g.emit(`F.population(X, ${bandRows[0]!.at}, ${Y}, ${inputs.map((i) => g.param(i)).join(", ")});`);
  }
  const rows = new Map<number, Row>();
  p.driver.forEach((d, k) => {
    const base = plan.driverBase[d]!;
    const anchor = plan.driverAnchor[d]!;
    const isResidents = d === plan.residentsDriver;
    const multiplier = plan.driverMultiplier[d]!;
    const certain = paths !== null && !g.varies(multiplier);
    // Years up to the base year of the population: the package's (its last history year is s);
    // all years when the row is certain.
    const years = certain ? Y : s + 1;
    const logs = new Float64Array(years);
    const levels = new Float64Array(years);
    for (let y = 0; y <= s; y++) {
      const value = scenarioDriver("stock", y > plan.driverAnchorIndex[d]!, anchor, plan.driverPath[d * Y + y]!, 1, base);
      levels[y] = value;
      logs[y] = base > 0 ? Math.log(value / base) : 0;
    }
    // As the reference: the start read back from its logarithm.
    const start = base * Math.exp(logs[s]!);
    if (isResidents) g.constants.push({ at: residentsRow!.at, values: levels });
    if (certain) {
      const path = paths![k]!;
      for (let y = s + 1; y < Y; y++) {
        const value = scenarioDriver("stock", true, start, start * (path[y - s]! / path[0]!), theta[multiplier]!, base);
        levels[y] = value;
        logs[y] = base > 0 ? Math.log(value / base) : 0;
      }
      rows.set(d, g.row(logs));
      return;
    }
    const row = g.row();
    row.constant = false;
    g.constants.push({ at: row.at, values: logs });
    const floor = base * 1e-9;
    g.emit(
      `const m = ${g.param(multiplier)};
for (let y = ${s + 1}; y < ${Y}; y++) {
  const v = ${literal(start)} * (X[${bandRows[k]!.at} + y - ${s}] / X[${bandRows[k]!.at}]);
  let value = ${literal(start)} + m * (v - ${literal(start)});
  value = value > ${literal(floor)} ? value : ${literal(floor)};
  X[${row.at} + y] = ${base > 0 ? `Math.log(value / ${literal(base)})` : "0"};${isResidents ? `\n  X[${residentsRow!.at} + y] = value;` : ""}
}`,
    );
    rows.set(d, row);
  });
  return { row: (d) => rows.get(d) };
}

/** The kernel's source and its constant rows, before functions are made of it. */
interface KernelSource {
  chunks: string[];
  size: number;
  constants: { at: number; values: Float64Array }[];
}

/** Generates the kernel's source for a plan (exported for tests and benchmarks). */
export function kernelSource(plan: ModelPlan, variable: VariableParameters): KernelSource {
  const g = new Generator(plan, variable);
  const { Y } = g;
  const P = plan.processIds.length;
  const L = plan.leverIds.length;
  const theta = g.values;

  // --- Drivers (evaluate.ts projectDrivers): ln(D(t)/D(base)) per driver, residents.
  const residentsRow = plan.residentsDriver >= 0 ? g.row() : null;
  const cohort = populationRows(g, residentsRow);
  const driverRows: Row[] = plan.driverIds.map((_, d) => {
    const projected = cohort?.row(d);
    if (projected !== undefined) {
      // its years up to the population's base year are the package's, filled once (populationRows):
      // growth rows on it compute those years when the kernel is built
      projected.fixedYears = Math.max(projected.fixedYears, plan.population!.startIndex + 1);
      return projected;
    }
    const base = plan.driverBase[d]!;
    const anchor = plan.driverAnchor[d]!;
    const anchorIndex = plan.driverAnchorIndex[d]!;
    const type = plan.driverIsFlow[d] === 1 ? "flow" : "stock";
    const isResidents = d === plan.residentsDriver;
    const path = plan.driverPath.subarray(d * Y, (d + 1) * Y);
    const multiplierVaries = g.varies(plan.growthMultiplier) || g.varies(plan.driverMultiplier[d]!);
    const fixedYears = multiplierVaries ? Math.min(Y, anchorIndex + 1) : Y;
    const m = theta[plan.growthMultiplier]! * theta[plan.driverMultiplier[d]!]!;
    const logs = new Float64Array(Y);
    const levels = new Float64Array(Y);
    for (let y = 0; y < Y; y++) {
      const value = scenarioDriver(type, y > anchorIndex, anchor, path[y]!, m, base);
      levels[y] = value;
      logs[y] = base > 0 ? Math.log(value / base) : 0;
    }
    if (fixedYears === Y) {
      if (isResidents) g.constants.push({ at: residentsRow!.at, values: levels });
      return g.row(logs);
    }
    // the years up to the last actual one never change: fill them once
    const row = g.row();
    row.fixedYears = fixedYears;
    g.constants.push({ at: row.at, values: logs.subarray(0, fixedYears) });
    if (isResidents) g.constants.push({ at: residentsRow!.at, values: levels.subarray(0, fixedYears) });
    const floor = base * 1e-9;
    const value = type === "flow" ? "m * v" : `${literal(anchor)} + m * (v - ${literal(anchor)})`;
    const pathRow = g.row(Float64Array.from(path));
    g.emit(
      `const m = ${g.param(plan.growthMultiplier)} * ${g.param(plan.driverMultiplier[d]!)};
for (let y = ${fixedYears}; y < ${Y}; y++) {
  const v = X[${pathRow.at} + y];
  let value = ${value};
  value = value > ${literal(floor)} ? value : ${literal(floor)};
  X[${row.at} + y] = ${base > 0 ? `Math.log(value / ${literal(base)})` : "0"};${isResidents ? `\n  X[${residentsRow!.at} + y] = value;` : ""}
}`,
    );
    return row;
  });

  // --- Adoption (evaluate.ts adopt): s_l(t), 0 in the base year.
  const adoptionRows: Row[] = plan.leverIds.map((_, l) => {
    const at = l * LEVER_STRIDE;
    const parameters = [L_START, L_SHAPE_1, L_SHAPE_2, L_CEILING].map((o) => plan.leverParameter[at + o]!);
    parameters.push(plan.midpointShift);
    const curve = ADOPTION_CURVE_LIST[plan.leverCurve[l]!]!;
    if (!parameters.some((i) => g.varies(i))) {
      const [start, shape1, shape2, ceiling, shift] = parameters.map((i) => theta[i]!) as [number, number, number, number, number];
      const values = new Float64Array(Y);
      for (let y = 1; y < Y; y++) values[y] = curve.adoption(plan.baseYear + y, start, shape1, shape2, ceiling, shift);
      return g.row(values);
    }
    const row = g.row(new Float64Array(1)); // the base year: 0
    row.constant = false;
    row.fixedYears = 1;
    const args = parameters.map((i) => g.param(i)).join(", ");
    g.emit(`const curve = F.curves[${plan.leverCurve[l]!}];\nfor (let y = 1; y < ${Y}; y++) X[${row.at} + y] = curve(${plan.baseYear} + y, ${args});`);
    return row;
  });

  /** A target's effective reach min(1, reach × intensity), as statements defining `name`. */
  const reachOf = (t: number, name: string): string => {
    const reach = plan.targetReach[t]!;
    if (!g.varies(reach) && !g.varies(plan.intensity)) {
      const scaled = theta[reach]! * theta[plan.intensity]!;
      return `const ${name} = ${literal(scaled < 1 ? scaled : 1)};`;
    }
    return `const ${name}_ = ${g.param(reach)} * ${g.param(plan.intensity)};\nconst ${name} = ${name}_ < 1 ? ${name}_ : 1;`;
  };
  /** reach × efficiency of a target (the reference's `reach * efficiency`), as statements defining `name`. */
  const reachEfficiency = (t: number, name: string): string => {
    const efficiency = plan.leverParameter[plan.targetLever[t]! * LEVER_STRIDE + L_EFFICIENCY]!;
    return `${reachOf(t, `${name}r`)}\nconst ${name} = ${name}r * ${g.param(efficiency)};`;
  };
  /** The remaining share Π (1 − reach·efficiency·s(t)) of targets `list`, given their locals `re<k>`. */
  const remaining = (targets: number[], prefix: string): string =>
    targets.map((t, k) => `(1 - ${prefix}${k} * X[${adoptionRows[plan.targetLever[t]!]!.at} + y])`).join(" * ");

  // --- Drift factors (1 + drift)^y per process.
  const driftRows: Row[] = plan.processIds.map((_, p) => {
    const i = plan.processDrift[p]!;
    if (!g.varies(i)) {
      const values = new Float64Array(Y);
      for (let y = 0; y < Y; y++) values[y] = Math.pow(1 + theta[i]!, y);
      return g.row(values);
    }
    const row = g.row();
    g.emit(`const base = 1 + ${g.param(i)};\nfor (let y = 0; y < ${Y}; y++) X[${row.at} + y] = Math.pow(base, y);`);
    return row;
  });
  const driftFactor = (p: number): string | null => (driftRows[p]!.one ? null : `X[${driftRows[p]!.at} + y]`);

  /** exp(0 + Σ e·ln ratio) in year y: a term's ratio is a driver row, or `supportedLog` for −1. */
  const growthExpression = (terms: Term[], supportedLog: Row | null): string =>
    `Math.exp(0${terms.map((t) => ` + ${g.param(t.elasticity)} * X[${(t.driver >= 0 ? driverRows[t.driver]! : supportedLog!).at} + y]`).join("")})`;

  /** Growth rows shared by twins (same drivers, same elasticities), keyed by their terms. */
  const growthRows = new Map<string, Row>();
  const termKey = (terms: Term[], p: number): string =>
    terms.map((t) => `${t.driver}:${g.varies(t.elasticity) ? `p${t.elasticity}` : literal(theta[t.elasticity]!)}`).join(",") +
    (terms.some((t) => t.driver < 0) ? `@${p}` : "");
  /** The growth row of terms in the baseline, computed (in the current block) if no twin has it. */
  const baselineGrowth = (terms: Term[], p: number, supportedLog: Row | null, code: string[]): Row | null => {
    if (terms.length === 0) return null; // exp(0) = 1
    const key = termKey(terms, p);
    const known = growthRows.get(key);
    if (known) return known;
    // the years in which every term's driver is fixed (all, for constant drivers) are computed now
    const certain = terms.every((t) => !g.varies(t.elasticity) && t.driver >= 0);
    const fixedYears = certain ? Math.min(...terms.map((t) => driverRows[t.driver]!.fixedYears)) : 0;
    const values = new Float64Array(fixedYears);
    for (let y = 0; y < fixedYears; y++) {
      let log = 0;
      for (const t of terms) log += theta[t.elasticity]! * driverLog(t.driver, y);
      values[y] = Math.exp(log);
    }
    let row: Row;
    if (fixedYears === Y) {
      row = g.row(values);
    } else {
      row = g.row();
      row.fixedYears = fixedYears;
      if (fixedYears > 0) g.constants.push({ at: row.at, values });
      code.push(`for (let y = ${fixedYears}; y < ${Y}; y++) X[${row.at} + y] = ${growthExpression(terms, supportedLog)};`);
    }
    growthRows.set(key, row);
    return row;
  };
  const driverLogs = plan.driverIds.map((_, d) => {
    const c = g.constants.find((k) => k.at === driverRows[d]!.at);
    return c?.values ?? new Float64Array(0);
  });
  function driverLog(d: number, y: number): number {
    return driverLogs[d]![y]!;
  }

  const activityTerms = (a: number): Term[] =>
    Array.from({ length: plan.termStart[a + 1]! - plan.termStart[a]! }, (_, k) => ({
      driver: plan.termDriver[plan.termStart[a]! + k]!,
      elasticity: plan.termElasticity[plan.termStart[a]! + k]!,
    }));
  const fixedTerms = (p: number): Term[] =>
    Array.from({ length: plan.fixedTermStart[p + 1]! - plan.fixedTermStart[p]! }, (_, k) => ({
      driver: plan.fixedTermDriver[plan.fixedTermStart[p]! + k]!,
      elasticity: plan.fixedTermElasticity[plan.fixedTermStart[p]! + k]!,
    }));
  const isSupport = (p: number) => plan.supportedStart[p + 1]! > plan.supportedStart[p]!;
  const supported = (p: number) => Array.from(plan.supportedList.subarray(plan.supportedStart[p]!, plan.supportedStart[p + 1]!));
  const activitiesOf = (p: number) =>
    Array.from({ length: plan.processActivityStart[p + 1]! - plan.processActivityStart[p]! }, (_, k) => plan.processActivityStart[p]! + k);

  /** ln(Σ F(t) / Σ F(base)) of the supported processes into `row` (evaluate.ts supportedLogGrowth). */
  const supportedLogCode = (p: number, row: Row, withLevers: boolean): string => {
    const list = supported(p);
    const base = `0${list.map((q) => ` + BL[${q * Y}]`).join("")}`;
    const sum = `0${list.map((q) => (withLevers ? ` + (DL[${q * Y} + y] + DV[${q * Y} + y] + TR[${q * Y} + y])` : ` + BL[${q * Y} + y]`)).join("")}`;
    return `const sbase = ${base};
for (let y = 0; y < ${Y}; y++) {
  const sum = ${sum};
  X[${row.at} + y] = sbase > 0 ? Math.log(sum / sbase) : 0;
}`;
  };

  // --- Baseline per process (evaluate.ts projectBaseline), in dependency order.
  const fixedBaselineRows: Row[] = new Array(P);
  const activityBaselineRows: Row[] = new Array(plan.activityIds.length);
  // the baseline rows the levers read (their targets' work): the others are kept in X only where a
  // support process's delivery reads them
  const targetedActivities = new Set<number>();
  const targetedFixed = new Set<number>();
  for (let t = 0; t < plan.targetActivity.length; t++) {
    if (plan.targetActivity[t]! >= 0) targetedActivities.add(plan.targetActivity[t]!);
    else targetedFixed.add(plan.targetProcess[t]!);
  }

  /**
   * Delivery of process p (evaluate.ts projectDelivery): per-run values before the year loop, and
   * the loop's lines. Without `supportedLog` (a process that supports none) it runs in its
   * baseline's loop, from that loop's locals `fx` and `a<activity>`; a support process's runs after
   * the levers, from the baseline rows in X, its growth on the supported processes' FTE with levers.
   */
  function deliveryCode(p: number, supportedLog: Row | null): { before: string[]; lines: string[] } {
    const support = supportedLog !== null;
    const before: string[] = [];
    const drift = driftFactor(p);
    const moving = (terms: Term[]) => support && terms.some((t) => t.driver < 0);
    const lines: string[] = [];
    const fixedFrom = plan.fixedTargetStart[p]!;
    const fixedTargets = Array.from(plan.fixedTargetList.subarray(fixedFrom, plan.fixedTargetStart[p + 1]!));
    fixedTargets.forEach((t, k) => before.push(reachEfficiency(t, `f${k}`)));
    const fixed = fixedTerms(p);
    if (support) {
      lines.push(
        moving(fixed)
          ? `const fx = ${product([literal(plan.fixedFte[p]!), growthExpression(fixed, supportedLog), drift])};`
          : `const fx = X[${fixedBaselineRows[p]!.at} + y];`,
      );
    }
    lines.push(`let d = ${fixedTargets.length > 0 ? `fx * (${remaining(fixedTargets, "f")})` : "fx"} + ${literal(plan.allowanceFte[p]!)};`);
    const moved = new Map<string, string>();
    for (const a of activitiesOf(p)) {
      const terms = activityTerms(a);
      let volume = support ? `X[${activityBaselineRows[a]!.at} + y]` : `a${a}`;
      if (moving(terms)) {
        const key = termKey(terms, p);
        let growth = moved.get(key);
        if (growth === undefined) {
          growth = `g${a}`;
          moved.set(key, growth);
          lines.push(`const ${growth} = ${growthExpression(terms, supportedLog)};`);
        }
        volume = product([literal(plan.activityFte[a]!), growth, drift]);
      }
      const targets = Array.from(plan.activityTargetList.subarray(plan.activityTargetStart[a]!, plan.activityTargetStart[a + 1]!));
      targets.forEach((t, k) => before.push(reachEfficiency(t, `e${a}_${k}`)));
      lines.push(`d += ${targets.length > 0 ? `(${volume}) * (${remaining(targets, `e${a}_`)})` : volume};`);
    }
    lines.push(`DL[${p * Y} + y] = d;`);
    return { before, lines };
  }

  for (const p of plan.processOrder) {
    const code: string[] = [];
    const support = isSupport(p);
    let supportedLog: Row | null = null;
    if (support) {
      supportedLog = g.row();
      code.push(supportedLogCode(p, supportedLog, false));
    }
    const fixedGrowth = baselineGrowth(fixedTerms(p), p, supportedLog, code);
    const drift = driftFactor(p);
    const kept = (targeted: boolean): Row | null => (support || targeted ? g.row() : null);
    const fixedRow = kept(targetedFixed.has(p));
    if (fixedRow) fixedBaselineRows[p] = fixedRow;
    const lines = [
      `const fx = ${product([literal(plan.fixedFte[p]!), fixedGrowth && !fixedGrowth.one ? `X[${fixedGrowth.at} + y]` : null, drift])};`,
      ...(fixedRow ? [`X[${fixedRow.at} + y] = fx;`] : []),
      `let b = fx + ${literal(plan.allowanceFte[p]!)};`,
    ];
    for (const a of activitiesOf(p)) {
      const growth = baselineGrowth(activityTerms(a), p, supportedLog, code);
      const row = kept(targetedActivities.has(a));
      if (row) activityBaselineRows[a] = row;
      lines.push(
        `const a${a} = ${product([literal(plan.activityFte[a]!), growth && !growth.one ? `X[${growth.at} + y]` : null, drift])};`,
        ...(row ? [`X[${row.at} + y] = a${a};`] : []),
        `b += a${a};`,
      );
    }
    lines.push(`BL[${p * Y} + y] = b;`);
    if (!support) {
      // delivery in the same loop, from the locals
      const delivery = deliveryCode(p, null);
      code.push(...delivery.before);
      lines.push(...delivery.lines);
    }
    code.push(`for (let y = 0; y < ${Y}; y++) {\n  ${lines.join("\n  ")}\n}`);
    g.emit(code.join("\n"));
  }

  /** The processes of targets, each once. */
  const processesOf = (targets: number[]) => [...new Set(targets.map((t) => plan.targetProcess[t]!))];

  // --- The J-curve and the competence shift (evaluate.ts changeEffort), lever by lever.
  // Levers are emitted in groups that share one year loop: the rows they add to (a process's
  // development and transition, the build, capex, licence and system-savings totals) are locals
  // in the loop, read from their rows only if an earlier group added to them (else they start
  // from 0, as the reference's rows do) and stored once per year, so each cell gets the same
  // additions in the same order as the reference's. A lever's per-run values are locals named
  // after it (`l<lever>_…`), computed once before the loop.
  const levers = Array.from({ length: L }, (_, l) => {
    const at = l * LEVER_STRIDE;
    const parameter = (o: number) => g.param(plan.leverParameter[at + o]!);
    const buildYears = plan.buildYears[l]!;
    const buildFrom = plan.buildStart[l]! - plan.baseYear;
    const targets = Array.from({ length: plan.targetStart[l + 1]! - plan.targetStart[l]! }, (_, k) => plan.targetStart[l]! + k);
    const adoption = adoptionRows[l]!.at;
    const v = (name: string) => `l${l}_${name}`;
    const before = [
      ...targets.map((t, k) => reachOf(t, v(`r${k}`))),
      `const ${v("dip")} = ${parameter(L_DIP)};`,
      `const ${v("upkeep")} = ${parameter(L_UPKEEP)};`,
      `const ${v("licences")} = ${parameter(L_LICENCES)};`,
      `const ${v("systemSavings")} = ${parameter(L_SYSTEM_SAVINGS)};`,
      `const ${v("buildFte")} = ${buildYears > 0 ? `${parameter(L_PERSON_YEARS)} / ${buildYears}` : "0"};`,
      `const ${v("capex")} = ${buildYears > 0 ? `${parameter(L_CAPEX)} / ${buildYears}` : "0"};`,
    ];
    const body = [
      ...targets.map((t, k) => {
        const a = plan.targetActivity[t]!;
        const work = a >= 0 ? activityBaselineRows[a]! : fixedBaselineRows[plan.targetProcess[t]!]!;
        return `const q${k} = ${v(`r${k}`)} * X[${work.at} + y];`;
      }),
      `const aff = 0${targets.map((_, k) => ` + q${k}`).join("")};`,
      `const s = X[${adoption} + y];`,
      `const rise = y > 0 ? s - X[${adoption} + y - 1] : 0;`,
      `const building = y >= ${buildFrom} && y < ${buildFrom + buildYears};`,
      `const build = building ? ${v("buildFte")} : 0;`,
      `if (building) cx += ${v("capex")};`,
      `bt += build;`,
      `li += ${v("licences")} * s;`,
      `ss += ${v("systemSavings")} * s;`,
      `const transition = ${v("dip")} * aff * rise;`,
      `const development = build + ${v("upkeep")} * s;`,
      ...targets.flatMap((t, k) => {
        const p = plan.targetProcess[t]!;
        return [`const w${k} = aff > 0 ? q${k} / aff : ${k === 0 ? 1 : 0};`, `dv${p} += development * w${k};`, `tr${p} += transition * w${k};`];
      }),
    ];
    return { before, body, processes: processesOf(targets), characters: before.join("\n").length + body.join("\n").length };
  });
  // Rows already added to by an earlier group, read by the next group that adds to them.
  const added = new Set<number>();
  let totalsAdded = false;
  /** One group's block: its levers' per-run values, then one year loop over them all. */
  const leverGroup = (group: typeof levers): string => {
    const processes = [...new Set(group.flatMap((lever) => lever.processes))];
    const start = (local: string, row: string) => `let ${local} = ${totalsAdded ? `${row}[y]` : "0"};`;
    const lines = [
      start("bt", "BT"),
      start("cx", "CX"),
      start("li", "LI"),
      start("ss", "SS"),
      ...processes.map((p) =>
        added.has(p) ? `let dv${p} = DV[${p * Y} + y];\nlet tr${p} = TR[${p * Y} + y];` : `let dv${p} = 0;\nlet tr${p} = 0;`,
      ),
      ...group.map((lever) => `{\n  ${lever.body.join("\n  ")}\n}`),
      "BT[y] = bt;\nCX[y] = cx;\nLI[y] = li;\nSS[y] = ss;",
      ...processes.map((p) => `DV[${p * Y} + y] = dv${p};\nTR[${p * Y} + y] = tr${p};`),
    ];
    for (const p of processes) added.add(p);
    totalsAdded = true;
    return [...group.flatMap((lever) => lever.before), `for (let y = 0; y < ${Y}; y++) {\n  ${lines.join("\n  ")}\n}`].join("\n");
  };
  let group: typeof levers = [];
  let groupCharacters = 0;
  for (const lever of levers) {
    if (group.length > 0 && groupCharacters + lever.characters > (CHUNK_CHARACTERS * 3) / 4) {
      g.emit(leverGroup(group));
      group = [];
      groupCharacters = 0;
    }
    group.push(lever);
    groupCharacters += lever.characters;
  }
  if (group.length > 0) g.emit(leverGroup(group));
  // rows no lever adds to (loops: a call of fill costs more than filling a few hundred numbers)
  const untouched = plan.processIds.map((_, p) => p).filter((p) => !added.has(p));
  const zeroed = [
    ...untouched.map((p) => `for (let y = ${p * Y}; y < ${(p + 1) * Y}; y++) {\n  DV[y] = 0;\n  TR[y] = 0;\n}`),
    ...(totalsAdded ? [] : [`for (let y = 0; y < ${Y}; y++) {\n  BT[y] = 0;\n  CX[y] = 0;\n  LI[y] = 0;\n  SS[y] = 0;\n}`]),
  ];
  if (zeroed.length > 0) g.emit(zeroed.join("\n"));

  // --- Delivery per process (evaluate.ts projectDelivery), in dependency order: support processes
  // now, after the levers; the others were done in their baseline's loop.
  for (const p of plan.processOrder) {
    if (!isSupport(p)) continue;
    const supportedLog = g.row();
    const { before, lines } = deliveryCode(p, supportedLog);
    g.emit([supportedLogCode(p, supportedLog, true), ...before, `for (let y = 0; y < ${Y}; y++) {\n  ${lines.join("\n  ")}\n}`].join("\n"));
  }

  // --- Totals and money (evaluate.ts account), and the outputs the reference leaves in the workspace.
  // The sums over processes as the reference's loop adds them, from 0, process by process: unrolled
  // with literal offsets, or a loop where that would not fit in one function (many processes).
  const unrolled = (row: string) => `0${plan.processIds.map((_, p) => ` + ${row}[${p * Y} + y]`).join("")}`;
  const sums = [
    ["baseline", "BL"],
    ["delivery", "DL"],
    ["development", "DV"],
    ["transition", "TR"],
  ];
  const unrolledSums = sums.map(([name, row]) => `const ${name} = ${unrolled(row!)};`).join("\n  ");
  const loopedSums = `${sums.map(([name]) => `let ${name} = 0;`).join("\n  ")}
  for (let p = y; p < ${P * Y}; p += ${Y}) {
    ${sums.map(([name, row]) => `${name} += ${row}[p];`).join("\n    ")}
  }`;
  const big = unrolledSums.length >= CHUNK_CHARACTERS / 2;
  // A draw's rows of the Monte Carlo columns (draw-columns.ts), when `columns` is given: FTE per
  // process as delivery + development + transition, then the total, as draw-columns.ts records them.
  const processFte = big
    ? `for (let p = 0; p < ${P * Y}; p += ${Y}) FTE[fteAt + p + y] = DL[p + y] + DV[p + y] + TR[p + y];`
    : plan.processIds.map((_, p) => `FTE[fteAt + ${p * Y} + y] = DL[${p * Y} + y] + DV[${p * Y} + y] + TR[${p * Y} + y];`).join("\n    ");
  g.emit(
    `const costPerFte = ${g.param(plan.costPerFte)};
const BLT = ws.baselineTotal, DLT = ws.deliveryTotal, DVT = ws.developmentTotal, TRT = ws.transitionTotal, TOT = ws.total;
const COST = ws.cost, SAVINGS = ws.savings, NET = ws.net, CUMULATIVE = ws.cumulativeNet;
const FTE = columns === undefined ? null : columns.fte;
const fteAt = draw * ${(P + 1) * Y};
const rowAt = draw * ${Y};
let cumulative = 0;
let trough = 0;
let troughIndex = 0;
for (let y = 0; y < ${Y}; y++) {
  ${big ? loopedSums : unrolledSums}
  BLT[y] = baseline;
  DLT[y] = delivery;
  DVT[y] = development;
  TRT[y] = transition;
  TOT[y] = delivery + development + transition;
  const cost = CX[y] + LI[y] + (development + transition) * costPerFte;
  const savings = (baseline - delivery) * costPerFte + SS[y];
  const net = savings - cost;
  cumulative += net;
  COST[y] = cost;
  SAVINGS[y] = savings;
  NET[y] = net;
  CUMULATIVE[y] = cumulative;
  if (FTE !== null) {
    ${processFte}
    FTE[fteAt + ${P * Y} + y] = TOT[y];
    columns.baselineFte[rowAt + y] = baseline;
    columns.net[rowAt + y] = net;
    columns.cumulativeNet[rowAt + y] = cumulative;
  }
  if (cumulative < trough) {
    trough = cumulative;
    troughIndex = y;
  }
}
ws.npv = F.npv(ws.net, ${g.param(plan.discountRate)});
const hump = trough < -${literal(MATERIAL_AMOUNT)};
ws.humpDepth = hump ? -trough : 0;
ws.humpYearIndex = hump ? troughIndex : -1;
ws.paybackYearIndex = -1;
for (let y = troughIndex; hump && y < ${Y}; y++) {
  if (ws.cumulativeNet[y] >= -${literal(MATERIAL_AMOUNT)}) {
    ws.paybackYearIndex = y;
    break;
  }
}
${
  residentsRow
    ? `for (let y = 0; y < ${Y}; y++) ws.residents[y] = X[${residentsRow.at} + y];`
    : "ws.residents.fill(NaN);"
}
${adoptionRows.map((row, l) => `for (let y = 0; y < ${Y}; y++) ws.adoption[${l * Y} + y] = X[${row.at} + y];`).join("\n")}`,
  );

  // Pack the blocks into functions of at most CHUNK_CHARACTERS characters (a block larger than that is one function).
  const chunks: string[] = [];
  let current = "";
  for (const block of g.blocks) {
    if (current.length > 0 && current.length + block.length > CHUNK_CHARACTERS) {
      chunks.push(current);
      current = "";
    }
    current += `${block}\n`;
  }
  if (current.length > 0) chunks.push(current);
  return { chunks, size: g.size, constants: g.constants };
}

const PROLOGUE = `"use strict";
const BL = ws.baseline, DL = ws.delivery, DV = ws.development, TR = ws.transition;
const BT = ws.buildTotal, CX = ws.capex, LI = ws.licences, SS = ws.systemSavings;
`;

/**
 * What the generated code calls: the adoption curves, the NPV (the reference's own functions) and
 * the population's band sums (cohort-bands.ts: bit for bit the reference's `populationDriverPaths`),
 * written into the kernel's rows, left as they are while the five inputs are the same as the last
 * run's.
 */
interface Helpers {
  curves: typeof ADOPTION_CURVE_SOURCES;
  npv: typeof netPresentValue;
  population: (X: Float64Array, at: number, stride: number, fertility: number, mortality: number, inMigration: number, outMigration: number, growth: number) => void;
}

const ADOPTION_CURVE_SOURCES = ADOPTION_CURVE_LIST.map((c) => c.adoption);

function helpers(plan: ModelPlan): Helpers {
  const p = plan.population;
  const Y = plan.yearCount;
  let projector: BandProjector | null = null;
  // The inputs of the band sums in X now (NaN: none yet, and never equal).
  let f = NaN, q = NaN, i = NaN, o = NaN, g = NaN;
  return {
    curves: ADOPTION_CURVE_SOURCES,
    npv: netPresentValue,
    population(X, at, stride, fertility, mortality, inMigration, outMigration, growth) {
      if (p === null) throw new Error("internal: the plan has no population");
      if (fertility === f && mortality === q && inMigration === i && outMigration === o && growth === g) return;
      projector ??= bandProjector(p, plan.horizon, (year) => (p.dwellings < 0 ? 0 : plan.driverPath[p.dwellings * Y + year - plan.baseYear]!));
      projector.project(X, at, stride, fertility, mortality, inMigration, outMigration, growth);
      f = fertility;
      q = mortality;
      i = inMigration;
      o = outMigration;
      g = growth;
    },
  };
}

type Chunk = (theta: Float64Array, X: Float64Array, ws: Workspace, F: Helpers, columns: MonteCarloColumns | undefined, draw: number) => void;

/** A run's rows of the Monte Carlo columns, copied from the workspace: what the generated kernel writes as it computes them. */
function copyRows(plan: ModelPlan, ws: Workspace, columns: MonteCarloColumns, draw: number): void {
  const Y = plan.yearCount;
  const P = plan.processIds.length;
  const at = draw * (P + 1) * Y;
  for (let i = 0; i < P * Y; i++) columns.fte[at + i] = ws.delivery[i]! + ws.development[i]! + ws.transition[i]!;
  columns.fte.set(ws.total, at + P * Y);
  columns.baselineFte.set(ws.baselineTotal, draw * Y);
  columns.net.set(ws.net, draw * Y);
  columns.cumulativeNet.set(ws.cumulativeNet, draw * Y);
}

/** The reference {@link evaluate} as a kernel: what {@link compileKernel} gives without code generation. */
export function referenceKernel(plan: ModelPlan): Kernel {
  let kept: Workspace | undefined;
  const workspace = () => (kept ??= createWorkspace(plan));
  return {
    run: (theta, ws) => evaluate(plan, theta, ws),
    runDraw(theta, columns, draw) {
      const ws = evaluate(plan, theta, workspace());
      copyRows(plan, ws, columns, draw);
      return ws;
    },
    workspace,
    chunks: 1,
    sourceCharacters: 0,
  };
}

/** Whether this JavaScript engine allows code generation (a content security policy may forbid it). */
const codeGeneration = (() => {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false;
  }
})();

/**
 * Compiles the kernel of a plan. `variable` lists the parameters that may differ between runs
 * (Monte Carlo: the uncertain ones; goal seek: the intensity; a server: all).
 */
export function compileKernel(plan: ModelPlan, variable: VariableParameters = "all"): Kernel {
  if (!codeGeneration) return referenceKernel(plan);
  let kept: Workspace | undefined;
  const workspace = () => (kept ??= createWorkspace(plan));
  const source = kernelSource(plan, variable);
  const X = new Float64Array(source.size);
  for (const c of source.constants) X.set(c.values, c.at);
  const chunks = source.chunks.map((body) => new Function("theta", "X", "ws", "F", "columns", "draw", PROLOGUE + body) as Chunk);
  const F = helpers(plan);
  return {
    run(theta, ws) {
      for (const chunk of chunks) chunk(theta, X, ws, F, undefined, 0);
      return ws;
    },
    runDraw(theta, columns, draw) {
      const ws = workspace();
      for (const chunk of chunks) chunk(theta, X, ws, F, columns, draw);
      return ws;
    },
    workspace,
    chunks: chunks.length,
    sourceCharacters: source.chunks.reduce((n, c) => n + c.length, 0),
  };
}

const kernels = new WeakMap<object, Map<string, Kernel>>();

/**
 * The plan's kernel for these variable parameters, compiled on first use and kept with the plan.
 *
 * A kernel for all parameters depends only on the plan's structure (its index arrays, driver paths
 * and base-year FTE), never on its values: it is kept with the structure's arrays, so that plans
 * made from one compiled plan with new values (`{ ...plan, parameters }`, as the server does for
 * new assumptions) share it.
 */
export function kernelFor(plan: ModelPlan, variable: VariableParameters = "all"): Kernel {
  const owner = variable === "all" ? plan.driverPath : plan;
  let byVariable = kernels.get(owner);
  if (!byVariable) {
    byVariable = new Map();
    kernels.set(owner, byVariable);
  }
  const key = variable === "all" ? "all" : [...variable].sort((a, b) => a - b).join(",");
  let kernel = byVariable.get(key);
  if (!kernel) {
    kernel = compileKernel(plan, variable);
    byVariable.set(key, kernel);
  }
  return kernel;
}
