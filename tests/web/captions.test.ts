/**
 * The plain-language captions (web/captions.ts). The facts below are made up to look like Nacka's
 * "Växa utan att växa"; every expected text is written by hand from them (and, at the end, from a
 * forecast computed by hand). Swedish numbers use a non-breaking space between thousands (sv-SE),
 * so the tests compare with that space.
 */
import { describe, expect, it } from "vitest";
import { forecast } from "../../model/forecast.ts";
import {
  compareFlatCaption,
  compareFteCaption,
  compareHoldsFlatCaption,
  compareHumpCaption,
  flatSentence,
  fteSentence,
  holdsFlatSentence,
  humpRangeSentence,
  humpSentence,
  listText,
  probabilityText,
  type ScenarioFacts,
  scenarioCaption,
  scenarioFacts,
  tornadoCaption,
} from "../../web/captions.ts";
import { compile, scenario } from "../model/fixtures.ts";
import { stepLeverPackage } from "../model/step-lever-package.ts";
import { NBSP, sv } from "./sv-text.ts";

const withLevers: ScenarioFacts = Object.freeze({
  name: "Växa utan att växa",
  versionId: "c0f8dddfbf8c",
  baseYear: 2018,
  baseFte: 951.5,
  horizon: 2040,
  year: 2030,
  fteWith: 1087.97,
  fteWithout: 1172.7,
  hasLevers: true,
  humpDepth: 47_854_613.78,
  humpYear: 2022,
  paybackYear: 2026,
  holdsFlatFrom: null,
  flat: { year: 2035, probability: 0.12 },
  humpRange: { p10: 30_120_000, p90: 70_440_000 },
});

const noLevers: ScenarioFacts = Object.freeze({
  ...withLevers,
  name: "Dubbel tillväxttakt",
  versionId: "48b69211c13a",
  fteWith: 1172.7,
  fteWithout: 1172.7,
  hasLevers: false,
  humpDepth: null,
  humpYear: null,
  paybackYear: null,
  flat: { year: 2035, probability: 0 },
  humpRange: null,
});

describe("captions of one scenario", () => {
  it("gives the example sentence of the issue, in Swedish", () => {
    expect(scenarioCaption(withLevers, "sv")).toBe(
      sv(
        `År 2030 behövs 1 088 årsarbetare med hävstängerna, mot 1 173 utan. Investeringspuckeln är djupast 2022, 47,9${NBSP}Mkr, och är återbetald 2026. Sannolikheten att hålla nollan 2035 är 12${NBSP}%.`,
      ),
    );
  });

  it("gives the same in English", () => {
    expect(scenarioCaption(withLevers, "en")).toBe(
      `In 2030, 1,088 FTE are needed with the levers, against 1,173 without. The investment hump is deepest in 2022, 47.9${NBSP}MSEK, and has paid for itself by 2026. The probability of holding headcount flat in 2035 is 12%.`,
    );
  });

  it("compares with the base year when there are no levers, and says nothing of a hump", () => {
    expect(fteSentence(noLevers, "sv")).toBe(sv("År 2030 behövs 1 173 årsarbetare, 221 fler än basåret 2018 (952)."));
    expect(fteSentence(noLevers, "en")).toBe("In 2030, 1,173 FTE are needed, 221 more than in the base year 2018 (952).");
    expect(humpSentence(noLevers, "sv")).toBe("");
    expect(humpRangeSentence(noLevers, "sv")).toBe("");
  });

  it("says when the hump is not paid back, and when there is none", () => {
    expect(humpSentence({ ...withLevers, paybackYear: null }, "sv")).toBe(`Investeringspuckeln är djupast 2022, 47,9${NBSP}Mkr, och är inte återbetald till 2040.`);
    expect(humpSentence({ ...withLevers, humpDepth: null, humpYear: null }, "sv")).toMatch(/ingen investeringspuckel/);
  });

  it("writes probabilities that round to 0 % or 100 % as under 1 % and over 99 %", () => {
    expect(probabilityText(0.003, "sv")).toBe(`under 1${NBSP}%`);
    expect(probabilityText(0.999, "en")).toBe("over 99%");
    expect(probabilityText(0, "sv")).toBe(`0${NBSP}%`);
    expect(probabilityText(1, "sv")).toBe(`100${NBSP}%`);
    expect(flatSentence({ ...withLevers, flat: null }, "sv")).toBe("");
  });

  it("says whether total FTE holds flat", () => {
    expect(holdsFlatSentence(withLevers, "sv")).toBe("Antalet årsarbetare kommer inte ned till basårets 952 (2018) före 2040.");
    expect(holdsFlatSentence({ ...withLevers, holdsFlatFrom: 2031 }, "sv")).toBe(
      "Antalet årsarbetare håller nollan (högst 952, som basåret 2018) från 2031.",
    );
  });

  it("gives the Monte Carlo range of the hump", () => {
    expect(humpRangeSentence(withLevers, "sv")).toBe(`I fyra fall av fem (P10–P90) är puckeln mellan 30,1 och 70,4${NBSP}Mkr djup.`);
  });
});

describe("the tornado in words", () => {
  it("gives the centre line and the assumption that matters most", () => {
    const facts = {
      output: "puckelns djup",
      unit: "money" as const,
      base: 67_520_000,
      top: { label: "Göra det vi ska: mittpunkt", outputAtLow: 61_040_000, outputAtHigh: 72_880_000 },
    };
    expect(tornadoCaption(facts, "sv")).toBe(
      `Mittlinjen är puckelns djup med alla osäkra antaganden på sina medianvärden, 67,5${NBSP}Mkr. Mest betyder ”Göra det vi ska: mittpunkt”: mellan 61,0 och 72,9${NBSP}Mkr beroende på dess värde.`,
    );
    expect(tornadoCaption({ ...facts, output: "total FTE in 2030", unit: "fte", base: 1088.2, top: null }, "en")).toBe(
      "The centre line is total FTE in 2030 with every uncertain assumption at its median, 1,088 FTE.",
    );
  });
});

describe("captions comparing versions", () => {
  it("names every version with its FTE in the year compared and the difference", () => {
    expect(compareFteCaption([withLevers, noLevers], "sv")).toBe(
      sv(
        "År 2030 behövs 1 088 årsarbetare i ”Växa utan att växa” med hävstängerna, mot 1 173 utan. I ”Dubbel tillväxttakt” behövs 1 173. Basåret 2018 var det 952. Skillnaden mellan ”Växa utan att växa” och ”Dubbel tillväxttakt” är 85 årsarbetare.",
      ),
    );
    expect(compareFteCaption([withLevers, noLevers], "en")).toBe(
      "In 2030, “Växa utan att växa” needs 1,088 FTE with the levers, against 1,173 without. “Dubbel tillväxttakt” needs 1,173. In the base year 2018 it was 952. The difference between “Växa utan att växa” and “Dubbel tillväxttakt” is 85 FTE.",
    );
  });

  it("describes each hump, and the versions without levers together", () => {
    const third = { ...noLevers, name: "Växa med tillväxten" };
    expect(compareHumpCaption([withLevers, noLevers, third], "sv")).toBe(
      `I ”Växa utan att växa” är investeringspuckeln djupast 2022, 47,9${NBSP}Mkr, och återbetald 2026. ”Dubbel tillväxttakt” och ”Växa med tillväxten” har inga hävstänger och därmed ingen investering.`,
    );
  });

  it("gives the probability of holding flat per version", () => {
    expect(compareFlatCaption([withLevers, noLevers], "sv")).toMatch(
      new RegExp(`^Sannolikheten att hålla nollan 2035 är 12${NBSP}% i ”Växa utan att växa” och 0${NBSP}% i ”Dubbel tillväxttakt”\\.`),
    );
    expect(compareFlatCaption([{ ...withLevers, flat: null }], "sv")).toBe("");
  });

  it("says which versions hold flat", () => {
    const text = compareHoldsFlatCaption([{ ...withLevers, holdsFlatFrom: 2031 }, noLevers], "sv");
    expect(text).toContain("”Växa utan att växa” håller nollan från 2031.");
    expect(text).toContain("”Dubbel tillväxttakt” håller inte nollan före 2040.");
  });

  it("joins lists the Swedish and the English way", () => {
    expect(listText(["A"], "sv")).toBe("A");
    expect(listText(["A", "B", "C"], "sv")).toBe("A, B och C");
    expect(listText(["A", "B"], "en")).toBe("A and B");
  });
});

describe("facts from a forecast", () => {
  // The one-lever package of tests/model/step-lever-package.ts, whose forecast evaluate.test.ts
  // computes by hand: base year 2020 with 10 FTE; in 2022 delivery 8 + upkeep 0.5 + transition
  // 2.5 = 11 FTE with the lever, 10 without (residents are flat); from 2023 8.5. Cumulative net
  // −3, −4.2, −2.9, −1.6, −0.3, +1.0 M from 2021: the hump is 4.2 M deep in 2022, paid back in 2026.
  const result = forecast(compile(stepLeverPackage(), scenario({ levers: ["robot"] })));

  it("reads the year in focus, the base year and the hump into the caption", () => {
    const facts = scenarioFacts(result, { name: "Robot", year: 2022, flat: { year: 2025, probability: 0.5 } });
    expect(facts).toMatchObject({ baseYear: 2020, horizon: 2026, year: 2022, hasLevers: true, humpYear: 2022, paybackYear: 2026, holdsFlatFrom: 2023 });
    expect(scenarioCaption(facts, "sv")).toBe(
      `År 2022 behövs 11 årsarbetare med hävstängerna, mot 10 utan. Investeringspuckeln är djupast 2022, 4,2${NBSP}Mkr, och är återbetald 2026. Sannolikheten att hålla nollan 2025 är 50${NBSP}%.`,
    );
  });

  it("clamps the year in focus to the forecast's years, and says when there are no levers", () => {
    expect(scenarioFacts(result, { name: "x", year: 2090 }).year).toBe(2026);
    expect(scenarioFacts(result, { name: "x", year: 1990 }).year).toBe(2020);
    const without = forecast(compile(stepLeverPackage()));
    expect(scenarioFacts(without, { name: "x" })).toMatchObject({ hasLevers: false, humpDepth: null, humpYear: null, fteWith: 10, fteWithout: 10 });
  });
});
