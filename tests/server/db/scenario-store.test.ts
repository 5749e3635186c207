import { describe, expect, it } from "vitest";
import { parseVersionSelector, slug } from "../../../server/db/scenario-store.ts";

describe("scenario store", () => {
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
