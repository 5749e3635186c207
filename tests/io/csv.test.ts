/**
 * The CSV writer: the two dialects, RFC 4180 quoting, and numbers without exponents. Expected
 * texts are written by hand from the rules (RFC 4180: a field with the separator, a quote or a
 * line break is quoted, quotes doubled; lines end in CRLF).
 */
import { describe, expect, it } from "vitest";
import { csvDialect, forecastCsv, formatNumber } from "../../io/csv.ts";
import type { ForecastResult } from "../../model/forecast.ts";

/** One process, one year: just enough of a forecast for the writer. */
const result = {
  scenario: "s",
  rows: [{ year: 2020, process: "p", baselineFte: 10.5, deliveryFte: 9.25, developmentFte: 0.5, transitionFte: 0, totalFte: 9.75 }],
  totals: [],
  illustrative: null,
} as unknown as ForecastResult;

describe("forecastCsv", () => {
  it("writes Swedish CSV: semicolons, decimal commas, a byte order mark, a name with ; and a quote quoted", () => {
    const text = forecastCsv(result, { ...csvDialect("sv"), table: "processes", processNames: { p: 'Bygglov; "snabbt"' }, lang: "sv", bom: true });
    expect(text).toBe(
      "\uFEFFscenario;year;process;processName;baselineFte;deliveryFte;developmentFte;transitionFte;totalFte;illustrative\r\n" +
        's;2020;p;"Bygglov; ""snabbt""";10,5;9,25;0,5;0;9,75;\r\n',
    );
  });

  it("writes English CSV with the version id first; a comma or a line break in a name is quoted, a semicolon is not", () => {
    const text = forecastCsv(result, { ...csvDialect("en"), table: "processes", versionId: "abc123abc123", processNames: { p: "Permits, fast\nand; slow" }, lang: "en", bom: false });
    expect(text.split("\r\n")[1]).toBe('abc123abc123,s,2020,p,"Permits, fast\nand; slow",10.5,9.25,0.5,0,9.75,');
  });
});

describe("formatNumber", () => {
  it("writes no exponent and the chosen decimal mark", () => {
    expect(formatNumber(1e21, ".")).toBe("1000000000000000000000");
    expect(formatNumber(2.5e-7, ",")).toBe("0,00000025");
    expect(formatNumber(Number.NaN, ".")).toBe("");
  });

  it("writes CSV numbers without exponents, with the chosen decimal mark", () => {
    expect(formatNumber(1234.5, ",")).toBe("1234,5");
    expect(formatNumber(-0.25, ".")).toBe("-0.25");
    expect(formatNumber(1e-12, ".")).toBe("0");
    expect(formatNumber(2.5e-7, ",")).toBe("0,00000025");
    expect(formatNumber(null, ".")).toBe("");
  });
});
