/**
 * The planner's drivers: every driver of the package (named from `drivers.json`) with its
 * base-year value and its value at the horizon in the working scenario, and the two things a
 * scenario decides per driver — a growth multiplier on its change, and a yearly growth rate that
 * replaces the package's forecast — editable in the table, in the planner's language. The chosen
 * driver's history and forecasts (the package's own or its cohort projection, and each driver set)
 * are drawn by `charts/driver-forecasts.ts` with the working scenario's path (read from the model's
 * own run), and its numbers as a table.
 */
import { type DriverForecasts, driverForecasts, driverForecastsChart, lineFrom } from "../../../charts/driver-forecasts.ts";
import { FILE_NUMBERS, PACKAGE_PARAMETERS } from "../../../model/bounds.ts";
import { capitalize, driverName, unitBesideName } from "../../../model/parameter-labels.ts";
import { type NumberBox, numberBox } from "../../controls.ts";
import { chartWidth, el } from "../../dom.ts";
import { ChartFigure, type TableData } from "../../figure.ts";
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
  const figure = new ChartFigure("driver-forecasts", { showTable: t.showTable, tableRegion: t.tableRegion });
  const pickId = "driver-shown";
  const pick = el("select", { id: pickId });
  for (const id of ids) pick.append(el("option", { value: id, text: capitalize(driverName(pkg, id, lang)) }));
  // Residents first: the driver most forecasts are about.
  if (ids.includes("residents")) pick.value = "residents";
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
    const unit = unitBesideName(name, series.unit?.[lang]);
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

  const forecastsTable = (data: DriverForecasts): TableData<number> => {
    const lines = [data.history, ...data.forecasts, ...(data.scenario === undefined ? [] : [data.scenario])];
    const years = [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
    return {
      caption: data.name,
      columns: [
        { label: t.year, value: (year) => String(year), header: true },
        ...lines.map((line) => ({
          label: line.label,
          value: (year: number) => {
            const point = line.points.find((p) => p.year === year);
            return point === undefined ? t.none : f.number(point.value);
          },
          numeric: true,
        })),
      ],
      rows: years,
    };
  };

  let lastLabel: ScenarioLabel | null = null;
  const draw = (label: ScenarioLabel) => {
    lastLabel = label;
    for (const [id, cell] of horizonCells) cell.textContent = f.number(live.driver(id)?.at(-1) ?? null);
    const id = pick.value;
    const data = driverForecasts(pkg, id, lang);
    const path = live.driver(id);
    if (path !== undefined) data.scenario = lineFrom(t.scenarioLine(label.name), data, pkg.baseYear, path);
    const chosen = store.state.working.overlay.driverSet;
    figure.draw(driverForecastsChart(data, { lang, municipality: pkg.municipality.name, chosen, width: chartWidth(figure.element) }), { table: () => forecastsTable(data) });
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
