/**
 * The data packages versions were computed with, by content hash, so that every saved version can
 * be recomputed exactly (DESIGN.md section 6) even after the server has moved to a newer package.
 *
 * A stored package is checked against its hash every time it is read: files changed in the
 * database behind Vaxa's back would otherwise change a version's numbers under the same id.
 */
import type { Database } from "better-sqlite3";
import { packageHash, shortId } from "../../io/content-hash.ts";

/** A stored package whose files no longer give its hash. */
export class TamperedPackageError extends Error {
  override name = "TamperedPackageError";
  constructor(readonly hash: string) {
    super(
      `the data package ${shortId(hash)} stored in the database does not match its hash: its files were changed outside Vaxa, ` +
        "so the versions saved with it cannot be recomputed; restore the database from a backup",
    );
  }
}

export class PackageStore {
  readonly #insert;
  readonly #get;

  constructor(
    db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    // Not INSERT OR IGNORE: the schema refuses any insert over an existing package (migration 2).
    this.#insert = db.prepare(
      "INSERT INTO packages (hash, files, first_seen) SELECT @hash, @files, @at WHERE NOT EXISTS (SELECT 1 FROM packages WHERE hash = @hash)",
    );
    this.#get = db.prepare<[string], { files: string }>("SELECT files FROM packages WHERE hash = ?");
  }

  /** Stores a package's model files under their hash (once). */
  put(hash: string, files: Readonly<Record<string, string>>): void {
    this.#insert.run({ hash, files: JSON.stringify(files), at: this.clock().toISOString() });
  }

  /**
   * The model files stored under a hash, or undefined.
   *
   * @throws TamperedPackageError if the stored files do not give the hash.
   */
  files(hash: string): Record<string, string> | undefined {
    const row = this.#get.get(hash);
    if (row === undefined) return undefined;
    let files: Record<string, string>;
    try {
      files = JSON.parse(row.files) as Record<string, string>;
    } catch {
      throw new TamperedPackageError(hash);
    }
    if (typeof files !== "object" || files === null || packageHash(files) !== hash) throw new TamperedPackageError(hash);
    return files;
  }
}
