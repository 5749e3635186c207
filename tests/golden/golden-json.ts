/** JSON with numbers to six significant digits (−0 as 0): the golden files' format. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(6)) + 0 : v), 2)}\n`;
}
