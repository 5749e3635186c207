/**
 * A package as a workbook and back (io/package-workbook.ts): the Excel round-trip gives the same
 * forecast to the last digit for every scenario of the Nacka package; a number edited in a sheet
 * is read as that number; a message about a CSV sheet names the sheet's row as its line.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { INDEX_SHEET, readPackageWorkbook, writePackageWorkbook } from "../../io/package-workbook.ts";
import { forecast } from "../../model/forecast.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { compilePlan } from "../../model/plan.ts";

function packageOf(files: Record<string, string>): DataPackage {
  const parsed = parseDataPackage(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.package;
}

function forecasts(pkg: DataPackage) {
  return Object.values(pkg.scenarios).map((scenario) => {
    const compiled = compilePlan(pkg, scenario);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    return forecast(compiled.plan);
  });
}

async function edited(bytes: Uint8Array, edit: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("the package workbook", () => {
  it("gives identical forecasts for every Nacka scenario after writing and reading back, and the same package", async () => {
    const { files } = await readPackageFolder("data/nacka");
    const bytes = await writePackageWorkbook(files);
    // Written by exceljs, opened and saved again by exceljs (as Excel would re-save it), then read.
    const resaved = await edited(bytes, () => {});
    const back = await readPackageWorkbook(resaved);
    expect(back.findings).toEqual([]);
    expect(Object.keys(back.files).sort()).toEqual(Object.keys(files).sort());
    const original = packageOf(files);
    const roundTripped = packageOf(back.files);
    expect(roundTripped).toEqual(original);
    expect(forecasts(roundTripped)).toEqual(forecasts(original));
  });

  it("lists every file on the first sheet, CSV fields that are numbers as number cells, JSON one line per row", async () => {
    const files = { "drivers.csv": "year;driver;value;kind\n2024;residents;1 010,5;actual\n", "population/a.csv": "x,y\n1,2", "municipality.json": '{\n  "a": 1\n}' };
    const workbook = new ExcelJS.Workbook();
    const bytes = await writePackageWorkbook(files);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([INDEX_SHEET, "drivers.csv", "municipality.json", "population_a.csv"]);
    const index = workbook.getWorksheet(INDEX_SHEET)!;
    expect(index.getRow(4).values).toEqual([undefined, "population/a.csv", "population_a.csv"]);
    const drivers = workbook.getWorksheet("drivers.csv")!;
    // "1 010,5" is the Swedish way of writing 1010.5: a number cell.
    expect(drivers.getRow(2).values).toEqual([undefined, 2024, "residents", 1010.5, "actual"]);
    expect(workbook.getWorksheet("municipality.json")!.getColumn(1).values).toEqual([undefined, "{", '  "a": 1', "}"]);
    const back = await readPackageWorkbook(bytes);
    expect(back.files["drivers.csv"]).toBe("year,driver,value,kind\n2024,residents,1010.5,actual");
    expect(back.files["population/a.csv"]).toBe("x,y\n1,2");
    expect(back.files["municipality.json"]).toBe('{\n  "a": 1\n}');
  });

  it("reads a number edited in Excel as that number, and names the sheet's row in a message", async () => {
    const { files } = await readPackageFolder("data/nacka");
    const bytes = await writePackageWorkbook(files);
    const changed = await edited(bytes, (workbook) => {
      const sheet = workbook.getWorksheet("headcount.csv")!;
      sheet.getCell("C2").value = 151.25;
      sheet.getCell("C5").value = "many";
    });
    const back = await readPackageWorkbook(changed);
    const parsed = parseDataPackage(back.files);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ file: "headcount.csv", line: 5, field: "fte" });
    expect(back.files["headcount.csv"]!.split("\n")[1]).toBe("2015,urban_development,151.25");
  });

  it("says what is missing when a workbook has no index sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad1").addRow(["year", "driver"]);
    const back = await readPackageWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(back.files).toEqual({});
    expect(back.findings[0]!.message).toContain('no sheet "Filer"');
  });
});
