/**
 * The data packages versions were computed with, by content hash, so that every saved version can
 * be recomputed exactly (DESIGN.md section 6) even after the server has moved to a newer package.
 */
import type { Database } from "better-sqlite3";

export class PackageStore {
  readonly #insert;
  readonly #get;

  constructor(
    db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#insert = db.prepare("INSERT OR IGNORE INTO packages (hash, files, first_seen) VALUES (?, ?, ?)");
    this.#get = db.prepare<[string], { files: string }>("SELECT files FROM packages WHERE hash = ?");
  }

  /** Stores a package's model files under their hash (once). */
  put(hash: string, files: Readonly<Record<string, string>>): void {
    this.#insert.run(hash, JSON.stringify(files), this.clock().toISOString());
  }

  /** The model files stored under a hash, or undefined. */
  files(hash: string): Record<string, string> | undefined {
    const row = this.#get.get(hash);
    return row === undefined ? undefined : (JSON.parse(row.files) as Record<string, string>);
  }
}
