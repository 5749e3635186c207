import { describe, expect, it } from "vitest";
import { openDatabase } from "../../../server/db/open-database.ts";
import { AuditLog } from "../../../server/db/audit-log.ts";
import { TokenStore } from "../../../server/db/token-store.ts";

describe("the first admin token", () => {
  it("is created only while no token was ever created", () => {
    const db = openDatabase(":memory:");
    const store = new TokenStore(db, new AuditLog(db));
    const first = store.createFirstAdmin({ name: "server" });
    expect(first?.record.role).toBe("admin");
    expect(store.verify(first!.token)?.id).toBe(first!.record.id);
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
    store.revoke(first!.record.id, { name: "test" });
    expect(store.createFirstAdmin({ name: "server" })).toBeUndefined();
  });
});
