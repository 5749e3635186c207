/**
 * How one process's calibration fits its history: each history year's change in staffing against
 * the change in its main driver, both as logarithms relative to the base year, with the estimated
 * elasticity and the package's as lines through the origin (their slopes).
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { driverValue } from "../model/calibrate.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ChartOptions, ChartSpec, LegendItem } from "./chart-spec.ts";
import type { ElasticityFit } from "./elasticities.ts";
import { captionOf, COLORS, legendScale, lowerCase, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/**
 * The history as the calibration fits it (`model/calibrate.ts`): per year, ln(driver ÷ base year)
 * and ln(FTE without individual allowances ÷ base year); years without both are left out.
 */
export function fitPoints(pkg: DataPackage, fit: ElasticityFit): { year: number; x: number; y: number }[] {
  const process = pkg.processes.find((p) => p.id === fit.process)!;
  const history = pkg.headcount[fit.process] ?? {};
  const moving = (year: number) => (history[year] ?? NaN) - process.individualAllowanceFte;
  const driver = (year: number) => driverValue(pkg, process, fit.driver, year) ?? NaN;
  return Object.keys(history)
    .map(Number)
    .sort((a, b) => a - b)
    .map((year) => ({ year, x: Math.log(driver(year) / driver(pkg.baseYear)), y: Math.log(moving(year) / moving(pkg.baseYear)) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

export function elasticityFitChart(pkg: DataPackage, fit: ElasticityFit, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const points = fitPoints(pkg, fit);
  const xs = points.map((p) => p.x);
  const span = [Math.min(0, ...xs), Math.max(0, ...xs)];
  const items: LegendItem[] = [];
  const lines: { x: number; y: number; series: string }[] = [];
  const addLine = (label: string, slope: number, color: string) => {
    items.push({ label, color, shape: "line" });
    lines.push(...span.map((x) => ({ x, y: slope * x, series: label })));
  };
  if (fit.estimate !== null) addLine(t.fittedLine(f.fixed(fit.estimate, 2)), fit.estimate, COLORS.growth);
  addLine(t.packageLine(f.fixed(fit.packageElasticity, 2)), fit.packageElasticity, COLORS.forecast);
  const { legend, color } = legendScale(items);
  const driver = lowerCase(fit.driverName, options.lang);
  return {
    name: "elasticity-fit",
    title: t.titles["elasticity-fit"],
    subtitle: subtitleOf({ ...options, scenarioName: fit.name }, ""),
    caption: captionOf(options, [t.explain["elasticity-fit"](fit.name, driver, pkg.baseYear)]),
    legend,
    plot: {
      width: Math.min(options.width ?? 640, 640),
      height: 360,
      marginLeft: 60,
      x: { label: t.logRatio(driver, pkg.baseYear), tickFormat: (v: number) => f.fixed(v, 3), grid: true },
      y: { label: t.logRatio(t.fteLower, pkg.baseYear), tickFormat: (v: number) => f.fixed(v, 2), grid: true },
      color,
      marks: [
        Plot.ruleX([0]),
        Plot.ruleY([0]),
        Plot.line(lines, { x: "x", y: "y", stroke: "series", strokeWidth: 2 }),
        Plot.dot(points, { x: "x", y: "y", fill: COLORS.ink, r: 4 }),
        Plot.text(points, { x: "x", y: "y", text: (p: (typeof points)[number]) => String(p.year), dy: -10 }),
      ],
    },
  };
}
