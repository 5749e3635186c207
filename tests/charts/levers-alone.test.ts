import { describe, expect, it } from "vitest";
import { fteAvoided, leversAloneChart } from "../../charts/levers-alone.ts";
import { forecast } from "../../model/forecast.ts";
import { compile, scenario } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";

// The step lever avoids 1.5 FTE in 2026 (10 without it, 8 delivery + 0.5 upkeep with it; tests/model/evaluate.test.ts).
const pkg = stepLeverPackage();
const robot = forecast(compile(pkg, scenario({ levers: ["robot"] })));
const none = forecast(compile(pkg, scenario()));

describe("fteAvoided", () => {
  it("is FTE without levers minus FTE with them in the horizon year", () => {
    expect(fteAvoided(robot)).toBeCloseTo(1.5, 6);
    expect(fteAvoided(none)).toBe(0);
  });
});

describe("leversAloneChart", () => {
  it("puts the lever that avoids most on top and names all levers together in the caption", () => {
    const spec = leversAloneChart(
      [
        { label: "Ingen", result: none },
        { label: "Robot", result: robot },
      ],
      robot,
      { lang: "sv" },
    );
    expect(spec.plot.y).toMatchObject({ domain: ["Robot", "Ingen"] });
    expect(spec.plot.x).toMatchObject({ label: "Undvikna årsarbetare 2026" });
    expect(spec.caption).toBe("Årsarbetare som varje hävstång ensam undviker 2026 (mot samma tillväxt utan hävstänger). Alla tillsammans: 1,5.");
  });
});
