/**
 * The audit log: who changed what and when. Append-only (the schema refuses updates and deletes).
 */
import type { Database } from "better-sqlite3";

/** Who is acting, for the audit log: a token's owner, the token command, or the server itself. */
export interface Actor {
  /** e.g. "token 3 (Anna Berg, planner)", "cli:anna", "server". */
  name: string;
  requestId?: string;
  ip?: string;
}

export interface AuditEntry {
  id: number;
  /** ISO 8601 time. */
  at: string;
  actor: string;
  /** e.g. "scenario.create", "scenario.update", "token.create", "token.revoke". */
  action: string;
  /** What was changed, e.g. "scenario vaxa-utan-att-vaxa v3 3f2a9c1d0b4e" or "token 4". */
  target: string | null;
  details: unknown;
  requestId: string | null;
  ip: string | null;
}

interface Row {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  details: string | null;
  request_id: string | null;
  ip: string | null;
}

export class AuditLog {
  readonly #insert;
  readonly #list;

  constructor(
    db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#insert = db.prepare(
      "INSERT INTO audit_log (at, actor, action, target, details, request_id, ip) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    this.#list = db.prepare<[number, number], Row>("SELECT * FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?");
  }

  /** Appends an entry; call it inside the transaction of the change it records. */
  record(actor: Actor, action: string, target: string | null, details?: unknown): void {
    this.#insert.run(
      this.clock().toISOString(),
      actor.name,
      action,
      target,
      details === undefined ? null : JSON.stringify(details),
      actor.requestId ?? null,
      actor.ip ?? null,
    );
  }

  /** The newest entries first, `limit` of them, older than entry id `before` when given. */
  list(limit: number, before = Number.MAX_SAFE_INTEGER): AuditEntry[] {
    return this.#list.all(before, limit).map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target,
      details: r.details === null ? null : (JSON.parse(r.details) as unknown),
      requestId: r.request_id,
      ip: r.ip,
    }));
  }
}
