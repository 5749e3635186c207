/**
 * The data packages versions were computed with, by content hash, so that every saved version can
 * be recomputed exactly (DESIGN.md section 6) even after the server has moved to a newer package.
 *
 * A stored package is checked against its hash every time it is read: files changed in the
 * database behind Vaxa's back would otherwise change a version's numbers under the same id.
 */
import type { Database } from "better-sqlite3";
import type { PackageUpload } from "../../contract/api.ts";
import { packageHash, shortId } from "../../io/content-hash.ts";
import type { Actor, AuditLog } from "./audit-log.ts";

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

/** A stored package: its hash, when the server first had it, and its uploads (none for a package read from the folder). */
export interface StoredPackage {
  hash: string;
  firstSeen: string;
  uploads: PackageUpload[];
}

interface UploadRow {
  hash: string;
  file_name: string | null;
  format: "zip" | "xlsx";
  author: string;
  at: string;
}

export class PackageStore {
  readonly #db: Database;
  readonly #insert;
  readonly #get;
  readonly #list;
  readonly #uploads;
  readonly #insertUpload;

  constructor(
    db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#db = db;
    // Not INSERT OR IGNORE: the schema refuses any insert over an existing package (migration 2).
    this.#insert = db.prepare(
      "INSERT INTO packages (hash, files, first_seen) SELECT @hash, @files, @at WHERE NOT EXISTS (SELECT 1 FROM packages WHERE hash = @hash)",
    );
    this.#get = db.prepare<[string], { files: string }>("SELECT files FROM packages WHERE hash = ?");
    this.#list = db.prepare<[], { hash: string; first_seen: string }>("SELECT hash, first_seen FROM packages ORDER BY first_seen, hash");
    this.#uploads = db.prepare<[], UploadRow>("SELECT hash, file_name, format, author, at FROM package_uploads ORDER BY id");
    this.#insertUpload = db.prepare("INSERT INTO package_uploads (hash, file_name, format, author, at) VALUES (?, ?, ?, ?, ?)");
  }

  /** Whether a package with this hash is stored. */
  has(hash: string): boolean {
    return this.#get.get(hash) !== undefined;
  }

  /** Every stored package, oldest first, with its uploads. */
  list(): StoredPackage[] {
    const uploads = new Map<string, UploadRow[]>();
    for (const u of this.#uploads.all()) uploads.set(u.hash, [...(uploads.get(u.hash) ?? []), u]);
    return this.#list.all().map((row) => ({
      hash: row.hash,
      firstSeen: row.first_seen,
      uploads: (uploads.get(row.hash) ?? []).map((u) => ({ fileName: u.file_name, format: u.format, author: u.author, at: u.at })),
    }));
  }

  /**
   * Stores an uploaded package (once, however often it is uploaded) and records the upload, in the
   * audit log too.
   *
   * @returns whether the package was new.
   */
  upload(hash: string, files: Readonly<Record<string, string>>, upload: { fileName: string | null; format: "zip" | "xlsx"; actor: Actor }, audit: AuditLog): boolean {
    return this.#db
      .transaction(() => {
        const created = !this.has(hash);
        this.put(hash, files);
        const at = this.clock().toISOString();
        this.#insertUpload.run(hash, upload.fileName, upload.format, upload.actor.name, at);
        audit.record(upload.actor, "package.upload", `package ${shortId(hash)}`, { hash, fileName: upload.fileName, format: upload.format, created });
        return created;
      })
      .immediate();
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
