import { readPackageFolder } from "../../io/read-package-folder.ts";
import { describe, expect, it } from "vitest";
import request from "supertest";
import { createApp } from "../../server/app.ts";
import { normalizeAssumptions } from "../../model/scenario.ts";
import { ConfigError, readConfig } from "../../server/config.ts";
import { canonicalJson } from "../../contract/canonical-json.ts";
import { packageHash, sha256, shortId, versionHash } from "../../io/content-hash.ts";
import { MIGRATIONS, migrate } from "../../server/db/migrations.ts";
import { openDatabase } from "../../server/db/open-database.ts";
import { parseVersionSelector, slug } from "../../server/db/scenario-store.ts";
import { formatNumber } from "../../io/csv.ts";
import { wrap } from "../../io/svg.ts";
import { createLogger } from "../../server/logger.ts";
import { Lru } from "../../server/lru.ts";
import { packageFromFiles } from "../../server/model-service.ts";
import { createServices, seedPackageScenarios } from "../../server/services.ts";
import { defaultConfig } from "../../server/config.ts";

describe("content hashes", () => {
  it("writes canonical JSON with sorted keys at every depth (RFC 8785 for these values)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x", { d: 0.5, c: -2 }], é: "å" })).toBe('{"a":[true,null,"x",{"c":-2,"d":0.5}],"b":1,"é":"å"}');
    expect(canonicalJson({ a: undefined, b: 1e21 })).toBe('{"b":1e+21}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });

  it("hashes a version as sha256 of { assumptions, package }, whatever the key order of the input", () => {
    // sha256 of the text below, computed with `printf %s '…' | sha256sum`.
    const text = '{"assumptions":{"a":1,"b":2},"package":"p"}';
    expect(sha256(text)).toBe("abc79df5132d4e8757824d9f0abc390d6f16f930c556f8cc4b24438d276fc075");
    expect(versionHash({ b: 2, a: 1 }, "p")).toBe("abc79df5132d4e8757824d9f0abc390d6f16f930c556f8cc4b24438d276fc075");
    expect(shortId(versionHash({ a: 1, b: 2 }, "p"))).toHaveLength(12);
  });

  it("gives the same version hash to assumptions that differ only in defaults and lever order", () => {
    const a = normalizeAssumptions({ name: { sv: "A", en: "A" }, levers: ["b", "a"] });
    const b = normalizeAssumptions({ name: { sv: "A", en: "A" }, levers: ["a", "b"], growthMultiplier: 1, set: {}, uncertainty: {} });
    expect(versionHash(a, "p")).toBe(versionHash(b, "p"));
    expect(versionHash(a, "p")).not.toBe(versionHash(a, "q"));
    expect(versionHash(a, "p")).not.toBe(versionHash({ ...a, growthMultiplier: 1.0001 }, "p"));
  });

  it("hashes a package by its model files only, not its scenario files", () => {
    const files = { "municipality.json": "{}", "drivers.csv": "x" };
    expect(packageHash({ ...files, "scenarios/a.json": "{}" })).toBe(packageHash(files));
    expect(packageHash({ ...files, "drivers.csv": "y" })).not.toBe(packageHash(files));
  });
});

describe("configuration", () => {
  it("has safe defaults", () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, openReads: true, maxBodyBytes: 102400, maxDraws: 20000, packageFolder: "data/nacka", logLevel: "info" });
    expect(c.dataDir.endsWith("/var")).toBe(true);
  });

  it("reads the variables and names a variable whose value cannot be used", () => {
    expect(readConfig({ PORT: "8080", VAXA_OPEN_READS: "false", VAXA_MAX_DRAWS: "500" })).toMatchObject({ port: 8080, openReads: false, maxDraws: 500 });
    expect(() => readConfig({ PORT: "eighty" })).toThrow(new ConfigError('PORT="eighty": expected a whole number from 0 to 65535'));
    expect(() => readConfig({ VAXA_OPEN_READS: "maybe" })).toThrow('VAXA_OPEN_READS="maybe": expected true or false');
    expect(() => readConfig({ VAXA_LOG_LEVEL: "loud" })).toThrow(/^VAXA_LOG_LEVEL="loud": expected one of fatal/);
  });
});

describe("database", () => {
  it("applies the migrations once and refuses a database from a newer Vaxa", () => {
    const db = openDatabase(":memory:");
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(migrate(db)).toEqual([]);
    db.pragma("user_version = 99");
    expect(() => migrate(db)).toThrow(/schema version 99, newer than this Vaxa knows/);
  });

  it("reads version selectors: latest, numbers, short ids and full hashes", () => {
    expect(parseVersionSelector("latest")).toEqual({ kind: "latest" });
    expect(parseVersionSelector("3")).toEqual({ kind: "number", number: 3 });
    expect(parseVersionSelector("ABCDEF012345")).toEqual({ kind: "hash", hash: "abcdef012345" });
    expect(parseVersionSelector("0")).toBeUndefined();
    expect(parseVersionSelector("abc")).toBeUndefined();
  });

  it("makes scenario ids from Swedish names", () => {
    expect(slug("Växa utan att växa")).toBe("vaxa-utan-att-vaxa");
    expect(slug("  Ökad takt 2030! ")).toBe("okad-takt-2030");
    expect(slug("2030")).toBe("scenario-2030");
    expect(slug("???")).toBe("scenario");
  });
});

describe("formats", () => {
  it("writes CSV numbers without exponents, with the chosen decimal mark", () => {
    expect(formatNumber(1234.5, ",")).toBe("1234,5");
    expect(formatNumber(-0.25, ".")).toBe("-0.25");
    expect(formatNumber(1e-12, ".")).toBe("0");
    expect(formatNumber(2.5e-7, ",")).toBe("0,00000025");
    expect(formatNumber(null, ".")).toBe("");
  });

  it("wraps captions at spaces", () => {
    expect(wrap("ett två tre fyra", 8)).toEqual(["ett två", "tre fyra"]);
  });

  it("keeps the most recently used entries in the LRU cache", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    lru.get("a");
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.size).toBe(2);
  });
});

describe("a new data package", () => {
  it("adds versions to the package's scenarios, while old versions still compute with the package they were saved with", async () => {
    const files = await readPackageFolder("data/nacka");
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
    expect(v2.body.result.totals.at(-1).cost).not.toBe(v1.body.result.totals.at(-1).cost);
  });
});
