/**
 * server/first-screen.ts and the page route: the planner's first screen rendered on the server into
 * the page, in Swedish and in English, with the numbers of the server's own forecast of the same
 * version; cached, and rendered anew when a new version is saved; never where reads need a token.
 */
import { parseHTML } from "linkedom";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { forecastFromColumns } from "../../contract/forecast-columns.ts";
import { formats } from "../../contract/locale.ts";
import { FirstScreens, renderFirstScreen } from "../../server/first-screen.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { testServer, type TestServer } from "./helpers.ts";

const SCENARIO = "vaxa-utan-att-vaxa";

async function page(server: TestServer, headers: Record<string, string> = {}, path = "/") {
  const res = await request(server.app).get(path).set({ "Accept-Encoding": "identity", ...headers }).expect(200);
  return { res, document: parseHTML(res.text).document };
}

/** The total FTE of 2030 in the server's forecast of the scenario's newest version (the kernel, not the browser's model). */
async function serverFte2030(server: TestServer): Promise<number> {
  const res = await request(server.app).get(`/api/scenarios/${SCENARIO}/versions/latest/forecast`).expect(200);
  return forecastFromColumns(res.body.result).totals.find((t) => t.year === 2030)!.totalFte;
}

describe("the page's first screen", () => {
  it("is the planner's first chart and key figures in Swedish, with the server's numbers and the chart's text alternative", async () => {
    const server = await testServer();
    const { res, document } = await page(server);
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(document.documentElement.getAttribute("lang")).toBe("sv");
    expect(document.title).toBe("Vaxa — Planering: tillväxt och hävstänger");
    const screen = document.querySelector("main [data-first-screen]")!;
    expect(screen).not.toBeNull();
    expect(screen.querySelector("h1")!.textContent).toBe("Planering: tillväxt och hävstänger");
    // the scenario the app starts from, its newest version
    expect(document.querySelector("#planner-status")!.textContent).toMatch(/^Utgår från ”Växa utan att växa”, version 1 \([0-9a-f]{12}\)/);
    expect(screen.querySelector('[data-key="fte"] .value')!.textContent).toBe(formats("sv").fte(await serverFte2030(server)));

    const figure = screen.querySelector('figure.chart[data-chart="fte-per-year"]')!;
    const title = figure.querySelector(".chart-title")!;
    expect(title.textContent).toBe("Årsarbetare per år");
    const svg = figure.querySelector(".plot svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-labelledby")).toBe(title.getAttribute("id"));
    const caption = document.getElementById(svg.getAttribute("aria-describedby")!)!;
    expect(caption.tagName.toLowerCase()).toBe("figcaption");
    expect(caption.textContent!.length).toBeGreaterThan(40);
    // sv-SE axis labels: thousands apart with a no-break space
    const ticks = [...svg.querySelectorAll("text")].map((t) => t.textContent!);
    expect(ticks).toContain("1\u00a0000");
    expect(ticks).toContain("↑ Årsarbetare");
    // fitted to its box at the live chart's height
    expect(svg.getAttribute("style")).toMatch(/width:100%;max-width:960px;height:min\(400px,calc\(100cqw \* 1\.25\)\)/);
    // the page needs nothing before it can paint: the stylesheet is inside it; without JavaScript it says so
    expect(document.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(document.querySelector("head style")!.textContent).toContain(".planner-grid");
    expect(document.querySelector("noscript")).not.toBeNull();
  });

  it("is in English for the app's language cookie, or a link with ?lang=en", async () => {
    const server = await testServer();
    const fte = formats("en").fte(await serverFte2030(server));
    for (const { document } of [await page(server, { Cookie: "other=1; vaxa-lang=en" }), await page(server, {}, "/?lang=en")]) {
      expect(document.documentElement.getAttribute("lang")).toBe("en");
      expect(document.title).toBe("Vaxa — Planning: growth and levers");
      expect(document.querySelector('[data-first-screen] [data-key="fte"] .value')!.textContent).toBe(fte);
      expect(document.querySelector('[data-chart="fte-per-year"] .chart-title')!.textContent).toBe("FTE per year");
    }
    // an unknown language is Swedish
    expect((await page(server, { Cookie: "vaxa-lang=xx" })).document.documentElement.getAttribute("lang")).toBe("sv");
  });

  it("is rendered once per language and again when a new version is saved", async () => {
    const server = await testServer();
    const screens = new FirstScreens(server.services);
    const first = screens.get("sv")!;
    expect(screens.get("sv")).toBe(first);
    expect(screens.get("en")).not.toBe(first);
    const v1 = server.services.scenarios.version(SCENARIO, { kind: "latest" })!;
    await request(server.app)
      .put(`/api/scenarios/${SCENARIO}`)
      .set(server.auth("planner"))
      .send({ parentVersion: v1.versionId, assumptions: { ...v1.assumptions, levers: v1.assumptions.levers.slice(1) } })
      .expect(201);
    const second = screens.get("sv")!;
    expect(second).not.toBe(first);
    const { document } = parseHTML(`<html><body>${second.body}</body></html>`);
    expect(document.querySelector("#planner-status")!.textContent).toMatch(/version 2 \([0-9a-f]{12}\)/);
    expect(document.querySelector('[data-key="fte"] .value')!.textContent).toBe(formats("sv").fte(await serverFte2030(server)));
    expect(second.body).not.toBe(first.body);
  });

  it("dates its version in Stockholm's time zone, whatever the server's", async () => {
    // the tests run in UTC (vitest.config.ts), where each of these times is the day before
    expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("UTC");
    const { services } = await testServer();
    const version = services.scenarios.version(SCENARIO, { kind: "latest" })!;
    const status = (lang: "sv" | "en", createdAt: string) => {
      const screen = renderFirstScreen(lang, services.model.current, services.scenarios.list(), { ...version, createdAt });
      return parseHTML(`<html><body>${screen.body}</body></html>`).document.querySelector("#planner-status")!.textContent;
    };
    // 23:30 UTC on 30 November is 00:30 on 1 December in Stockholm (UTC+1 in winter)
    expect(status("sv", "2026-11-30T23:30:00.000Z")).toContain("· 1 december 2026");
    expect(status("en", "2026-11-30T23:30:00.000Z")).toContain("· 1 December 2026");
    // 22:30 UTC on 30 June is 00:30 on 1 July (UTC+2 in summer)
    expect(status("sv", "2026-06-30T22:30:00.000Z")).toContain("· 1 juli 2026");
  });

  it("writes saved scenarios' names as text, never as markup", async () => {
    const server = await testServer();
    await request(server.app)
      .post("/api/scenarios")
      .set(server.auth("planner"))
      .send({ id: "odd-name", assumptions: { name: { sv: "<script>alert(1)</script> & <b>", en: "odd" } } })
      .expect(201);
    const { res, document } = await page(server);
    expect(res.text).not.toContain("<script>alert(1)");
    expect(res.text).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;");
    expect(document.querySelector('#planner-scenario option[value="odd-name"]')!.textContent).toBe("<script>alert(1)</script> & <b>");
  });

  it("is left out where reads need a token", async () => {
    const closed = await testServer({ openReads: false });
    const { document } = await page(closed);
    expect(document.querySelector("[data-first-screen]")).toBeNull();
    expect(document.querySelector("main .loading")!.textContent).toBe("Laddar …");
    expect(new FirstScreens(closed.services).get("sv")).toBeNull();
  });

  it("is left out when the first scenario's newest version does not compute (the app says why)", async () => {
    const server = await testServer();
    const { services } = server;
    const v1 = services.scenarios.version(SCENARIO, { kind: "latest" })!;
    // Stored directly, as an older Vaxa could have saved it: the save route refuses it.
    const saved = services.scenarios.update(SCENARIO, v1.hash, {
      assumptions: normalizeAssumptions({ ...v1.assumptions, set: { costPerFte: 1e308 } }),
      packageHash: services.model.current.hash,
      actor: { name: "test" },
    });
    expect(saved.ok).toBe(true);
    expect(new FirstScreens(services).get("sv")).toBeNull();
    expect((await page(server)).document.querySelector("[data-first-screen]")).toBeNull();
  });
});
