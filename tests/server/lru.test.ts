import { describe, expect, it } from "vitest";
import { Lru } from "../../server/lru.ts";

describe("LRU cache", () => {
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
