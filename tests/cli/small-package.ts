/**
 * A small data package for the command line's tests, written to a temporary folder, small enough
 * to compute by hand and large enough to need thousands separators.
 *
 * One process "cases" of 1,234.4 FTE in 2021 (the base year; 1,000 in 2020), all of it one
 * activity moving with residents (elasticity 1, nothing fixed, no allowances): residents 900
 * (2020), 1,000 (2021), 1,100 (2022), 3,000 (2023), so FTE without levers is 1,234.4 × residents /
 * 1,000: 1,357.84 in 2022 and 3,703.2 in 2023 (no value at a rounding edge).
 *
 * Two levers act on that work as steps (logistic, steepness 50 around 2022.5: 1.4e-11 in 2022,
 * 1 − 1.4e-11 in 2023), efficiency 0.5 each: "robot_a" reaches 0.8 of it and costs 2.5 Mkr capex in
 * 2022; "robot_b" reaches 0.2 and costs nothing. Savings multiply: with both at reach factor k, 2023
 * keeps (1 − 0.5 · min(1, 0.8k)) · (1 − 0.5 · min(1, 0.2k)) of its work.
 * - Scenario "robotar" (k = 1): 2023 = 3,703.2 × 0.6 × 0.9 = 1,999.728 FTE; the hump is the capex,
 *   2.5 Mkr in 2022 (savings in 2022 are about 0.01 SEK), paid back 2023; NPV at rate 0 =
 *   (3,703.2 − 1,999.728) × 1,000,000 − 2,500,000 = 1,700.972 Mkr.
 * - Goal seek from 2023: the base year's 1,234.4 is a third of 3,703.2. Below k = 1.25 the savings
 *   leave at least 0.5 · 0.875 = 0.4375 > 1/3; above it robot_a is capped at reach 1 (factor 0.5),
 *   so 0.5 · (1 − 0.1k) ≤ 1/3 ⇔ k ≥ 10/3 ≈ 3.3: robot_a then needs 0.8 × 10/3 ≈ 2.7 times the work
 *   there is, robot_b 0.67: "more than is possible for 1 of 2 levers". Full intensity is 1/0.2 = 5.
 * - Goal seek from 2022 is not reachable: 2022's 1,357.84 comes before the levers save anything.
 * robot_a's efficiency is uniform 0.4–0.6 (median 0.5) so that the tornado has an assumption.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const step = { curve: "logistic", startYear: 2022, midpoint: 2022.5, steepness: 50, ceiling: 1 };

export const SMALL_PACKAGE: Record<string, string> = {
  "municipality.json": JSON.stringify({
    name: "Räknestad",
    currency: "SEK",
    costPerFte: 1_000_000,
    workingTime: { workingDays: 200, holidays: 0, leave: 0, sickness: 0, hoursPerDay: 8 },
    discountRate: 0,
    horizon: 2023,
  }),
  "drivers.csv":
    "year,driver,value,kind\n2020,residents,900,actual\n2021,residents,1000,actual\n2022,residents,1100,forecast\n2023,residents,3000,forecast\n",
  "headcount.csv": "year,process,fte\n2020,cases,1000\n2021,cases,1234.4\n",
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
        id: "robot_a",
        name: { sv: "Robot A", en: "Robot A" },
        kind: "automation",
        targets: [{ process: "cases", activity: "handling", reach: 0.8 }],
        adoption: step,
        build: { startYear: 2022, years: 1, personYears: 0, capex: 2_500_000 },
        distributions: { efficiency: { type: "uniform", min: 0.4, max: 0.6 } },
      },
      {
        id: "robot_b",
        name: { sv: "Robot B", en: "Robot B" },
        kind: "automation",
        targets: [{ process: "cases", activity: "handling", reach: 0.2 }],
        efficiency: 0.5,
        adoption: step,
        build: { startYear: 2022, years: 0, personYears: 0, capex: 0 },
      },
    ],
  }),
  "scenarios/baseline.json": JSON.stringify({ name: { sv: "Bas", en: "Base" } }),
  "scenarios/robotar.json": JSON.stringify({ name: { sv: "Robotar", en: "Robots" }, levers: ["robot_a", "robot_b"] }),
};

/** Writes the package (with `changes`: file → text) to a new temporary folder and returns its path. */
export async function writeSmallPackage(changes: Record<string, string> = {}): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "vaxa-cli-"));
  await mkdir(join(folder, "scenarios"));
  for (const [name, text] of Object.entries({ ...SMALL_PACKAGE, ...changes })) await writeFile(join(folder, name), text);
  return folder;
}
