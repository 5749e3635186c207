/** What the golden tests of tests/golden share: the golden files' JSON and the scenarios they hold. */
import type { DataPackage } from "../../model/data-package.ts";
import { type ForecastResult, forecast } from "../../model/forecast.ts";
import { compilePlan } from "../../model/plan.ts";

/** JSON with numbers to six significant digits (−0 as 0): the golden files' format. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(6)) + 0 : v), 2)}\n`;
}

/** The forecasts of `baseline` and `vaxa-utan-att-vaxa` of a package, by scenario id. */
export function goldenForecasts(pkg: DataPackage): Record<string, ForecastResult> {
  return Object.fromEntries(
    ["baseline", "vaxa-utan-att-vaxa"].map((id) => {
      const compiled = compilePlan(pkg, pkg.scenarios[id]!);
      if (!compiled.ok) throw new Error(`${id} does not compile`);
      return [id, forecast(compiled.plan)];
    }),
  );
}
