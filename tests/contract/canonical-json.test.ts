import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../contract/canonical-json.ts";

describe("canonical JSON", () => {
  it("writes canonical JSON with sorted keys at every depth (RFC 8785 for these values)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x", { d: 0.5, c: -2 }], é: "å" })).toBe('{"a":[true,null,"x",{"c":-2,"d":0.5}],"b":1,"é":"å"}');
    expect(canonicalJson({ a: undefined, b: 1e21 })).toBe('{"b":1e+21}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});
