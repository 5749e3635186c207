/**
 * The real Vaxa server (`server/main.ts`, exactly what `npm start` runs) as a child process on a
 * free port with a fresh data directory, for the browser tests and the browser benchmark.
 *
 * @example
 * const server = await startServer();
 * // … open server.url in Chromium …
 * await server.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The admin token printed on the first start. */
  adminToken: string;
  dataDir: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  /** Stops the server (SIGTERM to its process group, SIGKILL after 5 s) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts the server and waits until it listens.
 *
 * @param env extra environment variables (e.g. `{ VAXA_OPEN_READS: "false" }`).
 * @throws Error with the server's output if it does not listen within `timeoutMs`.
 */
export async function startServer(env: Record<string, string> = {}, timeoutMs = 30_000): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "vaxa-web-"));
  const child: ChildProcess = spawn(process.execPath, [TSX, "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      VAXA_HOST: "127.0.0.1",
      VAXA_DATA_DIR: dataDir,
      VAXA_LOG_LEVEL: "info",
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let text = "";
  let port: number | null = null;
  let adminToken: string | null = null;
  let exited: number | null = null;
  const onData = (chunk: Buffer) => {
    text += chunk.toString("utf8");
    if (text.length > 200_000) text = text.slice(-100_000);
    for (const line of text.split("\n")) {
      const token = /VAXA_ADMIN_TOKEN=(\S+)/.exec(line);
      if (token) adminToken = token[1]!;
      if (port === null && line.startsWith("{") && line.includes('"listening"')) {
        try {
          const entry = JSON.parse(line) as { port?: number; msg?: string };
          if (entry.msg === "listening" && typeof entry.port === "number") port = entry.port;
        } catch {
          // An incomplete line: wait for the rest.
        }
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  child.on("exit", (code) => {
    exited = code ?? -1;
  });

  const started = Date.now();
  while ((port === null || adminToken === null) && exited === null && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const stop = async () => {
    if (exited === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      const until = Date.now() + 5000;
      while (exited === null && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      if (exited === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (port === null || adminToken === null) {
    await stop();
    throw new Error(
      `the server did not start within ${timeoutMs} ms (exit code ${exited ?? "none"}); its output:\n${text.slice(-4000)}`,
    );
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminToken,
    dataDir,
    output: () => text,
    stop,
  };
}

/** Creates a token with a role through the API, as an admin would. */
export async function createToken(server: RunningServer, role: "viewer" | "planner" | "admin", name = `web test ${role}`): Promise<string> {
  const response = await fetch(`${server.url}/api/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ name, role }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`creating a ${role} token failed: HTTP ${response.status} ${body.error ?? ""}`);
  return body.token;
}
