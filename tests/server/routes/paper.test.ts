import ExcelJS from "exceljs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { pdfPages, plain } from "../../pdf-text.ts";
import { arrayBuffer, binary, withSavedVersion } from "../helpers.ts";

describe("GET /api/paper.pdf", () => {
  it("writes the paper of two versions with the version ids, the page number and the illustrative statement on every page", async () => {
    const { app, version, pkg } = await withSavedVersion();
    const baseline = await request(app).get("/api/scenarios/baseline").expect(200);
    const baselineId: string = baseline.body.version.versionId;
    const res = await request(app).get(`/api/paper.pdf?v=export-me@1,baseline@latest&year=2030&flat=2035`).buffer(true).parse(binary).expect(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-vaxa-versions"]).toBe(`${version.versionId},${baselineId}`);
    const pages = await pdfPages(res.body as Buffer);
    // A title page, the matter with four charts (the probability chart only if informative) and
    // their tables, and the assumptions: more than four pages.
    expect(pages.length).toBeGreaterThan(4);
    const illustrative = plain(`Illustrativa siffror: ${pkg.pkg.municipality.illustrative!.sv}`);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(text, `page ${i + 1}`).toContain(`Scenarioversioner ${version.versionId}, ${baselineId}`);
      expect(text, `page ${i + 1}`).toContain(illustrative);
    });
    expect(pages[0]).toContain("Sammanfattning");
    expect(pages[0]).toContain("Förslag till beslut");
    const all = pages.join(" ");
    for (const heading of ["Ärendet", "Antaganden per scenarioversion", "Versioner, kommentarer och författare", "Underlag och källor", "Källa: Vaxa"]) {
      expect(all).toContain(heading);
    }
    expect(all).toContain("Per Planner");
  }, 60_000);

  it("writes English with ?lang=en", async () => {
    const { app, version } = await withSavedVersion();
    const res = await request(app).get(`/api/paper.pdf?v=export-me@1&lang=en`).buffer(true).parse(binary).expect(200);
    const pages = await pdfPages(res.body as Buffer);
    expect(pages[0]).toContain("Summary");
    expect(pages[0]).toContain(`Scenario versions ${version.versionId}`);
    expect(pages[0]).toContain(`Page 1 of ${pages.length}`);
  }, 60_000);

  it("answers 400 naming the parameter for a bad comparison and 404 for a version that does not exist", async () => {
    const { app } = await withSavedVersion();
    const none = await request(app).get("/api/paper.pdf?v=,,").expect(400);
    expect(none.body.error).toContain("v");
    const many = await request(app).get("/api/paper.pdf?v=a,b,c,d,e").expect(400);
    expect(many.body.error).toContain("at most 4");
    const year = await request(app).get("/api/paper.pdf?v=export-me@1&year=1900").expect(400);
    expect(year.body.error).toContain("year");
    await request(app).get("/api/paper.pdf?v=export-me@9").expect(404);
  });
});

describe("the paper in the API's description", () => {
  it("lists both routes with their parameters", async () => {
    const { app } = await withSavedVersion();
    const res = await request(app).get("/api/openapi.json").expect(200);
    for (const path of ["/api/paper.pdf", "/api/paper.xlsx"]) {
      expect(res.body.paths[path].get.parameters.map((p: { name: string }) => p.name)).toEqual(["v", "year", "flat", "lang"]);
    }
  });
});

describe("GET /api/paper.xlsx", () => {
  it("holds the paper's tables, a sheet each, naming the versions", async () => {
    const { app, version } = await withSavedVersion();
    const res = await request(app).get(`/api/paper.xlsx?v=export-me@1`).buffer(true).parse(binary).expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(arrayBuffer(res.body as Buffer));
    const names = book.worksheets.map((w) => w.name);
    expect(names).toContain("Sammanfattning");
    expect(names).toContain("Nyckeltal per scenarioversion");
    expect(names).toContain("Antaganden per scenarioversion");
    for (const sheet of book.worksheets) {
      const text = sheet.getSheetValues().flat().join(" ");
      expect(text, sheet.name).toContain(version.versionId);
      expect(text, sheet.name).toContain("Illustrativa siffror");
    }
    // Numbers are numbers finance can compute with, shown as printed; a version id stays text.
    const key = book.getWorksheet("Nyckeltal per scenarioversion")!;
    const rowOf = (start: string) => key.getRows(1, key.rowCount)!.find((r) => String(r.getCell(1).value).startsWith(start))!;
    expect(rowOf("Versions-id").getCell(2).value).toBe(version.versionId);
    const fte = rowOf("Årsarbetare ").getCell(2);
    expect(typeof fte.value).toBe("number");
    expect(Number.isInteger(fte.value)).toBe(true);
    expect(fte.numFmt).toBe("#,##0");
    expect(rowOf("Nuvärde").getCell(2).numFmt).toBe('#,##0.0" Mkr"');
  }, 60_000);
});
