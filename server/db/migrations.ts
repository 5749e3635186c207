/**
 * The database schema, as numbered migrations applied in order at start.
 *
 * `PRAGMA user_version` holds the number of the last migration applied. A migration is never
 * edited after release: a change to the schema is a new migration at the end of the list.
 */
import type { Database } from "better-sqlite3";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "packages, scenarios and immutable versions, tokens, audit log",
    sql: `
      -- Every data package a version was computed with, by content hash, so that any version can
      -- be recomputed exactly even after the server moves on to a newer package.
      CREATE TABLE packages (
        hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
        files       TEXT NOT NULL,              -- JSON { path: text } of the package's model files
        first_seen  TEXT NOT NULL               -- ISO 8601 time
      ) STRICT;

      CREATE TABLE scenarios (
        id              TEXT PRIMARY KEY,
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        latest_number   INTEGER NOT NULL        -- number of the newest version
      ) STRICT;

      -- A scenario version: immutable (see the triggers below).
      CREATE TABLE scenario_versions (
        scenario_id     TEXT NOT NULL REFERENCES scenarios(id),
        number          INTEGER NOT NULL CHECK (number >= 1),
        hash            TEXT NOT NULL CHECK (length(hash) = 64),   -- sha256 of assumptions + package hash
        assumptions     TEXT NOT NULL,                              -- canonical JSON
        package_hash    TEXT NOT NULL REFERENCES packages(hash),
        parent_number   INTEGER,
        parent_hash     TEXT,
        author          TEXT NOT NULL,
        comment         TEXT,
        created_at      TEXT NOT NULL,
        PRIMARY KEY (scenario_id, number)
      ) STRICT;
      CREATE INDEX scenario_versions_by_hash ON scenario_versions(hash);

      CREATE TRIGGER scenario_versions_no_update BEFORE UPDATE ON scenario_versions
      BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;
      CREATE TRIGGER scenario_versions_no_delete BEFORE DELETE ON scenario_versions
      BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;

      -- Bearer tokens: only the SHA-256 of a token is stored.
      CREATE TABLE tokens (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        role        TEXT NOT NULL CHECK (role IN ('viewer', 'planner', 'admin')),
        token_hash  TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;

      -- Who changed what and when: append-only.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        target      TEXT,
        details     TEXT,                        -- JSON
        request_id  TEXT,
        ip          TEXT
      ) STRICT;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: "no REPLACE or UPSERT over versions, audit entries and packages; packages immutable; token expiry",
    sql: `
      -- INSERT OR REPLACE deletes the existing row without firing DELETE triggers (unless the
      -- connection has turned on recursive_triggers), and an UPSERT turns an insert into an update:
      -- an insert that meets an existing key is refused before it can do either. These triggers
      -- live in the schema, so they hold for every connection, including the sqlite3 shell.
      CREATE TRIGGER scenario_versions_no_replace BEFORE INSERT ON scenario_versions
      WHEN EXISTS (SELECT 1 FROM scenario_versions WHERE scenario_id = NEW.scenario_id AND number = NEW.number)
      BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;

      CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TRIGGER packages_no_replace BEFORE INSERT ON packages
      WHEN EXISTS (SELECT 1 FROM packages WHERE hash = NEW.hash)
      BEGIN SELECT RAISE(ABORT, 'stored data packages are immutable'); END;
      CREATE TRIGGER packages_no_update BEFORE UPDATE ON packages
      BEGIN SELECT RAISE(ABORT, 'stored data packages are immutable'); END;
      CREATE TRIGGER packages_no_delete BEFORE DELETE ON packages
      BEGIN SELECT RAISE(ABORT, 'stored data packages are immutable'); END;

      -- Optional expiry of a token (ISO 8601 time); NULL = never.
      ALTER TABLE tokens ADD COLUMN expires_at TEXT;
    `,
  },
  {
    version: 3,
    name: "who uploaded which data package; archived scenarios",
    sql: `
      -- Each upload of a data package through the API: who, when, from which file. Append-only;
      -- the package itself is in packages (immutable), once, however often it is uploaded.
      CREATE TABLE package_uploads (
        id          INTEGER PRIMARY KEY,
        hash        TEXT NOT NULL REFERENCES packages(hash),
        file_name   TEXT,
        format      TEXT NOT NULL CHECK (format IN ('zip', 'xlsx')),
        author      TEXT NOT NULL,
        at          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX package_uploads_by_hash ON package_uploads(hash);
      CREATE TRIGGER package_uploads_no_update BEFORE UPDATE ON package_uploads
      BEGIN SELECT RAISE(ABORT, 'package uploads are append-only'); END;
      CREATE TRIGGER package_uploads_no_delete BEFORE DELETE ON package_uploads
      BEGIN SELECT RAISE(ABORT, 'package uploads are append-only'); END;
      CREATE TRIGGER package_uploads_no_replace BEFORE INSERT ON package_uploads
      WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM package_uploads WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'package uploads are append-only'); END;

      -- An archived scenario is hidden from pickers, not deleted: its versions stay, and archiving
      -- is undone by clearing these (each change is in the audit log).
      ALTER TABLE scenarios ADD COLUMN archived_at TEXT;
      ALTER TABLE scenarios ADD COLUMN archived_by TEXT;
    `,
  },
];

/**
 * Applies the migrations the database has not had yet, each in its own transaction.
 *
 * @returns the migrations applied now (empty when the schema was current).
 * @throws Error if the database was written by a newer Vaxa (a schema version this one does not know).
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const current = db.pragma("user_version", { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database has schema version ${current}, newer than this Vaxa knows (${latest}): start a newer Vaxa or use another VAXA_DATA_DIR.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return pending;
}
