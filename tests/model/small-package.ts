/**
 * A second, smaller valid package, built in code (base year 2020, the last year in headcount.csv;
 * horizon 2023), for tests that add or change one file and compute the result by hand. Parse it
 * with `parsed` and `errorsOf` of `package-files.ts`.
 */
import type { Files } from "./package-files.ts";

/** Residents (actual 2020) and dwellings (actual 2020); one process "cases" of 10 FTE. */
export function smallPackage(extra: Files = {}): Files {
  return {
    "municipality.json": JSON.stringify({
      name: "Testby",
      currency: "SEK",
      costPerFte: 1_000_000,
      workingTime: { workingDays: 250, holidays: 10, leave: 25, sickness: 10, hoursPerDay: 8 },
      discountRate: 0.05,
      horizon: 2023,
    }),
    "drivers.csv": [
      "year,driver,value,kind",
      "2020,residents,1000,actual",
      "2021,residents,1100,forecast",
      "2022,residents,1210,forecast",
      "2023,residents,1331,forecast",
      "2020,dwellings,100,actual",
      "2021,dwellings,100,forecast",
      "2022,dwellings,100,forecast",
      "2023,dwellings,100,forecast",
      "",
    ].join("\n"),
    "headcount.csv": "year,process,fte\n2019,cases,8\n2020,cases,10\n",
    "processes.json": JSON.stringify(
      {
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
      },
      null,
      2,
    ),
    "scenarios/baseline.json": JSON.stringify({ name: { sv: "Bas", en: "Base" } }),
    ...extra,
  };
}
