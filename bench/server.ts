/**
 * Server benchmark: the real server (`node --import tsx server/main.ts`) on an ephemeral port
 * of 127.0.0.1 with a temporary data directory, loaded with autocannon:
 *
 * - GET /api/health — the ceiling: the cheapest answer through the whole middleware stack;
 * - POST /api/forecast, deterministic, the same assumptions each time (the cached path a planner's
 *   slider hits again and again);
 * - POST /api/forecast with different assumptions every request (every request compiles and runs
 *   the model), for information.
 *
 * Targets (2-core machine): forecast throughput at least half of health's, forecast p99 under 25 ms.
 * `benchServer()` returns the figures; `npx tsx bench/server.ts` prints them.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; average: number; max: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

const require = createRequire(import.meta.url);
const autocannon = require("autocannon") as Autocannon;

/** Seconds per run, connections per run. */
const DURATION = Number(process.env.VAXA_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.VAXA_BENCH_CONNECTIONS ?? 10);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

function figures(result: AutocannonResult) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    megabytesPerSecond: Math.round((result.throughput.average / 1e6) * 10) / 10,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Runs the server benchmark and returns its figures. */
export async function benchServer(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "vaxa-bench-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: String(port), VAXA_HOST: "127.0.0.1", VAXA_DATA_DIR: dataDir },
    // The request log (pino, info level, as with npm start) goes to /dev/null.
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(url, 30_000);
    const forecastBody = JSON.stringify({
      assumptions: { growthMultiplier: 2, levers: ["automated_decisions_fa", "e_services"], set: { "levers.intensity": 0.9 } },
    });
    const json = { "content-type": "application/json" };
    // Warm up: JIT, caches.
    await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: `${url}/api/forecast`, connections: CONNECTIONS, duration: 2, method: "POST", headers: json, body: forecastBody });

    const health = await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: DURATION });
    const forecast = await autocannon({
      url: `${url}/api/forecast`,
      connections: CONNECTIONS,
      duration: DURATION,
      method: "POST",
      headers: json,
      body: forecastBody,
    });
    let n = 0;
    const uncached = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: "POST",
          path: "/api/forecast",
          headers: json,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ assumptions: { growthMultiplier: 1 + (n++ % 1_000_000) / 1_000_000 } }),
          }),
        },
      ],
    });
    const h = figures(health);
    const f = figures(forecast);
    return {
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      connections: CONNECTIONS,
      secondsPerRun: DURATION,
      health: h,
      forecast: f,
      forecastUncached: figures(uncached),
      forecastToHealthRatio: Math.round((f.requestsPerSecond / h.requestsPerSecond) * 100) / 100,
      targets: {
        ratioAtLeast: 0.5,
        forecastP99BelowMs: 25,
        ratioMet: f.requestsPerSecond / h.requestsPerSecond >= 0.5,
        p99Met: f.latencyMs.p99 < 25,
      },
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchServer().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
