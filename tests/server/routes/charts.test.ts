import { DOMParser } from "linkedom";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { CHART_NAMES, CHARTS, toPlotOptions } from "../../../charts/index.ts";
import { binary, withSavedVersion } from "../helpers.ts";

describe("charts as SVG", () => {
  it("renders every chart as a standalone SVG file carrying the version id, in Swedish by default", async () => {
    const { app, version } = await withSavedVersion();
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
    const { app, version } = await withSavedVersion();
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
    const { app, result } = await withSavedVersion();
    const res = await request(app).get("/api/scenarios/export-me/versions/1/charts/cumulative-net.svg").buffer(true).parse(binary).expect(200);
    const text = (res.body as Buffer).toString("utf8");
    expect(result.investment!.humpYear).not.toBeNull();
    expect(text).toContain(`Investeringspuckeln är som djupast ${result.investment!.humpYear}`);
  });

  it("gives the browser the same chart as Plot options with the title and caption", async () => {
    const { result, version } = await withSavedVersion();
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
