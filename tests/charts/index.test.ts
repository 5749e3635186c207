/**
 * Golden files of every chart, as Observable Plot's own test suite keeps them: each chart of the
 * Nacka package's scenarios is rendered to a standalone SVG file (`io/svg.ts`, Plot on linkedom)
 * with its numbers rounded to two decimals, and compared with `snapshots/<chart>.svg`. A change to
 * a chart's marks, scales, texts or numbers changes the file and fails here; when the change is
 * meant, regenerate the files (tests/README.md) and review their diff like code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  adoptionCurvesChart,
  backtestMapeChart,
  backtestPathsChart,
  type ChartSpec,
  type CompareEntry,
  compareFteChart,
  compareHoldFlatChart,
  compareHumpChart,
  compareHumpYearsChart,
  compareYearChart,
  costSavingsByKindChart,
  costSavingsChart,
  cumulativeNetBandChart,
  cumulativeNetChart,
  decouplingChart,
  driverIndexChart,
  driverPerYearChart,
  driverProjectionChart,
  elasticitiesChart,
  elasticityFitChart,
  elasticityFits,
  fteFanChart,
  driverForecasts,
  driverForecastsChart,
  lineFrom,
  ftePerProcessChart,
  ftePerYearChart,
  fteProcessBarsChart,
  fteScenariosChart,
  humpDepthHistogramChart,
  jCurveChart,
  leversAloneChart,
  paybackYearsChart,
  processActivitiesChart,
  processFanChart,
  processGrowthChart,
  tornadoChart,
} from "../../charts/index.ts";
import { loadPackageFolder } from "../../io/read-package-folder.ts";
import { backtest } from "../../model/backtest.ts";
import { calibrate } from "../../model/calibrate.ts";
import { renderSvg } from "../../io/svg.ts";
import type { DataPackage } from "../../model/data-package.ts";
import { createWorkspace, evaluate } from "../../model/evaluate.ts";
import { type ForecastResult, forecast } from "../../model/forecast.ts";
import { monteCarlo, type MonteCarloResult, type MonteCarloSummary, summariseMonteCarlo } from "../../model/monte-carlo.ts";
import { parameterLabel } from "../../model/parameter-labels.ts";
import { compilePlan, type ModelPlan } from "../../model/plan.ts";
import { tornado } from "../../model/sensitivity.ts";
import { partRows } from "../../notebooks/runs.ts";

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
let draws: MonteCarloResult;
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
  draws = monteCarlo(growPlan, { draws: 200, seed: 2018 });
  uncertainty = summariseMonteCarlo(draws);
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
    { scenarioId: "baseline", label: pkg.scenarios.baseline!.name.sv, versionId: "0a1b2c3d4e5f", result: base },
    {
      scenarioId: "vaxa-utan-att-vaxa",
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
  it("compare-hump-years", () => expectGolden(compareHumpYearsChart(entries(), compare())!, "0a1b2c3d4e5f,c0f8dddfbf8c"));
  it("compare-hold-flat", () => expectGolden(compareHoldFlatChart(entries(), compare()), "0a1b2c3d4e5f,c0f8dddfbf8c"));
});

describe("the charts of the analyst notebooks", () => {
  const notebook = () => ({ lang: "sv" as const, municipality: pkg.municipality.name, processNames });
  const double = () => forecast(plan("dubbel-tillvaxt"));
  it("driver-projection", () => {
    const values = double().totals.map((r) => ({ year: r.year, value: r.residents! }));
    return expectGolden(driverProjectionChart(pkg, "residents", { ...notebook(), scenarios: [{ label: "Dubbel tillväxt (m = 2)", values }] }), "");
  });
  it("driver-index", () => expectGolden(driverIndexChart(pkg, notebook()), ""));
  it("driver-per-year", () => expectGolden(driverPerYearChart(pkg, "dwellings_completed", notebook()), ""));
  it("fte-scenarios", () => {
    const runs = [
      { label: "Nollalternativ (m = 1)", result: base },
      { label: "Dubbel tillväxt (m = 2)", result: double() },
    ];
    return expectGolden(fteScenariosChart(runs, { ...notebook(), history: pkg.headcount, historyLabel: "Utfall (antaget)" }), "");
  });
  it("fte-per-process with the headcount history", async () => {
    const spec = ftePerProcessChart(base, { ...notebook(), scenarioName: pkg.scenarios.baseline!.name.sv, history: pkg.headcount });
    await expectGolden({ ...spec, name: "fte-per-process-history" }, "");
  });
  it("process-growth", () => expectGolden(processGrowthChart(base, { ...notebook(), scenarioName: pkg.scenarios.baseline!.name.sv }), ""));
  it("process-activities", () =>
    expectGolden(processActivitiesChart(pkg, partRows(pkg, plan("baseline")), "elderly_care_authority", { ...notebook(), scenarioName: pkg.scenarios.baseline!.name.sv }), ""));
  it("adoption-curves", () => expectGolden(adoptionCurvesChart(grow, pkg, options()), "c0f8dddfbf8c"));
  it("j-curve", () => expectGolden(jCurveChart(grow, options()), "c0f8dddfbf8c"));
  it("cost-savings-by-kind", () => expectGolden(costSavingsByKindChart(grow, options()), "c0f8dddfbf8c"));
  it("levers-alone", () => {
    const scenario = pkg.scenarios["vaxa-utan-att-vaxa"]!;
    const alone = scenario.levers.map((id) => {
      const compiled = compilePlan(pkg, { ...scenario, id: `${scenario.id}+`, levers: [id] });
      if (!compiled.ok) throw new Error(`${id} alone does not compile`);
      return { label: pkg.levers.find((l) => l.id === id)!.name.sv, result: forecast(compiled.plan) };
    });
    return expectGolden(leversAloneChart(alone, grow, options()), "c0f8dddfbf8c");
  });
  it("decoupling", () => expectGolden(decouplingChart(grow, options()), "c0f8dddfbf8c"));
  it("fte-fan", () => {
    const without = summariseMonteCarlo(monteCarlo(plan("dubbel-tillvaxt"), { draws: 200, seed: 2018 }));
    const runs = [
      { label: "Utan hävstänger (dubbel tillväxt)", summary: without },
      { label: "Med hävstänger", summary: uncertainty },
    ];
    return expectGolden(fteFanChart(runs, { ...options(), point: grow }), "c0f8dddfbf8c");
  });
  it("process-fan", () => expectGolden(processFanChart(uncertainty, options()), "c0f8dddfbf8c"));
  it("hump-depth-histogram", () => expectGolden(humpDepthHistogramChart(draws, uncertainty, { ...options(), point: grow }), "c0f8dddfbf8c"));
  it("payback-years", () => expectGolden(paybackYearsChart(draws, options()), "c0f8dddfbf8c"));
  it("elasticities", () => {
    const fits = elasticityFits(pkg, calibrate(pkg, { drift: false }), base, "sv");
    return expectGolden(elasticitiesChart(pkg, fits, notebook()), "");
  });
  it("elasticity-fit", () => {
    const fit = elasticityFits(pkg, calibrate(pkg, { drift: false }), base, "sv").find((f) => f.process === "urban_development")!;
    return expectGolden(elasticityFitChart(pkg, fit, notebook()), "");
  });
  it("backtest-mape", () => expectGolden(backtestMapeChart(backtest(pkg), notebook()), ""));
  it("backtest-paths", () => expectGolden(backtestPathsChart(backtest(pkg), pkg.headcount, { ...notebook(), historyLabel: "Utfall (antaget)" }), ""));
});

describe("a driver's history and forecasts", () => {
  it("driver-forecasts", () => {
    // Residents aged 80+: the history, the cohort projection, Nacka's own forecast (the driver set
    // `nacka`) and the path of vaxa-utan-att-vaxa (double growth on the projection), which that
    // scenario's plan gives.
    const data = driverForecasts(pkg, "residents_80plus", "sv");
    const d = growPlan.driverIds.indexOf("residents_80plus");
    const { driverLogRatio } = evaluate(growPlan, growPlan.parameters.values, createWorkspace(growPlan));
    const path = Array.from({ length: growPlan.yearCount }, (_, y) => growPlan.driverBase[d]! * Math.exp(driverLogRatio[d * growPlan.yearCount + y]!));
    data.scenario = lineFrom(`Scenariot: ${pkg.scenarios["vaxa-utan-att-vaxa"]!.name.sv}`, data, pkg.baseYear, path);
    return expectGolden(driverForecastsChart(data, { lang: "sv", municipality: pkg.municipality.name, chosen: null }), "c0f8dddfbf8c");
  });
});

describe("roundNumbers", () => {
  it("rounds decimals to two places and leaves whole numbers and ids alone", () => {
    expect(roundNumbers('<path d="M1.23456,-7.891L20,3.005"/><text>c0f8dddfbf8c 2030</text>')).toBe(
      '<path d="M1.23,-7.89L20,3.01"/><text>c0f8dddfbf8c 2030</text>',
    );
  });
});
