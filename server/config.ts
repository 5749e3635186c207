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
  /** Largest uploaded data package (ZIP or XLSX), bytes. `VAXA_MAX_UPLOAD_BYTES`, default 5242880 (5 MB). */
  maxUploadBytes: number;
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
   * Whether requests from the machine itself (127.0.0.1, ::1) skip the rate limits (load tests and
   * probes on the host). `VAXA_RATE_LIMIT_EXEMPT_LOOPBACK`, default false: behind a reverse proxy on
   * the same host every client would otherwise look like the machine itself and go unlimited.
   */
  rateLimitExemptLoopback: boolean;
  /**
   * How many reverse proxies stand in front of the server: the client's address is then taken
   * from that many hops of `X-Forwarded-For` (and HTTPS from `X-Forwarded-Proto`), never more, so
   * a client cannot choose its own address by sending the header. `VAXA_TRUST_PROXY`, default 0.
   */
  trustProxy: number;
  /** Worker threads for Monte Carlo, each running one run at a time. `VAXA_MONTE_CARLO_WORKERS`, default 1 (leaves a core for HTTP). */
  monteCarloWorkers: number;
  /** Monte Carlo answers under way at once beyond one per worker (waiting or streaming); more get 503. `VAXA_MONTE_CARLO_QUEUE`, default 4. */
  monteCarloQueue: number;
  /** Seconds a Monte Carlo worker may sit idle before it stops and gives its memory back. `VAXA_MONTE_CARLO_IDLE_SECONDS`, default 30. */
  monteCarloIdleSeconds: number;
  /**
   * Monte Carlo answers one client (token, or address without a token) may have under way; more get
   * 429. `VAXA_MONTE_CARLO_PER_CLIENT`, default 4: the web app's council view asks for the
   * summaries of up to four versions at once.
   */
  monteCarloPerClient: number;
  /**
   * Whether every Monte Carlo request is open like other reads. `VAXA_OPEN_MONTE_CARLO`, default
   * false: only summaries of at most {@link openMonteCarloDraws} draws are; larger runs and Arrow
   * answers need at least a viewer token.
   */
  openMonteCarlo: boolean;
  /** Draws of a Monte Carlo summary that needs no token (the web app asks for 1,000). `VAXA_OPEN_MONTE_CARLO_DRAWS`, default 1000. */
  openMonteCarloDraws: number;
  /** Bytes one answer may have written that the client has not yet taken. `VAXA_ANSWER_BUFFER_BYTES`, default 1 MiB. */
  answerBufferBytes: number;
  /** Bytes all answers together may have waiting for their clients. `VAXA_ANSWER_BUFFER_TOTAL_BYTES`, default 32 MiB. */
  answerBufferTotalBytes: number;
  /** Seconds an answer may wait for its client to read before the connection is closed. `VAXA_SLOW_CLIENT_SECONDS`, default 30. */
  slowClientSeconds: number;
  /** Forecast answers (their JSON bytes) kept in memory by their assumptions; the last 16 forecasts are also kept whole. `VAXA_FORECAST_CACHE`, default 256. */
  forecastCacheSize: number;
  /** pino level: fatal, error, warn, info, debug, trace, silent. `VAXA_LOG_LEVEL`, default info. */
  logLevel: string;
  /**
   * Where people report accessibility problems, shown on the accessibility statement
   * (`/tillganglighet`): a `mailto:` address or an `https://` form. `VAXA_ACCESSIBILITY_CONTACT`;
   * none until the organisation running Vaxa sets it.
   */
  accessibilityContact: string | undefined;
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

/** `VAXA_TRUST_PROXY`: a hop count only; `true` would believe any `X-Forwarded-For` a client sends. */
function trustProxy(env: NodeJS.ProcessEnv): number {
  const text = env.VAXA_TRUST_PROXY?.trim().toLowerCase();
  if (text === "false") return 0;
  if (text === "true") {
    throw new ConfigError(
      'VAXA_TRUST_PROXY="true" would let any client choose its address with X-Forwarded-For: give the number of reverse proxies in front of the server (usually 1), or 0',
    );
  }
  return integer(env, "VAXA_TRUST_PROXY", 0, 0, 10);
}

/** `VAXA_ACCESSIBILITY_CONTACT`: a mailto: address or an https:// address of a form. */
function accessibilityContact(env: NodeJS.ProcessEnv): string | undefined {
  const text = env.VAXA_ACCESSIBILITY_CONTACT?.trim();
  if (!text) return undefined;
  if (!/^mailto:[^\s@]+@[^\s@]+$|^https:\/\/\S+$/.test(text)) {
    throw new ConfigError(`VAXA_ACCESSIBILITY_CONTACT="${text.slice(0, 80)}": expected mailto:<address> or https://<address of a form>`);
  }
  return text;
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
    accessibilityContact: accessibilityContact(env),
    openReads: boolean(env, "VAXA_OPEN_READS", true),
    maxBodyBytes: integer(env, "VAXA_MAX_BODY_BYTES", 100 * 1024, 1024, 10 * 1024 * 1024),
    maxUploadBytes: integer(env, "VAXA_MAX_UPLOAD_BYTES", 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    maxDraws: integer(env, "VAXA_MAX_DRAWS", 20_000, 1, 1_000_000),
    maxScenarios: integer(env, "VAXA_MAX_SCENARIOS", 1000, 1, 1_000_000),
    maxVersionsPerScenario: integer(env, "VAXA_MAX_VERSIONS", 1000, 1, 1_000_000),
    rateLimitPerMinute: integer(env, "VAXA_RATE_LIMIT", 1200, 0, 10_000_000),
    writeRateLimitPerMinute: integer(env, "VAXA_WRITE_RATE_LIMIT", 60, 0, 10_000_000),
    rateLimitExemptLoopback: boolean(env, "VAXA_RATE_LIMIT_EXEMPT_LOOPBACK", false),
    trustProxy: trustProxy(env),
    monteCarloWorkers: integer(env, "VAXA_MONTE_CARLO_WORKERS", 1, 1, 64),
    monteCarloQueue: integer(env, "VAXA_MONTE_CARLO_QUEUE", 4, 0, 1000),
    monteCarloIdleSeconds: integer(env, "VAXA_MONTE_CARLO_IDLE_SECONDS", 30, 1, 86_400),
    monteCarloPerClient: integer(env, "VAXA_MONTE_CARLO_PER_CLIENT", 4, 1, 1000),
    openMonteCarlo: boolean(env, "VAXA_OPEN_MONTE_CARLO", false),
    openMonteCarloDraws: integer(env, "VAXA_OPEN_MONTE_CARLO_DRAWS", 1000, 0, 1_000_000),
    answerBufferBytes: integer(env, "VAXA_ANSWER_BUFFER_BYTES", 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    answerBufferTotalBytes: integer(env, "VAXA_ANSWER_BUFFER_TOTAL_BYTES", 32 * 1024 * 1024, 64 * 1024, 16 * 1024 * 1024 * 1024),
    slowClientSeconds: integer(env, "VAXA_SLOW_CLIENT_SECONDS", 30, 1, 3600),
    forecastCacheSize: integer(env, "VAXA_FORECAST_CACHE", 256, 0, 100_000),
    logLevel,
  };
}

/** The configuration with every default, for tests and benchmarks; `overrides` replace fields. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({}), ...overrides };
}
