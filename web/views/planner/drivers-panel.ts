/**
 * The planner's drivers: every driver of the package (named from `drivers.json`) with its
 * base-year value and its value at the horizon in the working scenario, and the two things a
 * scenario decides per driver — a growth multiplier on its change, and a yearly growth rate that
 * replaces the package's forecast — editable in the table, in the planner's language. The chosen
 * driver's history and forecast are drawn by `charts/driver-projection.ts` with the working
 * scenario's path (read from the model's own run), and its numbers as a table.
 */
import { driverProjectionChart, driverYears } from "../../../charts/driver-projection.ts";
import { FILE_NUMBERS, PACKAGE_PARAMETERS } from "../../../model/bounds.ts";
import { capitalize, driverName } from "../../../model/parameter-labels.ts";
import { scenarioChartOptions } from "../../chart-options.ts";
import { type NumberBox, numberBox } from "../../controls.ts";
import { chartWidth, el } from "../../dom.ts";
import { ChartFigure } from "../../figure.ts";
import type { ScenarioLabel, ViewContext } from "../../view.ts";
import { valueOf, withDriverRate } from "../../working.ts";
import { parameterBox } from "./parameter-box.ts";

export interface DriversPanel {
  element: HTMLElement;
  /** Draws the chart and the table's scenario column from the model's last run. */
  draw(label: ScenarioLabel): void;
  /** Shows the overlay's values again (after undo, redo or a merge). */
  sync(): void;
}

export function driversPanel(context: ViewContext): DriversPanel {
  const { store, pkg, live, defaults, lang, t, f } = context;
  const ids = Object.keys(pkg.drivers);
  const horizon = pkg.municipality.horizon;
  const figure = new ChartFigure("driver-projection", { showTable: t.showTable, tableRegion: t.tableRegion });
  const pickId = "driver-pick";
  const pick = el("select", { id: pickId });
  for (const id of ids) pick.append(el("option", { value: id, text: capitalize(driverName(pkg, id, lang)) }));
  const horizonCells = new Map<string, HTMLElement>();
  const boxes: { sync(): void }[] = [];
  const rate = FILE_NUMBERS.growthRate;
  const multiplier = PACKAGE_PARAMETERS.driverGrowthMultiplier;

  const rows = ids.map((id) => {
    const name = capitalize(driverName(pkg, id, lang));
    const path = `drivers.${id}.growthMultiplier`;
    const m = parameterBox(context, path, { id: `driver-m-${id}`, min: multiplier.bounds[0], max: multiplier.bounds[1], digits: 2, ariaLabel: t.driverMultiplierOf(name) });
    const r: NumberBox = numberBox({
      id: `driver-rate-${id}`,
      lang,
      min: rate.bounds[0],
      max: rate.bounds[1],
      digits: 2,
      scale: 100,
      value: store.state.working.overlay.driverGrowthRates[id],
      ariaLabel: t.driverRateOf(name),
      // a rate compiles a new plan: it is taken when the box is left, not on every key
      onValue: (v, final) => {
        if (final) store.updateOverlay((o) => withDriverRate(o, id, v));
      },
      onClear: () => {
        store.updateOverlay((o) => withDriverRate(o, id, undefined));
        return undefined;
      },
    });
    boxes.push({ sync: () => m.show(valueOf(store.state.working.overlay, defaults, path)) }, { sync: () => r.show(store.state.working.overlay.driverGrowthRates[id]) });
    const series = pkg.drivers[id]!;
    const base = series.values[pkg.baseYear - series.firstYear];
    const atHorizon = el("td", { class: "num" });
    horizonCells.set(id, atHorizon);
    const unit = series.unit?.[lang] ?? "";
    return el(
      "tr",
      {},
      el("th", { scope: "row" }, name, unit ? el("span", { class: "hint", text: ` (${unit})` }) : ""),
      el("td", { text: series.type === "flow" ? t.driverFlow : t.driverStock }),
      el("td", { class: "num", text: f.number(base ?? null) }),
      atHorizon,
      el("td", {}, m.input, m.message),
      el("td", {}, el("span", { class: "control-row" }, r.input, el("span", { class: "unit", text: "%" })), r.message),
    );
  });
  const table = el(
    "table",
    { class: "drivers-table" },
    el("caption", { text: t.driversTableCaption }),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ...[t.driver, t.driverKind, t.driverBaseYear(pkg.baseYear), t.driverHorizon(horizon), t.driverMultiplier, t.driverRate].map((h) => el("th", { scope: "col", text: h })),
      ),
    ),
    el("tbody", {}, ...rows),
  );
  const element = el(
    "section",
    { class: "drivers", "aria-labelledby": "drivers-heading" },
    el("h2", { id: "drivers-heading", text: t.drivers }),
    el("p", { class: "hint", text: t.driversHint }),
    el("div", { class: "field-inline" }, el("label", { for: pickId, text: t.driverShown }), pick),
    figure.element,
    el("div", { class: "table-wrap", tabindex: 0, role: "region", "aria-label": t.driversTableCaption }, table),
  );

  let lastLabel: ScenarioLabel | null = null;
  const draw = (label: ScenarioLabel) => {
    lastLabel = label;
    for (const [id, cell] of horizonCells) cell.textContent = f.number(live.driverValues(id).at(-1)?.value ?? null);
    const id = pick.value;
    const values = live.driverValues(id);
    const spec = driverProjectionChart(pkg, id, { ...scenarioChartOptions(context, label), width: chartWidth(figure.element), scenarios: [{ label: label.name, values }] });
    const history = driverYears(pkg, id);
    figure.draw(spec, {
      table: () => ({
        caption: spec.title,
        columns: [
          { label: t.year, value: (r: { year: number }) => String(r.year), header: true },
          { label: t.packageValue, value: (r: { year: number }) => f.number(history.find((h) => h.year === r.year)?.value ?? null), numeric: true },
          { label: label.name, value: (r: { year: number; value: number }) => f.number(r.value), numeric: true },
        ],
        rows: values,
      }),
    });
  };
  pick.addEventListener("change", () => lastLabel && draw(lastLabel));
  return {
    element,
    draw,
    sync() {
      for (const b of boxes) b.sync();
    },
  };
}
