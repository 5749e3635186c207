/**
 * "Grow without growing": how office FTE moves against the number of residents.
 */

/**
 * Decoupling ratio: FTE growth since the base year ÷ resident growth since the base year (both as
 * shares). 1 = FTE grows in step with residents, 0 = flat FTE, < 0 = fewer FTE. `null` when
 * residents have not changed (no growth to compare with) or are unknown.
 */
export function decouplingRatio(fte: number, baseFte: number, residents: number, baseResidents: number): number | null {
  const residentGrowth = residents / baseResidents - 1;
  if (!Number.isFinite(residentGrowth) || Math.abs(residentGrowth) < 1e-12) return null;
  return (fte / baseFte - 1) / residentGrowth;
}

/** Whether FTE is at or below the base year's ("hålla nollan"), allowing for rounding in the last digits. */
export function holdsFlat(fte: number, baseFte: number): boolean {
  return fte <= holdsFlatLimit(baseFte);
}

/** The most FTE that still holds flat against the base year's: {@link holdsFlat} is `fte <= holdsFlatLimit(baseFte)`. */
export function holdsFlatLimit(baseFte: number): number {
  return baseFte * (1 + 1e-9);
}
