/**
 * `npm start` (server/main.ts) at its edges: a port in use is one plain line and exit code 1, with
 * no token stored that nobody saw; the first admin token is created once the server listens and
 * shown once, on the terminal (stderr), never in the log stream (stdout).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../server/db/open-database.ts";
import { type ServerProcess, spawnServer } from "./process.ts";

const dir = mkdtempSync(join(tmpdir(), "vaxa-main-"));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("starting the server", () => {
  it("says plainly that the port is in use and exits 1, storing no token; the next start creates the first admin token and shows it once, on stderr", async () => {
    const occupier = createServer();
    occupier.listen(0, "127.0.0.1");
    await once(occupier, "listening");
    const { port } = occupier.address() as AddressInfo;

    const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
      env: { ...process.env, PORT: String(port), VAXA_HOST: "127.0.0.1", VAXA_DATA_DIR: dir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    occupier.close();
    expect(code).toBe(1);
    expect(stderr).toBe(`vaxa: port ${port} is in use: another program listens there; stop it or start Vaxa with another PORT\n`);
    expect(stdout).not.toMatch(/listening|vaxa_/);
    const db = openDatabase(dir);
    expect(db.prepare("SELECT count(*) AS n FROM tokens").get()).toEqual({ n: 0 });
    db.close();

    const server = await spawnServer({ VAXA_DATA_DIR: dir });
    running.push(server);
    const token = server.adminToken!;
    expect(token).toMatch(/^vaxa_[A-Za-z0-9_-]{43}$/);
    expect(server.errors().split(token)).toHaveLength(2); // exactly once
    expect(server.errors()).toContain('-H "Authorization: Bearer $VAXA_ADMIN_TOKEN"');
    expect(server.output()).not.toContain("vaxa_");
    expect(server.output()).toMatch(/"firstAdminToken":"token 1 created and shown once on the terminal \(stderr\), not in this log"[^\n]*"msg":"listening"/);
    const tokens = await fetch(`${server.url}/api/tokens`, { headers: { Authorization: `Bearer ${token}` } });
    expect(tokens.status).toBe(200);
    server.child.kill("SIGTERM");
    expect((await server.exited).code).toBe(0);
    expect(server.output()).not.toContain(token.slice(5));
  }, 120_000);
});
