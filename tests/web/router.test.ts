/** Routes as hash fragments (web/router.ts). */
import { describe, expect, it } from "vitest";
import { fragmentOf, parseRoute } from "../../web/router.ts";

describe("routes", () => {
  it("reads the Swedish and English names of each view, and the planner for anything else", () => {
    expect(parseRoute("#planering").view).toBe("planner");
    expect(parseRoute("#finance").view).toBe("finance");
    expect(parseRoute("#politiken").view).toBe("council");
    expect(parseRoute("#beslutsunderlag").view).toBe("council");
    expect(parseRoute("").view).toBe("planner");
    expect(parseRoute("#nowhere").view).toBe("planner");
  });

  it("reads the parameters after ? and writes them back in the Swedish fragment", () => {
    const route = parseRoute("#council?v=vaxa-utan-att-vaxa%403f2a9c1d0b4e,baseline@latest&year=2031");
    expect(route).toEqual({ view: "council", params: { v: "vaxa-utan-att-vaxa@3f2a9c1d0b4e,baseline@latest", year: "2031" } });
    expect(fragmentOf(route)).toBe("#beslutsunderlag?v=vaxa-utan-att-vaxa%403f2a9c1d0b4e%2Cbaseline%40latest&year=2031");
    expect(parseRoute(fragmentOf(route))).toEqual(route);
    expect(fragmentOf({ view: "finance", params: {} })).toBe("#ekonomi");
  });
});
