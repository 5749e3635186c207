/**
 * Random packages for the model's property tests (fast-check): one to four processes of one to
 * three activities moved by two drivers, perhaps a support process, and up to four levers.
 */
import fc from "fast-check";
import type { DataPackage, Lever } from "../../model/data-package.ts";
import { lever, process, series, shareActivity, tinyPackage } from "./fixtures.ts";

export const YEARS = 11; // 2020–2030

/** Yearly growth factors → a path starting at `start`. */
export const pathArb = (start: number, min: number, max: number) =>
  fc.array(fc.double({ min, max, noNaN: true }), { minLength: YEARS - 1, maxLength: YEARS - 1 }).map((g) => {
    const values = [start];
    for (const f of g) values.push(values[values.length - 1]! * f);
    return values;
  });

export const share = fc.double({ min: 0.05, max: 1, noNaN: true });
export const elasticity = fc.double({ min: 0, max: 1.5, noNaN: true });

export interface Shape {
  residents: number[];
  businesses: number[];
  processes: { fte: number; fixedShare: number; weights: number[]; residentE: number[]; businessE: number[] }[];
  support: { fte: number; elasticity: number } | null;
  levers: { process: number; activity: number; reach: number; efficiency: number; midpoint: number; dip: number }[];
}

export const shapeArb: fc.Arbitrary<Shape> = fc.record({
  residents: pathArb(100_000, 0.97, 1.05),
  businesses: pathArb(10_000, 0.95, 1.08),
  processes: fc.array(
    fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.record({
        fte: fc.double({ min: 1, max: 300, noNaN: true }),
        fixedShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
        weights: fc.array(share, { minLength: n, maxLength: n }),
        residentE: fc.array(elasticity, { minLength: n, maxLength: n }),
        businessE: fc.array(elasticity, { minLength: n, maxLength: n }),
      }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
  support: fc.option(fc.record({ fte: fc.double({ min: 1, max: 80, noNaN: true }), elasticity }), { nil: null }),
  levers: fc.array(
    fc.record({
      process: fc.nat(),
      activity: fc.nat(),
      reach: fc.double({ min: 0, max: 1, noNaN: true }),
      efficiency: fc.double({ min: 0, max: 1, noNaN: true }),
      midpoint: fc.double({ min: 2021, max: 2032, noNaN: true }),
      dip: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { maxLength: 4 },
  ),
});

export function build(shape: Shape): { pkg: DataPackage; leverIds: string[] } {
  const processes = shape.processes.map((p, i) => {
    const sum = p.weights.reduce((s, w) => s + w, 0);
    return process(
      `p${i}`,
      p.weights.map((w, a) => shareActivity(`a${a}`, w / sum, { residents: p.residentE[a]!, businesses: p.businessE[a]! })),
      { fixedShare: p.fixedShare },
    );
  });
  const headcount: DataPackage["headcount"] = Object.fromEntries(shape.processes.map((p, i) => [`p${i}`, { 2020: p.fte }]));
  if (shape.support) {
    processes.push(
      process("support", [shareActivity("admin", 1, { supported_fte: shape.support.elasticity })], {
        fixedShare: 0.2,
        supports: processes.map((p) => p.id),
      }),
    );
    headcount.support = { 2020: shape.support.fte };
  }
  const levers: Lever[] = shape.levers.map((l, i) => {
    const p = processes[l.process % shape.processes.length]!;
    const a = p.activities[l.activity % p.activities.length]!;
    return lever({
      id: `l${i}`,
      targets: [{ process: p.id, activity: a.id, reach: l.reach }],
      efficiency: l.efficiency,
      adoption: { curve: "logistic", startYear: 2021, midpoint: l.midpoint, steepness: 0.8, ceiling: 0.95 },
      dip: l.dip,
      build: { startYear: 2021, years: 2, personYears: 3, capex: 2e6 },
      upkeepFte: 0.5,
    });
  });
  const pkg = tinyPackage({
    drivers: {
      residents: series("residents", 2020, shape.residents),
      businesses: series("businesses", 2020, shape.businesses),
    },
    headcount,
    processes,
    levers,
  });
  pkg.municipality.horizon = 2020 + YEARS - 1;
  return { pkg, leverIds: levers.map((l) => l.id) };
}
