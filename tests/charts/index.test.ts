/**
 * Golden files of every chart, as Observable Plot's own test suite keeps them: each chart of the
 * Nacka package's scenarios is rendered to a standalone SVG file (`io/svg.ts`, Plot on linkedom)
 * with its numbers rounded to two decimals, and compared with `snapshots/<chart>.svg`. A change to
 * a chart's marks, scales, texts or numbers changes the file and fails here; when the change is
 * meant, regenerate the files (tests/README.md) and review their diff like code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ChartSpec,
  type CompareEntry,
  compareFteChart,
  compareHoldFlatChart,
  compareHumpChart,
  compareYearChart,
  costSavingsChart,
  cumulativeNetBandChart,
  cumulativeNetChart,
  ftePerProcessChart,
  ftePerYearChart,
  fteProcessBarsChart,
  tornadoChart,
} from "../../charts/index.ts";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { renderSvg } from "../../io/svg.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { type ForecastResult, forecast } from "../../model/forecast.ts";
import { monteCarlo, type MonteCarloSummary, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { parameterLabel } from "../../model/parameter-labels.ts";
import { compilePlan, type ModelPlan } from "../../model/plan.ts";
import { tornado } from "../../model/sensitivity.ts";

/** Numbers with decimals rounded to two, so that the last bits of floating point do not matter. */
export function roundNumbers(svg: string): string {
  return svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** Checks a chart against its golden file, rendered as the server renders it. */
async function expectGolden(spec: ChartSpec, versionId: string): Promise<void> {
  const svg = roundNumbers(renderSvg(spec, versionId));
  expect(svg).not.toMatch(/NaN|undefined/);
  await expect(svg).toMatchFileSnapshot(`snapshots/${spec.name}.svg`);
}

let pkg: DataPackage;
let processNames: Record<string, string>;
let grow: ForecastResult;
let base: ForecastResult;
let growPlan: ModelPlan;
let uncertainty: MonteCarloSummary;

function plan(id: string): ModelPlan {
  const compiled = compilePlan(pkg, pkg.scenarios[id]!);
  if (!compiled.ok) throw new Error(`${id} does not compile`);
  return compiled.plan;
}

beforeAll(async () => {
  pkg = await loadPackageFolder("data/nacka");
  processNames = Object.fromEntries(pkg.processes.map((p) => [p.id, p.name.sv]));
  growPlan = plan("vaxa-utan-att-vaxa");
  grow = forecast(growPlan);
  base = forecast(plan("baseline"));
  // Seeded: the same draws on every machine.
  uncertainty = summariseMonteCarlo(monteCarlo(growPlan, { draws: 200, seed: 2018 }));
});

const options = () => ({
  lang: "sv" as const,
  versionId: "c0f8dddfbf8c",
  scenarioName: pkg.scenarios["vaxa-utan-att-vaxa"]!.name.sv,
  municipality: pkg.municipality.name,
  processNames,
});

describe("the charts of one scenario version", () => {
  it("fte-per-year", () => expectGolden(ftePerYearChart(grow, options()), "c0f8dddfbf8c"));
  it("fte-per-process", () => expectGolden(ftePerProcessChart(grow, options()), "c0f8dddfbf8c"));
  it("cumulative-net", () => expectGolden(cumulativeNetChart(grow, options()), "c0f8dddfbf8c"));
  it("cost-savings", () => expectGolden(costSavingsChart(grow, options()), "c0f8dddfbf8c"));
  it("fte-process-bars", () => expectGolden(fteProcessBarsChart(grow, { ...options(), year: 2030 }), "c0f8dddfbf8c"));
  it("cumulative-net-band", () => {
    const band = uncertainty.years.map((y) => ({ year: y.year, p10: y.cumulativeNet_p10, p50: y.cumulativeNet_p50, p90: y.cumulativeNet_p90 }));
    return expectGolden(cumulativeNetBandChart(grow, { ...options(), band }), "c0f8dddfbf8c");
  });
  it("tornado", () => {
    const t = tornado(growPlan, { kind: "humpDepth" });
    const bars = t.bars.map((b) => ({
      parameter: b.parameter,
      label: parameterLabel(pkg, b.parameter, "sv"),
      outputAtLow: b.outcomeAtLow,
      outputAtHigh: b.outcomeAtHigh,
    }));
    return expectGolden(tornadoChart(bars, { ...options(), base: t.base, output: "puckelns djup" }), "c0f8dddfbf8c");
  });
});

describe("the charts comparing saved versions", () => {
  const entries = (): CompareEntry[] => [
    { label: pkg.scenarios.baseline!.name.sv, versionId: "0a1b2c3d4e5f", result: base },
    {
      label: pkg.scenarios["vaxa-utan-att-vaxa"]!.name.sv,
      versionId: "c0f8dddfbf8c",
      result: grow,
      holdFlat: uncertainty.years.map((y) => ({ year: y.year, probability: y.probabilityHoldsFlat })),
    },
  ];
  const compare = () => ({ lang: "sv" as const, municipality: pkg.municipality.name, year: 2030 });
  it("compare-fte", () => expectGolden(compareFteChart(entries(), compare()), "0a1b2c3d4e5f,c0f8dddfbf8c"));
  it("compare-year", () => expectGolden(compareYearChart(entries(), compare()), "0a1b2c3d4e5f,c0f8dddfbf8c"));
  it("compare-hump", () => expectGolden(compareHumpChart(entries(), compare()), "0a1b2c3d4e5f,c0f8dddfbf8c"));
  it("compare-hold-flat", () => expectGolden(compareHoldFlatChart(entries(), compare()), "0a1b2c3d4e5f,c0f8dddfbf8c"));
});

describe("roundNumbers", () => {
  it("rounds decimals to two places and leaves whole numbers and ids alone", () => {
    expect(roundNumbers('<path d="M1.23456,-7.891L20,3.005"/><text>c0f8dddfbf8c 2030</text>')).toBe(
      '<path d="M1.23,-7.89L20,3.01"/><text>c0f8dddfbf8c 2030</text>',
    );
  });
});
