/**
 * The chart functions the web app added to `server/charts/` run on the server too: each renders
 * to a standalone SVG file with Observable Plot on linkedom (`renderSvg`), carrying its version
 * ids, in Swedish and English — the same functions the browser draws with.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { type ForecastResult, forecast } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";
import type { ChartSpec } from "../../charts/chart-spec.ts";
import { compareFteChart } from "../../charts/compare-fte.ts";
import { compareHoldFlatChart } from "../../charts/compare-hold-flat.ts";
import { compareHumpChart } from "../../charts/compare-hump.ts";
import { compareYearChart } from "../../charts/compare-year.ts";
import { cumulativeNetBandChart } from "../../charts/cumulative-net-band.ts";
import { fteProcessBarsChart, processBars } from "../../charts/fte-process-bars.ts";
import type { CompareEntry } from "../../charts/chart-spec.ts";
import { labelRoom } from "../../charts/frame.ts";
import { renderSvg } from "../../io/svg.ts";
import { tornadoChart } from "../../charts/tornado.ts";
import { computeTornado } from "../../web/tornado.ts";

let pkg: DataPackage;
let grow: ForecastResult;
let base: ForecastResult;

function run(id: string): ForecastResult {
  const compiled = compilePlan(pkg, pkg.scenarios[id]!);
  if (!compiled.ok) throw new Error(`${id} does not compile`);
  return forecast(compiled.plan);
}

beforeAll(async () => {
  pkg = await loadPackageFolder("data/nacka");
  grow = run("vaxa-utan-att-vaxa");
  base = run("baseline");
});

function expectSvg(spec: ChartSpec, ids: string[]): string {
  const svg = renderSvg(spec, ids.join(","));
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toContain("</svg>");
  for (const id of ids) expect(svg).toContain(id);
  expect(svg).not.toMatch(/NaN|undefined/);
  return svg;
}

describe("the web app's charts render on the server", () => {
  it("FTE per process in a year, against the baseline and the base year", () => {
    const names = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name.sv]));
    const spec = fteProcessBarsChart(grow, { lang: "sv", versionId: "c0f8dddfbf8c", processNames: names, year: 2030 });
    expect(spec.title).toBe("Årsarbetare per process 2030");
    const svg = expectSvg(spec, ["c0f8dddfbf8c"]);
    expect(svg).toContain("Socialtjänst");
    const bars = processBars(grow, 2030, names);
    expect(bars).toHaveLength(pkg.processes.length);
    // Sorted by base-year FTE, and the totals add up to the forecast's.
    expect(bars[0]!.base).toBeGreaterThanOrEqual(bars.at(-1)!.base);
    const total = bars.reduce((s, b) => s + b.scenario, 0);
    expect(total).toBeCloseTo(grow.totals.find((t) => t.year === 2030)!.totalFte, 9);
  });

  it("the hump with and without its Monte Carlo band", () => {
    const band = grow.totals.map((t) => ({ year: t.year, p10: t.cumulativeNet * 0.8, p50: t.cumulativeNet, p90: t.cumulativeNet * 1.2 }));
    expectSvg(cumulativeNetBandChart(grow, { lang: "sv", versionId: "c0f8dddfbf8c", band }), ["c0f8dddfbf8c"]);
    const plain = cumulativeNetBandChart(grow, { lang: "en", versionId: "c0f8dddfbf8c" });
    expect(plain.legend.map((l) => l.label)).not.toContain("80% of outcomes (P10–P90)");
    expect(plain.caption).toContain("deepest in 2023");
  });

  it("the tornado, from the model's sensitivity analysis", () => {
    const compiled = compilePlan(pkg, pkg.scenarios["vaxa-utan-att-vaxa"]!);
    if (!compiled.ok) throw new Error("does not compile");
    const result = computeTornado(compiled.plan, "humpDepth", 2030, "sv", pkg);
    expect(result.bars.length).toBeGreaterThan(3);
    expect(result.unit).toBe("money");
    for (const b of result.bars) expect(b.label).not.toMatch(/^levers\./);
    const spec = tornadoChart(result.bars, { lang: "sv", versionId: "c0f8dddfbf8c", base: result.base, output: result.output.sv });
    expectSvg(spec, ["c0f8dddfbf8c"]);
    const fte = computeTornado(compiled.plan, "fte", 2030, "en", pkg);
    expect(fte.unit).toBe("fte");
    expect(fte.output.en).toBe("total FTE in 2030");
  });

  it("the four comparisons of versions", () => {
    const entries: CompareEntry[] = [
      { scenarioId: "baseline", label: "Växa med tillväxten", versionId: "18196b6eec7c", result: base, holdFlat: base.years.map((year) => ({ year, probability: 0 })) },
      { scenarioId: "vaxa-utan-att-vaxa", label: "Växa utan att växa", versionId: "c0f8dddfbf8c", result: grow, holdFlat: grow.years.map((year) => ({ year, probability: year > 2030 ? 0.2 : 0 })) },
    ];
    const ids = entries.map((e) => e.versionId);
    for (const lang of ["sv", "en"] as const) {
      for (const chart of [compareFteChart, compareYearChart, compareHumpChart, compareHoldFlatChart]) {
        const spec = chart(entries, { lang, municipality: "Nacka kommun", year: 2030 });
        expectSvg(spec, ids);
        expect(spec.caption).toContain(ids[1]!);
      }
    }
    expect(compareYearChart(entries, { lang: "sv", year: 2030 }).title).toBe("Årsarbetare 2030, med och utan hävstänger");
    // A caption from the web app replaces the generated one.
    expect(compareHumpChart(entries, { lang: "sv", caption: "Egen text." }).caption).toBe("Egen text.");
  });

  it("leaves room for long labels and wraps the longest at spaces instead of cutting it", () => {
    const long = "En mycket lång etikett som inte får plats på en rad i diagrammet alls";
    const room = labelRoom(["Kort", long], 400);
    expect(room.margin).toBeLessThanOrEqual(Math.ceil(400 * 0.42));
    expect(room.fit("Kort")).toBe("Kort");
    // 400 × 0.42 = 168 px: (168 − 16) / 6.72 = 22 characters a line; "alls" would need a fourth line,
    // so the third ends with "…".
    expect(room.fit(long).split("\n")).toEqual(["En mycket lång etikett", "som inte får plats på", "en rad i diagrammet…"]);
    expect(room.lines).toBe(3);
    // Every word of a label that fits in three lines is kept.
    expect(labelRoom(["Automatiserad handläggning: effekt"], 400).fit("Automatiserad handläggning: effekt")).toBe("Automatiserad\nhandläggning: effekt");
  });
});
