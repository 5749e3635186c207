/** The council view's chosen versions as the fragment writes them (web/views/council/picks.ts). */
import { describe, expect, it } from "vitest";
import { formatPicks, parsePicks } from "../../paper/picks.ts";

describe("picks", () => {
  it("reads scenario@version pairs, a missing version as latest", () => {
    expect(parsePicks("vaxa-utan-att-vaxa@3f2a9c1d0b4e, baseline , dubbel@2")).toEqual([
      { scenario: "vaxa-utan-att-vaxa", version: "3f2a9c1d0b4e" },
      { scenario: "baseline", version: "latest" },
      { scenario: "dubbel", version: "2" },
    ]);
    expect(parsePicks("baseline@")).toEqual([{ scenario: "baseline", version: "latest" }]);
  });

  it("leaves out empty parts and parts that are no scenario id", () => {
    expect(parsePicks(null)).toEqual([]);
    expect(parsePicks(",,")).toEqual([]);
    expect(parsePicks("Baseline@1,<script>@2,ok@3")).toEqual([{ scenario: "ok", version: "3" }]);
  });

  it("writes picks the way it reads them", () => {
    const picks = [
      { scenario: "a", version: "latest" },
      { scenario: "b-2", version: "0123456789ab" },
    ];
    expect(formatPicks(picks)).toBe("a@latest,b-2@0123456789ab");
    expect(parsePicks(formatPicks(picks))).toEqual(picks);
  });
});
