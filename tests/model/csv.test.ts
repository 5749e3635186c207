import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRow, decimalCommaLine, detectSeparator, numberField, parseCsv, parseDecimal } from "../../model/csv.ts";
import { mayBeThousands } from "../../model/number-text.ts";
import { PACKAGE_LIMITS } from "../../model/package-limits.ts";

const COLUMNS = ["year", "driver", "value", "kind"] as const;

function value(text: string): number | undefined {
  const result = parseDecimal(text);
  return result.ok ? result.value : undefined;
}

describe("parseDecimal", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1234,5", 1234.5],
    ["1 234,5", 1234.5],
    ["1\u00A0234,5", 1234.5],
    ["1\u202F234,5", 1234.5],
    ["12 345 678", 12345678],
    ["-3", -3],
    ["\u22123", -3],
    ["\u22121\u00A0234,5", -1234.5],
    ["+4", 4],
    ["0,25", 0.25],
    [",5", 0.5],
    ["1,234", 1.234],
    ["2.5e3", 2500],
    ["  7\u00A0", 7],
    ["-0", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it.each(["", "   ", "12 3a", "1.234,5", "1,234.5", "1.234.567", "12 3", "1 2345", "1,", "-", "abc", "NaN", "Infinity", "1e999", "0x10", "1_000", "12%"])(
    "rejects %j",
    (text) => {
      const result = parseDecimal(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.expected).toMatch(/^a number such as 1234\.5, 1234,5 or 1 234,5/);
    },
  );

  it("says why a number with both a point and a comma is rejected", () => {
    const result = parseDecimal("1.234,5");
    expect(result).toEqual({ ok: false, expected: expect.stringContaining("unclear which is the decimal mark") });
  });

  it("round-trips any finite number written English-style and with a decimal comma", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const english = String(x);
        const swedish = english.replace(".", ",");
        const expected = Object.is(x, -0) ? 0 : x;
        expect(value(english)).toBe(expected);
        expect(value(swedish)).toBe(expected);
      }),
    );
  });

  it('round-trips numbers formatted toLocaleString("sv-SE")-style, with any of the three space separators', () => {
    // Integers divided by a power of ten written with exactly that many decimals: the formatted
    // text is exact, so the parsed number must be exactly n / 10^k.
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom("\u00A0", " ", "\u202F"),
        (n, k, space) => {
          const x = n / 10 ** k;
          const sv = x.toLocaleString("sv-SE", { minimumFractionDigits: k, maximumFractionDigits: k }).replaceAll("\u00A0", space);
          const en = x.toLocaleString("en-US", { minimumFractionDigits: k, maximumFractionDigits: k, useGrouping: false });
          const expected = Object.is(x, -0) ? 0 : x;
          expect(value(sv)).toBe(expected);
          expect(value(en)).toBe(expected);
        },
      ),
    );
  });

  it("checks that the sv-SE format really uses a no-break space, a decimal comma and U+2212", () => {
    // Guards the property test above: if the runtime's locale data changed, it would test less.
    expect((-1234.5).toLocaleString("sv-SE")).toBe("\u22121\u00A0234,5");
  });
});

describe("detectSeparator", () => {
  it.each([
    ["year,driver,value,kind", ","],
    ["year;driver;value;kind", ";"],
    ["year", ","],
    ['"a;b",c,d', ","],
  ] as const)("%j → %j", (header, expected) => {
    expect(detectSeparator(header)).toBe(expected);
  });
});

describe("parseCsv", () => {
  it("reads a semicolon file from a Swedish spreadsheet: BOM, CRLF, blank and empty lines, trailing empty cells, columns in any order", () => {
    const text = "\uFEFFDriver;Year;value;kind;;\r\nresidents;2024;1 234,5;actual\r\n\r\n;;;\r\nresidents;2025;1240;forecast;;\r\n";
    const { table, errors } = parseCsv("drivers.csv", text, COLUMNS);
    expect(errors).toEqual([]);
    expect(table).toEqual({
      separator: ";",
      rows: [
        { line: 2, fields: { year: "2024", driver: "residents", value: "1 234,5", kind: "actual" } },
        { line: 5, fields: { year: "2025", driver: "residents", value: "1240", kind: "forecast" } },
      ],
    });
  });

  it("reads quoted fields, so a decimal comma can be quoted in a comma-separated file", () => {
    const { table, errors } = parseCsv("drivers.csv", 'year,driver,value,kind\n2024,"residents","1,5",actual\n', COLUMNS);
    expect(errors).toEqual([]);
    expect(table?.rows[0]?.fields.value).toBe("1,5");
  });

  it("reports unknown, missing and repeated columns on the header line, with the column as the field", () => {
    const { table, errors } = parseCsv("drivers.csv", "year,driver,valeu,kind,kind\n2024,x,1,actual,actual\n", COLUMNS);
    expect(table).toBeUndefined();
    expect(errors).toEqual([
      { file: "drivers.csv", line: 1, field: "valeu", message: 'unknown column "valeu": expected the columns year, driver, value, kind' },
      { file: "drivers.csv", line: 1, field: "kind", message: 'column "kind" appears twice in the header' },
      {
        file: "drivers.csv",
        line: 1,
        field: "value",
        message: 'missing column "value": the header must name the columns year, driver, value, kind (separated by ",")',
      },
    ]);
  });

  it("reports every line with the wrong number of fields, hints at an unquoted decimal comma, and keeps the good lines", () => {
    const text = "year,driver,value,kind\n2024,residents,1,5,actual\n2025,residents,2,forecast\n2026,residents\n";
    const { table, errors } = parseCsv("drivers.csv", text, COLUMNS);
    expect(errors).toEqual([
      {
        file: "drivers.csv",
        line: 2,
        message:
          'expected 4 fields (year,driver,value,kind) but found 5 (a decimal comma in a comma-separated file must be quoted, e.g. "1,5", or use ";" as the separator)',
      },
      { file: "drivers.csv", line: 4, message: "expected 4 fields (year,driver,value,kind) but found 2" },
    ]);
    expect(table?.rows.map((r) => r.line)).toEqual([3]);
  });

  it("reads empty trailing fields as empty, not as missing fields", () => {
    const { table, errors } = parseCsv("drivers.csv", "year;driver;value;kind\n2024;residents;1;\n", COLUMNS);
    expect(errors).toEqual([]);
    expect(table?.rows[0]?.fields).toEqual({ year: "2024", driver: "residents", value: "1", kind: "" });
  });

  it("reports an unclosed quote with its line", () => {
    const { table, errors } = parseCsv("drivers.csv", 'year,driver,value,kind\n2024,residents,1,actual\n2025,"residents,2,forecast\n', COLUMNS);
    expect(table).toBeUndefined();
    expect(errors).toEqual([
      { file: "drivers.csv", line: 3, message: 'a quoted field is not closed: expected a closing " before the end of the file' },
    ]);
  });

  it("reports an empty file on line 1, naming the expected header", () => {
    const { table, errors } = parseCsv("headcount.csv", "\n  \n", ["year", "process", "fte"]);
    expect(table).toBeUndefined();
    expect(errors).toEqual([
      { file: "headcount.csv", line: 1, message: 'the file is empty: expected a header line "year,process,fte" and data lines' },
    ]);
  });
});

describe("numberField", () => {
  const row: CsvRow = { line: 14, fields: { value: "12 3a" } };

  it("names file, line and column, quotes the text and says what was expected", () => {
    expect(numberField("drivers.csv", row, "value", "for residents_80plus")).toEqual({
      ok: false,
      error: {
        file: "drivers.csv",
        line: 14,
        field: "value",
        message: '"12 3a" for residents_80plus is not a number: expected a number such as 1234.5, 1234,5 or 1 234,5',
      },
    });
  });

  it("returns the number of a good field", () => {
    expect(numberField("drivers.csv", { line: 3, fields: { value: "1 234,5" } }, "value")).toEqual({ ok: true, value: 1234.5 });
  });
});

describe("a comma followed by three digits (mayBeThousands, decimalCommaLine)", () => {
  it.each(["103,656", "1,500", "-2,000", "\u2212999,999", " 12,345 "])("%j may be an English thousands separator", (text) => {
    expect(mayBeThousands(text)).toBe(true);
  });

  it.each(["103,6", "103,6560", "0,125", "1234,567", "1 234,567", "103.656", "103656", "1,2345"])("%j may not", (text) => {
    expect(mayBeThousands(text)).toBe(false);
  });

  it("finds the first line whose decimal comma cannot be a thousands separator", () => {
    const rows = (values: string[]): CsvRow[] => values.map((value, i) => ({ line: i + 2, fields: { value } }));
    expect(decimalCommaLine(rows(["103,656", "12", "1 234,567", "0,5"]), "value")).toBe(4);
    expect(decimalCommaLine(rows(["103,656", "12,5"]), "value")).toBe(3);
    expect(decimalCommaLine(rows(["103,656", "12.5", "7"]), "value")).toBeUndefined();
  });
});

describe("parseCsv: limits and excerpts", () => {
  it("refuses a file with more data lines than the limit, before parsing it", () => {
    const text = `year,driver,value,kind\n${"2024,x,1,actual\n".repeat(PACKAGE_LIMITS.csvRows + 1)}`;
    const { table, errors } = parseCsv("drivers.csv", text, COLUMNS);
    expect(table).toBeUndefined();
    expect(errors).toEqual([
      {
        file: "drivers.csv",
        message: `the file has ${PACKAGE_LIMITS.csvRows + 2} lines, more than the limit of ${PACKAGE_LIMITS.csvRows} data lines for a package file: expected a package's own figures (yearly values, a few thousand lines at most)`,
      },
    ]);
  });

  it("accepts exactly the limit of data lines", () => {
    const text = `year,driver,value,kind\n${"2024,x,1,actual\n".repeat(PACKAGE_LIMITS.csvRows)}`;
    expect(parseCsv("drivers.csv", text, COLUMNS).table?.rows).toHaveLength(PACKAGE_LIMITS.csvRows);
  });

  it("quotes at most a short excerpt of a long field or column name", () => {
    const long = "9".repeat(1_000_000);
    const row: CsvRow = { line: 3, fields: { value: `${long}x` } };
    const result = numberField("drivers.csv", row, "value");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message.length).toBeLessThan(200);
      expect(result.error.message).toMatch(/^"9{40}… \(1000001 characters\)" is not a number/);
    }
    const { errors } = parseCsv("drivers.csv", `year,driver,value,kind,${"k".repeat(10_000)}\n`, COLUMNS);
    expect(errors[0]!.field).toBe(`${"k".repeat(40)}…`);
    expect(errors[0]!.message.length).toBeLessThan(200);
  });
});
