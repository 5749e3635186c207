/**
 * The HTTP API's requests and answers, defined once: the server parses requests with these
 * schemas and sends these answers; the web app and any other client import the same types.
 * `/api/openapi.json` is generated from the schemas (`server/openapi.ts`).
 *
 * Requests carry a scenario's assumptions in the scenario's own shape (`model/scenario.ts`), read
 * here with the server's limits on sizes (names, lists, entries); every number is held to the one
 * table of bounds (`model/bounds.ts`), as in a package's files.
 */
import { z } from "zod";
import type { DataPackage, LocalizedText } from "../model/data-package.ts";
import type { ForecastColumns } from "./forecast-columns.ts";
import type { PackageFinding } from "../model/package-error.ts";
import type { MonteCarloSummary } from "../model/monte-carlo.ts";
import { type Assumptions, type ScenarioLimits, scenarioSchema } from "../model/scenario.ts";
import { SCENARIO_ID_PATTERN, strictObject } from "../model/schema-parts.ts";

// ---------------------------------------------------------------------------------------------
// Requests

/** The limits on the size of a request's assumptions. */
export const REQUEST_LIMITS = {
  nameLength: 120,
  descriptionLength: 4000,
  idLength: 64,
  levers: 100,
  entries: 1000,
  parameterPathLength: 200,
} as const satisfies ScenarioLimits;

/** Longest comment on a saved version, characters. */
export const COMMENT_LENGTH = 1000;

/**
 * Assumptions saved as a scenario version: the name is required (charts and exports show it). The
 * numbers in `set` and `uncertainty` are checked against the package's parameters and the table of
 * bounds when the assumptions are compiled (`model/parameters.ts`), as a scenario file's are.
 */
export const savedAssumptionsSchema = scenarioSchema(REQUEST_LIMITS);
/** Assumptions of a forecast request: every field may be left out. */
export const forecastAssumptionsSchema = savedAssumptionsSchema.partial({ name: true });

/** A stored data package's hash, to compute a version with it instead of the server's current package. */
const packageHashField = z
  .string({ error: "must be a data package's hash (64 hex digits; GET /api/packages lists them)" })
  .regex(/^[0-9a-fA-F]{64}$/, "must be a data package's hash (64 hex digits; GET /api/packages lists them)")
  .transform((hash) => hash.toLowerCase())
  .optional();

/** What `POST /api/forecast` accepts that depends on the package and the server's configuration. */
export interface RequestLimits {
  maxDraws: number;
  /** The first and last horizon year allowed (the base year + 1 and the package's horizon). */
  horizon: readonly [number, number];
}

/**
 * `POST /api/forecast`: assumptions, an earlier horizon, and Monte Carlo draws and seed;
 * `packageHash` computes with a stored package (a saved version's) instead of the current one.
 */
export function forecastRequestSchema(limits: RequestLimits) {
  const [first, last] = limits.horizon;
  const horizonMessage = `must be a whole year from ${first} to ${last} (the data package's drivers end in ${last})`;
  const drawsMessage = `must be a whole number of draws from 1 to ${limits.maxDraws}`;
  const seedMessage = "must be a whole number from 0 to 4294967295";
  return strictObject({
    assumptions: forecastAssumptionsSchema.prefault({}),
    packageHash: packageHashField,
    horizon: z.int({ error: horizonMessage }).min(first, horizonMessage).max(last, horizonMessage).optional(),
    monteCarlo: strictObject({
      draws: z.int({ error: drawsMessage }).min(1, drawsMessage).max(limits.maxDraws, drawsMessage),
      seed: z.int({ error: seedMessage }).min(0, seedMessage).max(4294967295, seedMessage).default(1),
    }).optional(),
  });
}
/** A forecast request as the server reads it, defaults filled in. */
export type ForecastRequest = z.output<ReturnType<typeof forecastRequestSchema>>;
/** A forecast request as a client writes it. */
export type ForecastRequestBody = z.input<ReturnType<typeof forecastRequestSchema>>;

/** A scenario id, in a body or a URL. */
export const scenarioIdSchema = z
  .string({ error: "must be a scenario id (text)" })
  .max(REQUEST_LIMITS.idLength, `must be a scenario id of at most ${REQUEST_LIMITS.idLength} characters`)
  .regex(SCENARIO_ID_PATTERN, "must be a scenario id: lower-case letters, digits, _ and -, starting with a letter");

const commentMessage = `must be a text of at most ${COMMENT_LENGTH} characters (what changed and why)`;
const comment = z.string({ error: commentMessage }).max(COMMENT_LENGTH, commentMessage).optional();

/** `POST /api/scenarios`: a new scenario and its first version; `packageHash` computes it with a stored package (default the current one). */
export const createScenarioSchema = strictObject({
  id: scenarioIdSchema.optional(),
  assumptions: savedAssumptionsSchema,
  comment,
  packageHash: packageHashField,
});
export type CreateScenarioRequest = z.input<typeof createScenarioSchema>;

/** `PUT /api/scenarios/:id`: a new version of a scenario, naming the version it changes. */
export const updateScenarioSchema = strictObject({
  parentVersion: z
    .string({ error: "is required: the id of the version you changed (versionId, 12 hex digits, or the full hash)" })
    .regex(/^([0-9a-fA-F]{12}|[0-9a-fA-F]{64})$/, "must be a version id (12 hex digits) or a full hash (64 hex digits)"),
  assumptions: savedAssumptionsSchema,
  comment,
  packageHash: packageHashField,
});
export type UpdateScenarioRequest = z.input<typeof updateScenarioSchema>;

// ---------------------------------------------------------------------------------------------
// Answers

/** A data package by its content hash (SHA-256 of its model files) and the hash's first 12 hex digits. */
export interface PackageRef {
  hash: string;
  versionId: string;
}

/** A validated data package with its content hash, as the server and the web app hold it. */
export interface LoadedPackage extends PackageRef {
  /** The model files (everything but `scenarios/`): path → text, exactly what the hash was computed from. */
  files: Record<string, string>;
  pkg: DataPackage;
  /** The package's warnings and notes (a loaded package has no errors), as `--validate` lists them. */
  report: PackageFinding[];
}

/** `GET /api/package/files` and `GET /api/package/files/:hash`. */
export interface PackageFilesAnswer {
  package: PackageRef;
  files: Record<string, string>;
}

/** `GET /api/package/model` and `GET /api/package/model/:hash`: the package parsed (JSON as `contract/package-json.ts` writes it). */
export interface PackageModelAnswer {
  package: PackageRef;
  model: DataPackage;
}

/** What a client needs of a data package to build a scenario. */
export interface PackageSummary {
  package: PackageRef;
  municipality: {
    name: string;
    /** Why the package's figures are illustrative, or null when they are the municipality's own. */
    illustrative: LocalizedText | null;
    currency: string;
    costPerFte: number;
    discountRate: number;
    horizon: number;
  };
  baseYear: number;
  years: number[];
  processes: {
    id: string;
    name: LocalizedText;
    baseYearFte: number | null;
    fixedShare: number;
    supports: string[];
    activities: { id: string; name: LocalizedText; drivers: Record<string, number> }[];
  }[];
  drivers: { id: string; name: LocalizedText | null; firstYear: number; lastYear: number; lastActualYear: number | null; baseYearValue: number | null }[];
  levers: {
    id: string;
    name: LocalizedText;
    kind: string;
    targets: { process: string; activity: string; reach: number }[];
    efficiency: number;
    adoption: DataPackage["levers"][number]["adoption"];
    uncertain: string[];
  }[];
  scenarios: { id: string; name: LocalizedText }[];
  /**
   * The graded validation's warnings and notes about the package (`severity`, `file`, `line`,
   * `field`, `message`), as `forecast --validate` lists them: implausible values, files decoded
   * from Windows-1252, files skipped. Never errors: a package with errors is not served.
   */
  report: PackageFinding[];
  /** Every parameter path with its default and valid range (all levers active); null for no bound. */
  parameters: { path: string; default: number; min: number | null; max: number | null }[];
}

/** `GET /api/package`: the summary and the server's limits. */
export type PackageAnswer = PackageSummary & {
  limits: {
    growthMultiplier: readonly [number, number];
    driverGrowthRate: readonly [number, number];
    horizon: readonly [number, number];
    maxDraws: number;
    maxScenarios: number;
    maxVersionsPerScenario: number;
    maxBodyBytes: number;
    /** Largest uploaded data package (ZIP or XLSX), bytes. */
    maxUploadBytes: number;
  };
};

/** A saved version without its assumptions. */
export interface VersionInfo {
  scenarioId: string;
  /** 1, 2, 3 … within the scenario. */
  number: number;
  /** Short identifier shown on charts and exports: the hash's first 12 hex digits. */
  versionId: string;
  /** SHA-256 of the canonical JSON of the assumptions and the package hash (64 hex digits). */
  hash: string;
  packageHash: string;
  /** The version this one replaced, or null for the first. */
  parentVersionId: string | null;
  parentNumber: number | null;
  author: string;
  comment: string | null;
  /** ISO 8601 time. */
  createdAt: string;
}

/** A saved version: immutable, identified by its hash. */
export interface Version extends VersionInfo {
  assumptions: Assumptions;
}

/** Who archived a scenario and when: archived scenarios are hidden from pickers, not deleted. */
export interface ArchivedState {
  /** ISO 8601 time. */
  at: string;
  by: string;
}

/** A saved scenario and its newest version. */
export interface ScenarioInfo {
  id: string;
  /** Null unless an admin archived (hid) the scenario. */
  archived: ArchivedState | null;
  /** The newest version's name. */
  name: LocalizedText;
  versionCount: number;
  latest: VersionInfo;
  createdAt: string;
  createdBy: string;
}

/** `GET /api/scenarios`. */
export interface ScenarioListAnswer {
  scenarios: ScenarioInfo[];
  count: number;
  limit: number;
}

/** `GET /api/scenarios/:id/versions`. */
export interface VersionListAnswer {
  scenario: string;
  versions: VersionInfo[];
}

/** `POST /api/scenarios` (201) and `PUT /api/scenarios/:id` (201, or 200 with `created: false` when nothing changed). */
export interface SavedAnswer {
  scenario: ScenarioInfo;
  version: Version;
  created?: boolean;
}

/** A deterministic forecast: `POST /api/forecast`, `GET …/versions/:version/forecast`. */
export interface ForecastAnswer {
  kind: "deterministic";
  /** The saved scenario's id (version forecasts only). */
  scenario?: string;
  package: PackageRef;
  horizon?: number;
  /** The saved version it belongs to (version forecasts only). */
  version?: { number: number; versionId: string; hash: string };
  /** The forecast with its rows and totals as columns; `forecastFromColumns` gives back its rows. */
  result: ForecastColumns;
}

/** A Monte Carlo run: `POST /api/forecast` with `monteCarlo`. */
export interface MonteCarloAnswer {
  kind: "monte-carlo";
  package: PackageRef;
  horizon: number;
  draws: number;
  seed: number;
  result: MonteCarloSummary;
}

/** One upload of a data package. */
export interface PackageUpload {
  /** The uploaded file's name, as the browser sent it (X-File-Name), or null. */
  fileName: string | null;
  format: "zip" | "xlsx";
  author: string;
  /** ISO 8601 time. */
  at: string;
}

/** A stored data package, as `GET /api/packages` lists it. */
export interface PackageListItem {
  package: PackageRef;
  municipality: string;
  illustrative: LocalizedText | null;
  baseYear: number;
  horizon: number;
  /** Whether the server computes new scenarios with it (the package folder it started with). */
  current: boolean;
  /** When the server first stored it (ISO 8601). */
  firstSeen: string;
  /** Its uploads, oldest first; empty for the package folder the server read. */
  uploads: PackageUpload[];
}

/** `GET /api/packages`. */
export interface PackageListAnswer {
  packages: PackageListItem[];
}

/**
 * `POST /api/packages` (201 new, 200 already stored): the package stored, and its warnings and
 * notes. With errors the answer is 422 `{ error, report }`, the report listing every finding.
 */
export interface PackageUploadAnswer {
  package: PackageRef;
  municipality: string;
  format: "zip" | "xlsx";
  created: boolean;
  report: PackageFinding[];
}

/** `POST /api/scenarios/:id/archive` and `…/unarchive` (admin). */
export interface ArchiveAnswer {
  scenario: ScenarioInfo;
}
