/**
 * Wiring: the stores on one database, the model service on the loaded package, and the package's
 * own scenarios saved as versions so that they have version ids, charts and exports like any other.
 */
import type { Database } from "better-sqlite3";
import type { Logger } from "pino";
import type { LoadedPackage } from "../contract/api.ts";
import { normalizeAssumptions } from "../model/assumptions.ts";
import type { ServerConfig } from "./config.ts";
import { versionHash } from "../io/content-hash.ts";
import { type Actor, AuditLog } from "./db/audit-log.ts";
import { PackageStore } from "./db/package-store.ts";
import { ScenarioStore } from "./db/scenario-store.ts";
import { TokenStore } from "./db/token-store.ts";
import { ModelService } from "./model-service.ts";
import { MonteCarloRunner } from "./monte-carlo.ts";
import { AnswerBudget, type AnswerLimits } from "./streaming.ts";

/** Everything the HTTP app needs. */
export interface Services {
  config: ServerConfig;
  logger: Logger;
  db: Database;
  model: ModelService;
  packages: PackageStore;
  scenarios: ScenarioStore;
  tokens: TokenStore;
  audit: AuditLog;
  /** Worker threads for Monte Carlo runs, and the bounds on answers under way. */
  monteCarlo: MonteCarloRunner;
  /** Bounds on the bytes answers hold for their clients (see streaming.ts). */
  answers: AnswerLimits;
  /** When the server started, for the health answer. */
  startedAt: Date;
}

/** The author of versions saved from the data package's own scenario files. */
export const PACKAGE_AUTHOR: Actor = { name: "data package" };

export function createServices(options: {
  config: ServerConfig;
  logger: Logger;
  db: Database;
  package: LoadedPackage;
  clock?: () => Date;
}): Services {
  const { config, logger, db } = options;
  const clock = options.clock ?? (() => new Date());
  const audit = new AuditLog(db, clock);
  const packages = new PackageStore(db, clock);
  packages.put(options.package.hash, options.package.files);
  return {
    config,
    logger,
    db,
    model: new ModelService(options.package, packages, config.forecastCacheSize),
    packages,
    scenarios: new ScenarioStore(db, audit, config, clock),
    tokens: new TokenStore(db, audit, clock),
    audit,
    monteCarlo: new MonteCarloRunner({
      workers: config.monteCarloWorkers,
      maxQueued: config.monteCarloQueue,
      perClient: config.monteCarloPerClient,
      idleSeconds: config.monteCarloIdleSeconds,
    }),
    answers: {
      perAnswer: config.answerBufferBytes,
      budget: new AnswerBudget(config.answerBufferTotalBytes),
      stallMs: config.slowClientSeconds * 1000,
      logger,
    },
    startedAt: clock(),
  };
}

/**
 * Saves each of the package's scenarios that the database does not have yet as a new scenario, and
 * adds a version to those whose newest version came from the package when the package's version
 * differs (the package or its scenario file changed). Scenarios a person has changed since are left
 * alone.
 *
 * @returns the ids of the scenarios created or updated.
 */
export function seedPackageScenarios(services: Services): string[] {
  const { model, scenarios } = services;
  const current = model.current;
  const changed: string[] = [];
  for (const scenario of Object.values(current.pkg.scenarios)) {
    const assumptions = normalizeAssumptions(scenario);
    const input = { assumptions, packageHash: current.hash, actor: PACKAGE_AUTHOR, comment: "from the data package" };
    const existing = scenarios.get(scenario.id);
    if (existing === undefined) {
      if (scenarios.count() >= services.config.maxScenarios) break;
      const created = scenarios.create({ ...input, id: scenario.id });
      if (created.ok) changed.push(scenario.id);
      continue;
    }
    const latest = existing.latest;
    if (latest.author !== PACKAGE_AUTHOR.name || latest.hash === versionHash(assumptions, current.hash)) continue;
    const updated = scenarios.update(scenario.id, latest.hash, input);
    if (updated.ok && updated.created) changed.push(scenario.id);
  }
  return changed;
}
