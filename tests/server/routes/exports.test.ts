import ExcelJS from "exceljs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { arrayBuffer, binary, withSavedVersion } from "../helpers.ts";

describe("CSV export", () => {
  it("writes comma and decimal point by default, every row with the version id", async () => {
    const { app, version, result } = await withSavedVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/export.csv").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`export-me-v1-${version.versionId}-processes.csv`);
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("versionId,scenario,year,process,processName,baselineFte,deliveryFte,developmentFte,transitionFte,totalFte,illustrative");
    expect(lines).toHaveLength(result.rows.length + 1);
    const fields = lines[5]!.split(",");
    expect(fields[0]).toBe(version.versionId);
    expect(Number(fields[9])).toBe(result.rows[4]!.totalFte);
  });

  it("writes semicolons, decimal commas and Swedish names with ?locale=sv, readable by Swedish spreadsheets", async () => {
    const { app, result, pkg } = await withSavedVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/latest/export.csv?locale=sv").expect(200);
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    const lines = res.text.slice(1).trim().split("\r\n");
    const fields = lines[2]!.split(";");
    expect(fields[4]).toBe(pkg.pkg.processes[0]!.name.sv);
    expect(fields[9]).toBe(String(result.rows[1]!.totalFte).replace(".", ","));
    expect(fields[9]).toContain(",");
  });

  it("writes the yearly totals with money with ?table=totals", async () => {
    const { app, result } = await withSavedVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/export.csv?table=totals&sep=semicolon&decimal=comma").expect(200);
    const lines = res.text.slice(1).trim().split("\r\n");
    const header = lines[0]!.split(";");
    expect(header).toContain("cumulativeNet");
    expect(lines).toHaveLength(result.totals.length + 1);
    const row = lines[6]!.split(";");
    expect(Number(row[header.indexOf("cumulativeNet")]!.replace(",", "."))).toBe(result.totals[5]!.cumulativeNet);
  });
});

describe("XLSX export", () => {
  it("writes a workbook with the version id, hash and the numbers", async () => {
    const { app, version, result } = await withSavedVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/export.xlsx").buffer(true).parse(binary).expect(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(res.body as Buffer));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Översikt", "Per process", "Per år", "Om"]);
    const about = wb.getWorksheet("Om")!;
    const values = about.getColumn(2).values;
    expect(values).toContain(version.versionId);
    expect(values).toContain(version.hash);
    const perYear = wb.getWorksheet("Per år")!;
    expect(perYear.getRow(2).getCell(1).value).toBe(result.baseYear);
    expect(perYear.getRow(result.totals.length + 1).getCell(7).value).toBe(result.totals.at(-1)!.totalFte);
    const english = await request(app).get("/api/scenarios/export-me/versions/1/export.xlsx?lang=en").buffer(true).parse(binary).expect(200);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(arrayBuffer(english.body as Buffer));
    expect(en.worksheets.map((w) => w.name)).toEqual(["Overview", "Per process", "Per year", "About"]);
  });
});
