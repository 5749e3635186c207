/**
 * The thousands-separator rule of model/csv-rows.ts (checkThousands): a lone comma followed by
 * exactly three digits in a column of counts is an error naming the line, unless the column
 * shows elsewhere that it writes decimal commas.
 */
import { describe, expect, it } from "vitest";
import type { CsvRow } from "../../model/csv.ts";
import { FILE_NUMBERS } from "../../model/bounds.ts";
import { boundedField, checkThousands } from "../../model/csv-rows.ts";
import type { PackageError } from "../../model/package-error.ts";

const rows = (...values: string[]): CsvRow[] => values.map((value, i) => ({ line: i + 2, fields: { value } }));

describe("checkThousands", () => {
  it('reports "103,656" as ambiguous, naming the line and both readings, and removes the field', () => {
    const table = rows("100000", "103,656", "105000");
    const errors: PackageError[] = [];
    checkThousands("drivers.csv", table, "value", errors);
    expect(errors).toEqual([
      {
        file: "drivers.csv",
        line: 3,
        field: "value",
        message:
          '"103,656" is ambiguous: a comma followed by exactly three digits may be a thousands separator (103656) or a decimal comma (103.656); write 103656 or 103 656 for the whole number, 103.656 for the decimal',
      },
    ]);
    expect(table[1]!.fields).toEqual({});
    // The removed field is not reported again as "not a number".
    expect(boundedField("drivers.csv", table[1]!, "value", "residents", FILE_NUMBERS.driverValue, errors)).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it("says when the file writes decimal points elsewhere: the comma is then most likely a thousands separator", () => {
    const errors: PackageError[] = [];
    checkThousands("headcount.csv", rows("12.5", "1,500"), "value", errors);
    expect(errors[0]!.message).toContain("; line 2 writes a decimal point, so this comma is most likely a thousands separator;");
  });

  it("reads it as a decimal when the column writes decimal commas that cannot be thousands (12,5 or 1 234,5)", () => {
    for (const evidence of ["12,5", "1 234,567", "0,25"]) {
      const table = rows("12,375", evidence);
      const errors: PackageError[] = [];
      checkThousands("headcount.csv", table, "value", errors);
      expect(errors).toEqual([]);
      expect(boundedField("headcount.csv", table[0]!, "value", "permits", FILE_NUMBERS.fte, errors)).toBe(12.375);
    }
  });
});
