/**
 * Opening the embedded SQLite database (better-sqlite3) with the settings every process uses:
 * the server and the token command.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import BetterSqlite3, { type Database } from "better-sqlite3";
import { migrate } from "./migrations.ts";

/** The database file inside the data directory. */
export const DATABASE_FILE = "vaxa.sqlite";

/**
 * Opens (creating if needed) `<dataDir>/vaxa.sqlite`, or an in-memory database for `":memory:"`,
 * and brings its schema up to date.
 *
 * - `journal_mode = WAL`: readers never wait for the writer, and a commit is one append to the log.
 * - `synchronous = FULL`: every commit is fsync'ed to the log before it returns, so a save that the
 *   server has acknowledged survives a SIGKILL and also a power cut. NORMAL would survive a killed
 *   process but could lose the last commits on power loss; saves are rare (people clicking "save"),
 *   so the one fsync per save costs nothing that matters.
 * - `foreign_keys = ON`, `busy_timeout = 5000` ms (the token command may write while the server runs).
 * - `recursive_triggers = ON`: a REPLACE that deletes a row fires its no-delete trigger. The
 *   schema's BEFORE INSERT triggers (migration 2) already refuse a REPLACE over an immutable row on
 *   any connection; this setting is a second lock on Vaxa's own.
 */
export function openDatabase(dataDir: string | ":memory:"): Database {
  let file: string = dataDir;
  if (dataDir !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, DATABASE_FILE);
  }
  const db = new BetterSqlite3(file);
  try {
    if (dataDir !== ":memory:") db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    db.pragma("recursive_triggers = ON");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
