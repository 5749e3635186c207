import { describe, expect, it } from "vitest";
import { forecast } from "../../model/forecast.ts";
import { compile, process, scenario, series, shareActivity, tinyPackage } from "./fixtures.ts";

/**
 * The kernel computes the growth of activities with the same drivers and elasticities once and
 * reuses it: these cases check that reuse never crosses activities whose elasticities differ.
 */
describe("evaluate: activities that grow alike", () => {
  const pkg = tinyPackage({
    drivers: {
      residents: series("residents", 2020, [1000, 1100, 1210, 1331]),
      businesses: series("businesses", 2020, [50, 60, 72, 72]),
    },
    processes: [
      process("cases", [
        shareActivity("a", 0.25, { residents: 0.5, businesses: 1 }),
        shareActivity("b", 0.25, { residents: 0.5, businesses: 1 }),
        shareActivity("c", 0.25, { residents: 1, businesses: 1 }),
        shareActivity("d", 0.25, { businesses: 1, residents: 0.5 }),
      ]),
    ],
  });
  // 2022: residents × 1.21, businesses × 1.44; each activity 2.5 FTE
  const expected = (e: number[]) => e.reduce((s, ea) => s + 2.5 * 1.21 ** ea * 1.44, 0);

  it("gives each activity its own elasticities' growth, shared or not", () => {
    const total = forecast(compile(pkg)).totals[2]!.totalFte;
    expect(total).toBeCloseTo(expected([0.5, 0.5, 1, 0.5]), 12);
  });

  it("stops sharing when a scenario changes one of two equal activities", () => {
    const set = { "processes.cases.activities.b.elasticity.residents": 2 };
    const total = forecast(compile(pkg, scenario({ set }))).totals[2]!.totalFte;
    expect(total).toBeCloseTo(expected([0.5, 2, 1, 0.5]), 12);
  });
});
