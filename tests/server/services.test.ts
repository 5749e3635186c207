import { readPackageFolder } from "../../io/read-package-folder.ts";
import { describe, expect, it } from "vitest";
import request from "supertest";
import { createApp } from "../../server/app.ts";
import { openDatabase } from "../../server/db/open-database.ts";
import { createLogger } from "../../server/logger.ts";
import { packageFromFiles } from "../../server/model-service.ts";
import { createServices, seedPackageScenarios } from "../../server/services.ts";
import { defaultConfig } from "../../server/config.ts";

describe("a new data package", () => {
  it("adds versions to the package's scenarios, while old versions still compute with the package they were saved with", async () => {
    const { files } = await readPackageFolder("data/nacka");
    const oldPackage = packageFromFiles(files);
    const municipality = JSON.parse(files["municipality.json"]!) as { costPerFte: number };
    const newFiles = { ...files, "municipality.json": JSON.stringify({ ...municipality, costPerFte: municipality.costPerFte * 2 }) };
    const newPackage = packageFromFiles(newFiles);
    expect(newPackage.hash).not.toBe(oldPackage.hash);

    const db = openDatabase(":memory:");
    const config = defaultConfig({ dataDir: ":memory:" });
    const logger = createLogger("silent");
    const before = createServices({ config, logger, db, package: oldPackage });
    expect(seedPackageScenarios(before).length).toBeGreaterThan(0);
    expect(seedPackageScenarios(before)).toEqual([]);

    const after = createServices({ config, logger, db, package: newPackage });
    const changed = seedPackageScenarios(after);
    expect(changed).toContain("vaxa-utan-att-vaxa");
    const versions = after.scenarios.versions("vaxa-utan-att-vaxa")!;
    expect(versions.map((v) => v.packageHash)).toEqual([oldPackage.hash, newPackage.hash]);

    const app = createApp(after);
    const v1 = await request(app).get("/api/scenarios/vaxa-utan-att-vaxa/versions/1/forecast").expect(200);
    const v2 = await request(app).get("/api/scenarios/vaxa-utan-att-vaxa/versions/2/forecast").expect(200);
    expect(v1.body.package.hash).toBe(oldPackage.hash);
    expect(v2.body.package.hash).toBe(newPackage.hash);
    const base = createApp(before);
    const original = await request(base).get("/api/scenarios/vaxa-utan-att-vaxa/versions/1/forecast").expect(200);
    expect(v1.body.result).toEqual(original.body.result);
    expect(v2.body.result.totals.cost.at(-1)).not.toBe(v1.body.result.totals.cost.at(-1));
  });
});
