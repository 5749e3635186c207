/**
 * The council paper's text on a small package, against facts computed by hand.
 *
 * The package (tests/model/small-package.ts): base year 2020, horizon 2023, one process "Ärenden"
 * of 10 FTE whose one activity has elasticity 1 on residents (1,000 in 2020). So FTE = 10 ×
 * residents ÷ 1,000:
 * - "Bas" (the package's forecast, +10 % a year): 11, 12.1, 13.31 FTE in 2021–2023, never at or
 *   below 10 → "inte nollan fram till 2023: då behövs 13 årsarbetare mot 10 basåret 2020";
 * - "Krympa" (residents −10 % a year): 9, 8.1, 7.29 → at or below the base year's 10 from the
 *   base year 2020 itself on (the model's `holdsFlatFrom` counts the base year).
 * Neither has levers, so neither needs an investment.
 */
import { describe, expect, it } from "vitest";
import { compilePlan } from "../../model/plan.ts";
import { forecast } from "../../model/forecast.ts";
import { normalizeAssumptions } from "../../model/assumptions.ts";
import { buildPaper, type PaperVersion } from "../../paper/paper.ts";
import { parsed } from "../model/package-files.ts";
import { smallPackage } from "../model/small-package.ts";

const pkg = parsed(
  smallPackage({
    "scenarios/krympa.json": JSON.stringify({
      name: { sv: "Krympa", en: "Shrink" },
      description: { sv: "Invånarna minskar med 10 % om året.", en: "Residents fall by 10 % a year." },
      driverGrowthRates: { residents: -0.1 },
      uncertainty: { growthMultiplier: { type: "triangular", min: 0.5, mode: 1, max: 1.5 } },
    }),
  }),
);

function version(id: string, versionId: string, uncertainty: PaperVersion["uncertainty"], lang: "sv" | "en" = "sv"): PaperVersion {
  const { id: _, ...assumptions } = pkg.scenarios[id]!;
  const compiled = compilePlan(pkg, pkg.scenarios[id]!);
  if (!compiled.ok) throw new Error(`${id} does not compile`);
  return {
    scenarioId: id,
    label: assumptions.name[lang],
    number: 1,
    versionId,
    createdAt: "2026-12-01T08:00:00Z",
    author: "Anna Andersson",
    comment: id === "krympa" ? "Färre invånare" : null,
    assumptions: normalizeAssumptions(assumptions),
    result: forecast(compiled.plan),
    uncertainty,
  };
}

const paper = (lang: "sv" | "en") =>
  buildPaper({
    lang,
    pkg,
    packageVersionId: "0123456789ab",
    sourcesPath: "data/testby/SOURCES.md",
    versions: [
      version("baseline", "aaaaaaaaaaaa", { draws: 1000, seed: 2018, holdFlat: [{ year: 2022, probability: 0 }], uncertainParameters: 0 }, lang),
      version("krympa", "bbbbbbbbbbbb", { draws: 1000, seed: 2018, holdFlat: [{ year: 2022, probability: 0.5 }], uncertainParameters: 1 }, lang),
    ],
    year: 2022,
    flatYear: 2022,
    printedAt: new Date("2026-12-01T09:00:00Z"),
  });

describe("the paper's summary", () => {
  it("answers in three sentences per version: whether and from when it holds flat, the investment, the probability", () => {
    const { summary } = paper("sv");
    expect(summary.map((s) => s.sentences)).toEqual([
      [
        "Med ”Bas” håller organisationen inte nollan fram till 2023: då behövs 13 årsarbetare mot 10 basåret 2020.",
        "Scenariot har inga hävstänger och kräver ingen investering.",
        "Scenariot anger inga osäkra antaganden, så ingen sannolikhet är beräknad.",
      ],
      [
        "Med ”Krympa” kan organisationen hålla nollan från 2020: antalet årsarbetare är då och därefter högst basårets 10 (2020).",
        "Scenariot har inga hävstänger och kräver ingen investering.",
        "Sannolikheten att hålla nollan 2022 är 50\u00a0%, i 1\u00a0000 simuleringar av de osäkra antagandena.",
      ],
    ]);
  });

  it("is written in English with lang en", () => {
    const { summary } = paper("en");
    expect(summary[1]!.sentences[0]).toBe(
      "With “Shrink” the organisation can hold headcount flat from 2020: total FTE is then and afterwards at most the base year's 10 (2020).",
    );
  });
});

describe("the paper's tables", () => {
  it("lists each version's assumptions in words", () => {
    const { assumptions } = paper("sv");
    expect(assumptions.columns.map((c) => c.label)).toEqual(["", "Bas (aaaaaaaaaaaa)", "Krympa (bbbbbbbbbbbb)"]);
    const row = (label: string) => assumptions.rows.find((r) => r[0] === label)!.slice(1);
    expect(row("Beskrivning")).toEqual(["–", "Invånarna minskar med 10 % om året."]);
    expect(row("Tillväxt")).toEqual(["kommunens prognos för varje drivare", "kommunens prognos för varje drivare"]);
    expect(row("Egna tillväxttakter")).toEqual(["inga", "residents: −10\u00a0%"]);
    expect(row("Hävstänger")).toEqual(["inga", "inga"]);
    // municipality.json of the small package: 1,000,000 SEK per FTE, discount rate 5 %.
    expect(row("Pengar")).toEqual(["kostnad per årsarbetare 1\u00a0000\u00a0tkr; diskonteringsränta 5\u00a0%", "kostnad per årsarbetare 1\u00a0000\u00a0tkr; diskonteringsränta 5\u00a0%"]);
    expect(row("Osäkert och hur")).toEqual(["inga", "Tillväxtmultiplikator: triangulär 0,5–1–1,5"]);
  });

  it("gives the key figures, the versions with comments and authors, and the provenance", () => {
    const p = paper("sv");
    const key = (label: string) => p.keyFigures.rows.find((r) => r[0] === label)!.slice(1);
    // 2022: 12.1 and 8.1 FTE.
    expect(key("Årsarbetare 2022")).toEqual(["12", "8"]);
    expect(key("Håller nollan från")).toEqual(["inte före 2023", "2020"]);
    expect(key("Sannolikhet att hålla nollan 2022")).toEqual(["0\u00a0%", "50\u00a0%"]);
    expect(p.versions.rows).toEqual([
      ["Bas", "1", "aaaaaaaaaaaa", "1 december 2026", "Anna Andersson", "ingen kommentar"],
      ["Krympa", "1", "bbbbbbbbbbbb", "1 december 2026", "Anna Andersson", "Färre invånare"],
    ]);
    expect(p.provenance[0]).toBe("Datapaket: Testby, version 0123456789ab.");
    expect(p.provenance[1]).toContain("data/testby/SOURCES.md");
    expect(p.running).toBe("Scenarioversioner aaaaaaaaaaaa, bbbbbbbbbbbb");
    expect(p.illustrative).toBeNull();
  });

  it("draws the probability of holding flat only when it is informative, and says so otherwise", () => {
    const p = paper("sv");
    expect(p.charts.map((c) => c.spec.name)).toEqual(["compare-fte", "compare-year", "compare-hump", "compare-hold-flat"]);
    const sure = buildPaper({
      ...{ lang: "sv" as const, pkg, packageVersionId: "0123456789ab", sourcesPath: "x", year: 2022, flatYear: 2022, printedAt: new Date() },
      versions: [version("krympa", "bbbbbbbbbbbb", { draws: 1000, seed: 2018, holdFlat: [{ year: 2021, probability: 1 }, { year: 2022, probability: 1 }], uncertainParameters: 1 })],
    });
    expect(sure.charts.map((c) => c.spec.name)).not.toContain("compare-hold-flat");
    expect(sure.notes).toEqual(["Diagrammet över sannolikheten att hålla nollan visas inte: sannolikheten är nära 0 % eller 100 % varje år."]);
    expect(sure.summary[0]!.sentences[2]).toBe(
      "Sannolikheten att hålla nollan 2022 är 100\u00a0%: i nästan alla 1\u00a0000 simuleringar av de osäkra antagandena håller organisationen nollan.",
    );
  });

  it("writes the server's English author and comment of a package's own scenario in the paper's language", () => {
    const seeded = { ...version("baseline", "aaaaaaaaaaaa", null), author: "data package", comment: "from the data package" };
    const p = buildPaper({ lang: "sv", pkg, packageVersionId: "0123456789ab", sourcesPath: "x", year: 2022, flatYear: 2022, printedAt: new Date(), versions: [seeded] });
    expect(p.versions.rows[0]!.slice(4)).toEqual(["datapaketet", "scenariot som datapaketet levererar"]);
  });

  it("gives every chart a table of its numbers and a source line naming the package and the versions", () => {
    for (const chart of paper("sv").charts) {
      expect(chart.table.rows.length, chart.spec.name).toBeGreaterThan(0);
      expect(chart.source).toContain("Testby 0123456789ab");
      expect(chart.source).toContain("aaaaaaaaaaaa, bbbbbbbbbbbb");
    }
  });
});
