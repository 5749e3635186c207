/**
 * The Nacka package is illustrative (`municipality.json` field `illustrative`): every answer and
 * export of the server says so, in the language asked for.
 */
import { tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { CHART_NAMES } from "../../charts/index.ts";
import { arrayBuffer, assumptions, binary, nackaPackage, testServer } from "./helpers.ts";

async function withVersion() {
  const server = await testServer();
  await request(server.app)
    .post("/api/scenarios")
    .set(server.auth("planner"))
    .send({ id: "illustrated", assumptions: assumptions() })
    .expect(201);
  const why = (await nackaPackage()).pkg.municipality.illustrative!;
  return { ...server, why };
}

describe("an illustrative package", () => {
  it("is named in the package summary and in the forecast answers, deterministic and Monte Carlo", async () => {
    const { app, why } = await withVersion();
    expect(why.sv.length).toBeGreaterThan(0);
    const summary = await request(app).get("/api/package").expect(200);
    expect(summary.body.municipality.illustrative).toEqual(why);
    const point = await request(app).post("/api/forecast").send({ assumptions: {} }).expect(200);
    expect(point.body.result.illustrative).toEqual(why);
    const mc = await request(app).post("/api/forecast").send({ assumptions: {}, monteCarlo: { draws: 5, seed: 1 } }).expect(200);
    expect(mc.body.result.illustrative).toEqual(why);
  });

  it("is written into the Arrow metadata of a forecast", async () => {
    const { app, why } = await withVersion();
    const res = await request(app)
      .post("/api/forecast")
      .set("Accept", "application/vnd.apache.arrow.stream")
      .send({ assumptions: {} })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const metadata = tableFromIPC(res.body as Buffer).schema.metadata;
    expect(metadata.get("illustrative.sv")).toBe(why.sv);
    expect(metadata.get("illustrative.en")).toBe(why.en);
  });

  it("is the last column of every CSV row, in the language asked for", async () => {
    const { app, why } = await withVersion();
    const en = await request(app).get("/api/scenarios/illustrated/versions/1/export.csv").expect(200);
    const lines = en.text.trim().split("\r\n");
    expect(lines[0]!.endsWith(",illustrative")).toBe(true);
    for (const line of lines.slice(1)) expect(line.endsWith(`,"Illustrative figures: ${why.en}"`)).toBe(true);
    const sv = await request(app).get("/api/scenarios/illustrated/versions/1/export.csv?table=totals&locale=sv").expect(200);
    expect(sv.text.trim().split("\r\n")[1]!.endsWith(`;Illustrativa siffror: ${why.sv}`)).toBe(true);
  });

  it("is printed under the workbook's title and on its about sheet", async () => {
    const { app, why } = await withVersion();
    const res = await request(app).get("/api/scenarios/illustrated/versions/1/export.xlsx").buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(res.body as Buffer));
    expect(wb.getWorksheet("Översikt")!.getRow(2).getCell(1).value).toBe(`Illustrativa siffror: ${why.sv}`);
    const about = wb.getWorksheet("Om")!;
    const row = about.getColumn(1).values.indexOf("Illustrativa siffror");
    expect(about.getRow(row).getCell(2).value).toBe(why.sv);
  });

  it("is the footnote of every chart", async () => {
    const { app, why } = await withVersion();
    for (const chart of CHART_NAMES) {
      const res = await request(app).get(`/api/scenarios/illustrated/versions/1/charts/${chart}.svg?lang=en`).buffer(true).parse(binary).expect(200);
      const svg = (res.body as Buffer).toString("utf8");
      const footnote = [...svg.matchAll(/<text [^>]*data-footnote="">([^<]*)<\/text>/g)].map((m) => m[1]).join(" ");
      expect(footnote.replace(/&apos;/g, "'")).toBe(`Illustrative figures: ${why.en}`);
    }
  });
});
