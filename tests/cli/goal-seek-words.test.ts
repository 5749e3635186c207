/**
 * Goal seek explained in words (cli/goal-seek.ts) on the command line's small package
 * (tests/cli/small-package.ts: the answer from 2023 is a reach factor of 10/3, more than is
 * possible for robot_a, reach 0.8, and possible for robot_b, reach 0.2), and the answer is a
 * value the app's control can take.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { goalSeekCommand } from "../../cli/goal-seek.ts";
import { PACKAGE_PARAMETERS } from "../../model/bounds.ts";
import { runInProcess } from "./run-in-process.ts";
import { writeSmallPackage } from "./small-package.ts";

const NBSP = "\u00a0";
let folder: string;
const goalSeek = (...args: string[]) => runInProcess(goalSeekCommand, ["--data", folder, "--scenario", "robotar", ...args]);

beforeAll(async () => {
  folder = await writeSmallPackage();
});

describe("goal-seek in words", () => {
  it("says how many times the work the levers must reach, and for how many of them that is more than there is", async () => {
    const sv = await goalSeek("--target-year", "2023");
    expect(sv.code).toBe(0);
    expect(sv.stdout).toContain(`Mål: totalt högst 1${NBSP}234,4 årsarbetare (basåret 2021) varje år från 2023 till horisonten.`);
    expect(sv.stdout).toContain("Hävstängerna måste nå 3,3 gånger så mycket arbete som antaget — mer än möjligt för 1 av 2 hävstänger");
    // 10/3 rounded up to the slider's step of 0.05
    expect(sv.stdout).toContain("I appen (Planering): sätt ”Hävstängernas räckvidd ×” till 3,35.");
    const json = JSON.parse((await goalSeek("--target-year", "2023", "--format", "json")).stdout) as { intensity: number; leversBeyondFullReach: number };
    expect(json.intensity).toBeCloseTo(10 / 3, 6);
    expect(json.leversBeyondFullReach).toBe(1);
    const en = await goalSeek("--target-year", "2023", "--lang", "en");
    expect(en.stdout).toContain("The levers must reach 3.3 times as much work as assumed — more than is possible for 1 of 2 levers");
    expect(en.stdout).toContain("In the app (Planning): set “Levers' reach ×” to 3.35.");
    expect(sv.stdout).not.toContain("“");
  });

  it("says when the goal cannot be reached and which year breaks it", async () => {
    const sv = await goalSeek("--target-year", "2022");
    expect(sv.stdout).toContain("Målet nås inte med dessa hävstänger: inte ens när varje hävstång når allt arbete den riktar sig mot (5 gånger så mycket som antaget).");
    expect(sv.stdout).toContain(`Första året över basårets nivå är då 2022, med 1${NBSP}357,8 årsarbetare.`);
  });

  it("explains timing as every lever's midpoint so many years earlier", async () => {
    const sv = await goalSeek("--target-year", "2022", "--mode", "timing");
    // the midpoints (2022.5) can move at most to the year after the base year, 2022: 0.5 years
    expect(sv.stdout).toContain("inte ens med varje hävstångs mittpunkt 0,5 år tidigare");
    const en = await goalSeek("--target-year", "2022", "--mode", "timing", "--lang", "en");
    expect(en.stdout).toContain("not even with every lever's midpoint 0.5 years earlier");
  });

  it("answers within the range of the app's controls, for this package and the Nacka package", async () => {
    const full = async (args: string[]) => (JSON.parse((await runInProcess(goalSeekCommand, [...args, "--format", "json"])).stdout) as { fullIntensity: number }).fullIntensity;
    const intensity = PACKAGE_PARAMETERS.intensity.slider;
    const shift = PACKAGE_PARAMETERS.midpointShift.slider;
    const maxIntensity = intensity && "max" in intensity ? intensity.max : 0;
    const maxShift = shift && "min" in shift ? -shift.min : 0;
    expect(await full(["--data", folder, "--scenario", "robotar", "--target-year", "2022"])).toBe(5);
    // Nacka's smallest reach is 0.1: full intensity 10.
    const nacka = ["--scenario", "vaxa-utan-att-vaxa", "--target-year", "2030"];
    expect(await full(nacka)).toBeLessThanOrEqual(maxIntensity);
    expect(await full([...nacka, "--mode", "timing"])).toBeLessThanOrEqual(maxShift);
  });
});
