/**
 * The OpenAPI 3.1 document served at /api/openapi.json. Request body schemas are generated from
 * the same zod schemas that check the requests (`z.toJSONSchema`), so the document cannot drift
 * from the validation.
 */
import { z } from "zod";
import { CHART_NAMES } from "../charts/index.ts";
import type { Services } from "./services.ts";
import { createScenarioSchema, forecastRequestSchema, updateScenarioSchema } from "../contract/api.ts";
import { createTokenSchema } from "./validation.ts";
import { PROCESS_YEAR_COLUMNS, YEAR_TOTAL_COLUMNS } from "../contract/forecast-columns.ts";

const json = (schema: unknown) => ({ "application/json": { schema } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (description: string, content: Record<string, unknown> = json({ type: "object" })) => ({ description, content });
const error = (description: string) => ({ description, content: json(ref("Error")) });

function inputSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
}

const numbers = (nullable: boolean) => ({ type: "array", items: { type: nullable ? ["number", "null"] : "number" } });

/** The deterministic forecast as the API sends it (`contract/forecast-columns.ts`): rows and totals as columns. */
function forecastColumnsSchema(): Record<string, unknown> {
  const nullableTotals = new Set<string>(["residents", "decouplingRatio"]);
  return {
    type: "object",
    description:
      "The model's ForecastResult with its rows and totals as columns, one array per field. rows: one value per process and year, " +
      "process by process in the order of processes, years in order within each (process p, year y at p × years.length + y); " +
      "totals: one value per year. forecastFromColumns (contract/forecast-columns.ts) gives back the rows.",
    required: ["scenario", "illustrative", "estimate", "baseYear", "horizon", "years", "processes", "rows", "totals", "levers", "holdsFlatFrom", "investment"],
    properties: {
      scenario: { type: "string" },
      illustrative: { type: ["object", "null"], description: "{ sv, en }: why the package's figures are illustrative; null when they are its own" },
      estimate: { type: "string" },
      baseYear: { type: "integer" },
      horizon: { type: "integer" },
      years: { type: "array", items: { type: "integer" } },
      processes: { type: "array", items: { type: "object", properties: { id: { type: "string" }, calibration: { type: "object" } } } },
      rows: {
        type: "object",
        required: [...PROCESS_YEAR_COLUMNS],
        properties: Object.fromEntries(PROCESS_YEAR_COLUMNS.map((field) => [field, numbers(false)])),
      },
      totals: {
        type: "object",
        required: YEAR_TOTAL_COLUMNS,
        properties: Object.fromEntries(
          YEAR_TOTAL_COLUMNS.map((field) => [field, field === "holdsFlat" ? { type: "array", items: { type: "boolean" } } : numbers(nullableTotals.has(field))]),
        ),
      },
      levers: { type: "array", items: { type: "object", properties: { id: { type: "string" }, adoption: numbers(false) } } },
      holdsFlatFrom: { type: ["integer", "null"] },
      investment: { type: ["object", "null"], description: "InvestmentSummary: hump depth and year, payback, NPV, IRR, investment per FTE avoided" },
    },
  };
}

export function openApiDocument(services: Services): Record<string, unknown> {
  const { config, model } = services;
  const read = config.openReads ? [{}, { bearer: [] }] : [{ bearer: [] }];
  const planner = [{ bearer: [] }];
  const id = { name: "id", in: "path", required: true, description: "Scenario id, e.g. vaxa-utan-att-vaxa", schema: { type: "string" } };
  const version = {
    name: "version",
    in: "path",
    required: true,
    description: "latest, a version number (1, 2 …), a version id (12 hex digits) or a full hash (64 hex digits)",
    schema: { type: "string" },
  };
  const lang = { name: "lang", in: "query", description: "Language, Swedish by default", schema: { type: "string", enum: ["sv", "en"] } };
  const paperParameters = [
    { name: "v", in: "query", description: "scenario@version, comma-separated, at most 4 (default: the first four scenarios not archived)", schema: { type: "string" } },
    { name: "year", in: "query", description: "the key figures' year, default 2030", schema: { type: "integer" } },
    { name: "flat", in: "query", description: "the year of the probability of holding flat, default 2035", schema: { type: "integer" } },
    lang,
  ];
  const table = {
    name: "table",
    in: "query",
    description: "Arrow answers: processes | totals (deterministic), trajectories | draws (Monte Carlo)",
    schema: { type: "string", enum: ["processes", "totals", "trajectories", "draws"] },
  };
  const results = {
    ...json(ref("ForecastAnswer")),
    "application/vnd.apache.arrow.stream": { schema: { type: "string", format: "binary" } },
  };
  const common4xx = { "400": error("The request has problems: each is listed with its field's path"), "429": error("Too many requests") };

  return {
    openapi: "3.1.0",
    info: {
      title: "Vaxa",
      version: "1",
      description:
        "Workforce dimensioning forecasts for growing municipalities. Saved scenario versions are immutable and identified by a content hash of their assumptions and data package. " +
        `Reads are ${config.openReads ? "open" : "for token holders"}; writes need a planner or admin bearer token. Errors are JSON: { error, problems?, requestId }.`,
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A token from `npm run token -- create`" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error", "requestId"],
          properties: {
            error: { type: "string", description: "What is wrong, in plain words" },
            problems: {
              type: "array",
              items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
            },
            requestId: { type: "string" },
          },
        },
        ForecastRequest: inputSchema(forecastRequestSchema({ maxDraws: config.maxDraws, horizon: model.horizonRange() })),
        CreateScenario: inputSchema(createScenarioSchema),
        UpdateScenario: inputSchema(updateScenarioSchema),
        CreateToken: inputSchema(createTokenSchema),
        ForecastAnswer: {
          type: "object",
          description:
            "kind deterministic: result is ForecastColumns; kind monte-carlo: result is the model's MonteCarloSummary. " +
            "result.illustrative ({ sv, en } or null) says why the package's figures are illustrative",
          required: ["kind", "package", "result"],
          properties: {
            kind: { enum: ["deterministic", "monte-carlo"] },
            package: { type: "object", properties: { hash: { type: "string" }, versionId: { type: "string" } } },
            result: { oneOf: [ref("ForecastColumns"), { type: "object", description: "MonteCarloSummary" }] },
          },
        },
        ForecastColumns: forecastColumnsSchema(),
        Version: {
          type: "object",
          properties: {
            scenarioId: { type: "string" },
            number: { type: "integer" },
            versionId: { type: "string", description: "First 12 hex digits of hash" },
            hash: { type: "string", description: "sha256 of canonical JSON { assumptions, package: packageHash }" },
            packageHash: { type: "string" },
            parentVersionId: { type: ["string", "null"] },
            author: { type: "string" },
            createdAt: { type: "string", format: "date-time" },
            comment: { type: ["string", "null"] },
            assumptions: { type: "object" },
          },
        },
      },
    },
    paths: {
      "/api/health": { get: { summary: "Whether the server and its database answer", security: [{}], responses: { "200": ok("OK") } } },
      "/api/openapi.json": { get: { summary: "This document", security: [{}], responses: { "200": ok("OpenAPI 3.1") } } },
      "/api/package": {
        get: { summary: "The data package: processes, drivers, years, levers, parameter paths, limits, and its validation report (warnings and notes)", security: read, responses: { "200": ok("Summary") } },
      },
      "/api/package/files": {
        get: { summary: "The current data package's model files (texts), for running the model in the browser", security: read, responses: { "200": ok("{ package: { hash, versionId }, files }") } },
      },
      "/api/package/files/{hash}": {
        get: {
          summary: "The model files of the package a saved version was computed with (64-hex hash or 12-hex id); immutable",
          security: read,
          parameters: [{ name: "hash", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok("{ package: { hash, versionId }, files }"), "400": error("Not a package hash"), "404": error("No such package") },
        },
      },
      "/api/package/model": {
        get: { summary: "The current data package parsed and validated, as the web app runs the model with it (Float64Arrays as { $float64: [...] }); compressed", security: read, responses: { "200": ok("{ package: { hash, versionId }, model }") } },
      },
      "/api/package/model/{hash}": {
        get: {
          summary: "The package a saved version was computed with (64-hex hash or 12-hex id), parsed; immutable",
          security: read,
          parameters: [{ name: "hash", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok("{ package: { hash, versionId }, model }"), "400": error("Not a package hash"), "404": error("No such package") },
        },
      },
      "/api/forecast": {
        post: {
          summary: "Assumptions in, results out: deterministic, or Monte Carlo with monteCarlo.draws",
          description:
            `Answers JSON, or an Arrow IPC stream with Accept: application/vnd.apache.arrow.stream. Deterministic: result is ForecastColumns, the model's ForecastResult with rows and totals as columns; ` +
            `Arrow rows per process and year (table=processes) or per year (table=totals). Monte Carlo (monteCarlo: { draws ≤ ${config.maxDraws}, seed }): ` +
            "result is the model's MonteCarloSummary (P10/P50/P90 per year and process, probability of holding flat, hump, payback, NPV); Arrow (io/arrow.ts): table=trajectories, one row per draw, process (then total) and year, or table=draws, one row per draw with its outcomes and parameter values. " +
            `Monte Carlo runs of more than ${config.openMonteCarloDraws} draws, and Arrow answers of Monte Carlo, need any valid token${config.openMonteCarlo ? " (open on this server)" : ""}; ` +
            `a client may have ${config.monteCarloPerClient} runs under way (429 beyond).`,
          security: read,
          parameters: [table],
          requestBody: { required: true, content: json(ref("ForecastRequest")) },
          responses: { "200": { description: "Results", content: results }, ...common4xx, "406": error("Unsupported Accept"), "413": error("Body too large"), "415": error("Body not JSON"), "422": error("Results not computable"), "429": error("This client's Monte Carlo runs under way, or the rate limit (Retry-After)"), "503": error("Monte Carlo workers busy (Retry-After)") },
        },
      },
      "/api/scenarios": {
        get: { summary: "Saved scenarios with their newest version", security: read, responses: { "200": ok("List") } },
        post: {
          summary: "Save a new scenario (its first version)",
          security: planner,
          requestBody: { required: true, content: json(ref("CreateScenario")) },
          responses: { "201": ok("Created"), ...common4xx, "401": error("No or invalid token"), "403": error("Role too low"), "409": error("Id taken or scenario limit reached") },
        },
      },
      "/api/scenarios/{id}": {
        get: { summary: "A scenario and its newest version", security: read, parameters: [id], responses: { "200": ok("Scenario"), "404": error("No such scenario") } },
        put: {
          summary: "Save changed assumptions as a new version; parentVersion names the version changed",
          security: planner,
          parameters: [id],
          requestBody: { required: true, content: json(ref("UpdateScenario")) },
          responses: {
            "200": ok("Unchanged: same assumptions as the newest version"),
            "201": ok("New version"),
            ...common4xx,
            "401": error("No or invalid token"),
            "403": error("Role too low"),
            "404": error("No such scenario"),
            "409": error("Someone saved a newer version in between (the answer's `current` names it)"),
          },
        },
      },
      "/api/scenarios/{id}/archive": {
        post: { summary: "Archive (hide) a scenario: a state in the audit log; its versions stay", security: planner, parameters: [id], responses: { "200": ok("The scenario, archived"), "401": error("No or invalid token"), "403": error("Not an admin token"), "404": error("No such scenario") } },
      },
      "/api/scenarios/{id}/unarchive": {
        post: { summary: "Bring back an archived scenario", security: planner, parameters: [id], responses: { "200": ok("The scenario, not archived"), "401": error("No or invalid token"), "403": error("Not an admin token"), "404": error("No such scenario") } },
      },
      "/api/packages": {
        get: { summary: "Stored data packages (the current one and every one uploaded or saved with), with their uploads", security: read, responses: { "200": ok("List") } },
        post: {
          summary: "Upload a data package: a ZIP archive of the package folder, or an Excel workbook in the package layout (data/README.md), as the raw body; X-File-Name may name the file",
          description: `Parsed by the same parser as the command line. 201 stored, 200 already stored (content-addressed), 422 with report: every error, warning and note (severity, file, line, field, message). At most ${config.maxUploadBytes} bytes.`,
          security: planner,
          requestBody: { required: true, content: { "application/zip": { schema: { type: "string", format: "binary" } }, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } },
          responses: { "200": ok("Already stored"), "201": ok("Stored"), "400": error("Not a ZIP archive or workbook"), "401": error("No or invalid token"), "403": error("Role too low"), "413": error("Larger than VAXA_MAX_UPLOAD_BYTES"), "422": error("The package has errors (report lists them)") },
        },
      },
      "/api/packages/{hash}/package.zip": {
        get: { summary: "A stored package as a ZIP archive", security: read, parameters: [{ name: "hash", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "ZIP", content: { "application/zip": { schema: { type: "string", format: "binary" } } } }, "404": error("No such package") } },
      },
      "/api/packages/{hash}/package.xlsx": {
        get: { summary: "A stored package as an Excel workbook, one sheet per file", security: read, parameters: [{ name: "hash", in: "path", required: true, schema: { type: "string" } }], responses: { "200": { description: "XLSX", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } }, "404": error("No such package") } },
      },
      "/api/scenarios/{id}/versions": {
        get: { summary: "The versions of a scenario, oldest first", security: read, parameters: [id], responses: { "200": ok("Versions") } },
      },
      "/api/scenarios/{id}/versions/{version}": {
        get: { summary: "One version with its assumptions", security: read, parameters: [id, version], responses: { "200": ok("Version", json(ref("Version"))), "404": error("No such version") } },
      },
      "/api/scenarios/{id}/versions/{version}/forecast": {
        get: { summary: "A version's results", security: read, parameters: [id, version, table], responses: { "200": { description: "Results", content: results } } },
      },
      "/api/scenarios/{id}/versions/{version}/export.csv": {
        get: {
          summary: "A version's results as CSV (every row carries the version id)",
          security: read,
          parameters: [
            id,
            version,
            table,
            { name: "sep", in: "query", schema: { enum: ["comma", "semicolon"] } },
            { name: "decimal", in: "query", schema: { enum: ["point", "comma"] } },
            { name: "locale", in: "query", description: "sv = semicolon, decimal comma, Swedish names", schema: { enum: ["sv", "en"] } },
            lang,
          ],
          responses: { "200": { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } } },
        },
      },
      "/api/scenarios/{id}/versions/{version}/export.xlsx": {
        get: {
          summary: "A version as an Excel workbook",
          security: read,
          parameters: [id, version, lang],
          responses: { "200": { description: "XLSX", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } } },
        },
      },
      "/api/scenarios/{id}/versions/{version}/charts/{chart}.svg": {
        get: {
          summary: "A chart of a version as SVG, carrying the version id",
          security: read,
          parameters: [id, version, { name: "chart", in: "path", required: true, schema: { enum: CHART_NAMES } }, lang],
          responses: { "200": { description: "SVG", content: { "image/svg+xml": { schema: { type: "string" } } } } },
        },
      },
      "/api/paper.pdf": {
        get: {
          summary: "The council paper (tjänsteskrivelse) of saved versions as PDF, the version ids and page numbers on every page",
          security: read,
          parameters: paperParameters,
          responses: { "200": { description: "PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } }, "400": error("Bad comparison"), "404": error("No such version") },
        },
      },
      "/api/paper.xlsx": {
        get: {
          summary: "The council paper's tables as an Excel workbook",
          security: read,
          parameters: paperParameters,
          responses: { "200": { description: "XLSX", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } }, "400": error("Bad comparison") },
        },
      },
      "/api/versions/{versionId}": {
        get: {
          summary: "Every saved version with this id (12 hex digits) or hash",
          security: read,
          parameters: [{ name: "versionId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": ok("Matches"), "404": error("No such version") },
        },
      },
      "/api/audit": {
        get: {
          summary: "The audit log, newest first (admin)",
          security: planner,
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
            { name: "before", in: "query", schema: { type: "integer" } },
          ],
          responses: { "200": ok("Entries"), "401": error("No token"), "403": error("Not admin") },
        },
      },
      "/api/tokens": {
        get: { summary: "Tokens (without their secrets) (admin)", security: planner, responses: { "200": ok("Tokens") } },
        post: {
          summary: "Create a token (admin) with { name, role, expiresInDays? }; the answer holds the token once",
          security: planner,
          requestBody: { required: true, content: json(ref("CreateToken")) },
          responses: { "201": ok("Created") },
        },
      },
      "/api/tokens/{tokenId}": {
        delete: {
          summary: "Revoke a token (admin)",
          security: planner,
          parameters: [{ name: "tokenId", in: "path", required: true, schema: { type: "integer" } }],
          responses: { "200": ok("Revoked"), "404": error("No such token"), "409": error("Already revoked, or the last valid admin token (never revoked)") },
        },
      },
    },
  };
}
