/**
 * Saved scenarios and their versions. A version is immutable and identified by the content hash
 * of its assumptions and of its data package ({@link versionHash}); an update names the version it
 * replaces and fails with a conflict if someone saved another version in between.
 */
import type { Database } from "better-sqlite3";
import type { ScenarioInfo, Version, VersionInfo } from "../../contract/api.ts";
import type { Assumptions } from "../../model/scenario.ts";
import { SCENARIO_ID_PATTERN } from "../../model/schema-parts.ts";
import { canonicalJson } from "../../contract/canonical-json.ts";
import { SHORT_ID_LENGTH, shortId, versionHash } from "../../io/content-hash.ts";
import type { Actor, AuditLog } from "./audit-log.ts";

export type CreateResult =
  | { ok: true; version: Version }
  | { ok: false; reason: "exists"; id: string }
  | { ok: false; reason: "limit"; limit: number };

export type UpdateResult =
  | { ok: true; version: Version; created: boolean }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "conflict"; current: VersionInfo }
  | { ok: false; reason: "limit"; limit: number };

/** How a request names a version: "latest", its number, its short id or its full hash. */
export type VersionSelector =
  | { kind: "latest" }
  | { kind: "number"; number: number }
  | { kind: "hash"; hash: string };

/** Reads a version selector, or undefined if the text is none of the accepted forms. */
export function parseVersionSelector(text: string): VersionSelector | undefined {
  if (text === "latest") return { kind: "latest" };
  if (/^[1-9]\d{0,8}$/.test(text)) return { kind: "number", number: Number(text) };
  const lower = text.toLowerCase();
  if (lower.length === SHORT_ID_LENGTH || lower.length === 64) {
    if (/^[0-9a-f]+$/.test(lower)) return { kind: "hash", hash: lower };
  }
  return undefined;
}

/** Whether a full hash matches a short id or full hash. */
export function matchesHash(hash: string, idOrHash: string): boolean {
  const wanted = idOrHash.toLowerCase();
  return wanted.length === 64 ? hash === wanted : wanted.length === SHORT_ID_LENGTH && hash.startsWith(wanted);
}

interface VersionRow {
  scenario_id: string;
  number: number;
  hash: string;
  assumptions: string;
  package_hash: string;
  parent_number: number | null;
  parent_hash: string | null;
  author: string;
  comment: string | null;
  created_at: string;
}

interface ScenarioRow {
  id: string;
  created_at: string;
  created_by: string;
  latest_number: number;
  version_count: number;
  archived_at: string | null;
  archived_by: string | null;
}

export type ArchiveResult = { ok: true; scenario: ScenarioInfo; changed: boolean } | { ok: false; reason: "not-found" };

const info = (r: VersionRow): VersionInfo => ({
  scenarioId: r.scenario_id,
  number: r.number,
  versionId: shortId(r.hash),
  hash: r.hash,
  packageHash: r.package_hash,
  parentVersionId: r.parent_hash === null ? null : shortId(r.parent_hash),
  parentNumber: r.parent_number,
  author: r.author,
  comment: r.comment,
  createdAt: r.created_at,
});

const full = (r: VersionRow): Version => ({ ...info(r), assumptions: JSON.parse(r.assumptions) as Assumptions });

/** A scenario id made from a name: "Växa utan att växa" → "vaxa-utan-att-vaxa". */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return SCENARIO_ID_PATTERN.test(s) ? s : `scenario-${s}`.replace(/-+$/, "");
}

export interface SaveInput {
  assumptions: Assumptions;
  packageHash: string;
  actor: Actor;
  comment?: string | undefined;
}

export class ScenarioStore {
  readonly #db: Database;
  readonly #scenario;
  readonly #scenarios;
  readonly #count;
  readonly #insertScenario;
  readonly #setLatest;
  readonly #insertVersion;
  readonly #version;
  readonly #versions;
  readonly #byHash;
  readonly #setArchived;

  constructor(
    db: Database,
    private readonly audit: AuditLog,
    private readonly limits: { maxScenarios: number; maxVersionsPerScenario: number },
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#db = db;
    const select =
      "SELECT s.id, s.created_at, s.created_by, s.latest_number, s.latest_number AS version_count, s.archived_at, s.archived_by FROM scenarios s";
    this.#scenario = db.prepare<[string], ScenarioRow>(`${select} WHERE s.id = ?`);
    this.#scenarios = db.prepare<[], ScenarioRow>(`${select} ORDER BY s.id`);
    this.#count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM scenarios");
    this.#insertScenario = db.prepare(
      "INSERT INTO scenarios (id, created_at, created_by, latest_number) VALUES (?, ?, ?, 1)",
    );
    this.#setLatest = db.prepare("UPDATE scenarios SET latest_number = ? WHERE id = ? AND latest_number = ?");
    this.#insertVersion = db.prepare(
      `INSERT INTO scenario_versions
         (scenario_id, number, hash, assumptions, package_hash, parent_number, parent_hash, author, comment, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#version = db.prepare<[string, number], VersionRow>(
      "SELECT * FROM scenario_versions WHERE scenario_id = ? AND number = ?",
    );
    this.#versions = db.prepare<[string], VersionRow>(
      "SELECT * FROM scenario_versions WHERE scenario_id = ? ORDER BY number",
    );
    this.#byHash = db.prepare<[string, string], VersionRow>(
      "SELECT * FROM scenario_versions WHERE hash >= ? AND hash < ? ORDER BY scenario_id, number",
    );
    this.#setArchived = db.prepare("UPDATE scenarios SET archived_at = ?, archived_by = ? WHERE id = ?");
  }

  /**
   * Archives (hides) a scenario or brings it back: a change of its state, recorded in the audit
   * log; its versions are untouched. Archiving an archived scenario changes nothing.
   */
  setArchived(id: string, archived: boolean, actor: Actor): ArchiveResult {
    return this.#db
      .transaction((): ArchiveResult => {
        const row = this.#scenario.get(id);
        if (row === undefined) return { ok: false, reason: "not-found" };
        if ((row.archived_at !== null) === archived) return { ok: true, scenario: this.#info(row), changed: false };
        this.#setArchived.run(archived ? this.clock().toISOString() : null, archived ? actor.name : null, id);
        this.audit.record(actor, archived ? "scenario.archive" : "scenario.unarchive", `scenario ${id}`);
        return { ok: true, scenario: this.#info(this.#scenario.get(id)!), changed: true };
      })
      .immediate();
  }

  count(): number {
    return this.#count.get()!.n;
  }

  list(): ScenarioInfo[] {
    return this.#scenarios.all().map((row) => this.#info(row));
  }

  get(id: string): ScenarioInfo | undefined {
    const row = this.#scenario.get(id);
    return row === undefined ? undefined : this.#info(row);
  }

  /** Whether a scenario with this id exists. */
  has(id: string): boolean {
    return this.#scenario.get(id) !== undefined;
  }

  /** The versions of a scenario, oldest first; undefined if there is no such scenario. */
  versions(id: string): VersionInfo[] | undefined {
    if (!this.has(id)) return undefined;
    return this.#versions.all(id).map(info);
  }

  /** One version of a scenario, or undefined. */
  version(id: string, selector: VersionSelector): Version | undefined {
    const row = this.#scenario.get(id);
    if (row === undefined) return undefined;
    if (selector.kind === "latest") return full(this.#version.get(id, row.latest_number)!);
    if (selector.kind === "number") {
      const v = this.#version.get(id, selector.number);
      return v === undefined ? undefined : full(v);
    }
    const found = this.#versions.all(id).filter((v) => matchesHash(v.hash, selector.hash));
    return found.length === 0 ? undefined : full(found.at(-1)!);
  }

  /** Every version, in any scenario, whose hash matches a short id or full hash. */
  findByHash(idOrHash: string): Version[] {
    const low = idOrHash.toLowerCase();
    const high = low.length === 64 ? `${low}\u0000` : `${low}g`;
    return this.#byHash.all(low, high).filter((r) => matchesHash(r.hash, low)).map(full);
  }

  /**
   * Creates a scenario with its first version. Without an `id`, one is made from the Swedish name
   * (with -2, -3 … if taken); an `id` that is taken is a conflict.
   */
  create(input: SaveInput & { id?: string | undefined }): CreateResult {
    return this.#db
      .transaction((): CreateResult => {
        if (this.count() >= this.limits.maxScenarios) return { ok: false, reason: "limit", limit: this.limits.maxScenarios };
        let id = input.id;
        if (id !== undefined) {
          if (this.has(id)) return { ok: false, reason: "exists", id };
        } else {
          const base = slug(input.assumptions.name.sv);
          id = base;
          for (let n = 2; this.has(id); n++) id = `${base}-${n}`;
        }
        const at = this.clock().toISOString();
        this.#insertScenario.run(id, at, input.actor.name);
        const version = this.#insertNew(id, 1, null, input, at);
        this.audit.record(input.actor, "scenario.create", `scenario ${id} v1 ${version.versionId}`, {
          hash: version.hash,
          comment: input.comment ?? null,
        });
        return { ok: true, version };
      })
      .immediate();
  }

  /**
   * Saves new assumptions as the next version of a scenario, if `parent` (short id or full hash)
   * is still its newest version; otherwise a conflict naming the newest. Assumptions identical to
   * the newest version's (same hash) create nothing and return that version with `created: false`.
   */
  update(id: string, parent: string, input: SaveInput): UpdateResult {
    return this.#db
      .transaction((): UpdateResult => {
        const row = this.#scenario.get(id);
        if (row === undefined) return { ok: false, reason: "not-found" };
        const latest = this.#version.get(id, row.latest_number)!;
        if (!matchesHash(latest.hash, parent)) return { ok: false, reason: "conflict", current: info(latest) };
        const hash = versionHash(input.assumptions, input.packageHash);
        if (hash === latest.hash) return { ok: true, version: full(latest), created: false };
        if (row.latest_number >= this.limits.maxVersionsPerScenario) {
          return { ok: false, reason: "limit", limit: this.limits.maxVersionsPerScenario };
        }
        const number = row.latest_number + 1;
        const at = this.clock().toISOString();
        const version = this.#insertNew(id, number, latest, input, at);
        if (this.#setLatest.run(number, id, row.latest_number).changes !== 1) {
          throw new Error(`internal: scenario ${id} changed inside its own transaction`);
        }
        this.audit.record(input.actor, "scenario.update", `scenario ${id} v${number} ${version.versionId}`, {
          hash: version.hash,
          parent: latest.hash,
          comment: input.comment ?? null,
        });
        return { ok: true, version, created: true };
      })
      .immediate();
  }

  #insertNew(id: string, number: number, parent: VersionRow | null, input: SaveInput, at: string): Version {
    const hash = versionHash(input.assumptions, input.packageHash);
    this.#insertVersion.run(
      id,
      number,
      hash,
      canonicalJson(input.assumptions),
      input.packageHash,
      parent?.number ?? null,
      parent?.hash ?? null,
      input.actor.name,
      input.comment ?? null,
      at,
    );
    return full(this.#version.get(id, number)!);
  }

  #info(row: ScenarioRow): ScenarioInfo {
    const latest = this.#version.get(row.id, row.latest_number)!;
    return {
      id: row.id,
      archived: row.archived_at === null ? null : { at: row.archived_at, by: row.archived_by ?? "" },
      name: (JSON.parse(latest.assumptions) as Assumptions).name,
      versionCount: row.version_count,
      latest: info(latest),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }
}
