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
  /** ISO time after which the token is no longer accepted, or null for a token that does not expire. */
  expiresAt: string | null;
}

interface Row {
  id: number;
  name: string;
  role: Role;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  expires_at: string | null;
}

const toRecord = (r: Row): TokenRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
  expiresAt: r.expires_at,
});

/** Longest token name, characters. */
export const TOKEN_NAME_LENGTH = 120;
/** Longest life of a token with an expiry, days (ten years). */
export const TOKEN_DAYS = 3650;

/**
 * Characters that would let a name rewrite a terminal or a log line: control characters (line
 * breaks, ANSI escapes), invisible format characters (bidirectional overrides, zero-width) and the
 * Unicode line and paragraph separators.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** What is wrong with a token name (who holds it), or undefined if it is fine. */
export function tokenNameProblem(name: string): string | undefined {
  if (name.trim() === "" || name.length > TOKEN_NAME_LENGTH) return `must say who holds the token, in 1 to ${TOKEN_NAME_LENGTH} characters`;
  if (UNPRINTABLE.test(name)) return "must not contain control characters (line breaks, tabs, escape codes) or invisible formatting characters";
  return undefined;
}

/** A text with every unprintable character written as an escape (`\n`, `\u{1b}`), safe to print on a terminal. */
export function printable(text: string): string {
  return text.replace(new RegExp(UNPRINTABLE.source, "gu"), (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u{${c.codePointAt(0)!.toString(16)}}`));
}

/** Whether a token is accepted at `now`: not revoked and not expired. */
export function isValid(token: TokenRecord, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || Date.parse(token.expiresAt) > now.getTime());
}

/** Why the last valid admin token is not revoked. */
export function lastAdminMessage(id: number): string {
  return `token ${id} is the last valid admin token and stays: without it nobody could manage tokens over HTTP; create another admin token first`;
}

/** What came of a revocation. */
export type RevokeResult = "revoked" | "not-found" | "already-revoked" | "last-admin";

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
  readonly #admins;

  constructor(
    db: Database,
    private readonly audit: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#db = db;
    this.#byHash = db.prepare<[string], Row>("SELECT * FROM tokens WHERE token_hash = ?");
    this.#byId = db.prepare<[number], Row>("SELECT * FROM tokens WHERE id = ?");
    this.#all = db.prepare<[], Row>("SELECT * FROM tokens ORDER BY id");
    this.#count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM tokens");
    this.#insert = db.prepare(
      "INSERT INTO tokens (name, role, token_hash, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.#revoke = db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    this.#admins = db.prepare<[], Row>("SELECT * FROM tokens WHERE role = 'admin' AND revoked_at IS NULL");
  }

  /**
   * Creates a token; the returned `token` text is the only time it exists outside its holder's hands.
   *
   * @param options.expiresInDays days until the token stops being accepted; default never.
   * @throws Error for a name that {@link tokenNameProblem} refuses (callers check it first).
   */
  create(name: string, role: Role, actor: Actor, options: { expiresInDays?: number } = {}): { token: string; record: TokenRecord } {
    const problem = tokenNameProblem(name);
    if (problem) throw new Error(`token name ${JSON.stringify(name)}: ${problem}`);
    const token = `vaxa_${randomBytes(32).toString("base64url")}`;
    const now = this.clock();
    const expiresAt = options.expiresInDays === undefined ? null : new Date(now.getTime() + options.expiresInDays * 86_400_000).toISOString();
    const record = this.#db
      .transaction(() => {
        const info = this.#insert.run(name, role, sha256(token), now.toISOString(), actor.name, expiresAt);
        const id = Number(info.lastInsertRowid);
        this.audit.record(actor, "token.create", `token ${id}`, { name, role, ...(expiresAt ? { expiresAt } : {}) });
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

  /** The valid (not revoked, not expired) token with this text, or undefined. */
  verify(token: string): TokenRecord | undefined {
    const found = this.find(token);
    return found && isValid(found, this.clock()) ? found : undefined;
  }

  /** The token with this text, valid or not, or undefined if there never was one. */
  find(token: string): TokenRecord | undefined {
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

  /**
   * Revokes a token. The last valid admin token is never revoked (`"last-admin"`): nobody could
   * manage tokens over HTTP afterwards; create another admin token first.
   */
  revoke(id: number, actor: Actor): RevokeResult {
    return this.#db
      .transaction((): RevokeResult => {
        const row = this.#byId.get(id);
        if (row === undefined) return "not-found";
        if (row.revoked_at !== null) return "already-revoked";
        const now = this.clock();
        const target = toRecord(row);
        if (target.role === "admin" && isValid(target, now)) {
          const admins = this.#admins.all().map(toRecord).filter((t) => isValid(t, now));
          if (admins.length <= 1) return "last-admin";
        }
        this.#revoke.run(now.toISOString(), id);
        this.audit.record(actor, "token.revoke", `token ${id}`);
        return "revoked";
      })
      .immediate();
  }
}
