/**
 * Writes the Nacka package's population/ files: `npx tsx data/nacka-population.ts`.
 * (It lives outside the package folder: a package holds data, and its reader notes any other file.)
 *
 * SOURCES.md ("Population: the cohort projection") gives the source or the reasoning of every
 * figure and shape used here. In short: the totals are sourced (residents 31 December 2024 and the
 * flows of 2024 from SCB), the age bands' levels are the package's 2024 values in drivers.csv (an
 * ASSUMPTION there), and every shape by single-year age is an ASSUMPTION, scaled so that the base
 * population reproduces SCB's births, deaths and out-migrants of 2024 exactly.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const here = join(import.meta.dirname, "nacka", "population");
const MAX_AGE = 100;
const AGES = Array.from({ length: MAX_AGE + 1 }, (_, x) => x);

// Sourced: [SCB 2024], [SCB 2024, flows].
const RESIDENTS_2024 = 112_112;
const BIRTHS_2024 = 1_111;
const DEATHS_2024 = 697;
const IN_MIGRANTS_2024 = 9_307;
const OUT_MIGRANTS_2024 = 8_249;

// In-migrants move into homes others leave (in proportion to the residents) and into new homes.
// ASSUMPTION: the people moving into each dwelling completed (about an average household), and
// the dwellings completed in 2024 (drivers.csv, an ASSUMPTION there).
const PERSONS_PER_DWELLING = 2.2;
const DWELLINGS_2024 = 900;

// The package's 2024 age bands (drivers.csv; their levels are an ASSUMPTION there), summing to RESIDENTS_2024.
const BANDS: { from: number; to: number; people: number }[] = [
  { from: 0, to: 5, people: 8_296 },
  { from: 6, to: 15, people: 15_696 },
  { from: 16, to: 19, people: 5_606 },
  { from: 20, to: 64, people: 61_661 },
  { from: 65, to: 79, people: 15_247 },
  { from: 80, to: MAX_AGE, people: 5_606 },
];

const bump = (x: number, centre: number, width: number) => Math.exp(-(((x - centre) / width) ** 2));

/** ASSUMPTION: relative numbers of people by age within a band (see SOURCES.md). */
function ageWeight(x: number): number {
  if (x < 20) return 1;
  if (x < 65) return 1 - 0.35 * bump(x, 24, 4) + 0.3 * bump(x, 40, 8);
  if (x < 80) return 1 - 0.025 * (x - 65);
  // 80 and older: a cohort thinning by about 12 % a year.
  return Math.exp(-0.13 * (x - 80));
}

/** ASSUMPTION: share of women by age (boys outnumber girls at birth; women live longer). */
function womenShare(x: number): number {
  if (x < 20) return 1 / 2.05;
  if (x < 65) return 0.5;
  if (x < 80) return 0.53;
  if (x < 90) return 0.6;
  return 0.7;
}

/** Whole numbers with the given total, in proportion to the weights (largest remainders). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    whole[i]! += 1;
    left -= 1;
  }
  return whole;
}

const people = new Array<number>(MAX_AGE + 1).fill(0);
for (const band of BANDS) {
  const ages = AGES.filter((x) => x >= band.from && x <= band.to);
  // The open group 100+ holds everyone from 100 on: the weights of 100 … 110.
  const weights = ages.map((x) => (x === MAX_AGE ? Array.from({ length: 11 }, (_, k) => ageWeight(x + k)).reduce((a, b) => a + b, 0) : ageWeight(x)));
  apportion(band.people, weights).forEach((n, k) => (people[ages[k]!] = n));
}
const women = people.map((n, x) => Math.round(n * womenShare(x)));
const men = people.map((n, x) => n - women[x]!);
if (people.reduce((a, b) => a + b, 0) !== RESIDENTS_2024) throw new Error("the bands do not sum to the residents of 2024");

/** ASSUMPTION: shapes by age, each scaled below to a sourced total of 2024. */
const fertilityShape = AGES.map((x) => (x >= 16 && x <= 48 ? bump(x, 33, 5.5) : 0));
const mortalityShape = {
  women: AGES.map((x) => (x === 0 ? 0.0015 : x < 30 ? 0.0002 : 0.00001 * Math.exp(0.115 * x))),
  men: AGES.map((x) => (x === 0 ? 0.0018 : x < 30 ? 0.0004 : 0.000017 * Math.exp(0.115 * x))),
};
/** Linear between the points [age, value], flat beyond the last. */
const through = (points: [number, number][]) => (x: number) => {
  const i = points.findIndex(([age]) => age >= x);
  if (i <= 0) return i === 0 ? points[0]![1] : points.at(-1)![1];
  const [a0, v0] = points[i - 1]!;
  const [a1, v1] = points[i]!;
  return v0 + ((v1 - v0) * (x - a0)) / (a1 - a0);
};
// Relative numbers of in-migrants by age: families with small children and adults aged 25–40.
const inShape = AGES.map(through([[0, 0.9], [5, 0.6], [10, 0.35], [15, 0.25], [19, 0.6], [25, 1.5], [30, 1.5], [36, 1.1], [45, 0.5], [55, 0.25], [65, 0.12], [80, 0.06], [100, 0.03]]));
// Out-migration rates by age (before scaling): young adults leave most, older people least.
const outShape = AGES.map(through([[0, 0.07], [5, 0.055], [12, 0.045], [17, 0.07], [21, 0.2], [25, 0.22], [30, 0.13], [38, 0.07], [45, 0.045], [60, 0.03], [70, 0.02], [100, 0.02]]));

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
const fertilityScale = BIRTHS_2024 / dot(fertilityShape, women);
const mortalityScale = DEATHS_2024 / (dot(mortalityShape.women, women) + dot(mortalityShape.men, men));
const outScale = OUT_MIGRANTS_2024 / (dot(outShape, women) + dot(outShape, men));
const round6 = (v: number) => Number(v.toPrecision(6));
const cap = (q: number) => Math.min(0.6, q);

const lines = (header: string, rows: string[]) => `${header}\n${rows.join("\n")}\n`;
const ageText = (x: number) => (x === MAX_AGE ? `${MAX_AGE}+` : String(x));
const bySex = (row: (x: number, sex: "women" | "men") => string) => AGES.flatMap((x) => [row(x, "women"), row(x, "men")]);

writeFileSync(
  join(here, "population.json"),
  `${JSON.stringify(
    {
      baseYear: 2024,
      boysPerGirl: 1.05,
      // The projection's first year has 2024's in-migrants: perResident × residents 2024 + perDwelling × dwellings 2024.
      inMigrants: { perResident: round6((IN_MIGRANTS_2024 - PERSONS_PER_DWELLING * DWELLINGS_2024) / RESIDENTS_2024), perDwelling: PERSONS_PER_DWELLING, dwellingsDriver: "dwellings_completed" },
      distributions: {
        fertility: { type: "triangular", min: 0.85, mode: 1, max: 1.15 },
        mortality: { type: "triangular", min: 0.9, mode: 1, max: 1.1 },
        inMigration: { type: "triangular", min: 0.85, mode: 1, max: 1.15 },
        outMigration: { type: "triangular", min: 0.9, mode: 1, max: 1.1 },
      },
    },
    null,
    2,
  )}\n`,
);
writeFileSync(join(here, "base.csv"), lines("age,sex,value", bySex((x, sex) => `${ageText(x)},${sex},${sex === "women" ? women[x] : men[x]}`)));
writeFileSync(
  join(here, "fertility.csv"),
  lines("age,rate", AGES.filter((x) => fertilityShape[x]! > 0).map((x) => `${x},${round6(fertilityShape[x]! * fertilityScale)}`)),
);
writeFileSync(join(here, "mortality.csv"), lines("age,sex,rate", bySex((x, sex) => `${ageText(x)},${sex},${round6(cap(mortalityShape[sex][x]! * mortalityScale))}`)));
writeFileSync(
  join(here, "migration.csv"),
  lines("age,sex,in_share,out_rate", bySex((x, sex) => `${ageText(x)},${sex},${round6(inShape[x]!)},${round6(outShape[x]! * outScale)}`)),
);
