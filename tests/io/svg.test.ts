import { describe, expect, it } from "vitest";
import { wrap } from "../../io/svg.ts";

describe("SVG files", () => {
  it("wraps captions at spaces", () => {
    expect(wrap("ett två tre fyra", 8)).toEqual(["ett två", "tre fyra"]);
  });
});
