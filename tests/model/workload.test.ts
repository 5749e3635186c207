/**
 * The WHO WISN method reproduced through a small data package.
 *
 * Burmen, Owuor & Mitei (2017), "An assessment of staffing needs at a HIV clinic in a Western Kenya
 * using the WHO workload indicators of staffing need WISN, 2011", Human Resources for Health 15:9,
 * doi:10.1186/s12960-017-0186-3, table 3: 10,000 patients × 10 visits a year × 0.25 h a visit,
 * against an available working time of 179 days of 8 h, gives 17.46 clinicians before allowances.
 */
import { describe, expect, it } from "vitest";
import { forecast } from "../../model/forecast.ts";
import { parseDataPackage } from "../../model/parse-package.ts";
import { compilePlan } from "../../model/plan.ts";
import type { DataPackage } from "../../model/data-package.ts";

function clinic(supportShare: number, individualAllowanceFte: number): Record<string, string> {
  return {
    // the paper's available working time is 179 days of 8 hours; its breakdown does not matter here
    "municipality.json": JSON.stringify({
      name: "JOOTRH HIV clinic",
      currency: "KES",
      costPerFte: 1,
      workingTime: { workingDays: 179, holidays: 0, leave: 0, sickness: 0, hoursPerDay: 8 },
      discountRate: 0,
      horizon: 2012,
    }),
    "drivers.csv": "year,driver,value,kind\n2011,patients,10000,actual\n2012,patients,11000,forecast\n",
    "headcount.csv": "year,process,fte\n2011,clinicians,12\n",
    "processes.json": JSON.stringify({
      processes: [
        {
          id: "clinicians",
          name: { sv: "Kliniker", en: "Clinicians" },
          fixedShare: 0,
          supportShare,
          individualAllowanceFte,
          activities: [
            {
              id: "consultations",
              name: { sv: "Besök", en: "Consultations" },
              volume: 100_000,
              unitTimeHours: 0.25,
              drivers: { patients: 1 },
            },
          ],
        },
      ],
    }),
    "scenarios/baseline.json": JSON.stringify({ name: { sv: "Bas", en: "Base" } }),
  };
}

function run(files: Record<string, string>) {
  const parsed = parseDataPackage(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const pkg: DataPackage = parsed.package;
  const compiled = compilePlan(pkg, pkg.scenarios.baseline!);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return forecast(compiled.plan);
}

describe("WISN (Burmen et al. 2017, table 3)", () => {
  it("requires 17.46 clinicians before allowances", () => {
    const result = run(clinic(0, 0));
    // 100,000 visits × 0.25 h = 25,000 h ÷ (179 × 8 = 1,432 h) = 17.458
    expect(result.processes[0]!.calibration.wisnRequiredFte!).toBeCloseTo(17.46, 2);
    expect(result.processes[0]!.calibration.wisnRequiredFte!).toBeCloseTo(25_000 / 1_432, 12);
  });

  it("applies the category allowance factor and individual allowances", () => {
    const result = run(clinic(0.2, 1.5));
    // CAF = 1 / (1 − 0.2) = 1.25: 17.458 × 1.25 + 1.5 = 23.32
    expect(result.processes[0]!.calibration.wisnRequiredFte!).toBeCloseTo((25_000 / 1_432) * 1.25 + 1.5, 12);
  });

  it("calibrates to the actual 12 clinicians and moves with the patients", () => {
    const result = run(clinic(0, 0));
    expect(result.rows[0]!.totalFte).toBe(12);
    expect(result.processes[0]!.calibration.calibrationFactor!).toBeCloseTo(12 / (25_000 / 1_432), 12);
    expect(result.rows[1]!.totalFte).toBeCloseTo(12 * 1.1, 12); // 11,000 patients
  });
});
