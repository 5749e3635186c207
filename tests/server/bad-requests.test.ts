/**
 * Bad requests: each answered with the right status and a message a planner can act on, naming
 * the field's path; never a stack trace.
 */
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { assumptions, nackaPackage, type TestServer, testServer } from "./helpers.ts";

type Role = "admin" | "planner" | "viewer";

interface Case {
  name: string;
  method: "get" | "post" | "put" | "delete";
  path: string;
  /** A JSON body, or a raw text body with `raw`. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  role?: Role;
  headers?: Record<string, string>;
  status: number;
  /** The whole error message, or a pattern it must match. */
  error: string | RegExp;
  /** A problem the answer must list: [path, message pattern]. */
  problem?: [string, RegExp];
}

let server: TestServer;
let lever: string;
let otherLever: string;
let elasticity: string;

beforeAll(async () => {
  server = await testServer({ maxScenarios: 50 });
  const pkg = await nackaPackage();
  lever = pkg.pkg.levers[0]!.id;
  otherLever = pkg.pkg.levers[1]!.id;
  const p = pkg.pkg.processes[0]!;
  const a = p.activities[0]!;
  elasticity = `processes.${p.id}.activities.${a.id}.elasticity.${Object.keys(a.drivers)[0]}`;
  const revoked = server.services.tokens.create("Old Token", "planner", { name: "test" });
  server.services.tokens.revoke(revoked.record.id, { name: "test" });
  revokedToken = revoked.token;
});
let revokedToken = "";

const save = (extra: Record<string, unknown> = {}) => ({ assumptions: assumptions(), ...extra });

const cases = (): Case[] => [
  // Body format
  { name: "malformed JSON", method: "post", path: "/api/forecast", raw: '{"assumptions": {growthMultiplier: 2}}', status: 400, error: /^the request body is not valid JSON \(/ },
  { name: "truncated JSON", method: "post", path: "/api/forecast", raw: '{"assumptions":', status: 400, error: /^the request body is not valid JSON/ },
  { name: "JSON that is a bare text", method: "post", path: "/api/forecast", raw: '"two"', status: 400, error: /^the request body is not valid JSON/ },
  { name: "a list instead of an object", method: "post", path: "/api/forecast", body: [1, 2], status: 400, error: "(request body): must be an object ({ … }), not a list" },
  { name: "a body that is not JSON", method: "post", path: "/api/forecast", raw: "growthMultiplier=2", contentType: "text/plain", status: 415, error: "send the request body as JSON, with the header Content-Type: application/json" },
  { name: "a huge body", method: "post", path: "/api/forecast", body: { assumptions: { description: { sv: "x".repeat(200_000), en: "" } } }, status: 413, error: "the request body is larger than the limit of 100 kB; send fewer or shorter assumptions" },
  { name: "saving without a body", method: "post", path: "/api/scenarios", role: "planner", status: 400, error: "(request body): is required" },
  { name: "Accept that is neither JSON nor Arrow", method: "post", path: "/api/forecast", body: {}, headers: { Accept: "text/html" }, status: 406, error: /^results are available as application\/json or application\/vnd.apache.arrow.stream/ },

  // Wrong types, unknown fields and out-of-range values in the assumptions
  { name: "an unknown top-level field", method: "post", path: "/api/forecast", body: { assumption: {} }, status: 400, error: "assumption: expected only the fields assumptions, packageHash, horizon, monteCarlo" },
  { name: "a misspelt assumption", method: "post", path: "/api/forecast", body: { assumptions: { growthMultipler: 2 } }, status: 400, error: /^assumptions\.growthMultipler: expected only the fields name, description, growthMultiplier/ },
  { name: "growth multiplier as text", method: "post", path: "/api/forecast", body: { assumptions: { growthMultiplier: "2" } }, status: 400, error: "assumptions.growthMultiplier: expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor)" },
  { name: "growth multiplier too large", method: "post", path: "/api/forecast", body: { assumptions: { growthMultiplier: 50 } }, status: 400, error: "assumptions.growthMultiplier: expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor)" },
  { name: "negative growth multiplier", method: "post", path: "/api/forecast", body: { assumptions: { growthMultiplier: -1 } }, status: 400, error: "assumptions.growthMultiplier: expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor)" },
  { name: "growth rate out of range", method: "post", path: "/api/forecast", body: { assumptions: { driverGrowthRates: { residents: 0.9 } } }, status: 400, error: "assumptions.driverGrowthRates.residents: expected a yearly growth rate from −0.5 to 0.5 (per year)" },
  { name: "an unknown driver", method: "post", path: "/api/forecast", body: { assumptions: { driverGrowthRates: { robots: 0.1 } } }, status: 400, error: /^assumptions\.driverGrowthRates\.robots: unknown driver "robots"; the package's drivers are .*residents/ },
  { name: "a driver named like an object property", method: "post", path: "/api/forecast", body: { assumptions: { driverGrowthRates: { constructor: 0.1 } } }, status: 400, error: /^assumptions\.driverGrowthRates\.constructor: unknown driver "constructor"/ },
  { name: "assumptions nested thousands deep", method: "post", path: "/api/forecast", raw: `{"assumptions":${"[".repeat(20000)}${"]".repeat(20000)}}`, status: 400, error: "assumptions: must be an object ({ … }), not a list" },
  { name: "levers not a list", method: "post", path: "/api/forecast", body: { assumptions: { levers: "all" } }, status: 400, error: "assumptions.levers: expected a list of lever ids" },
  { name: "an unknown lever", method: "post", path: "/api/forecast", body: { assumptions: { levers: ["robots"] } }, status: 400, error: /^assumptions\.levers: unknown lever "robots"; the package's levers are / },
  { name: "a lever listed twice", method: "post", path: "/api/forecast", body: () => ({ assumptions: { levers: [lever, lever] } }), status: 400, error: "assumptions.levers: expected each lever once" },
  { name: "set: an unknown parameter", method: "post", path: "/api/forecast", body: { assumptions: { set: { costPerFTE: 1 } } }, status: 400, error: /^assumptions\.set\.costPerFTE: unknown parameter "costPerFTE"; similar parameters: / },
  { name: "set: a value out of its range", method: "post", path: "/api/forecast", body: () => ({ assumptions: { levers: [lever], set: { [`levers.${lever}.efficiency`]: 1.5 } } }), status: 400, error: `assumptions.set["levers.${"LEVER"}.efficiency"]: 1.5 is outside the valid range from 0 to 1 (share)` },
  { name: "set: a parameter of a lever not active", method: "post", path: "/api/forecast", body: () => ({ assumptions: { levers: [lever], set: { [`levers.${otherLever}.efficiency`]: 0.5 } } }), status: 400, error: /belongs to a lever that is not active/ },
  { name: "set: a value that is not a number", method: "post", path: "/api/forecast", body: { assumptions: { set: { costPerFte: "much" } } }, status: 400, error: "assumptions.set.costPerFte: expected a number" },
  { name: "uncertainty: an unknown distribution", method: "post", path: "/api/forecast", body: { assumptions: { uncertainty: { growthMultiplier: { type: "beta", a: 1 } } } }, status: 400, error: 'assumptions.uncertainty.growthMultiplier.type: must be one of "triangular", "pert", "normal", "lognormal", "uniform"' },
  { name: "uncertainty: min above mode", method: "post", path: "/api/forecast", body: { assumptions: { uncertainty: { growthMultiplier: { type: "pert", min: 3, mode: 2, max: 4 } } } }, status: 400, error: "assumptions.uncertainty.growthMultiplier.mode: expected min ≤ mode ≤ max, found min 3, mode 2, max 4" },
  { name: "a name that is too long", method: "post", path: "/api/scenarios", role: "planner", body: { assumptions: { name: { sv: "x".repeat(121), en: "x" } } }, status: 400, error: "assumptions.name.sv: expected a non-empty text of at most 120 characters (the scenario's name in Swedish)" },
  { name: "an elasticity beyond any history", method: "post", path: "/api/forecast", body: () => ({ assumptions: { set: { [elasticity]: 1e300 } } }), status: 400, error: /: 1e\+300 is outside the valid range from −10 to 10 \(elasticity\)$/ },
  // Numbers past the table of bounds (model/bounds.ts), the same ranges as in a package's files (more in tests/contract/api.test.ts)
  { name: "set: a cost per FTE of 1e308, with Monte Carlo", method: "post", path: "/api/forecast", body: { assumptions: { levers: ["automated_decisions_fa"], set: { costPerFte: 1e308 } }, monteCarlo: { draws: 10 } }, status: 400, error: "assumptions.set.costPerFte: 1e+308 is outside the valid range from 1 to 10000000000 (currency per FTE)" },
  { name: "set: a cost per FTE of 1e308", method: "post", path: "/api/forecast", body: { assumptions: { levers: ["automated_decisions_fa"], set: { costPerFte: 1e308 } } }, status: 400, error: "assumptions.set.costPerFte: 1e+308 is outside the valid range from 1 to 10000000000 (currency per FTE)" },
  { name: "set: a __proto__ key, refused rather than dropped", method: "post", path: "/api/forecast", raw: '{"assumptions":{"set":{"__proto__":5}}}', status: 400, error: 'assumptions.set.__proto__: "__proto__" is not a parameter path' },
  { name: "uncertainty: a distribution reaching past the range", method: "post", path: "/api/forecast", body: { assumptions: { uncertainty: { costPerFte: { type: "uniform", min: 0, max: 1e308 } } }, monteCarlo: { draws: 10 } }, status: 400, error: "assumptions.uncertainty.costPerFte: the distribution reaches past the valid range from 1 to 10000000000 (currency per FTE): min 0, max 1e+308" },

  // Horizon and draws limits
  { name: "a horizon after the package's", method: "post", path: "/api/forecast", body: { horizon: 2050 }, status: 400, error: "horizon: must be a whole year from 2019 to 2040 (the data package's drivers end in 2040)" },
  { name: "a horizon that is not a whole year", method: "post", path: "/api/forecast", body: { horizon: 2030.5 }, status: 400, error: /^horizon: must be a whole year from 2019 to 2040/ },
  { name: "zero draws", method: "post", path: "/api/forecast", body: { monteCarlo: { draws: 0 } }, status: 400, error: "monteCarlo.draws: must be a whole number of draws from 1 to 20000" },
  { name: "too many draws", method: "post", path: "/api/forecast", body: { monteCarlo: { draws: 1_000_000 } }, status: 400, error: "monteCarlo.draws: must be a whole number of draws from 1 to 20000" },
  { name: "a negative seed", method: "post", path: "/api/forecast", body: { monteCarlo: { draws: 10, seed: -1 } }, status: 400, error: "monteCarlo.seed: must be a whole number from 0 to 4294967295" },
  { name: "an unknown Arrow table", method: "post", path: "/api/forecast?table=everything", body: {}, headers: { Accept: "application/vnd.apache.arrow.stream" }, status: 400, error: 'table: must be "processes" (one row per process and year) or "totals" (one row per year)' },

  // Tokens and roles
  { name: "saving without a token", method: "post", path: "/api/scenarios", body: save(), status: 401, error: "saving a scenario needs a planner or admin token: send the header Authorization: Bearer <token>" },
  { name: "a viewer trying to save", method: "post", path: "/api/scenarios", role: "viewer", body: save(), status: 403, error: "saving a scenario needs a planner or admin token; your token (Vera Viewer) has the role viewer" },
  { name: "a viewer trying to update", method: "put", path: "/api/scenarios/baseline", role: "viewer", body: { parentVersion: "0".repeat(12), ...save() }, status: 403, error: /your token \(Vera Viewer\) has the role viewer/ },
  { name: "a wrong token", method: "post", path: "/api/scenarios", headers: { Authorization: "Bearer vaxa_thisisnotarealtoken" }, body: save(), status: 401, error: "the token is not valid: it is unknown or has been revoked" },
  { name: "a revoked token", method: "post", path: "/api/scenarios", headers: { Authorization: "REVOKED" }, body: save(), status: 401, error: "the token is not valid: it is unknown or has been revoked" },
  { name: "a Basic Authorization header", method: "get", path: "/api/scenarios", headers: { Authorization: "Basic dXNlcjpwYXNz" }, status: 401, error: 'the Authorization header must be "Bearer <token>"' },
  { name: "a planner reading the audit log", method: "get", path: "/api/audit", role: "planner", status: 403, error: "reading the audit log needs an admin token; your token (Per Planner) has the role planner" },
  { name: "a planner creating tokens", method: "post", path: "/api/tokens", role: "planner", body: { name: "x", role: "admin" }, status: 403, error: /^managing tokens needs an admin token/ },

  // Saving scenarios
  { name: "saving without a name", method: "post", path: "/api/scenarios", role: "planner", body: { assumptions: { growthMultiplier: 2 } }, status: 400, error: "assumptions.name: is required" },
  { name: "saving with an id that is not an id", method: "post", path: "/api/scenarios", role: "planner", body: save({ id: "Min Plan" }), status: 400, error: "id: must be a scenario id: lower-case letters, digits, _ and -, starting with a letter" },
  { name: "an update without parentVersion", method: "put", path: "/api/scenarios/baseline", role: "planner", body: save(), status: 400, error: "parentVersion: is required: the id of the version you changed (versionId, 12 hex digits, or the full hash)" },
  { name: "an update with a parentVersion that is no id", method: "put", path: "/api/scenarios/baseline", role: "planner", body: { parentVersion: "v1", ...save() }, status: 400, error: "parentVersion: must be a version id (12 hex digits) or a full hash (64 hex digits)" },
  { name: "an update of an unknown scenario", method: "put", path: "/api/scenarios/nowhere", role: "planner", body: { parentVersion: "0".repeat(12), ...save() }, status: 404, error: 'there is no scenario "nowhere"; GET /api/scenarios lists them' },
  { name: "an update with an extra field", method: "put", path: "/api/scenarios/baseline", role: "planner", body: { parentVersion: "0".repeat(12), version: 2, ...save() }, status: 400, error: "version: expected only the fields parentVersion, assumptions, comment, packageHash" },

  // Unknown ids and malformed URLs
  { name: "an unknown scenario", method: "get", path: "/api/scenarios/nowhere", status: 404, error: 'there is no scenario "nowhere"; GET /api/scenarios lists them' },
  { name: "a scenario id with capitals", method: "get", path: "/api/scenarios/Baseline", status: 400, error: '"Baseline" is not a scenario id: expected a scenario id: lower-case letters, digits, _ and -, starting with a letter' },
  { name: "an unknown version number", method: "get", path: "/api/scenarios/baseline/versions/99", status: 404, error: 'scenario "baseline" has no version 99; GET /api/scenarios/baseline/versions lists them' },
  { name: "an unknown version id", method: "get", path: "/api/scenarios/baseline/versions/abcdefabcdef/forecast", status: 404, error: /^scenario "baseline" has no version abcdefabcdef/ },
  { name: "a version that is no version", method: "get", path: "/api/scenarios/baseline/versions/newest", status: 400, error: /^"newest" does not name a version: use latest, a version number/ },
  { name: "an unknown chart", method: "get", path: "/api/scenarios/baseline/versions/latest/charts/pie.svg", status: 404, error: "there is no chart \"pie\"; the charts are fte-per-year.svg, fte-per-process.svg, cumulative-net.svg, cost-savings.svg, fte-process-bars.svg" },
  { name: "a chart in German", method: "get", path: "/api/scenarios/baseline/versions/latest/charts/fte-per-year.svg?lang=de", status: 400, error: 'lang: must be "sv" or "en", not "de"' },
  { name: "a CSV with tabs", method: "get", path: "/api/scenarios/baseline/versions/latest/export.csv?sep=tab", status: 400, error: 'sep: must be "comma" or "semicolon"' },
  { name: "a CSV with decimal comma and comma separator", method: "get", path: "/api/scenarios/baseline/versions/latest/export.csv?decimal=comma&sep=comma", status: 400, error: "decimal: a decimal comma needs the semicolon separator: use sep=semicolon (or locale=sv)" },
  { name: "a version id of the wrong length", method: "get", path: "/api/versions/abc", status: 400, error: '"abc" is not a version id: expected 12 hex digits (as printed on charts) or a full hash of 64' },
  { name: "a version id nobody saved", method: "get", path: "/api/versions/000000000000", status: 404, error: "no saved version has the id 000000000000" },
  { name: "an audit limit of zero", method: "get", path: "/api/audit?limit=0", role: "admin", status: 400, error: "limit: must be a whole number from 1 to 1000" },
  { name: "a token with an unknown role", method: "post", path: "/api/tokens", role: "admin", body: { name: "Root", role: "root" }, status: 400, error: "role: must be one of viewer, planner, admin" },
  { name: "revoking a token that is no id", method: "delete", path: "/api/tokens/first", role: "admin", status: 400, error: '"first" is not a token id: expected a whole number such as 3' },
  { name: "revoking an unknown token", method: "delete", path: "/api/tokens/999", role: "admin", status: 404, error: "there is no token 999" },
  { name: "a method the API does not have", method: "delete", path: "/api/scenarios/baseline", role: "admin", status: 404, error: "there is no DELETE /api/scenarios/baseline; the API is described at /api/openapi.json" },
];

describe("bad requests", () => {
  it("has at least 30 cases", () => {
    expect(cases().length).toBeGreaterThanOrEqual(30);
  });

  for (const c of cases()) {
    it(`${c.name}: ${c.status}`, async () => {
      let req = request(server.app)[c.method](c.path);
      if (c.role) req = req.set(server.auth(c.role));
      for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, k === "Authorization" && v === "REVOKED" ? `Bearer ${revokedToken}` : v);
      if (c.raw !== undefined) req = req.set("Content-Type", c.contentType ?? "application/json").send(c.raw);
      else if (c.body !== undefined) req = req.send((typeof c.body === "function" ? (c.body as () => unknown)() : c.body) as object);
      const res = await req;
      expect(res.status, JSON.stringify(res.body)).toBe(c.status);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const error = typeof c.error === "string" ? c.error.replace("LEVER", lever) : c.error;
      if (typeof error === "string") expect(res.body.error).toBe(error);
      else expect(res.body.error).toMatch(error);
      expect(res.body.requestId).toBe(res.headers["x-request-id"]);
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .*\.ts:\d+|Error:|node_modules/);
    });
  }

  it("lists every problem of a request, each with its path", async () => {
    const res = await request(server.app)
      .post("/api/forecast")
      .send({ assumptions: { growthMultiplier: 9, levers: "x", set: { costPerFte: "a" } }, horizon: 1 })
      .expect(400);
    expect(res.body.problems).toEqual([
      { path: "assumptions.growthMultiplier", message: "expected a growth multiplier (1 = the forecast growth) from 0 to 5 (factor)" },
      { path: "assumptions.levers", message: "expected a list of lever ids" },
      { path: "assumptions.set.costPerFte", message: "expected a number" },
      { path: "horizon", message: "must be a whole year from 2019 to 2040 (the data package's drivers end in 2040)" },
    ]);
  });

  it("refuses a new scenario when the limit is reached", async () => {
    const full = await testServer({ maxScenarios: 3 });
    expect(full.services.scenarios.count()).toBe(3);
    const res = await request(full.app).post("/api/scenarios").set(full.auth("planner")).send(save()).expect(409);
    expect(res.body.error).toBe("the server holds its limit of 3 scenarios; ask an administrator to raise VAXA_MAX_SCENARIOS");
  });

  it("refuses a new version when a scenario has its limit of versions", async () => {
    const full = await testServer({ maxVersionsPerScenario: 1 });
    const latest = full.services.scenarios.get("baseline")!.latest;
    const res = await request(full.app)
      .put("/api/scenarios/baseline")
      .set(full.auth("planner"))
      .send({ parentVersion: latest.versionId, ...save() })
      .expect(409);
    expect(res.body.error).toBe('scenario "baseline" has its limit of 1 versions; save your changes as a new scenario');
  });

  it("limits the rate of requests per client address, with a plain message", async () => {
    const limited = await testServer({ rateLimitPerMinute: 3, rateLimitExemptLoopback: false });
    for (let i = 0; i < 3; i++) await request(limited.app).get("/api/health").expect(200);
    const res = await request(limited.app).get("/api/health").expect(429);
    expect(res.body.error).toBe("too many requests from your address: at most 3 a minute; wait a moment and try again");
    expect(res.headers.ratelimit ?? res.headers["ratelimit-policy"]).toBeDefined();
  });

  it("limits changes more tightly than reads", async () => {
    const limited = await testServer({ writeRateLimitPerMinute: 1, rateLimitExemptLoopback: false });
    await request(limited.app).post("/api/scenarios").set(limited.auth("planner")).send(save()).expect(201);
    const res = await request(limited.app).post("/api/scenarios").set(limited.auth("planner")).send(save()).expect(429);
    expect(res.body.error).toBe("too many changes from your address: at most 1 a minute; wait a moment and try again");
    await request(limited.app).post("/api/forecast").send({}).expect(200);
  });

  it("limits requests from the machine itself too, unless VAXA_RATE_LIMIT_EXEMPT_LOOPBACK is set (load tests, probes)", async () => {
    const local = await testServer({ rateLimitPerMinute: 2 });
    for (let i = 0; i < 2; i++) await request(local.app).get("/api/health").expect(200);
    await request(local.app).get("/api/health").expect(429);
    const exempt = await testServer({ rateLimitPerMinute: 2, rateLimitExemptLoopback: true });
    for (let i = 0; i < 5; i++) await request(exempt.app).get("/api/health").expect(200);
  });

  it("answers an unexpected failure with 500, a request id and no stack trace", async () => {
    const broken = await testServer();
    broken.services.db.close();
    const res = await request(broken.app).get("/api/scenarios").expect(500);
    expect(res.body.error).toBe(`internal error; the server's log has the details under request id ${res.body.requestId}`);
    expect(JSON.stringify(res.body)).not.toMatch(/database|sqlite|\.ts/i);
  });
});
