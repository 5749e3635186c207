/**
 * Each lever's adoption s(t) over the years, up to its ceiling: logistic curves solid, other
 * curves (Bass diffusion) dashed, each named with its adoption in the horizon year at its end.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { ADOPTION_CURVES } from "../model/adoption.ts";
import type { DataPackage } from "../model/data-package.ts";
import type { ForecastResult } from "../model/forecast.ts";
import { capitalize, leverName } from "../model/parameter-labels.ts";
import type { ChartOptions, ChartSpec, LegendItem } from "./chart-spec.ts";
import { captionOf, COLORS, labelRoom, spreadLabels, subtitleOf, yearFormat } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function adoptionCurvesChart(result: ForecastResult, pkg: DataPackage, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const curveOf = (id: string) => pkg.levers.find((l) => l.id === id)?.adoption.curve ?? "logistic";
  const names = result.levers.map((l) => leverName(pkg, l.id, options.lang));
  const rows = result.levers.flatMap((l, i) =>
    l.adoption.map((s, y) => ({ lever: l.id, name: names[i]!, year: result.baseYear + y, s, solid: curveOf(l.id) === "logistic" })),
  );
  const ends = rows.filter((d) => d.year === result.horizon);
  const labelY = spreadLabels(
    ends.map((d) => d.s),
    0.045,
  );
  const endLabels = ends.map((d) => `${d.name} ${f.percent(d.s)}`);
  const dashedCurves = [...new Set(result.levers.map((l) => curveOf(l.id)).filter((c) => c !== "logistic"))];
  const dashed = dashedCurves.length > 0 ? dashedCurves.map((c) => ADOPTION_CURVES[c].label[options.lang]).join(", ") : null;
  const legend: LegendItem[] = [{ label: capitalize(ADOPTION_CURVES.logistic.label[options.lang]), color: COLORS.ink, shape: "line" }];
  if (dashed !== null) legend.push({ label: capitalize(dashed), color: COLORS.ink, shape: "dashed" });
  const width = options.width ?? 720;
  return {
    name: "adoption-curves",
    title: t.titles["adoption-curves"],
    subtitle: subtitleOf(options, result.scenario),
    caption: captionOf(options, [t.explain["adoption-curves"](ADOPTION_CURVES.logistic.label[options.lang], dashed)]),
    legend,
    plot: {
      width,
      height: 360,
      marginLeft: 60,
      marginRight: labelRoom(endLabels, width).margin,
      x: { label: t.year, tickFormat: yearFormat },
      y: { label: t.adoption, tickFormat: (v: number) => f.percent(v), domain: [0, 1.05], grid: true },
      color: { scheme: "tableau10", domain: names },
      marks: [
        Plot.lineY(
          rows.filter((d) => d.solid),
          { x: "year", y: "s", stroke: "name", strokeWidth: 2 },
        ),
        Plot.lineY(
          rows.filter((d) => !d.solid),
          { x: "year", y: "s", stroke: "name", strokeWidth: 2, strokeDasharray: "6,3" },
        ),
        Plot.text(ends, { x: "year", y: (_: unknown, i: number) => labelY[i], text: (_: unknown, i: number) => endLabels[i], fill: "name", dx: 6, textAnchor: "start" }),
        Plot.tip(rows, Plot.pointer({ x: "year", y: "s", stroke: "name", title: (d: (typeof rows)[number]) => `${d.name}\n${d.year}: ${t.adoptionTip(f.percent(d.s))}` })),
      ],
    },
  };
}
