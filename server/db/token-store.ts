/**
 * Bearer tokens and their roles. A token is 32 random bytes (base64url, prefixed `vaxa_`); only
 * its SHA-256 is stored, so a copy of the database does not give anyone access. (A salted slow
 * hash is for passwords people choose; for 256-bit random tokens SHA-256 is enough.)
 */
import { randomBytes } from "node:crypto";
import type { Database } from "better-sqlite3";
import { sha256 } from "../../io/content-hash.ts";
import type { Actor, AuditLog } from "./audit-log.ts";

export const ROLES = ["viewer", "planner", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` may do what `needed` may: viewer < planner < admin. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface TokenRecord {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  /** ISO time of revocation, or null while the token is valid. */
  revokedAt: string | null;
}

interface Row {
  id: number;
  name: string;
  role: Role;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

const toRecord = (r: Row): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
});

/** What a token's bearer is called in the audit log. */
export function tokenActor(token: TokenRecord): string {
  return `token ${token.id} (${token.name}, ${token.role})`;
}

export class TokenStore {
  readonly #db: Database;
  readonly #byHash;
  readonly #byId;
  readonly #all;
  readonly #count;
  readonly #insert;
  readonly #revoke;

  constructor(
    db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#db = db;
    this.#byHash = db.prepare<[string], Row>("SELECT * FROM tokens WHERE token_hash = ? AND revoked_at IS NULL");
    this.#byId = db.prepare<[number], Row>("SELECT * FROM tokens WHERE id = ?");
    this.#all = db.prepare<[], Row>("SELECT * FROM tokens ORDER BY id");
    this.#count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM tokens");
    this.#insert = db.prepare(
      "INSERT INTO tokens (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
    );
    this.#revoke = db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
  }

  /** Creates a token; the returned `token` text is the only time it exists outside its holder's hands. */
  create(name: string, role: Role, actor: Actor): { token: string; record: TokenRecord } {
    const token = `vaxa_${randomBytes(32).toString("base64url")}`;
    const record = this.#db
      .transaction(() => {
        const info = this.#insert.run(name, role, sha256(token), this.clock().toISOString(), actor.name);
        const id = Number(info.lastInsertRowid);
        this.audit.record(actor, "token.create", `token ${id}`, { name, role });
        return toRecord(this.#byId.get(id)!);
      })
      .immediate();
    return { token, record };
  }

  /**
   * Creates the first admin token if no token was ever created (an empty database), in one
   * transaction so that two processes starting at once cannot both create one.
   */
  createFirstAdmin(actor: Actor): { token: string; record: TokenRecord } | undefined {
    return this.#db
      .transaction(() => {
        if (this.#count.get()!.n > 0) return undefined;
        return this.create("first admin", "admin", actor);
      })
      .immediate();
  }

  /** The valid (not revoked) token with this text, or undefined. */
  verify(token: string): TokenRecord | undefined {
    const row = this.#byHash.get(sha256(token));
    return row === undefined ? undefined : toRecord(row);
  }

  get(id: number): TokenRecord | undefined {
    const row = this.#byId.get(id);
    return row === undefined ? undefined : toRecord(row);
  }

  list(): TokenRecord[] {
    return this.#all.all().map(toRecord);
  }

  /** Revokes a token; false if there is no such token or it was already revoked. */
  revoke(id: number, actor: Actor): boolean {
    return this.#db
      .transaction(() => {
        const changed = this.#revoke.run(this.clock().toISOString(), id).changes > 0;
        if (changed) this.audit.record(actor, "token.revoke", `token ${id}`);
        return changed;
      })
      .immediate();
  }
}
