/**
 * Each process's elasticity to its main driver: estimated from the headcount history (dot, with ±
 * 2 standard errors) against the package's own for the whole process (diamond), with 0 and 1
 * (work growing in step with the driver) marked.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { type Calibration, PLAUSIBLE_ELASTICITY, type ProcessFit } from "../model/calibrate.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import { driverName, processName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { historyTotals } from "./fte-scenarios.ts";
import { captionOf, COLORS, labelRoom, legendScale, lowerCase, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

/** One process's calibration against its main driver, beside the package's own elasticity. */
export interface ElasticityFit {
  process: string;
  /** The process's name, and the main driver's, in the chosen language. */
  name: string;
  driver: string;
  driverName: string;
  /** The elasticity estimated from the history, or null where none could be fitted. */
  estimate: number | null;
  standardError: number | null;
  /** Whether the estimate lies within 0 to {@link PLAUSIBLE_ELASTICITY}. */
  plausible: boolean;
  /**
   * The package's elasticity of the whole process to the driver: its activities' elasticities
   * weighted with their base-year FTE (calibrated in the forecast), over the process's actual FTE.
   */
  packageElasticity: number;
  stats: ProcessFit;
}

/** The fit of every process to its main driver (the first of the calibration's drivers). */
export function elasticityFits(pkg: DataPackage, calibration: Calibration, baseline: ForecastResult, lang: ChartOptions["lang"]): ElasticityFit[] {
  return pkg.processes.map((p) => {
    const stats = calibration.fitStats[p.id]!;
    const driver = stats.drivers[0]!;
    const estimate = calibration.elasticities[p.id]?.[driver] ?? null;
    const c = baseline.processes.find((r) => r.id === p.id)!.calibration;
    const packageElasticity = p.activities.reduce((s, a, i) => s + ((c.activityFte[i] ?? 0) * (a.drivers[driver] ?? 0)) / c.actualFte, 0);
    return {
      process: p.id,
      name: processName(pkg, p.id, lang),
      driver,
      driverName: driverName(pkg, driver, lang),
      estimate,
      standardError: stats.standardErrors[driver] ?? null,
      plausible: estimate !== null && estimate >= 0 && estimate <= PLAUSIBLE_ELASTICITY,
      packageElasticity,
      stats,
    };
  });
}

export function elasticitiesChart(pkg: DataPackage, fits: ElasticityFit[], options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const two = (v: number | null) => f.fixed(v, 2);
  const label = (fit: ElasticityFit) => `${fit.name} (${lowerCase(fit.driverName, options.lang)})`;
  const rows = fits.map((fit) => ({ ...fit, label: label(fit), low: fit.estimate! - 2 * (fit.standardError ?? 0), high: fit.estimate! + 2 * (fit.standardError ?? 0) }));
  const fitted = rows.filter((r) => r.estimate !== null);
  const width = options.width ?? 720;
  const room = labelRoom(
    rows.map((r) => r.label),
    width,
  );
  const { legend, color } = legendScale([
    { label: t.estimatedElasticity, color: COLORS.growth },
    { label: t.packageElasticity, color: COLORS.forecast },
  ]);
  return {
    name: "elasticities",
    title: t.titles.elasticities,
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain.elasticities(historyTotals(pkg.headcount)[0]?.year ?? pkg.baseYear, pkg.baseYear)]),
    legend,
    plot: {
      width,
      height: 80 + 34 * rows.length,
      marginLeft: room.margin,
      marginRight: 30,
      x: {
        label: t.elasticity,
        tickFormat: (v: number) => f.fixed(v, 1),
        grid: true,
        nice: true,
        domain: [
          Math.min(0, ...rows.map((r) => r.packageElasticity), ...fitted.map((r) => r.low)) - 0.2,
          Math.max(1, ...rows.map((r) => r.packageElasticity), ...fitted.map((r) => r.high)) + 0.2,
        ],
      },
      y: { label: null, domain: rows.map((r) => r.label), tickFormat: room.fit },
      color,
      marks: [
        Plot.ruleX([0], { stroke: COLORS.ink }),
        Plot.ruleX([1], { stroke: COLORS.reference, strokeDasharray: "4,3" }),
        Plot.ruleY(
          fitted.filter((r) => r.standardError !== null),
          { y: "label", x1: "low", x2: "high", stroke: COLORS.growth, strokeWidth: 2 },
        ),
        Plot.dot(fitted, { y: "label", x: "estimate", fill: () => t.estimatedElasticity, r: 4 }),
        Plot.dot(rows, { y: "label", x: "packageElasticity", symbol: "diamond", fill: () => t.packageElasticity, r: 5 }),
        Plot.tip(
          fitted,
          Plot.pointer({
            y: "label",
            x: "estimate",
            title: (r: (typeof rows)[number]) =>
              `${r.name}\n${t.elasticityTip(two(r.estimate), two(r.standardError), f.fixed(r.stats.rSquared, 3), two(r.packageElasticity))}`,
          }),
        ),
      ],
    },
  };
}
