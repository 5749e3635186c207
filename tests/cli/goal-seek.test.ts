/**
 * `npm run goal-seek` as a planner runs it (in the test's process) on a package written to a folder.
 *
 * The package is small enough to solve by hand. One process of 10 FTE in 2021 (the base year),
 * all of its work one activity moving with residents (elasticity 1, nothing fixed, no allowances),
 * so FTE without levers is 10 × residents / 1000: 10 in 2022, 24 in 2023, 12 in 2024 and 2025.
 * One lever reaches half of that work at efficiency 0.5, adopted as a step (a logistic with
 * steepness 50 around 2022.5: 1.4e-11 in 2022, 1 − 1.4e-11 from 2023), and costs no people or
 * money (no build, dip, upkeep or licences). At reach factor k the lever saves k × 0.5 × 0.5 of
 * the work, so total FTE is FTE₀ × (1 − k / 4) from 2023, and full intensity is k = 1 / 0.5 = 2
 * (reach 1).
 *
 * - From 2024: 12 × (1 − k / 4) ≤ 10 ⇔ k ≥ 2/3, reachable.
 * - From 2023: 24 × (1 − k / 4) ≤ 10 ⇔ k ≥ 7/3 > 2, not reachable; at k = 2, 2023 has 12 FTE.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goalSeekCommand } from "../../cli/goal-seek.ts";
import { runInProcess } from "./run-in-process.ts";

const runCommand = (_script: string, args: string[]) => runInProcess(goalSeekCommand, args);

const FILES: Record<string, string> = {
  "municipality.json": JSON.stringify({
    name: "Räknestad",
    currency: "SEK",
    costPerFte: 1_000_000,
    workingTime: { workingDays: 200, holidays: 0, leave: 0, sickness: 0, hoursPerDay: 8 },
    discountRate: 0,
    horizon: 2025,
  }),
  "drivers.csv": "year,driver,value,kind\n2021,residents,1000,actual\n2022,residents,1000,forecast\n2023,residents,2400,forecast\n2024,residents,1200,forecast\n2025,residents,1200,forecast\n",
  "headcount.csv": "year,process,fte\n2021,cases,10\n",
  "processes.json": JSON.stringify({
    processes: [
      {
        id: "cases",
        name: { sv: "Ärenden", en: "Cases" },
        fixedShare: 0,
        supportShare: 0,
        individualAllowanceFte: 0,
        activities: [{ id: "handling", name: { sv: "Handläggning", en: "Handling" }, share: 1, drivers: { residents: 1 } }],
      },
    ],
  }),
  "levers.json": JSON.stringify({
    levers: [
      {
        id: "robot",
        name: { sv: "Robot", en: "Robot" },
        kind: "automation",
        targets: [{ process: "cases", activity: "handling", reach: 0.5 }],
        efficiency: 0.5,
        adoption: { curve: "logistic", startYear: 2022, midpoint: 2022.5, steepness: 50, ceiling: 1 },
        build: { startYear: 2022, years: 0, personYears: 0, capex: 0 },
      },
    ],
  }),
  "scenarios/robot.json": JSON.stringify({ name: { sv: "Robot", en: "Robot" }, levers: ["robot"] }),
  "scenarios/none.json": JSON.stringify({ name: { sv: "Inget", en: "None" } }),
};

interface GoalSeekJson {
  mode: string;
  targetYear: number;
  reachable: boolean;
  intensity: number | null;
  fullIntensity: number;
  totals: { year: number; totalFte: number }[];
}

describe("npm run goal-seek", () => {
  let folder: string;
  const goalSeek = (...args: string[]) => runCommand("cli/goal-seek.ts", ["--data", folder, "--scenario", "robot", ...args]);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "vaxa-goal-seek-"));
    await mkdir(join(folder, "scenarios"));
    for (const [name, text] of Object.entries(FILES)) await writeFile(join(folder, name), text);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("finds the reach factor computed by hand, 2/3, and holds the base year's 10 FTE with it", async () => {
    const { code, stdout } = await goalSeek("--target-year", "2024", "--format", "json");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as GoalSeekJson;
    expect(result).toMatchObject({ mode: "reach", targetYear: 2024, reachable: true, fullIntensity: 2 });
    expect(result.intensity).toBeCloseTo(2 / 3, 6);
    // 12 × (1 − (2/3) / 4) = 10
    expect(result.totals.find((t) => t.year === 2024)!.totalFte).toBeCloseTo(10, 6);
  }, 60_000);

  it("says plainly when even full intensity is not enough, with the FTE it leaves", async () => {
    const json = await goalSeek("--target-year", "2023", "--format", "json");
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as GoalSeekJson;
    expect(result).toMatchObject({ targetYear: 2023, reachable: false, intensity: null, fullIntensity: 2 });
    // 24 × (1 − 2 / 4) = 12
    expect(result.totals.find((t) => t.year === 2023)!.totalFte).toBeCloseTo(12, 6);
    const sv = await goalSeek("--target-year", "2023");
    expect(sv.stdout).toContain("inte ens när varje hävstång når allt arbete den riktar sig mot (2 gånger så mycket som antaget)");
    expect(sv.stdout).toContain("Första året över basårets nivå är då 2023, med 12 årsarbetare.");
    const en = await goalSeek("--target-year", "2023", "--lang", "en");
    expect(en.stdout).toContain("not even when every lever reaches all the work it targets (2 times as much as assumed)");
    expect(en.stdout).toContain("The first year above the base year's level is then 2023, with 12 FTE.");
  }, 60_000);

  it("refuses a scenario without levers, a target year outside the forecast and an unknown mode", async () => {
    const none = await runCommand("cli/goal-seek.ts", ["--data", folder, "--scenario", "none", "--target-year", "2024"]);
    expect(none).toMatchObject({ code: 1 });
    expect(none.stderr).toContain("Scenariot ”none” har inga hävstänger.");
    const early = await goalSeek("--target-year", "2021");
    expect(early).toMatchObject({ code: 1 });
    expect(early.stderr).toContain("--target-year måste ligga mellan 2022 och 2025");
    const mode = await goalSeek("--target-year", "2024", "--mode", "faster", "--lang", "en");
    expect(mode).toMatchObject({ code: 1 });
    expect(mode.stderr).toContain('invalid mode: "faster" (expected one of reach, timing)');
  }, 120_000);
});
