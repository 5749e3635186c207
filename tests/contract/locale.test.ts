/** Numbers, money, shares and dates as a person reads them (contract/locale.ts), in Swedish and English. */
import { describe, expect, it } from "vitest";
import { formats } from "../../contract/locale.ts";
import { NBSP, sv } from "../web/sv-text.ts";

describe("formats", () => {
  it("writes Swedish and English numbers, money and shares", () => {
    const s = formats("sv");
    const e = formats("en");
    expect(s.fte(1087.97)).toBe(sv("1 088"));
    expect(s.number(1234.5, 1)).toBe(sv("1 234,5"));
    expect(s.mkr(47_854_613.78)).toBe(`47,9${NBSP}Mkr`);
    expect(s.percent(0.12)).toBe(`12${NBSP}%`);
    expect(s.number(-5)).toBe("−5");
    expect(e.fte(1087.97)).toBe("1,088");
    expect(e.mkr(47_854_613.78)).toBe(`47.9${NBSP}MSEK`);
    expect(e.percent(0.12)).toBe("12%");
    expect(s.year(2030)).toBe("2030");
    expect(s.number(Number.NaN)).toBe("–");
  });

  it("writes dates the Swedish way", () => {
    expect(formats("sv").date("2026-11-23T10:00:00Z")).toBe("23 november 2026");
    expect(formats("en").date("2026-11-23T10:00:00Z")).toBe("23 November 2026");
    // in a time zone given (the tests run in UTC): 23:30 UTC is 00:30 the next day in Stockholm in winter
    expect(formats("sv", "SEK", "Europe/Stockholm").date("2026-11-30T23:30:00Z")).toBe("1 december 2026");
    expect(formats("sv", "SEK", "Europe/Stockholm").dateTime("2026-11-30T23:30:00Z")).toBe("2026-12-01 00:30");
    expect(formats("sv").date("2026-11-30T23:30:00Z")).toBe("30 november 2026");
  });
});
