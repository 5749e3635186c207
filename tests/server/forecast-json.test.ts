/**
 * server/forecast-json.ts: the JSON of a forecast's columns, gathered in plain loops, is exactly what
 * `JSON.stringify` writes of the columnar object, and reads back into the rows the answer used to
 * carry (`JSON.parse(JSON.stringify(result))`), for Nacka's scenarios and for any numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastFromColumns, PROCESS_YEAR_COLUMNS, YEAR_TOTAL_COLUMNS } from "../../contract/forecast-columns.ts";
import { type ForecastResult, forecast, forecastColumns } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";
import { columnarForecastJson, forecastAnswerJson, forecastColumnsJson } from "../../server/forecast-json.ts";
import { nackaPackage } from "./helpers.ts";

/** The columnar form written plainly: the specification the writer is held to. */
function columnsOf(result: ForecastResult) {
  return {
    ...result,
    rows: Object.fromEntries(PROCESS_YEAR_COLUMNS.map((field) => [field, result.rows.map((row) => row[field])])),
    totals: Object.fromEntries(YEAR_TOTAL_COLUMNS.map((field) => [field, result.totals.map((total) => total[field])])),
  };
}

async function nackaForecast(scenarioId: string): Promise<ForecastResult> {
  const { pkg } = await nackaPackage();
  const compiled = compilePlan(pkg, pkg.scenarios[scenarioId]!);
  if (!compiled.ok) throw new Error(`${scenarioId} does not compile`);
  return forecast(compiled.plan);
}

describe("forecastColumnsJson", () => {
  for (const scenarioId of ["baseline", "vaxa-utan-att-vaxa"]) {
    it(`writes Nacka's ${scenarioId} as JSON.stringify writes its columns, and reads back into the same rows`, async () => {
      const result = await nackaForecast(scenarioId);
      if (scenarioId !== "baseline") expect(result.levers.length).toBeGreaterThan(0);
      const text = forecastColumnsJson(result);
      expect(text).toBe(JSON.stringify(columnsOf(result)));
      expect(forecastFromColumns(JSON.parse(text))).toEqual(JSON.parse(JSON.stringify(result)));
    });
  }

  it("writes any numbers as JSON.stringify does: negative zero, tiny and huge values, and not finite ones as null", async () => {
    const result = await nackaForecast("vaxa-utan-att-vaxa");
    const number = fc.oneof(fc.double(), fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE));
    const rows = fc.array(fc.tuple(number, number, number, number, number), { minLength: result.rows.length, maxLength: result.rows.length });
    const totals = fc.array(fc.tuple(fc.option(number), number, fc.boolean()), { minLength: result.totals.length, maxLength: result.totals.length });
    fc.assert(
      fc.property(rows, totals, fc.array(number, { minLength: result.years.length, maxLength: result.years.length }), (rowValues, totalValues, adoption) => {
        const changed: ForecastResult = {
          ...result,
          rows: result.rows.map((row, i) => {
            const [baselineFte, deliveryFte, developmentFte, transitionFte, totalFte] = rowValues[i]!;
            return { ...row, baselineFte, deliveryFte, developmentFte, transitionFte, totalFte };
          }),
          totals: result.totals.map((total, i) => {
            const [residents, net, holdsFlat] = totalValues[i]!;
            return { ...total, residents, net, holdsFlat, decouplingRatio: residents };
          }),
          levers: result.levers.map((lever) => ({ ...lever, adoption })),
        };
        expect(forecastColumnsJson(changed)).toBe(JSON.stringify(columnsOf(changed)));
      }),
      { numRuns: 200 },
    );
  });

  it("writes a column equal to an earlier one again only where it differs: the same text as JSON.stringify", async () => {
    const result = await nackaForecast("vaxa-utan-att-vaxa");
    const last = result.rows.length - 1;
    const rows = result.rows.map((row, i) => ({
      ...row,
      deliveryFte: row.baselineFte,
      // Equal to baseline in every row but the last, where it differs by one unit in the last place.
      totalFte: i === last ? row.baselineFte * (1 + Number.EPSILON) : row.baselineFte,
      // Equal as numbers (0 === -0) and written alike ("0").
      developmentFte: i % 2 === 0 ? -0 : 0,
      transitionFte: Number.NaN,
    }));
    const changed: ForecastResult = { ...result, rows };
    expect(rows[last]!.totalFte).not.toBe(rows[last]!.baselineFte);
    expect(forecastColumnsJson(changed)).toBe(JSON.stringify(columnsOf(changed)));
  });

  it("writes every field of the result in its order, as JSON.stringify does, and leaves out undefined ones", async () => {
    const result = await nackaForecast("baseline");
    const changed = { ...result, added: { note: "ny" }, missing: undefined } as ForecastResult;
    expect(forecastColumnsJson(changed)).toBe(JSON.stringify(columnsOf(changed)));
    expect(forecastColumnsJson(changed)).toContain(',"added":{"note":"ny"}}');
  });

  it("writes an answer's head before its result, as JSON.stringify of the whole answer", async () => {
    const result = await nackaForecast("baseline");
    const head = { package: { hash: "h", versionId: "v" }, horizon: 2040, kind: "deterministic" } as const;
    expect(forecastAnswerJson(head, result)).toBe(JSON.stringify({ ...head, result: columnsOf(result) }));
  });

  it("writes a forecast read into columns (the forecast route's) as the same text as its rows", async () => {
    const { pkg } = await nackaPackage();
    for (const scenarioId of ["baseline", "vaxa-utan-att-vaxa"]) {
      const compiled = compilePlan(pkg, pkg.scenarios[scenarioId]!);
      if (!compiled.ok) throw new Error(`${scenarioId} does not compile`);
      expect(columnarForecastJson(forecastColumns(compiled.plan))).toBe(JSON.stringify(columnsOf(forecast(compiled.plan))));
    }
  });

  it("keeps the text of the frozen parts forecasts of one plan share, and writes every other value anew", async () => {
    const { pkg } = await nackaPackage();
    const compiled = compilePlan(pkg, pkg.scenarios["vaxa-utan-att-vaxa"]!);
    if (!compiled.ok) throw new Error("does not compile");
    const plan = compiled.plan;
    const values = Float64Array.from(plan.parameters.values);
    const first = forecastColumns(plan);
    values[plan.costPerFte] = values[plan.costPerFte]! * 1.1;
    const second = forecastColumns({ ...plan, parameters: { ...plan.parameters, values } });
    // Shared, frozen: the years and the processes with their calibration.
    expect(second.processes).toBe(first.processes);
    expect(second.years).toBe(first.years);
    expect(Object.isFrozen(first.processes) && Object.isFrozen(first.years)).toBe(true);
    expect(columnarForecastJson(first)).toBe(JSON.stringify(first));
    expect(columnarForecastJson(second)).toBe(JSON.stringify(second));
    // A value that is not frozen is written as it is now, not as it was.
    const changed = { ...first, illustrative: { sv: "a", en: "b" } };
    expect(columnarForecastJson(changed)).toContain('"illustrative":{"sv":"a","en":"b"}');
    changed.illustrative.sv = "c";
    expect(columnarForecastJson(changed)).toContain('"illustrative":{"sv":"c","en":"b"}');
  });
});
