/** contract/forecast-columns.ts: a forecast's columns read back into the rows the views read. */
import { describe, expect, it } from "vitest";
import { type ForecastColumns, forecastFromColumns, YEAR_TOTAL_COLUMNS } from "../../contract/forecast-columns.ts";
import { CENTRAL_ESTIMATE, type YearTotal } from "../../model/forecast.ts";
import type { ProcessCalibration } from "../../model/workload.ts";

const calibration: ProcessCalibration = { actualFte: 2, fixedFte: 0, allowanceFte: 0, activityFte: [2], wisnRequiredFte: null, calibrationFactor: null };

/** Two years' totals: year 0 holds 1, 2, 3 … in field order, year 1 ten times that; residents unknown in year 1. */
function totalsColumns(): ForecastColumns["totals"] {
  const columns = {} as Record<string, unknown[]>;
  YEAR_TOTAL_COLUMNS.forEach((field, i) => (columns[field] = field === "holdsFlat" ? [true, false] : [i + 1, (i + 1) * 10]));
  columns.residents = [1, null];
  return columns as ForecastColumns["totals"];
}

const columns: ForecastColumns = {
  scenario: "s",
  illustrative: null,
  estimate: CENTRAL_ESTIMATE,
  baseYear: 2024,
  horizon: 2025,
  years: [2024, 2025],
  processes: [
    { id: "a", calibration },
    { id: "b", calibration },
  ],
  rows: {
    baselineFte: [1, 2, 3, 4],
    deliveryFte: [5, 6, 7, 8],
    developmentFte: [9, 10, 11, 12],
    transitionFte: [13, 14, 15, 16],
    totalFte: [27, 30, 33, 36],
  },
  totals: totalsColumns(),
  levers: [{ id: "l", adoption: [0, 0.5] }],
  holdsFlatFrom: null,
  investment: null,
};

describe("forecastFromColumns", () => {
  it("gives one row per process and year, process by process, the value of process p in year y at p × years + y", () => {
    // Written out by hand from the columns above.
    expect(forecastFromColumns(columns).rows).toEqual([
      { year: 2024, process: "a", baselineFte: 1, deliveryFte: 5, developmentFte: 9, transitionFte: 13, totalFte: 27 },
      { year: 2025, process: "a", baselineFte: 2, deliveryFte: 6, developmentFte: 10, transitionFte: 14, totalFte: 30 },
      { year: 2024, process: "b", baselineFte: 3, deliveryFte: 7, developmentFte: 11, transitionFte: 15, totalFte: 33 },
      { year: 2025, process: "b", baselineFte: 4, deliveryFte: 8, developmentFte: 12, transitionFte: 16, totalFte: 36 },
    ]);
  });

  it("gives one total per year with every field of YearTotal, null and booleans kept", () => {
    const totals = forecastFromColumns(columns).totals;
    expect(totals.map((t) => t.year)).toEqual([2024, 2025]);
    expect(totals[0]).toMatchObject({ residents: 1, baselineFte: 2, holdsFlat: true, cumulativeNet: 17 });
    expect(totals[1]).toMatchObject({ residents: null, baselineFte: 20, holdsFlat: false, cumulativeNet: 170 });
    const fields: (keyof YearTotal)[] = ["year", ...YEAR_TOTAL_COLUMNS];
    for (const total of totals) expect(Object.keys(total).sort()).toEqual([...fields].sort());
  });

  it("keeps every other field as it came", () => {
    const { rows: _rows, totals: _totals, ...rest } = forecastFromColumns(columns);
    const { rows: _r, totals: _t, ...sent } = columns;
    expect(rest).toEqual(sent);
  });
});
