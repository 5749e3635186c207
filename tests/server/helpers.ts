/**
 * A Vaxa app for tests: the Nacka package, an in-memory database, a silent logger, and one token
 * of each role. No port is opened; supertest sends requests to the app directly.
 */
import type { Express } from "express";
import type { Logger } from "pino";
import type { Response as AgentResponse } from "superagent";
import request from "supertest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { createApp } from "../../server/app.ts";
import { defaultConfig, type ServerConfig } from "../../server/config.ts";
import { openDatabase } from "../../server/db/open-database.ts";
import { createLogger } from "../../server/logger.ts";
import type { LoadedPackage } from "../../contract/api.ts";
import { packageFromFiles } from "../../server/model-service.ts";
import { createServices, seedPackageScenarios, type Services } from "../../server/services.ts";
import { forecastFromColumns } from "../../contract/forecast-columns.ts";

let nacka: Promise<LoadedPackage> | undefined;

/** The default data package, loaded once per test file. */
export function nackaPackage(): Promise<LoadedPackage> {
  nacka ??= readPackageFolder("data/nacka").then(({ files }) => packageFromFiles(files));
  return nacka;
}

export interface TestServer {
  app: Express;
  services: Services;
  tokens: { admin: string; planner: string; viewer: string };
  /** The Authorization header for a role. */
  auth: (role: "admin" | "planner" | "viewer") => { Authorization: string };
}

/**
 * @param clock the time the server sees (token expiry, audit entries); default the real one.
 * @param logger where the server logs; default nowhere.
 */
export async function testServer(config: Partial<ServerConfig> = {}, clock?: () => Date, logger?: Logger): Promise<TestServer> {
  const db = openDatabase(":memory:");
  const services = createServices({
    config: defaultConfig({ dataDir: ":memory:", ...config }),
    logger: logger ?? createLogger("silent"),
    db,
    package: await nackaPackage(),
    ...(clock ? { clock } : {}),
  });
  seedPackageScenarios(services);
  const actor = { name: "test setup" };
  const tokens = {
    admin: services.tokens.create("Ada Admin", "admin", actor).token,
    planner: services.tokens.create("Per Planner", "planner", actor).token,
    viewer: services.tokens.create("Vera Viewer", "viewer", actor).token,
  };
  return {
    app: createApp(services),
    services,
    tokens,
    auth: (role) => ({ Authorization: `Bearer ${tokens[role]}` }),
  };
}

/** Valid assumptions for saving, with a name. */
export function assumptions(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: { sv: "Testscenario", en: "Test scenario" }, growthMultiplier: 1.5, ...extra };
}

/** A supertest parser that collects a binary body (Arrow, XLSX, SVG) as a Buffer. */
export function binary(res: AgentResponse, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("end", () => done(null, Buffer.concat(chunks)));
}

/** A Buffer's bytes as an ArrayBuffer (what exceljs's types ask for). */
export function arrayBuffer(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** A test server with one saved scenario "export-me" (twice the growth, every lever), its first version and that version's forecast (as rows). */
export async function withSavedVersion() {
  const server = await testServer();
  const pkg = await nackaPackage();
  const res = await request(server.app)
    .post("/api/scenarios")
    .set(server.auth("planner"))
    .send({ id: "export-me", assumptions: assumptions({ growthMultiplier: 2, levers: pkg.pkg.levers.map((l) => l.id) }) })
    .expect(201);
  const forecast = await request(server.app).get("/api/scenarios/export-me/versions/1/forecast").expect(200);
  return { ...server, version: res.body.version, result: forecastFromColumns(forecast.body.result), pkg };
}
