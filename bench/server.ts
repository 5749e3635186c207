/**
 * Server benchmark: the real server (`node --import tsx server/main.ts`) on an ephemeral port
 * of 127.0.0.1 with a temporary data directory, loaded with autocannon:
 *
 * - GET /api/health — the ceiling: the cheapest answer through the whole middleware stack;
 * - POST /api/forecast, deterministic, the same assumptions each time (the cached path a planner's
 *   slider hits again and again);
 * - POST /api/forecast with different assumptions every request (every request compiles and runs
 *   the model, and serialises a new answer): at least 2,000 requests a second; then the same with
 *   two levers (a larger answer with no repeated columns);
 * - GET /api/health again while Monte Carlo runs without pause (three clients: two asking for
 *   20,000-draw summaries, one for 20,000-draw Arrow trajectories read to the end): the runs
 *   happen in the worker thread, so the health check's p99 must stay under 20 ms;
 * - the server's resident memory (Linux /proc) before that load, at its highest, and after the
 *   load once the idle worker has stopped; then the same with forty clients that ask for 20,000-draw
 *   Arrow trajectories and never read them.
 *
 * Each load run also reports the server's CPU time per request (Linux /proc), which a machine busy
 * with other work disturbs far less than requests a second.
 *
 * Targets (2-core machine): forecast throughput at least half of health's, forecast p99 under 25 ms,
 * uncached forecasts at least 2,000 a second, health p99 under Monte Carlo load under 20 ms. `benchServer()` returns the figures;
 * `npx tsx bench/server.ts` prints them.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { nonReadingClients, rawPost, residentBytes } from "../tests/server/process.ts";

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

/** CPU seconds (user + system) a process has used so far (Linux /proc; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A load run and the server's CPU time for each request answered meanwhile: on a machine shared
 * with other work, requests a second follow the share of the CPU the server gets, CPU per request
 * much less so.
 */
async function measured(pid: number, run: Promise<AutocannonResult>): Promise<AutocannonResult & { cpuMicroseconds: number }> {
  const before = cpuSeconds(pid);
  const result = await run;
  return { ...result, cpuMicroseconds: ((cpuSeconds(pid) - before) * 1e6) / Math.max(1, result.requests.total) };
}

function figures(result: AutocannonResult & { cpuMicroseconds?: number }) {
  return {
    requestsPerSecond: Math.round(result.requests.average),
    ...(result.cpuMicroseconds === undefined ? {} : { serverCpuMicrosecondsPerRequest: Math.round(result.cpuMicroseconds) }),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    megabytesPerSecond: Math.round((result.throughput.average / 1e6) * 10) / 10,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const MB = 1024 * 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Seconds the server's Monte Carlo worker idles before it stops (and gives its memory back). */
const IDLE_SECONDS = 3;
/** Seconds a client may read nothing before the server cuts it off. */
const SLOW_CLIENT_SECONDS = 3;
const ARROW = "application/vnd.apache.arrow.stream";
const monteCarloBody = (draws: number, seed: number) =>
  JSON.stringify({ assumptions: { levers: ["automated_decisions_fa", "e_services"], uncertainty: { growthMultiplier: { type: "uniform", min: 1, max: 2 } } }, monteCarlo: { draws, seed } });

/** Samples a process's resident memory until stopped; figures in MB. */
function memorySampler(pid: number) {
  const now = () => (residentBytes(pid) ?? Number.NaN) / MB;
  let peak = now();
  const timer = setInterval(() => (peak = Math.max(peak, now())), 25);
  const stop = () => {
    clearInterval(timer);
    return Math.round(peak);
  };
  return { now, stop };
}

/** Monte Carlo requests sent one after another until `until`, counted by status. */
async function monteCarloLoop(url: string, token: string, arrow: boolean, until: number, seed: number) {
  const statuses: Record<string, number> = {};
  const ms: number[] = [];
  for (let i = 0; Date.now() < until; i++) {
    const t = performance.now();
    const res = await fetch(`${url}/api/forecast`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}`, Accept: arrow ? ARROW : "application/json" },
      body: monteCarloBody(20_000, seed + i),
    });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { statuses, ms };
}

/** Runs the server benchmark and returns its figures. */
export async function benchServer(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), "vaxa-bench-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      VAXA_HOST: "127.0.0.1",
      VAXA_DATA_DIR: dataDir,
      // The load comes from this machine: measure the server, not its rate limits.
      VAXA_RATE_LIMIT_EXEMPT_LOOPBACK: "true",
      VAXA_MONTE_CARLO_IDLE_SECONDS: String(IDLE_SECONDS),
      VAXA_SLOW_CLIENT_SECONDS: String(SLOW_CLIENT_SECONDS),
    },
    // The request log (pino, info level, as with npm start) is read and dropped; stderr carries the first admin token.
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.resume();
  let banner = "";
  child.stderr.on("data", (chunk: Buffer) => (banner += chunk.toString()));
  try {
    await waitForHealth(url, 60_000);
    while (!/VAXA_ADMIN_TOKEN=\S+\n/.test(banner)) await sleep(50);
    const admin = /VAXA_ADMIN_TOKEN=(\S+)/.exec(banner)![1]!;
    const viewers: string[] = [];
    for (let i = 0; i < 43; i++) {
      const created = await fetch(`${url}/api/tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${admin}` },
        body: JSON.stringify({ name: `bench ${i}`, role: "viewer" }),
      });
      viewers.push(((await created.json()) as { token: string }).token);
    }
    const forecastBody = JSON.stringify({
      assumptions: { growthMultiplier: 2, levers: ["automated_decisions_fa", "e_services"], set: { "levers.intensity": 0.9 } },
    });
    const json = { "content-type": "application/json" };
    // Warm up: JIT, caches.
    await autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: 2 });
    await autocannon({ url: `${url}/api/forecast`, connections: CONNECTIONS, duration: 2, method: "POST", headers: json, body: forecastBody });

    const pid = child.pid!;
    const health = await measured(pid, autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: DURATION }));
    const forecast = await measured(pid, autocannon({
      url: `${url}/api/forecast`,
      connections: CONNECTIONS,
      duration: DURATION,
      method: "POST",
      headers: json,
      body: forecastBody,
    }));
    /** POST /api/forecast with another growth multiplier on every request, and these levers. */
    const newAssumptionsEveryRequest = (levers: string[]) => {
      let n = 0;
      return measured(pid, autocannon({
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
              body: JSON.stringify({ assumptions: { growthMultiplier: 1 + (n++ % 1_000_000) / 1_000_000, ...(levers.length > 0 ? { levers } : {}) } }),
            }),
          },
        ],
      }));
    };
    const uncached = await newAssumptionsEveryRequest([]);
    // The same with two levers, as the web app's planner sends: without levers delivery and total
    // FTE equal baseline FTE and their columns are written once (server/forecast-json.ts), so the
    // run above is the cheaper case.
    const uncachedWithLevers = await newAssumptionsEveryRequest(["automated_decisions_fa", "e_services"]);
    // Health checks while Monte Carlo runs without pause, and the memory around it.
    const memory = memorySampler(child.pid!);
    await sleep((IDLE_SECONDS + 2) * 1000); // the worker from earlier runs (if any) has stopped
    const rssBefore = Math.round(memory.now());
    const until = Date.now() + DURATION * 1000;
    const [underLoad, ...loops] = await Promise.all([
      autocannon({ url: `${url}/api/health`, connections: CONNECTIONS, duration: DURATION }),
      monteCarloLoop(url, viewers[0]!, false, until, 1_000),
      monteCarloLoop(url, viewers[1]!, false, until, 2_000_000),
      monteCarloLoop(url, viewers[2]!, true, until, 3_000_000),
    ]);
    const rssPeak = memory.stop();
    await sleep((IDLE_SECONDS + 2) * 1000);
    const rssAfter = Math.round(memory.now());
    const answered = loops.flatMap((l) => l.ms);

    // Forty clients that never read their 20,000-draw Arrow trajectories.
    const slowMemory = memorySampler(child.pid!);
    const slowBefore = Math.round(slowMemory.now());
    const clients = await nonReadingClients(
      port,
      viewers.slice(3).map((token, i) => rawPost("/api/forecast", monteCarloBody(20_000, 5_000_000 + i), { Accept: ARROW, Authorization: `Bearer ${token}` })),
    );
    await sleep(SLOW_CLIENT_SECONDS * 3000); // long enough for the server to cut every one of them off
    await clients.drain();
    const slowPeak = slowMemory.stop();
    await sleep((IDLE_SECONDS + 2) * 1000);
    const slowAfter = Math.round(slowMemory.now());

    const h = figures(health);
    const f = figures(forecast);
    const u = figures(underLoad);
    return {
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      connections: CONNECTIONS,
      secondsPerRun: DURATION,
      health: h,
      forecast: f,
      forecastUncached: figures(uncached),
      forecastUncachedWithLevers: figures(uncachedWithLevers),
      forecastToHealthRatio: Math.round((f.requestsPerSecond / h.requestsPerSecond) * 100) / 100,
      uncachedToHealthRatio: Math.round((figures(uncached).requestsPerSecond / h.requestsPerSecond) * 100) / 100,
      uncachedWithLeversToHealthRatio: Math.round((figures(uncachedWithLevers).requestsPerSecond / h.requestsPerSecond) * 100) / 100,
      healthDuringMonteCarlo: u,
      monteCarloDuringHealth: {
        clients: loops.length,
        draws: 20_000,
        statuses: loops.map((l) => l.statuses),
        answers: answered.length,
        medianMs: Math.round([...answered].sort((a, b) => a - b)[Math.floor(answered.length / 2)] ?? Number.NaN),
      },
      memoryMB: {
        beforeMonteCarloLoad: rssBefore,
        peakDuringMonteCarloLoad: rssPeak,
        afterMonteCarloLoad: rssAfter,
        beforeSlowClients: slowBefore,
        peakWithSlowClients: slowPeak,
        afterSlowClients: slowAfter,
        slowClients: clients.statuses.length,
        slowClientStatuses: clients.statuses.reduce<Record<string, number>>((c, s) => ((c[s] = (c[s] ?? 0) + 1), c), {}),
      },
      targets: {
        uncachedAtLeast: 2000,
        uncachedMet: figures(uncached).requestsPerSecond >= 2000,
        ratioAtLeast: 0.5,
        forecastP99BelowMs: 25,
        healthP99UnderMonteCarloBelowMs: 20,
        ratioMet: f.requestsPerSecond / h.requestsPerSecond >= 0.5,
        p99Met: f.latencyMs.p99 < 25,
        healthUnderMonteCarloMet: u.latencyMs.p99 < 20,
      },
    };
  } finally {
    child.kill("SIGTERM");
    await once(child, "exit");
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
