import { describe, expect, it } from "vitest";
import { fieldPath } from "../../model/json-source.ts";

describe("fieldPath", () => {
  it("writes array indices in brackets and quotes keys that are not plain names", () => {
    expect(fieldPath(["processes", 2, "activities", 0, "share"])).toBe("processes[2].activities[0].share");
    expect(fieldPath(["set", "levers.x.dip"])).toBe('set["levers.x.dip"]');
    expect(fieldPath(["growth-rate"])).toBe("growth-rate");
  });
});
