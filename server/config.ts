/**
 * The server's configuration, read once from environment variables at start.
 *
 * Every variable has a default that is safe on a municipal network; a value that cannot be read
 * stops the server with a message naming the variable (never a silent fallback).
 */
import { resolve } from "node:path";

export interface ServerConfig {
  /** TCP port; 0 = any free port. `PORT`, default 3000. */
  port: number;
  /** Interface to listen on; undefined = all interfaces. `VAXA_HOST`. */
  host: string | undefined;
  /** Folder for the database. `VAXA_DATA_DIR`, default `./var`. */
  dataDir: string;
  /** Data package folder. `VAXA_PACKAGE`, default `data/nacka`. */
  packageFolder: string;
  /** Whether reads (GET, POST /api/forecast) need no token. `VAXA_OPEN_READS`, default true. */
  openReads: boolean;
  /** Largest request body, bytes. `VAXA_MAX_BODY_BYTES`, default 102400 (100 kB). */
  maxBodyBytes: number;
  /** Most Monte Carlo draws per request. `VAXA_MAX_DRAWS`, default 20000. */
  maxDraws: number;
  /** Most scenarios the database holds. `VAXA_MAX_SCENARIOS`, default 1000. */
  maxScenarios: number;
  /** Most versions of one scenario. `VAXA_MAX_VERSIONS`, default 1000. */
  maxVersionsPerScenario: number;
  /** Requests per minute per client address to /api. `VAXA_RATE_LIMIT`, default 1200; 0 = no limit. */
  rateLimitPerMinute: number;
  /** Writes (saving scenarios, tokens) per minute per client address. `VAXA_WRITE_RATE_LIMIT`, default 60; 0 = no limit. */
  writeRateLimitPerMinute: number;
  /**
   * Whether requests from the machine itself (127.0.0.1, ::1) skip the rate limits, so that load
   * tests and health probes on the host are not throttled. `VAXA_RATE_LIMIT_EXEMPT_LOOPBACK`,
   * default true. Behind a reverse proxy on the same host set `VAXA_TRUST_PROXY` so that the
   * client's own address is used, or set this to false.
   */
  rateLimitExemptLoopback: boolean;
  /** Express "trust proxy" setting: false, true, a hop count or a list of addresses. `VAXA_TRUST_PROXY`, default false. */
  trustProxy: boolean | number | string;
  /** Worker threads a Monte Carlo run is split over. `VAXA_MONTE_CARLO_WORKERS`, default 1 (leaves a core for HTTP). */
  monteCarloWorkers: number;
  /** Monte Carlo runs that may wait for a worker before new ones get 503. `VAXA_MONTE_CARLO_QUEUE`, default 4. */
  monteCarloQueue: number;
  /** Forecasts kept in memory by their assumptions. `VAXA_FORECAST_CACHE`, default 256. */
  forecastCacheSize: number;
  /** pino level: fatal, error, warn, info, debug, trace, silent. `VAXA_LOG_LEVEL`, default info. */
  logLevel: string;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** A problem with one environment variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${text}": expected a whole number from ${min} to ${max}`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim().toLowerCase();
  if (text === undefined || text === "") return fallback;
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  throw new ConfigError(`${name}="${env[name]}": expected true or false`);
}

function trustProxy(text: string | undefined): boolean | number | string {
  if (text === undefined || text.trim() === "") return false;
  const t = text.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (/^\d+$/.test(t)) return Number(t);
  return t;
}

/**
 * Reads the configuration from environment variables.
 *
 * @throws ConfigError naming the variable whose value cannot be used.
 * @example readConfig({ PORT: "8080" }).port // 8080
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = env.VAXA_LOG_LEVEL?.trim() || "info";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`VAXA_LOG_LEVEL="${logLevel}": expected one of ${LOG_LEVELS.join(", ")}`);
  }
  return {
    port: integer(env, "PORT", 3000, 0, 65535),
    host: env.VAXA_HOST?.trim() || undefined,
    dataDir: resolve(env.VAXA_DATA_DIR?.trim() || "var"),
    packageFolder: env.VAXA_PACKAGE?.trim() || "data/nacka",
    openReads: boolean(env, "VAXA_OPEN_READS", true),
    maxBodyBytes: integer(env, "VAXA_MAX_BODY_BYTES", 100 * 1024, 1024, 10 * 1024 * 1024),
    maxDraws: integer(env, "VAXA_MAX_DRAWS", 20_000, 1, 1_000_000),
    maxScenarios: integer(env, "VAXA_MAX_SCENARIOS", 1000, 1, 1_000_000),
    maxVersionsPerScenario: integer(env, "VAXA_MAX_VERSIONS", 1000, 1, 1_000_000),
    rateLimitPerMinute: integer(env, "VAXA_RATE_LIMIT", 1200, 0, 10_000_000),
    writeRateLimitPerMinute: integer(env, "VAXA_WRITE_RATE_LIMIT", 60, 0, 10_000_000),
    rateLimitExemptLoopback: boolean(env, "VAXA_RATE_LIMIT_EXEMPT_LOOPBACK", true),
    trustProxy: trustProxy(env.VAXA_TRUST_PROXY),
    monteCarloWorkers: integer(env, "VAXA_MONTE_CARLO_WORKERS", 1, 1, 64),
    monteCarloQueue: integer(env, "VAXA_MONTE_CARLO_QUEUE", 4, 0, 1000),
    forecastCacheSize: integer(env, "VAXA_FORECAST_CACHE", 256, 0, 100_000),
    logLevel,
  };
}

/** The configuration with every default, for tests and benchmarks; `overrides` replace fields. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({}), ...overrides };
}
