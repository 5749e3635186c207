import ExcelJS from "exceljs";
import { DOMParser } from "linkedom";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { CHART_NAMES, CHARTS, toPlotOptions } from "../../charts/index.ts";
import { arrayBuffer, assumptions, binary, nackaPackage, testServer } from "./helpers.ts";


async function withVersion() {
  const server = await testServer();
  const pkg = await nackaPackage();
  const res = await request(server.app)
    .post("/api/scenarios")
    .set(server.auth("planner"))
    .send({ id: "export-me", assumptions: assumptions({ growthMultiplier: 2, levers: pkg.pkg.levers.map((l) => l.id) }) })
    .expect(201);
  const forecast = await request(server.app).get("/api/scenarios/export-me/versions/1/forecast").expect(200);
  return { ...server, version: res.body.version, result: forecast.body.result, pkg };
}

describe("CSV export", () => {
  it("writes comma and decimal point by default, every row with the version id", async () => {
    const { app, version, result } = await withVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/export.csv").expect(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`export-me-v1-${version.versionId}-processes.csv`);
    const lines = res.text.trim().split("\r\n");
    expect(lines[0]).toBe("versionId,scenario,year,process,processName,baselineFte,deliveryFte,developmentFte,transitionFte,totalFte,illustrative");
    expect(lines).toHaveLength(result.rows.length + 1);
    const fields = lines[5]!.split(",");
    expect(fields[0]).toBe(version.versionId);
    expect(Number(fields[9])).toBe(result.rows[4].totalFte);
  });

  it("writes semicolons, decimal commas and Swedish names with ?locale=sv, readable by Swedish spreadsheets", async () => {
    const { app, result, pkg } = await withVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/latest/export.csv?locale=sv").expect(200);
    expect(res.text.startsWith("\uFEFF")).toBe(true);
    const lines = res.text.slice(1).trim().split("\r\n");
    const fields = lines[2]!.split(";");
    expect(fields[4]).toBe(pkg.pkg.processes[0]!.name.sv);
    expect(fields[9]).toBe(String(result.rows[1].totalFte).replace(".", ","));
    expect(fields[9]).toContain(",");
  });

  it("writes the yearly totals with money with ?table=totals", async () => {
    const { app, result } = await withVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/export.csv?table=totals&sep=semicolon&decimal=comma").expect(200);
    const lines = res.text.slice(1).trim().split("\r\n");
    const header = lines[0]!.split(";");
    expect(header).toContain("cumulativeNet");
    expect(lines).toHaveLength(result.totals.length + 1);
    const row = lines[6]!.split(";");
    expect(Number(row[header.indexOf("cumulativeNet")]!.replace(",", "."))).toBe(result.totals[5].cumulativeNet);
  });
});

describe("XLSX export", () => {
  it("writes a workbook with the version id, hash and the numbers", async () => {
    const { app, version, result } = await withVersion();
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
    expect(perYear.getRow(result.totals.length + 1).getCell(7).value).toBe(result.totals.at(-1).totalFte);
    const english = await request(app).get("/api/scenarios/export-me/versions/1/export.xlsx?lang=en").buffer(true).parse(binary).expect(200);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(arrayBuffer(english.body as Buffer));
    expect(en.worksheets.map((w) => w.name)).toEqual(["Overview", "Per process", "Per year", "About"]);
  });
});

describe("charts as SVG", () => {
  it("renders every chart as a standalone SVG file carrying the version id, in Swedish by default", async () => {
    const { app, version } = await withVersion();
    for (const chart of CHART_NAMES) {
      const res = await request(app).get(`/api/scenarios/export-me/versions/1/charts/${chart}.svg`).buffer(true).parse(binary).expect(200);
      expect(res.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
      const svg = (res.body as Buffer).toString("utf8");
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const root = doc.documentElement!;
      expect(root.getAttribute("data-version")).toBe(version.versionId);
      expect(root.getAttribute("data-chart")).toBe(chart);
      expect(svg).toContain(`Scenarioversion ${version.versionId}.`);
      expect(doc.querySelector("title")!.textContent).toContain("Testscenario");
      expect(doc.querySelectorAll("svg").length).toBe(2);
    }
  });

  it("writes Swedish numbers (1 234) and labels, and English with ?lang=en", async () => {
    const { app, version } = await withVersion();
    const sv = await request(app).get("/api/scenarios/export-me/versions/1/charts/fte-per-year.svg").buffer(true).parse(binary).expect(200);
    const svText = (sv.body as Buffer).toString("utf8");
    expect(svText).toContain("Årsarbetare");
    expect(svText).toMatch(/\d\u00a0\d{3} årsarbetare/);
    expect(svText).toContain("hålla nollan");
    const en = await request(app).get("/api/scenarios/export-me/versions/1/charts/fte-per-year.svg?lang=en").buffer(true).parse(binary).expect(200);
    const enText = (en.body as Buffer).toString("utf8");
    expect(enText).toContain("FTE per year");
    expect(enText).toContain(`Scenario version ${version.versionId}.`);
    expect(enText).toMatch(/\d,\d{3} FTE/);
  });

  it("describes the investment hump in the cumulative net chart's caption", async () => {
    const { app, result } = await withVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/charts/cumulative-net.svg").buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString("utf8");
    expect(result.investment.humpYear).not.toBeNull();
    expect(text).toContain(`Investeringspuckeln är som djupast ${result.investment.humpYear}`);
  });

  it("gives the browser the same chart as Plot options with the title and caption", async () => {
    const { result, version } = await withVersion();
    for (const chart of CHART_NAMES) {
      const spec = CHARTS[chart](result, { lang: "sv", versionId: version.versionId });
      const options = toPlotOptions(spec);
      expect(options.title).toBe(spec.title);
      expect(String(options.caption)).toContain(version.versionId);
      expect(options.marks!.length).toBeGreaterThan(0);
      expect(options).not.toHaveProperty("document");
    }
  });
});
