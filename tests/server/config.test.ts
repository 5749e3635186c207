import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../server/config.ts";

describe("configuration", () => {
  it("has safe defaults", () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, openReads: true, maxBodyBytes: 102400, maxDraws: 20000, packageFolder: "data/nacka", logLevel: "info" });
    expect(c.dataDir.endsWith("/var")).toBe(true);
  });

  it("reads the variables and names a variable whose value cannot be used", () => {
    expect(readConfig({ PORT: "8080", VAXA_OPEN_READS: "false", VAXA_MAX_DRAWS: "500" })).toMatchObject({ port: 8080, openReads: false, maxDraws: 500 });
    expect(() => readConfig({ PORT: "eighty" })).toThrow(new ConfigError('PORT="eighty": expected a whole number from 0 to 65535'));
    expect(() => readConfig({ VAXA_OPEN_READS: "maybe" })).toThrow('VAXA_OPEN_READS="maybe": expected true or false');
    expect(() => readConfig({ VAXA_LOG_LEVEL: "loud" })).toThrow(/^VAXA_LOG_LEVEL="loud": expected one of fatal/);
  });
});
