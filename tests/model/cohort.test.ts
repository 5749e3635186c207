/**
 * The cohort-component projection (model/cohort.ts): a three-year example computed by hand, and
 * the identities every projection keeps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CohortAssumptions, NEUTRAL_SCALES, projectCohorts, totalByAge } from "../../model/cohort.ts";

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => expect(actual[index]).toBeCloseTo(value, 10));
};

/** Ages 0, 1 and 2+ (open). */
const handExample: CohortAssumptions = Object.freeze({
  fertility: [0, 0.5, 0],
  boysPerGirl: 1,
  mortality: { women: [0, 0.1, 0.5], men: [0, 0.2, 0.5] },
  inMigrationProfile: { women: [0, 0.5, 0], men: [0, 0.5, 0] },
  outMigrationRate: { women: [0, 0, 0.1], men: [0, 0, 0.1] },
});
const handBase = Object.freeze({ women: [10, 20, 30], men: [10, 20, 30] });

describe("projectCohorts: a three-year example computed by hand", () => {
  // Year 2025. Women aged: [–, 10, 20 + 30 = 50]; survivors: 10 · 0.9 = 9, 50 · 0.5 = 25.
  // Births = 0.5 · ½(10 + 9) = 4.75, half girls (boysPerGirl 1): 2.375 each, q(0) = 0.
  // Men aged [–, 10, 50]; survivors 10 · 0.8 = 8, 25. In-migrants 10 → 5 women and 5 men aged 1;
  // out-migrants 0.1 · 25 = 2.5 of each sex aged 2+.
  // Women 2025 = [2.375, 9 + 5, 25 − 2.5] = [2.375, 14, 22.5]; men = [2.375, 13, 22.5].
  //
  // Year 2026. Women aged [–, 2.375, 14 + 22.5 = 36.5]; survivors 2.1375, 18.25.
  // Births = 0.5 · ½(2.375 + 2.1375) = 1.128125 → 0.5640625 each.
  // Men aged [–, 2.375, 35.5]; survivors 1.9, 17.75. Out: 1.825 women, 1.775 men.
  // Women 2026 = [0.5640625, 7.1375, 16.425]; men = [0.5640625, 6.9, 15.975].
  //
  // Year 2027. Women aged [–, 0.5640625, 23.5625]; survivors 0.50765625, 11.78125.
  // Births = 0.5 · ½(0.5640625 + 0.50765625) = 0.2679296875 → 0.13396484375 each.
  // Men aged [–, 0.5640625, 22.875]; survivors 0.45125, 11.4375.
  // Women 2027 = [0.13396484375, 5.50765625, 10.603125]; men = [0.13396484375, 5.45125, 10.29375].
  const projection = projectCohorts(2024, handBase, handExample, [10, 10, 10]);

  it("gives the hand-computed populations", () => {
    expect(projection.firstYear).toBe(2024);
    expect(projection.maxAge).toBe(2);
    close(projection.women[0]!, [10, 20, 30]);
    close(projection.women[1]!, [2.375, 14, 22.5]);
    close(projection.men[1]!, [2.375, 13, 22.5]);
    close(projection.women[2]!, [0.5640625, 7.1375, 16.425]);
    close(projection.men[2]!, [0.5640625, 6.9, 15.975]);
    close(projection.women[3]!, [0.13396484375, 5.50765625, 10.603125]);
    close(projection.men[3]!, [0.13396484375, 5.45125, 10.29375]);
  });

  it("gives the hand-computed flows", () => {
    // Deaths 2025: women 1 + 25, men 2 + 25 = 53.
    close(projection.births, [0, 4.75, 1.128125, 0.2679296875]);
    expect(projection.deaths[1]).toBeCloseTo(53, 10);
    close(projection.inMigrants, [0, 10, 10, 10]);
    close(projection.outMigrants.subarray(0, 2), [0, 5]);
  });

  it("scales the year's net migration by the multiplier, the extra migrants with the in-migrants' ages", () => {
    const doubled = projectCohorts(2024, handBase, handExample, [10], { ...NEUTRAL_SCALES, netMigration: 2 });
    // Net 2025 = 10 − 5 = 5; the extra (2 − 1) · 5 = 5 goes to age 1 (profile 0.5 women, 0.5 men):
    // women aged 1: 14 + 2.5 = 16.5; aged 2+ unchanged at 22.5 (they only move out, as before).
    close(doubled.women[1]!, [2.375, 16.5, 22.5]);
    close(doubled.men[1]!, [2.375, 15.5, 22.5]);
    expect(doubled.netMigrants[1]).toBeCloseTo(2 * (10 - 5), 10);
  });

  it("adds in-migrants per resident of the year before (homes others leave)", () => {
    // 2025: 10 + 0.1 × 120 (the base: 60 women, 60 men) = 22; 2026: 10 + 0.1 × the 2025 total.
    // By hand, 2025: women [2.375, 9 + 11, 22.5], men [2.375, 8 + 11, 22.5]: total 88.75, so 2026: 18.875.
    const withTurnover = projectCohorts(2024, handBase, handExample, [10, 10, 10], NEUTRAL_SCALES, 0.1);
    close(withTurnover.inMigrants.subarray(0, 3), [0, 22, 18.875]);
    close(withTurnover.women[1]!, [2.375, 20, 22.5]);
  });

  it("lets a newborn die in its first year and splits births by the sex ratio", () => {
    const assumptions = { ...handExample, boysPerGirl: 1.05, mortality: { women: [0.1, 0, 0], men: [0.2, 0, 0] } };
    const noMigration = projectCohorts(2024, handBase, { ...assumptions, outMigrationRate: { women: [0, 0, 0], men: [0, 0, 0] } }, [0]);
    // Births = 0.5 · ½(10 + 10) = 5; boys 5 · 1.05 / 2.05, girls 5 / 2.05; survivors × 0.8 and × 0.9.
    expect(noMigration.men[1]![0]).toBeCloseTo(((5 * 1.05) / 2.05) * 0.8, 10);
    expect(noMigration.women[1]![0]).toBeCloseTo((5 / 2.05) * 0.9, 10);
  });

  it("never lets an age group fall below zero", () => {
    const emptying = { ...handExample, outMigrationRate: { women: [0, 1, 1], men: [0, 1, 1] } };
    const projection = projectCohorts(2024, handBase, emptying, [0], { ...NEUTRAL_SCALES, netMigration: 3 });
    for (const value of [...projection.women[1]!, ...projection.men[1]!]) expect(value).toBeGreaterThanOrEqual(0);
  });

  it("refuses assumptions whose ages differ from the base population's", () => {
    expect(() => projectCohorts(2024, handBase, { ...handExample, fertility: [0, 0.5] }, [0])).toThrow(/fertility has 2 ages: expected 3/);
  });
});

const AGES = 6;
const ratesArb = (max: number) => fc.array(fc.double({ min: 0, max, noNaN: true }), { minLength: AGES, maxLength: AGES });
const populationArb = fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: AGES, maxLength: AGES });
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
const zeros = new Array<number>(AGES).fill(0);

describe("projectCohorts: identities", () => {
  it("without births, deaths or migration is pure ageing: each cohort moves up one age, the open group keeps everyone", () => {
    fc.assert(
      fc.property(populationArb, populationArb, (women, men) => {
        const none: CohortAssumptions = {
          fertility: zeros,
          boysPerGirl: 1.05,
          mortality: { women: zeros, men: zeros },
          inMigrationProfile: { women: zeros, men: zeros },
          outMigrationRate: { women: zeros, men: zeros },
        };
        const projection = projectCohorts(2020, { women, men }, none, [0, 0]);
        const year1 = projection.women[1]!;
        expect(year1[0]).toBe(0);
        for (let x = 1; x < AGES - 1; x += 1) expect(year1[x]).toBeCloseTo(women[x - 1]!, 9);
        expect(year1[AGES - 1]).toBeCloseTo(women[AGES - 2]! + women[AGES - 1]!, 9);
        // After two years the open group holds the three oldest ages of the base.
        expect(projection.men[2]![AGES - 1]).toBeCloseTo(men[AGES - 3]! + men[AGES - 2]! + men[AGES - 1]!, 9);
        expect(sum(projection.women[2]!) + sum(projection.men[2]!)).toBeCloseTo(sum(women) + sum(men), 6);
      }),
    );
  });

  it("in a closed population (no migration) the total changes by births − deaths every year", () => {
    fc.assert(
      fc.property(populationArb, populationArb, ratesArb(0.6), ratesArb(1), ratesArb(1), (women, men, fertility, qWomen, qMen) => {
        const closed: CohortAssumptions = {
          fertility,
          boysPerGirl: 1.05,
          mortality: { women: qWomen, men: qMen },
          inMigrationProfile: { women: zeros, men: zeros },
          outMigrationRate: { women: zeros, men: zeros },
        };
        const projection = projectCohorts(2020, { women, men }, closed, [0, 0, 0]);
        for (let y = 1; y <= 3; y += 1) {
          const change = sum(totalByAge(projection, y)) - sum(totalByAge(projection, y - 1));
          expect(change).toBeCloseTo(projection.births[y]! - projection.deaths[y]!, 6);
        }
      }),
    );
  });

  it("with migration the total changes by births − deaths + net migration, and no age group is negative", () => {
    const profileArb = ratesArb(1).map((weights) => {
      const total = sum(weights) || 1;
      return weights.map((w) => w / total / 2);
    });
    fc.assert(
      fc.property(
        populationArb,
        populationArb,
        ratesArb(0.6),
        ratesArb(0.5),
        profileArb,
        ratesArb(0.3),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (women, men, fertility, q, profile, out, inMigrants, multiplier) => {
          const open: CohortAssumptions = {
            fertility,
            boysPerGirl: 1.05,
            mortality: { women: q, men: q },
            inMigrationProfile: { women: profile, men: profile },
            outMigrationRate: { women: out, men: out },
          };
          const projection = projectCohorts(2020, { women, men }, open, [inMigrants, inMigrants], { ...NEUTRAL_SCALES, netMigration: multiplier });
          for (let y = 1; y <= 2; y += 1) {
            const change = sum(totalByAge(projection, y)) - sum(totalByAge(projection, y - 1));
            expect(change).toBeCloseTo(projection.births[y]! - projection.deaths[y]! + projection.netMigrants[y]!, 6);
            for (const value of [...projection.women[y]!, ...projection.men[y]!]) expect(value).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
