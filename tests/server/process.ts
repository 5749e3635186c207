/**
 * The real server as a child process (`node --import tsx server/main.ts`), for the crash test:
 * started on a free port with the data directory it is given (so that a second start finds what
 * the first left), its stdout read for the "listening" line and the first-start admin token. The
 * browser tests' server, with a fresh directory each time, is `tests/web/real-server.ts`.
 */
import { type ChildProcess, spawn } from "node:child_process";

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** The admin token printed on the first start, if this start printed one. */
  adminToken: string | undefined;
  /** Everything written to stdout so far. */
  output: () => string;
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
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /"port":(\d+)[^\n]*"msg":"listening"/.exec(stdout);
      // The token banner is written right after the listening line, in the same tick.
      if (listening && (stdout.includes("VAXA_ADMIN_TOKEN=") ? /VAXA_ADMIN_TOKEN=\S+\n/.test(stdout) : true)) {
        clearTimeout(timer);
        const port = Number(listening[1]);
        resolve({
          child,
          port,
          url: `http://127.0.0.1:${port}`,
          adminToken: /VAXA_ADMIN_TOKEN=(vaxa_[A-Za-z0-9_-]+)/.exec(stdout)?.[1],
          output: () => stdout,
          exited,
        });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped before listening (code ${code}, signal ${signal}):\n${stdout}\n${stderr}`));
    });
  });
}
