/**
 * The model in the browser: the same `compilePlan` → `evaluate` → `readForecast` as the server, on
 * the package's own files, so that a chart follows a slider while it moves.
 *
 * A plan is compiled once per set of active levers (and driver growth rates); moving a slider
 * only writes one value into a copy of the plan's parameter vector and runs `evaluate` again on
 * the same workspace (well under a millisecond for Nacka).
 */
import type { DataPackage, Scenario } from "../model/data-package.ts";
import type { Distribution } from "../model/distributions.ts";
import { createWorkspace, evaluate, type Workspace } from "../model/evaluate.ts";
import { type ForecastResult, readForecast } from "../model/forecast.ts";
import { formatPackageError } from "../model/package-error.ts";
import { packageParameters } from "../model/parameters.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import type { Assumptions } from "./api.ts";

/** A parameter's default and valid range, from the package with every lever active. */
export interface ParameterInfo {
  path: string;
  default: number;
  min: number;
  max: number;
  /** The package's distribution of the parameter (a lever's `distributions`), if it is uncertain. */
  distribution?: Distribution;
}

/** Every parameter path of a package (all levers active) with its default and bounds. */
export function parameterDefaults(pkg: DataPackage): Map<string, ParameterInfo> {
  const t = packageParameters(pkg);
  const uncertain = new Map(t.uncertain.map((u) => [u.parameter, u.distribution]));
  return new Map(
    t.names.map((path, i) => {
      const distribution = uncertain.get(i);
      return [path, { path, default: t.values[i]!, min: t.lower[i]!, max: t.upper[i]!, ...(distribution ? { distribution } : {}) }];
    }),
  );
}

/** The model's scenario for assumptions. */
export function scenarioOf(id: string, a: Assumptions): Scenario {
  return { id, ...a };
}

/** The structure a plan depends on; a change of it needs a new plan, a change of values does not. */
function structureKey(a: Assumptions): string {
  return JSON.stringify([[...a.levers].sort(), Object.entries(a.driverGrowthRates).sort(), a.driverSet ?? null]);
}

/**
 * A compiled plan with its own parameter vector and workspace.
 *
 * @example
 * const live = new LiveModel(pkg);
 * live.load(assumptions);
 * live.set("levers.e_services.efficiency", 0.6);
 * const result = live.run();
 */
export class LiveModel {
  readonly pkg: DataPackage;
  #plan: ModelPlan | undefined;
  #theta: Float64Array = new Float64Array(0);
  #ws: Workspace | undefined;
  #key = "";

  constructor(pkg: DataPackage) {
    this.pkg = pkg;
  }

  /** The current plan; throws before {@link load}. */
  get plan(): ModelPlan {
    if (!this.#plan) throw new Error("LiveModel: load assumptions first");
    return this.#plan;
  }

  /**
   * Compiles the assumptions into a plan with a fresh parameter vector (keeping the workspace
   * when the structure is unchanged). Returns the problems as text lines when they do not compile.
   */
  load(assumptions: Assumptions, id = "working"): { ok: true } | { ok: false; errors: string[] } {
    const compiled = compilePlan(this.pkg, scenarioOf(id, assumptions));
    if (!compiled.ok) return { ok: false, errors: compiled.errors.map(formatPackageError) };
    const key = structureKey(assumptions);
    // The workspace's sizes depend only on the structure: keep it when that has not changed.
    if (this.#ws === undefined || key !== this.#key) this.#ws = createWorkspace(compiled.plan);
    this.#plan = compiled.plan;
    this.#theta = Float64Array.from(compiled.plan.parameters.values);
    this.#key = key;
    return { ok: true };
  }

  /** Whether the current plan has this parameter (a lever's parameters only while it is active). */
  has(path: string): boolean {
    return this.#plan?.parameters.index.has(path) ?? false;
  }

  /** The current value of a parameter, or undefined if the plan has no such parameter. */
  get(path: string): number | undefined {
    const i = this.#plan?.parameters.index.get(path);
    return i === undefined ? undefined : this.#theta[i];
  }

  /**
   * Writes one parameter value without recompiling (the slider path). The value is clamped to the
   * parameter's bounds. Returns false if the plan has no such parameter.
   */
  set(path: string, value: number): boolean {
    const plan = this.#plan;
    const i = plan?.parameters.index.get(path);
    if (plan === undefined || i === undefined) return false;
    const lo = plan.parameters.lower[i]!;
    const hi = plan.parameters.upper[i]!;
    this.#theta[i] = Math.min(hi, Math.max(lo, value));
    return true;
  }

  /**
   * A driver's values from the base year to the horizon in the last {@link run} (growth
   * multipliers, driver set and cohort projection applied), or undefined for an unknown driver.
   */
  driver(id: string): number[] | undefined {
    const plan = this.plan;
    const d = plan.driverIds.indexOf(id);
    if (d < 0 || this.#ws === undefined) return undefined;
    const base = plan.driverBase[d]!;
    return Array.from({ length: plan.yearCount }, (_, y) => base * Math.exp(this.#ws!.driverLogRatio[d * plan.yearCount + y]!));
  }

  /** Runs the model on the current values and reads the forecast. */
  run(): ForecastResult {
    const plan = this.plan;
    const ws = evaluate(plan, this.#theta, this.#ws!);
    return readForecast(plan, this.#theta, ws);
  }
}
