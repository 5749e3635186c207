import { describe, expect, it } from "vitest";
import { errorsOf, onlyError, validFiles, withEdit } from "./package-files.ts";

describe("parseDataPackage: headcount.csv", () => {
  it("reports a process that is not in processes.json, listing the valid ones", () => {
    const files = validFiles();
    files["headcount.csv"] += "2023,permitz,1\n2024,permitz,1\n";
    expect(onlyError(files)).toEqual({
      file: "headcount.csv",
      line: 6,
      field: "process",
      message: 'unknown process "permitz": expected one of the processes in processes.json (permits, support)',
    });
  });

  it("reports a process without the base year (the last year in the file)", () => {
    const files = withEdit("headcount.csv", "2024,support,4.5\n", "");
    const errors = errorsOf(files);
    expect(errors).toEqual([
      {
        file: "headcount.csv",
        line: 4,
        field: "year",
        message: "support ends in 2023: expected its actual FTE for the base year 2024 (the last year in the file), the same last year for every process",
      },
    ]);
  });

  it("reports a gap in a process's years and a negative FTE", () => {
    const files = validFiles();
    files["headcount.csv"] = "year,process,fte\n2021,permits,9\n2023,permits,10\n2024,permits,12.5\n2023,support,4\n2024,support,-4.5\n";
    // Sorted by line.
    expect(errorsOf(files)).toEqual([
      {
        file: "headcount.csv",
        line: 3,
        field: "year",
        message: "permits has no value for 2022: expected every year without gaps (2021 is followed by 2023)",
      },
      { file: "headcount.csv", line: 6, field: "fte", message: "-4.5 for support is outside the valid range from 0 to 1000000 (FTE)" },
    ]);
  });

  it("reports a duplicate year and process, naming both lines", () => {
    const files = validFiles();
    files["headcount.csv"] += "2024,permits,13\n";
    expect(onlyError(files)).toEqual({
      file: "headcount.csv",
      line: 6,
      field: "year",
      message: "permits 2024 appears twice, on lines 3 and 6: expected one row per year and process",
    });
  });
});
