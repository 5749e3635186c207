import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../cli/messages.ts";
import { findingCounts, findingLines } from "../../cli/report.ts";
import type { PackageFinding } from "../../model/package-error.ts";

const report: PackageFinding[] = [
  { severity: "error", file: "drivers.csv", line: 5, field: "value", message: "not a number" },
  { severity: "error", file: "processes.json", message: "required file is missing" },
  { severity: "warning", file: "headcount.csv", line: 3, field: "fte", message: "jumps" },
  { severity: "note", file: "levers.json", message: "read as Windows-1252" },
];

describe("the validation report as text", () => {
  it("counts findings by severity in the command's language, leaving out those with none", () => {
    expect(findingCounts(MESSAGES.sv, report)).toBe("2 fel, 1 varning, 1 notis");
    expect(findingCounts(MESSAGES.en, report)).toBe("2 errors, 1 warning, 1 note");
    expect(findingCounts(MESSAGES.en, report.slice(2, 3))).toBe("1 warning");
    expect(findingCounts(MESSAGES.sv, [])).toBe("inga anmärkningar");
  });

  it("writes one line per finding, its severity in a column, then file, line, field and message", () => {
    expect(findingLines(MESSAGES.en, report)).toEqual([
      "error    drivers.csv line 5, field “value”: not a number",
      "error    processes.json: required file is missing",
      "warning  headcount.csv line 3, field “fte”: jumps",
      "note     levers.json: read as Windows-1252",
    ]);
    expect(findingLines(MESSAGES.sv, report)[2]).toBe("varning  headcount.csv rad 3, fält ”fte”: jumps");
  });
});
