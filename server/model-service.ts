/**
 * The model behind the server: the data package loaded at start (and older packages that saved
 * versions were computed with), plans compiled once per scenario structure and patched with each
 * request's values, and the last few forecasts and many forecasts' answers kept by their inputs,
 * since the same assumptions always give the same numbers.
 */
import type { DataPackage } from "../model/data-package.ts";
import { NonFiniteResultError } from "../model/finite.ts";
import { type ForecastResult, forecast, forecastColumns } from "../model/forecast.ts";
import type { ForecastColumns } from "../model/forecast-columns.ts";
import { formatPackageError, type PackageError, type PackageFinding } from "../model/package-error.ts";
import { buildParameterTable } from "../model/parameters.ts";
import { parseDataPackage } from "../model/parse-package.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import type { LoadedPackage } from "../contract/api.ts";
import type { Assumptions } from "../model/scenario.ts";
import { canonicalJson } from "../contract/canonical-json.ts";
import { modelFiles, packageHash, shortId } from "../io/content-hash.ts";
import type { PackageStore } from "./db/package-store.ts";
import { Lru } from "./lru.ts";
import { formatPath, type Problem } from "./validation.ts";

/**
 * Parses a package's file texts and hashes them; throws with every problem if it is not valid.
 *
 * @param findings what reading the files found (`readPackageFolder`), reported with the parser's own.
 */
export function packageFromFiles(files: Readonly<Record<string, string>>, findings: readonly PackageFinding[] = []): LoadedPackage {
  const parsed = parseDataPackage(files, findings);
  if (!parsed.ok) throw new Error(`the data package has problems:\n${parsed.errors.map(formatPackageError).join("\n")}`);
  const hash = packageHash(files);
  return { hash, versionId: shortId(hash), files: modelFiles(files), pkg: parsed.package, report: parsed.report };
}

/** What a forecast is computed from. */
export interface ForecastInput {
  package: LoadedPackage;
  /** The id the result carries as `scenario`. */
  scenarioId: string;
  assumptions: Assumptions;
  /** A horizon before the package's, or undefined for the package's. */
  horizon?: number | undefined;
}

export type Compiled = { ok: true; plan: ModelPlan; key: string } | { ok: false; status: 400 | 422; problems: Problem[] };

/**
 * Forecasts kept by their inputs, for a version's exports and charts asked for one after another.
 * Few on purpose: a server answering new assumptions on every request would otherwise keep each
 * forecast (a few hundred objects) alive through several garbage collections, which copy and
 * promote them. With 256 kept, such a request took 1.2–1.7× the server's CPU it took with one kept
 * (paired runs, machine load 4–7); with 16, about as little as with one. The forecast route keeps
 * its answers' bytes instead (`keepAnswer`), which the collector does not copy.
 */
const RESULTS_KEPT = 16;

/** A PackageError from compilePlan as a problem in the request's assumptions. */
function problemOf(e: PackageError, prefix: string): Problem {
  if (!e.file.startsWith("scenarios/") || e.field === undefined) return { path: prefix, message: formatPackageError(e) };
  // "set.levers.x.efficiency" → assumptions.set["levers.x.efficiency"], as the request's own checks write it.
  const keyed = /^(set|uncertainty|driverGrowthRates)\.(.+)$/.exec(e.field);
  const path = keyed ? formatPath([prefix, keyed[1]!, keyed[2]!]) : `${prefix}.${e.field}`;
  return { path, message: e.message };
}

export class ModelService {
  readonly #packages = new Lru<string, LoadedPackage>(8);
  readonly #horizons = new Map<string, DataPackage>();
  readonly #forecasts = new Lru<string, ForecastResult>(RESULTS_KEPT);
  /** The bytes of forecasts' answers as the forecast route sent them, by the forecast's key. */
  readonly #answers: Lru<string, Buffer>;
  /**
   * Compiled plans by structure (package, horizon, active levers, driver growth rates, driver set): new values
   * for the same structure only need a new parameter table, and the plan patched with it shares
   * the structure's arrays, so it shares the structure's compiled kernel too (`kernelFor`).
   */
  readonly #plans = new Lru<string, ModelPlan>(64);

  constructor(
    readonly current: LoadedPackage,
    private readonly store: PackageStore | undefined,
    answersKept = 256,
  ) {
    this.#answers = new Lru(answersKept);
    this.#packages.set(current.hash, current);
  }

  /** The package with this hash: the current one or one stored in the database; undefined if unknown. */
  package(hash: string): LoadedPackage | undefined {
    const cached = this.#packages.get(hash);
    if (cached) return cached;
    const files = this.store?.files(hash);
    if (files === undefined) return undefined;
    const loaded = packageFromFiles(files);
    this.#packages.set(hash, loaded);
    return loaded;
  }

  /** The first and last horizon a request may ask for: the year after the base year, the package's horizon. */
  horizonRange(p: LoadedPackage = this.current): [number, number] {
    return [p.pkg.baseYear + 1, p.pkg.municipality.horizon];
  }

  #packageWithHorizon(p: LoadedPackage, horizon: number | undefined): DataPackage {
    if (horizon === undefined || horizon === p.pkg.municipality.horizon) return p.pkg;
    const key = `${p.hash}:${horizon}`;
    let pkg = this.#horizons.get(key);
    if (!pkg) {
      pkg = { ...p.pkg, municipality: { ...p.pkg.municipality, horizon } };
      this.#horizons.set(key, pkg);
    }
    return pkg;
  }

  /** The cache key of a forecast: everything its numbers depend on. */
  key(input: ForecastInput): string {
    return canonicalJson({
      package: input.package.hash,
      horizon: input.horizon ?? input.package.pkg.municipality.horizon,
      scenario: input.scenarioId,
      assumptions: input.assumptions,
    });
  }

  /** Compiles assumptions into a plan, or the problems that prevent it (paths under `assumptions`). */
  compile(input: ForecastInput, prefix = "assumptions"): Compiled {
    return this.#compile(input, prefix, this.key(input));
  }

  #compile(input: ForecastInput, prefix: string, key: string): Compiled {
    const [first, last] = this.horizonRange(input.package);
    if (input.horizon !== undefined && (input.horizon < first || input.horizon > last)) {
      return {
        ok: false,
        status: 400,
        problems: [{ path: "horizon", message: `must be a whole year from ${first} to ${last}` }],
      };
    }
    const pkg = this.#packageWithHorizon(input.package, input.horizon);
    // Own drivers only: a name such as "constructor" must not pass as a driver through the prototype.
    const foreign = Object.keys(input.assumptions.driverGrowthRates).filter((d) => !Object.hasOwn(pkg.drivers, d));
    if (foreign.length > 0) {
      return {
        ok: false,
        status: 400,
        problems: foreign.map((d) => ({
          path: formatPath([prefix, "driverGrowthRates", d]),
          message: `unknown driver "${d}"; the package's drivers are ${Object.keys(pkg.drivers).join(", ")}`,
        })),
      };
    }
    const scenario = { id: input.scenarioId, ...input.assumptions };
    const structure = canonicalJson({
      package: input.package.hash,
      horizon: pkg.municipality.horizon,
      levers: [...new Set(scenario.levers)].sort(),
      driverGrowthRates: scenario.driverGrowthRates,
      driverSet: scenario.driverSet ?? null,
    });
    const template = this.#plans.get(structure);
    if (template) {
      const built = buildParameterTable(pkg, scenario);
      if (!built.ok) return { ok: false, status: 400, problems: built.errors.map((e) => problemOf(e, prefix)) };
      const names = built.table.names;
      if (names.length === template.parameters.names.length && names.every((n, i) => n === template.parameters.names[i])) {
        return { ok: true, plan: { ...template, scenarioId: input.scenarioId, parameters: built.table }, key };
      }
    }
    const compiled = compilePlan(pkg, scenario);
    if (!compiled.ok) return { ok: false, status: 400, problems: compiled.errors.map((e) => problemOf(e, prefix)) };
    this.#plans.set(structure, compiled.plan);
    return { ok: true, plan: compiled.plan, key };
  }

  /** The answer kept for the forecast with this key (`keepAnswer`), if any. */
  answer(key: string): Buffer | undefined {
    return this.#answers.get(key);
  }

  /** Keeps the bytes of the answer of the forecast with this key, for the next request with the same inputs. */
  keepAnswer(key: string, bytes: Buffer): void {
    this.#answers.set(key, bytes);
  }

  /** Runs `read` on the compiled plan: a forecast, or the problems that prevent it (422 for a result that is not finite). */
  #computed<T>(input: ForecastInput, key: string, read: (plan: ModelPlan) => T): { ok: true; key: string; result: T } | { ok: false; status: 400 | 422; problems: Problem[] } {
    const compiled = this.#compile(input, "assumptions", key);
    if (!compiled.ok) return compiled;
    try {
      return { ok: true, key, result: read(compiled.plan) };
    } catch (error) {
      if (error instanceof NonFiniteResultError) return { ok: false, status: 422, problems: [{ path: "assumptions", message: error.message }] };
      throw error;
    }
  }

  /**
   * The deterministic forecast, or the problems that prevent it.
   *
   * @param key `key(input)`, when the caller has it already.
   */
  forecast(
    input: ForecastInput,
    key = this.key(input),
  ): { ok: true; key: string; result: ForecastResult } | { ok: false; status: 400 | 422; problems: Problem[] } {
    const hit = this.#forecasts.get(key);
    if (hit) return { ok: true, key, result: hit };
    const computed = this.#computed(input, key, (plan) => forecast(plan));
    if (computed.ok) this.#forecasts.set(key, computed.result);
    return computed;
  }

  /**
   * The deterministic forecast in columns, or the problems that prevent it: for the forecast
   * route, which writes it as its answer and keeps the answer's bytes (`keepAnswer`), so neither
   * rows nor the result are made or kept.
   */
  forecastColumns(input: ForecastInput, key: string): { ok: true; key: string; result: ForecastColumns } | { ok: false; status: 400 | 422; problems: Problem[] } {
    return this.#computed(input, key, (plan) => forecastColumns(plan));
  }
}
