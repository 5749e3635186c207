/**
 * `npm start`: the Vaxa server.
 *
 * Reads the configuration from environment variables (see `config.ts`: PORT, VAXA_DATA_DIR,
 * VAXA_PACKAGE, VAXA_OPEN_READS, …), loads the data package once, opens the database under the
 * data directory (creating it and applying migrations), saves the package's scenarios as versions,
 * serves HTTP (a port in use is one plain line and exit code 1), creates and prints an admin token
 * once it listens on the first start, and shuts down gracefully on SIGTERM and SIGINT (stops
 * accepting, finishes the requests under way, closes the database).
 */
import type { AddressInfo } from "node:net";
import { readPackageFolder } from "../io/read-package-folder.ts";
import { formatPackageError } from "../model/package-error.ts";
import { createApp } from "./app.ts";
import { createAppServer } from "./app-server.ts";
import { ConfigError, readConfig, type ServerConfig } from "./config.ts";
import { openDatabase } from "./db/open-database.ts";
import { createLogger } from "./logger.ts";
import { packageFromFiles } from "./model-service.ts";
import { createServices, seedPackageScenarios } from "./services.ts";

function stop(message: string): never {
  process.stderr.write(`vaxa: ${message}\n`);
  process.exit(1);
}

let config: ServerConfig;
try {
  config = readConfig();
} catch (error) {
  stop(error instanceof ConfigError ? error.message : String(error));
}
const logger = createLogger(config.logLevel);

let loaded: ReturnType<typeof packageFromFiles>;
try {
  const folder = await readPackageFolder(config.packageFolder);
  loaded = packageFromFiles(folder.files, folder.findings);
} catch (error) {
  stop(`cannot load the data package ${config.packageFolder} (VAXA_PACKAGE): ${error instanceof Error ? error.message : String(error)}`);
}

let db: ReturnType<typeof openDatabase>;
try {
  db = openDatabase(config.dataDir);
} catch (error) {
  stop(`cannot open the database in ${config.dataDir} (VAXA_DATA_DIR): ${error instanceof Error ? error.message : String(error)}`);
}

if (loaded.report.length > 0) {
  logger.warn({ report: loaded.report.map((f) => `${f.severity}: ${formatPackageError(f)}`) }, "the data package has warnings or notes (GET /api/package lists them)");
}

const services = createServices({ config, logger, db, package: loaded });
const seeded = seedPackageScenarios(services);
if (seeded.length > 0) logger.info({ scenarios: seeded }, "saved the data package's scenarios as versions");

const app = createApp(services);
const server = createAppServer(app);
// Slow clients must not hold connections open forever (answers that stream have their own bound:
// VAXA_SLOW_CLIENT_SECONDS, see streaming.ts).
server.headersTimeout = 20_000;
server.requestTimeout = 60_000;
server.keepAliveTimeout = 5_000;

/** Why the server cannot listen, in plain words. */
function listenProblem(error: NodeJS.ErrnoException): string {
  const where = `${config.host ?? "all interfaces"}, port ${config.port}`;
  if (error.code === "EADDRINUSE") return `port ${config.port} is in use: another program listens there; stop it or start Vaxa with another PORT`;
  if (error.code === "EACCES") return `port ${config.port} needs privileges this user does not have; choose a PORT above 1023`;
  if (error.code === "EADDRNOTAVAIL") return `cannot listen on ${where}: this machine has no address ${config.host} (VAXA_HOST)`;
  return `cannot listen on ${where}: ${error.message}`;
}

server.once("error", (error: NodeJS.ErrnoException) => stop(listenProblem(error)));
server.listen(config.port, config.host ?? "::", () => {
  server.removeAllListeners("error");
  server.on("error", (error) => logger.error({ err: error }, "server error"));
  const address = server.address() as AddressInfo;
  const url = `http://${config.host ?? "localhost"}:${address.port}`;
  // Created only now that the server listens: a start that fails (port in use) stores no token
  // that nobody has seen.
  const first = services.tokens.createFirstAdmin({ name: "server (first start)" });
  if (first) printFirstToken(first.token, url);
  logger.info(
    {
      port: address.port,
      url,
      dataDir: config.dataDir,
      package: config.packageFolder,
      packageVersion: loaded.versionId,
      openReads: config.openReads,
      ...(first ? { firstAdminToken: `token ${first.record.id} created and shown once on the terminal (stderr), not in this log` } : {}),
    },
    "listening",
  );
});

/**
 * The first admin token, once, on stderr: the terminal of whoever started the server, apart from
 * the JSON log lines on stdout that a supervisor collects.
 */
function printFirstToken(token: string, url: string): void {
  const line = "=".repeat(78);
  process.stderr.write(
    [
      line,
      "Vaxa: first start with an empty database. An admin token was created; it is shown only now.",
      "Keep it somewhere safe (the server stores only its hash):",
      "",
      `  VAXA_ADMIN_TOKEN=${token}`,
      "",
      // Only the line above may hold "VAXA_ADMIN_TOKEN=": tools read the token from it.
      "Save a scenario with it (first export the line above in your shell):",
      `  curl -X POST ${url}/api/scenarios -H "Authorization: Bearer $VAXA_ADMIN_TOKEN" \\`,
      `       -H "Content-Type: application/json" -d '{"assumptions":{"name":{"sv":"Mitt scenario","en":"My scenario"},"growthMultiplier":1.5}}'`,
      'Create tokens for others:  npm run token -- create --role planner --name "Anna Andersson"',
      line,
      "",
    ].join("\n"),
  );
}

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down: finishing the requests under way");
  const done = (code: number) => {
    try {
      db.close();
    } catch (error) {
      logger.error({ err: error }, "closing the database");
    }
    logger.info("stopped");
    process.exit(code);
  };
  void services.monteCarlo.close();
  server.close(() => done(0));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 5_000).unref();
  setTimeout(() => {
    logger.error("requests still running after 10 s: stopping anyway");
    done(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("uncaughtException", (error) => {
  logger.fatal({ err: error }, "uncaught exception");
  try {
    db.close();
  } finally {
    process.exit(1);
  }
});
