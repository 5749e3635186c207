/**
 * model/parameters.ts: the package's distributions and their medians are worked out once per
 * package and active levers, and still decided per scenario: a value the scenario sets makes its
 * parameter certain in that scenario only.
 */
import { describe, expect, it } from "vitest";
import { readPackageFolder } from "../../io/read-package-folder.ts";
import { defaultScenario } from "../../model/assumptions.ts";
import { quantile } from "../../model/distributions.ts";
import { buildParameterTable } from "../../model/parameters.ts";
import { parseDataPackage } from "../../model/parse-package.ts";

describe("buildParameterTable: the package's distributions, scenario after scenario", async () => {
  const parsed = parseDataPackage((await readPackageFolder("data/nacka")).files);
  if (!parsed.ok) throw new Error("Nacka's package does not parse");
  const pkg = parsed.package;
  const path = "levers.e_services.efficiency";
  // levers.json: e_services efficiency is PERT(0.35, 0.6, 0.8); its point value is the median.
  const median = quantile({ type: "pert", min: 0.35, mode: 0.6, max: 0.8 }, 0.5);
  const build = (set: Record<string, number>) => {
    const built = buildParameterTable(pkg, { ...defaultScenario("s", { sv: "s", en: "s" }, ["e_services"]), set });
    if (!built.ok) throw new Error(built.errors.map((e) => e.message).join("\n"));
    return built.table;
  };

  it("uses the median, then the scenario's set value (certain), then the median again", () => {
    for (const set of [{}, { [path]: 0.5 }, {}, { [path]: 0.7 }] as Record<string, number>[]) {
      const table = build(set);
      const i = table.index.get(path)!;
      const uncertain = table.uncertain.some((u) => u.parameter === i);
      if (path in set) {
        expect(table.values[i]).toBe(set[path]);
        expect(uncertain).toBe(false);
      } else {
        expect(table.values[i]).toBe(median);
        expect(uncertain).toBe(true);
      }
    }
  });

  it("reports a set value outside the range on every build, not only the first", () => {
    for (let n = 0; n < 2; n++) {
      const built = buildParameterTable(pkg, { ...defaultScenario("s", { sv: "s", en: "s" }, ["e_services"]), set: { [path]: 2 } });
      expect(built.ok).toBe(false);
    }
  });
});
