/**
 * The backtest's mean absolute percentage error per process and in total, over every horizon: the
 * model, the calibrated model and the two naive forecasts side by side.
 */
import * as Plot from "@observablehq/plot";
import { formats } from "../contract/locale.ts";
import { BACKTEST_METHODS, BACKTEST_TOTAL, type BacktestResult } from "../model/backtest.ts";
import type { ChartOptions, ChartSpec } from "./chart-spec.ts";
import { captionOf, COLORS, labelRoom, legendScale, subtitleOf } from "./frame.ts";
import { TEXT } from "./texts.ts";

export function backtestMapeChart(bt: BacktestResult, options: ChartOptions): ChartSpec {
  const t = TEXT[options.lang];
  const f = formats(options.lang, options.currency);
  const nameOf = (id: string) => (id === BACKTEST_TOTAL ? t.total : (options.processNames?.[id] ?? id));
  const methods = BACKTEST_METHODS.map((key) => ({ key, label: t.backtestMethods[key] }));
  const pooled = bt.mape.filter((s) => s.horizon === null);
  const rows = pooled.flatMap((s) =>
    methods.flatMap((m) => {
      const mape = s[m.key];
      return mape === null ? [] : [{ name: nameOf(s.process), method: m.label, mape }];
    }),
  );
  const { legend, color } = legendScale(methods.map((m, i) => ({ label: m.label, color: COLORS.backtest[i]! })));
  const width = options.width ?? 720;
  const names = pooled.map((s) => nameOf(s.process));
  const room = labelRoom(names, width);
  return {
    name: "backtest-mape",
    title: t.titles["backtest-mape"],
    subtitle: subtitleOf(options, ""),
    caption: captionOf(options, [t.explain["backtest-mape"](bt.horizons.at(-1) ?? 0, bt.cutoffs.join(", "))]),
    legend,
    plot: {
      width,
      height: 90 + 56 * pooled.length,
      marginLeft: room.margin,
      marginRight: 50,
      x: { label: t.mape, tickFormat: (v: number) => f.fixed(v, 0), grid: true, nice: true },
      y: { label: null, axis: null, domain: methods.map((m) => m.label) },
      fy: { label: null, domain: names, tickFormat: room.fit },
      color,
      marks: [
        Plot.barX(rows, { fy: "name", y: "method", x: "mape", fill: "method" }),
        Plot.text(rows, { fy: "name", y: "method", x: "mape", text: (d: (typeof rows)[number]) => `${f.fixed(d.mape, 1)} %`, dx: 4, textAnchor: "start", fontSize: 9 }),
        Plot.ruleX([0]),
      ],
    },
  };
}
