import { describe, expect, it } from "vitest";
import { MIGRATIONS, migrate } from "../../../server/db/migrations.ts";
import { openDatabase } from "../../../server/db/open-database.ts";

describe("database migrations", () => {
  it("applies the migrations once and refuses a database from a newer Vaxa", () => {
    const db = openDatabase(":memory:");
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(migrate(db)).toEqual([]);
    db.pragma("user_version = 99");
    expect(() => migrate(db)).toThrow(/schema version 99, newer than this Vaxa knows/);
  });
});
