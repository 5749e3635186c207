/**
 * Stored data packages are checked against their hash when read: a package changed in the
 * database behind Vaxa's back is refused with a plain message, never computed with.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../../io/read-package-folder.ts";
import { createApp } from "../../../server/app.ts";
import { defaultConfig } from "../../../server/config.ts";
import { shortId } from "../../../io/content-hash.ts";
import { AuditLog } from "../../../server/db/audit-log.ts";
import { openDatabase } from "../../../server/db/open-database.ts";
import { PackageStore, TamperedPackageError } from "../../../server/db/package-store.ts";
import { createLogger } from "../../../server/logger.ts";
import { packageFromFiles } from "../../../server/model-service.ts";
import { createServices, seedPackageScenarios } from "../../../server/services.ts";

describe("stored data packages", () => {
  it("refuses a package whose stored files no longer give its hash; versions of other packages still compute", async () => {
    const { files } = await readPackageFolder("data/nacka");
    const municipality = JSON.parse(files["municipality.json"]!) as { costPerFte: number };
    const older = packageFromFiles({ ...files, "municipality.json": JSON.stringify({ ...municipality, costPerFte: municipality.costPerFte * 0.9 }) });
    const current = packageFromFiles(files);
    const db = openDatabase(":memory:");
    const config = defaultConfig({ dataDir: ":memory:" });
    const logger = createLogger("silent");
    seedPackageScenarios(createServices({ config, logger, db, package: older }));
    const services = createServices({ config, logger, db, package: current });
    seedPackageScenarios(services);
    const app = createApp(services);
    const v1 = "/api/scenarios/vaxa-utan-att-vaxa/versions/1/forecast";
    const v2 = "/api/scenarios/vaxa-utan-att-vaxa/versions/2/forecast";

    // Someone with the database file drops the lock and doubles the cost per FTE of the older package.
    const tampered = { ...older.files, "municipality.json": JSON.stringify({ ...municipality, costPerFte: municipality.costPerFte * 2 }) };
    db.exec("DROP TRIGGER packages_no_update");
    db.prepare("UPDATE packages SET files = ? WHERE hash = ?").run(JSON.stringify(tampered), older.hash);

    expect(() => new PackageStore(db).files(older.hash)).toThrow(TamperedPackageError);
    const refused = await request(app).get(v1).expect(500);
    expect(refused.body.error).toBe(
      `the data package ${shortId(older.hash)} stored in the database does not match its hash: its files were changed outside Vaxa, ` +
        "so the versions saved with it cannot be recomputed; restore the database from a backup",
    );
    const fine = await request(app).get(v2).expect(200);
    expect(fine.body.package.hash).toBe(current.hash);

    // Text that is not JSON at all is refused the same way.
    db.prepare("UPDATE packages SET files = 'not json' WHERE hash = ?").run(older.hash);
    expect(() => new PackageStore(db).files(older.hash)).toThrow(/does not match its hash/);
  });

  it("stores a package once, and reads back exactly what it stored", async () => {
    const loaded = packageFromFiles((await readPackageFolder("data/nacka")).files);
    const db = openDatabase(":memory:");
    const store = new PackageStore(db);
    store.put(loaded.hash, loaded.files);
    store.put(loaded.hash, loaded.files);
    expect(db.prepare("SELECT count(*) AS n FROM packages").get()).toEqual({ n: 1 });
    expect(store.files(loaded.hash)).toEqual(loaded.files);
    expect(store.files("0".repeat(64))).toBeUndefined();
  });
});

describe("package uploads", () => {
  it("stores a package once however often it is uploaded, records every upload, and refuses changing or deleting an upload", () => {
    const db = openDatabase(":memory:");
    const clock = () => new Date("2026-12-01T08:00:00.000Z");
    const audit = new AuditLog(db, clock);
    const store = new PackageStore(db, clock);
    const files = { "municipality.json": "{}" };
    const hash = "d".repeat(64);
    const actor = { name: "token 2 (Per Planner, planner)" };
    expect(store.upload(hash, files, { fileName: "a.zip", format: "zip", actor }, audit)).toBe(true);
    expect(store.upload(hash, files, { fileName: "a.xlsx", format: "xlsx", actor }, audit)).toBe(false);
    expect(store.list()).toEqual([
      {
        hash,
        firstSeen: "2026-12-01T08:00:00.000Z",
        uploads: [
          { fileName: "a.zip", format: "zip", author: actor.name, at: "2026-12-01T08:00:00.000Z" },
          { fileName: "a.xlsx", format: "xlsx", author: actor.name, at: "2026-12-01T08:00:00.000Z" },
        ],
      },
    ]);
    expect(audit.list(10).map((e) => e.action)).toEqual(["package.upload", "package.upload"]);
    expect(() => db.prepare("UPDATE package_uploads SET author = 'someone else'").run()).toThrow("package uploads are append-only");
    expect(() => db.prepare("DELETE FROM package_uploads").run()).toThrow("package uploads are append-only");
  });
});
