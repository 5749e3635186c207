import { describe, expect, it } from "vitest";
import { adoptionCurvesChart } from "../../charts/adoption-curves.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, lever, scenario } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";
import { legendLabels, markData, svgOf } from "./marks.ts";

/** The step lever "robot" (logistic, fully adopted from 2022) and "web", a Bass curve. */
function twoCurves() {
  const pkg = stepLeverPackage();
  pkg.levers.push(
    lever({
      id: "web",
      name: { sv: "Webb", en: "Web" },
      targets: [{ process: "cases", activity: "handling", reach: 0.2 }],
      adoption: { curve: "bass", startYear: 2021, p: 0.03, q: 0.4, ceiling: 0.8 },
    }),
  );
  return { pkg, result: forecast(compile(pkg, scenario({ levers: ["robot", "web"] }))) };
}

describe("adoptionCurvesChart", () => {
  it("draws logistic curves solid and Bass curves dashed, named from the registry", () => {
    const { pkg, result } = twoCurves();
    const spec = adoptionCurvesChart(result, pkg, { lang: "sv" });
    expect(legendLabels(spec)).toEqual(["Logistisk S-kurva", "Bass-diffusion"]);
    expect(spec.legend.map((l) => l.shape)).toEqual(["line", "dashed"]);
    expect(new Set(markData<{ lever: string }>(spec, "line", 0).map((d) => d.lever))).toEqual(new Set(["robot"]));
    expect(new Set(markData<{ lever: string }>(spec, "line", 1).map((d) => d.lever))).toEqual(new Set(["web"]));
    expect(spec.caption).toBe("Användningen s(t) per hävstång och år. Heldragen: logistisk S-kurva; streckad: Bass-diffusion. Kurvan planar ut vid hävstångens tak.");
    // The step lever is fully adopted by the horizon, 2026.
    expect(svgOf(spec)).toContain("robot 100&#160;%");
  });

  it("says nothing of dashed curves when every curve is logistic", () => {
    const pkg = stepLeverPackage();
    const result = forecast(compile(pkg, scenario({ levers: ["robot"] })));
    const spec = adoptionCurvesChart(result, pkg, { lang: "en" });
    expect(legendLabels(spec)).toEqual(["Logistic S-curve"]);
    expect(spec.caption).toBe("Adoption s(t) per lever and year. Solid: logistic S-curve. The curve levels off at the lever's ceiling.");
  });
});
