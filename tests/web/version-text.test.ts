/** A saved version in words (web/version-text.ts): the author's name, the package's own comment in Swedish. */
import { describe, expect, it } from "vitest";
import type { VersionInfo } from "../../contract/api.ts";
import { formats } from "../../contract/locale.ts";
import { authorName, versionText } from "../../web/version-text.ts";

const version = (author: string, comment: string | null): VersionInfo => ({
  scenarioId: "a",
  number: 2,
  versionId: "3f2a9c1d0b4e",
  hash: "3f2a9c1d0b4e".padEnd(64, "0"),
  packageHash: "9".repeat(64),
  parentVersionId: null,
  parentNumber: null,
  author,
  comment,
  createdAt: "2026-11-23T10:00:00.000Z",
});

describe("version text", () => {
  it("names a token's holder, the data package, and anyone else as written", () => {
    expect(authorName("token 2 (Anna Berg, planner)", "sv")).toBe("Anna Berg");
    expect(authorName("token 12 (Berg, Anna, admin)", "en")).toBe("Berg, Anna");
    expect(authorName("data package", "sv")).toBe("datapaketet");
    expect(authorName("cli:anna", "sv")).toBe("cli:anna");
  });

  it("says number, id, author, date and comment", () => {
    const sv = formats("sv");
    expect(versionText(version("token 2 (Anna Berg, planner)", "Dubbel tillväxt"), "sv", sv)).toBe(`version 2 (3f2a9c1d0b4e) · Anna Berg · ${sv.date("2026-11-23T10:00:00.000Z")} — Dubbel tillväxt`);
    expect(versionText(version("data package", "from the data package"), "sv", sv)).toMatch(/ · datapaketet · .* — från datapaketet$/);
    expect(versionText(version("data package", null), "en", formats("en"))).not.toContain("—");
  });
});
