/**
 * A package ten times Nacka's (or any number of copies) with a longer horizon: every process and
 * lever copied under new ids (`<id>_<copy>`, copy 0 keeps the ids), a support process supporting its
 * own copy's processes, and every driver extended past its last year at its last year's growth.
 * For the kernel's tests and `npm run bench`: the same model, larger.
 */
import type { DataPackage, DriverSeries, Lever, Process } from "../../model/data-package.ts";

const copyId = (id: string, copy: number) => (copy === 0 ? id : `${id}_${copy}`);

/** A driver series continued to `horizon` at the growth of its last year (a forecast). */
function extend(series: DriverSeries, horizon: number): DriverSeries {
  const last = series.firstYear + series.values.length - 1;
  if (last >= horizon) return series;
  const values = [...series.values];
  const n = values.length;
  const growth = n > 1 && values[n - 2]! > 0 ? values[n - 1]! / values[n - 2]! : 1;
  for (let year = last + 1; year <= horizon; year++) values.push(values[values.length - 1]! * growth);
  const extra = horizon - last;
  return {
    ...series,
    values,
    actual: [...series.actual, ...new Array<boolean>(extra).fill(false)],
    estimated: [...series.estimated, ...new Array<boolean>(extra).fill(false)],
  };
}

/**
 * `copies` copies of a package's processes and levers, drivers extended to `horizon`; every
 * scenario runs every copy of its levers.
 */
export function scaledPackage(pkg: DataPackage, copies: number, horizon: number): DataPackage {
  const processes: Process[] = [];
  const levers: Lever[] = [];
  const headcount: DataPackage["headcount"] = {};
  for (let copy = 0; copy < copies; copy++) {
    for (const p of pkg.processes) {
      processes.push({ ...p, id: copyId(p.id, copy), supports: p.supports.map((s) => copyId(s, copy)) });
      headcount[copyId(p.id, copy)] = pkg.headcount[p.id]!;
    }
    for (const l of pkg.levers) {
      // a distribution of a reach names its target's process: "reach.<process>.<activity>"
      const distributions = Object.fromEntries(
        Object.entries(l.distributions).map(([name, d]) => {
          const [first, process, ...rest] = name.split(".");
          return [first === "reach" ? [first, copyId(process!, copy), ...rest].join(".") : name, d];
        }),
      );
      levers.push({
        ...l,
        id: copyId(l.id, copy),
        targets: l.targets.map((t) => ({ ...t, process: copyId(t.process, copy) })),
        distributions,
      });
    }
  }
  const scenarios = Object.fromEntries(
    Object.entries(pkg.scenarios).map(([id, s]) => [
      id,
      { ...s, levers: Array.from({ length: copies }, (_, copy) => s.levers.map((l) => copyId(l, copy))).flat() },
    ]),
  );
  return {
    ...pkg,
    municipality: { ...pkg.municipality, horizon },
    drivers: Object.fromEntries(Object.entries(pkg.drivers).map(([id, s]) => [id, extend(s, horizon)])),
    headcount,
    processes,
    levers,
    scenarios,
  };
}
