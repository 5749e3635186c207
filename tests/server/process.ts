/**
 * The real server as a child process (`node --import tsx server/main.ts`), for the crash, memory
 * and start-up tests and the benchmark: started on a free port with the data directory it is given
 * (so that a second start finds what the first left), its stdout read for the "listening" line and
 * its stderr for the first-start admin token. The browser tests' server, with a fresh directory
 * each time, is `tests/web/real-server.ts`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** The admin token printed (on stderr) on the first start, if this start printed one. */
  adminToken: string | undefined;
  /** Everything written to stdout (the JSON log lines) so far. */
  output: () => string;
  /** Everything written to stderr (the first-start banner, fatal messages) so far. */
  errors: () => string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, PORT: "0", VAXA_HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    const check = () => {
      const listening = /\{[^\n]*"port":(\d+)[^\n]*"msg":"listening"[^\n]*\n/.exec(stdout);
      // The listening line says when a first admin token was printed (on stderr, in a banner).
      if (!listening || (listening[0].includes('"firstAdminToken"') && !/VAXA_ADMIN_TOKEN=\S+\n/.test(stderr))) return;
      clearTimeout(timer);
      const port = Number(listening[1]);
      resolve({
        child,
        port,
        url: `http://127.0.0.1:${port}`,
        adminToken: /VAXA_ADMIN_TOKEN=(vaxa_[A-Za-z0-9_-]+)/.exec(stderr)?.[1],
        output: () => stdout,
        errors: () => stderr,
        exited,
      });
    };
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      check();
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      check();
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped before listening (code ${code}, signal ${signal}):\n${stdout}\n${stderr}`));
    });
  });
}

/** Resident memory of a process in bytes, from /proc (Linux); undefined where there is none. */
export function residentBytes(pid: number): number | undefined {
  try {
    const kB = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return kB ? Number(kB[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Clients that have sent a request, read the start of the answer, and read nothing more. */
export interface NonReadingClients {
  /** The HTTP status of each answer, in the order the answers began. */
  statuses: number[];
  /** Starts reading everything that is left, and resolves when every connection has closed. */
  drain(): Promise<void>;
}

/**
 * Opens one connection per raw HTTP request, sends it, reads the first bytes of the answer (the
 * status line) and then stops reading, as a client that never takes its answer would.
 */
export async function nonReadingClients(port: number, requests: string[]): Promise<NonReadingClients> {
  const statuses: number[] = [];
  const sockets: Socket[] = [];
  const closed: Promise<unknown>[] = [];
  await Promise.all(
    requests.map(
      (text) =>
        new Promise<void>((resolve) => {
          const socket = connect(port, "127.0.0.1", () => socket.write(text));
          sockets.push(socket);
          socket.on("error", () => undefined);
          closed.push(new Promise((r) => socket.once("close", r)));
          socket.once("data", (first: Buffer) => {
            statuses.push(Number(first.toString("latin1", 9, 12)));
            socket.pause();
            resolve();
          });
        }),
    ),
  );
  return {
    statuses,
    drain: async () => {
      for (const socket of sockets) socket.resume();
      await Promise.all(closed);
    },
  };
}

/** A raw HTTP/1.1 POST of a JSON body. */
export function rawPost(path: string, body: string, headers: Record<string, string>): string {
  const lines = Object.entries({ Host: "vaxa", "Content-Type": "application/json", ...headers, "Content-Length": String(Buffer.byteLength(body)) });
  return `POST ${path} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n${body}`;
}
