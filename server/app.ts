/**
 * The HTTP app: `createApp(services)` returns an express app without listening, so tests can send
 * it requests with supertest and `main.ts` can serve it.
 *
 * Order: request id and log line (no secrets: `logger.ts`) → security headers (helmet; HSTS only
 * over HTTPS) → rate limits (by the client's address, behind exactly `VAXA_TRUST_PROXY` proxies) →
 * token check → JSON body (size limit) → routes → 404 → error handler (plain-words JSON, never a
 * stack trace).
 */
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import helmet from "helmet";
import { accessibilityPage } from "./accessibility.ts";
import { authenticate } from "./auth.ts";
import { errorHandler, HttpError } from "./http-error.ts";
import { loggableUrl } from "./logger.ts";
import { openApiDocument } from "./openapi.ts";
import { auditRoutes } from "./routes/audit.ts";
import { chartRoutes } from "./routes/charts.ts";
import { exportRoutes } from "./routes/exports.ts";
import { forecastRoutes } from "./routes/forecast.ts";
import { healthRoutes } from "./routes/health.ts";
import { packageRoutes } from "./routes/package.ts";
import { packageFileRoutes } from "./routes/package-files.ts";
import { packageUploadRoutes, storedPackageRoutes } from "./routes/packages.ts";
import { scenarioRoutes } from "./routes/scenarios.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { paperRoutes } from "./routes/paper.ts";
import { versionRoutes } from "./routes/versions.ts";
import type { Services } from "./services.ts";
import { appPage } from "./page.ts";
import { FirstScreens } from "./first-screen.ts";
import { compressedFiles, precompressed } from "./precompressed.ts";

/** The page and its stylesheet. */
const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "public");
/** The web app's bundle, built by `web/build.ts` (`npm run build:web`, run by `npm start`). */
const WEB_BUNDLE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "web", "dist");

/**
 * Helmet's headers that only a document (or a worker's own script) reads, taken off the bundle's
 * scripts, which are only ever run as module scripts of the page or imported by the worker: about
 * 450 bytes a script, some 3 kB of the first load. Each, and why it does nothing on a script:
 * - Content-Security-Policy: a policy applies to the document or worker whose response carries it;
 *   a module script runs under its importer's policy. Kept on the worker's entry script
 *   (`*worker.js`), whose response sets the worker's policy;
 * - Cross-Origin-Opener-Policy, Origin-Agent-Cluster: read only from a top-level document's response;
 * - X-Frame-Options: for a document shown in a frame (a script shown in one is plain text);
 * - X-XSS-Protection: switches off an old browser's XSS filter for a document;
 * - X-DNS-Prefetch-Control: whether a document's links are resolved ahead;
 * - X-Download-Options: an old Internet Explorer's "open" button for a downloaded HTML document.
 * Kept, since they do act on scripts: X-Content-Type-Options (a script must come as JavaScript),
 * Cross-Origin-Resource-Policy (who may load it), Referrer-Policy (a module script's own policy sets
 * the referrer of what it imports), X-Permitted-Cross-Domain-Policies.
 */
const DOCUMENT_ONLY_HEADERS = [
  "Content-Security-Policy",
  "Cross-Origin-Opener-Policy",
  "Origin-Agent-Cluster",
  "X-Frame-Options",
  "X-XSS-Protection",
  "X-DNS-Prefetch-Control",
  "X-Download-Options",
];

function scriptHeaders(req: Request, res: Response, next: NextFunction): void {
  if (req.path.endsWith(".js") && !req.path.endsWith("worker.js")) for (const name of DOCUMENT_ONLY_HEADERS) res.removeHeader(name);
  next();
}

/** Whether an address is the machine itself. */
export function isLoopback(ip: string | undefined): boolean {
  return ip === "127.0.0.1" || ip === "::1" || ip === "::ffff:127.0.0.1";
}

function limiter(limit: number, exemptLoopback: boolean, what: string) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    skip: (req) => limit === 0 || (exemptLoopback && isLoopback(req.ip)),
    handler: (_req, _res, next) => {
      next(new HttpError(429, `too many ${what} from your address: at most ${limit} a minute; wait a moment and try again`));
    },
  });
}

/** Requests that send a body must send JSON. */
function requireJson(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (hasBody && !req.is("application/json")) {
    return next(new HttpError(415, "send the request body as JSON, with the header Content-Type: application/json"));
  }
  next();
}

export function createApp(services: Services): express.Express {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  app.set("trust proxy", config.trustProxy);

  app.use((req, res, next) => {
    const id = randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      logger.info(
        { requestId: id, method: req.method, url: loggableUrl(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 100) / 100, ip: req.ip },
        "request",
      );
    });
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        // A municipal intranet often serves plain HTTP on a host name: helmet's default
        // upgrade-insecure-requests would make the browser fetch the app's script over HTTPS there.
        directives: {
          "img-src": ["'self'", "data:"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "upgrade-insecure-requests": null,
        },
      },
      // HSTS over plain HTTP is meaningless and, on a host that also serves HTTPS elsewhere, harmful:
      // it is sent below only on requests that came over HTTPS.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  const api = express.Router();
  api.use(limiter(config.rateLimitPerMinute, config.rateLimitExemptLoopback, "requests"));
  // Changes (saving scenarios, tokens) have their own, lower limit; POST /api/forecast is a read.
  const writeLimiter = limiter(config.writeRateLimitPerMinute, config.rateLimitExemptLoopback, "changes");
  api.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || req.path === "/forecast") return next();
    writeLimiter(req, res, next);
  });
  api.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  api.use(authenticate(services.tokens));
  // An uploaded package is a file, not JSON: its route reads its own body, with its own size limit.
  packageUploadRoutes(api, services);
  api.use(requireJson);
  api.use(express.json({ limit: config.maxBodyBytes, strict: true, type: "application/json" }));

  healthRoutes(api, services);
  const openApi = JSON.stringify(openApiDocument(services));
  api.get("/openapi.json", (_req, res) => {
    res.type("application/json").send(openApi);
  });
  packageRoutes(api, services);
  packageFileRoutes(api, services);
  storedPackageRoutes(api, services);
  forecastRoutes(api, services);
  scenarioRoutes(api, services);
  exportRoutes(api, services);
  chartRoutes(api, services);
  paperRoutes(api, services);
  versionRoutes(api, services);
  auditRoutes(api, services);
  tokenRoutes(api, services);
  api.use((req, _res, next) => {
    next(new HttpError(404, `there is no ${req.method} ${req.baseUrl}${req.path}; the API is described at /api/openapi.json`));
  });
  app.use("/api", api);

  // The accessibility statement: a page of its own, readable without JavaScript (`accessibility.ts`).
  app.get("/tillganglighet", (req, res) => {
    const lang = req.query.lang === "en" ? "en" : "sv";
    res.type("html").send(accessibilityPage(lang, services.model.current.pkg.municipality.name, services.config.accessibilityContact));
  });
  // The page, with the planner's first screen rendered into it (`first-screen.ts`).
  app.use(appPage(PUBLIC_DIR, WEB_BUNDLE_DIR, config.openReads, new FirstScreens(services)));
  app.use(compressedFiles(PUBLIC_DIR, [".css"], 300), express.static(PUBLIC_DIR, { index: false, maxAge: "5m" }));
  app.use("/build", scriptHeaders, precompressed(WEB_BUNDLE_DIR, "5m"), express.static(WEB_BUNDLE_DIR, { maxAge: "5m" }));
  app.use((req, _res, next) => {
    next(new HttpError(404, `there is no page ${req.path}; see / or the API at /api/openapi.json`));
  });
  app.use(errorHandler(logger));
  return app;
}
