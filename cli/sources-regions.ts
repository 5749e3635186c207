/**
 * The generated regions of a package's `SOURCES.md`: every derived figure the text quotes, computed
 * from the package by the model, so that the text cannot drift from the numbers.
 *
 * A region is marked in the Markdown as
 *
 *     <!-- generated:wisn -->
 *     …replaced by `npm run sources`…
 *     <!-- /generated -->
 *
 * and {@link fillRegions} replaces what lies between the markers with the region's table.
 * {@link REGIONS} lists the regions a `SOURCES.md` may ask for. Numbers are written in English
 * (en-GB), the language of `SOURCES.md`.
 */
import { availableHours, categoryAllowanceFactor } from "../model/workload.ts";
import type { DataPackage } from "../model/data-package.ts";
import { defaultScenario } from "../model/assumptions.ts";
import type { Scenario } from "../model/scenario.ts";
import type { Distribution } from "../model/distributions.ts";
import { median } from "../model/median-rule.ts";
import { forecast, type ForecastResult } from "../model/forecast.ts";
import { goalSeek } from "../model/goal-seek.ts";
import { compilePlan, type ModelPlan } from "../model/plan.ts";
import { createWorkspace, evaluate } from "../model/evaluate.ts";

const MARKER = /<!-- generated:([a-z-]+) -->\n[\s\S]*?<!-- \/generated -->/g;

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percent = (value: number, digits = 1) => `${number(value * 100, digits).replace("-", "−")} %`;
const signedPercent = (value: number) => `${value < 0 ? "−" : "+"}${percent(Math.abs(value))}`;
const mkr = (value: number) => `${number(value / 1e6, 1)} Mkr`;

/** A number as written in a data file: as many decimals as it has (up to 3), thousands grouped. */
const plain = (value: number) => value.toLocaleString("en-GB", { maximumFractionDigits: 3 });

/** A lever parameter's value: years as years, money in Mkr, the rest plain. */
const parameterValue = (name: string, value: number) =>
  /midpoint|startYear/.test(name) ? String(value) : /capex|PerYear/.test(name) ? mkr(value) : plain(value);

/** A Markdown table from a header and rows; the first column left-aligned, the others right-aligned unless `text`. */
function table(header: string[], rows: string[][], text = false): string {
  const align = header.map((_, c) => (c === 0 || text ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function compile(pkg: DataPackage, scenario: Scenario): ModelPlan {
  const compiled = compilePlan(pkg, scenario);
  if (!compiled.ok) throw new Error(`scenario ${scenario.id}: ${compiled.errors.map((e) => e.message).join("; ")}`);
  return compiled.plan;
}

/** The package's point values with every lever active: the model's own calibration and adoption curves. */
function allLevers(pkg: DataPackage): ForecastResult {
  const levers = pkg.levers.map((l) => l.id);
  return forecast(compile(pkg, defaultScenario("all-levers", { sv: "Alla hävstänger", en: "All levers" }, levers)));
}

/** The first round decade at least five years after the base year (2030 for base year 2018). */
const firstDecade = (pkg: DataPackage) => Math.ceil((pkg.baseYear + 5) / 10) * 10;

/** Years at which the tables sample a series: its first year, the base year, every round decade after it, the horizon. */
function sampleYears(pkg: DataPackage, firstYear: number, extra: number[] = []): number[] {
  const years = new Set([firstYear, pkg.baseYear, ...extra, pkg.municipality.horizon]);
  for (let y = firstDecade(pkg); y < pkg.municipality.horizon; y += 10) years.add(y);
  return [...years].filter((y) => y >= firstYear && y <= pkg.municipality.horizon).sort((a, b) => a - b);
}

function valueIn(pkg: DataPackage, driver: string, year: number): number | undefined {
  const series = pkg.drivers[driver];
  return series?.values[year - series.firstYear];
}

/** WISN available working time: the arithmetic with the package's own days and hours. */
function availableHoursRegion(pkg: DataPackage): string {
  const t = pkg.municipality.workingTime;
  const days = [t.workingDays, t.holidays, t.leave, t.sickness, t.otherAbsence].map((d) => number(d, Number.isInteger(d) ? 0 : 1));
  return `(${days.join(" − ")}) × ${number(t.hoursPerDay, Number.isInteger(t.hoursPerDay) ? 0 : 1)} h = **${number(availableHours(t))} h** per FTE and year`;
}

/** Actual FTE per process and history year, with the change over the history and each process's share of the total change. */
function headcountRegion(pkg: DataPackage): string {
  const years = [...new Set(Object.values(pkg.headcount).flatMap((h) => Object.keys(h).map(Number)))].sort((a, b) => a - b);
  const first = years[0]!;
  const last = years.at(-1)!;
  const total = (year: number) => pkg.processes.reduce((s, p) => s + (pkg.headcount[p.id]?.[year] ?? 0), 0);
  const totalChange = total(last) - total(first);
  const rows = pkg.processes.map((p) => {
    const fte = (year: number) => pkg.headcount[p.id]?.[year];
    const from = fte(first) ?? 0;
    const to = fte(last) ?? 0;
    return [
      `\`${p.id}\``,
      ...years.map((y) => (fte(y) === undefined ? "" : number(fte(y)!, 1))),
      from > 0 ? signedPercent(to / from - 1) : "",
      totalChange !== 0 ? percent((to - from) / totalChange, 0) : "",
    ];
  });
  rows.push(["**total**", ...years.map((y) => `**${number(total(y), 1)}**`), `**${signedPercent(total(last) / total(first) - 1)}**`, ""]);
  return table(["process", ...years.map(String), `change ${first}–${last}`, "share of the change"], rows);
}

/** Every driver at the sampled years, and its change from the base year to the horizon. */
function driversRegion(pkg: DataPackage): string {
  const series = Object.values(pkg.drivers);
  const lastActual = Math.max(...series.map((s) => s.firstYear + s.actual.lastIndexOf(true)));
  const years = sampleYears(pkg, Math.min(...series.map((s) => s.firstYear)), lastActual > pkg.baseYear ? [lastActual] : []);
  const rows = series.map((s) => {
    const base = valueIn(pkg, s.id, pkg.baseYear)!;
    const end = valueIn(pkg, s.id, pkg.municipality.horizon)!;
    return [
      `\`${s.id}\``,
      ...years.map((y) => {
        const v = valueIn(pkg, s.id, y);
        return v === undefined ? "" : number(v);
      }),
      base > 0 ? signedPercent(end / base - 1) : "",
    ];
  });
  return table(["driver", ...years.map(String), `change ${pkg.baseYear}–${pkg.municipality.horizon}`], rows);
}

/** The age bands (`residents_*` drivers) as shares of `residents` at the sampled years. */
function ageSharesRegion(pkg: DataPackage): string {
  const residents = pkg.drivers.residents;
  if (residents === undefined) throw new Error("the age-shares region needs a residents driver");
  const bands = Object.keys(pkg.drivers).filter((id) => id.startsWith("residents_"));
  const years = sampleYears(pkg, residents.firstYear, [residents.firstYear + residents.actual.lastIndexOf(true)]);
  const rows = bands.map((band) => [
    `\`${band}\``,
    ...years.map((y) => {
      const v = valueIn(pkg, band, y);
      const all = valueIn(pkg, "residents", y);
      return v === undefined || all === undefined ? "" : percent(v / all);
    }),
  ]);
  const sum = years.map((y) => bands.reduce((s, b) => s + (valueIn(pkg, b, y) ?? NaN), 0) === valueIn(pkg, "residents", y));
  rows.push(["bands sum to `residents`", ...sum.map((ok) => (ok ? "yes" : "**no**"))]);
  return table(["band", ...years.map(String)], rows);
}

/**
 * The WISN check of every bottom-up process in the base year, as the model computes it: the
 * uncalibrated requirement (Σ volume × unit time ÷ available hours × CAF + individual allowances,
 * `wisnRequiredFte`, without fixed work), the fixed work (fixed share × actual), and both against
 * the actual.
 */
function wisnRegion(pkg: DataPackage): string {
  const result = allLevers(pkg);
  const rows = result.processes.flatMap(({ id, calibration: c }) => {
    if (c.wisnRequiredFte === null) return [];
    const process = pkg.processes.find((p) => p.id === id)!;
    const withFixed = c.wisnRequiredFte + c.fixedFte;
    return [
      [
        `\`${id}\``,
        number(c.actualFte, 1),
        number(categoryAllowanceFactor(process.supportShare), 3),
        number(c.wisnRequiredFte, 1),
        number(c.fixedFte, 1),
        number(withFixed, 1),
        number(withFixed / c.actualFte, 2),
        c.calibrationFactor === null ? "" : number(c.calibrationFactor, 3),
      ],
    ];
  });
  return table(
    [
      "process",
      `actual ${pkg.baseYear}`,
      "CAF",
      "WISN requirement (without fixed work)",
      "fixed work",
      "WISN + fixed work",
      "(WISN + fixed) ÷ actual",
      "calibration factor",
    ],
    rows,
  );
}

/** Each lever's adoption (share 0–1 → %) in the years after the base year, and the first year it reaches 20 %. */
function adoptionRegion(pkg: DataPackage): string {
  const result = allLevers(pkg);
  const horizon = pkg.municipality.horizon;
  const years = result.years.filter((y) => y > pkg.baseYear && (y <= pkg.baseYear + 7 || y % 5 === 0 || y === horizon));
  const rows = result.levers.map(({ id, adoption }) => {
    const at = (year: number) => adoption[year - result.baseYear]!;
    const reaches = result.years.find((y) => at(y) >= 0.2);
    return [`\`${id}\``, ...years.map((y) => percent(at(y))), reaches === undefined ? "not by the horizon" : String(reaches)];
  });
  return table(["lever", ...years.map(String), "first year ≥ 20 %"], rows);
}

/**
 * Every scenario at its point values: total FTE (with development and transition FTE) at the
 * sampled years, growth and decoupling, and for a scenario with levers the hump, the FTE the
 * levers avoid and the reach factor the model's goal seek needs to hold FTE flat.
 */
function scenariosRegion(pkg: DataPackage): string {
  const horizon = pkg.municipality.horizon;
  const years = pkg.municipality.horizon - pkg.baseYear + 1;
  const sampled = Array.from({ length: years }, (_, i) => pkg.baseYear + i).filter((y) => y === pkg.baseYear || y % 5 === 0 || y === horizon);
  const targetYear = firstDecade(pkg);
  const results = Object.values(pkg.scenarios).map((scenario) => {
    const plan = compile(pkg, scenario);
    return { scenario, plan, r: forecast(plan) };
  });
  const fteRows = results.map(({ scenario, plan, r }) => {
    const end = r.totals.at(-1)!;
    const base = r.totals[0]!;
    return [
      `\`${scenario.id}\``,
      number(plan.parameters.values[plan.growthMultiplier]!, 1),
      ...sampled.map((y) => number(r.totals[y - r.baseYear]!.totalFte)),
      end.residents === null || base.residents === null ? "" : signedPercent(end.residents / base.residents - 1),
      signedPercent(end.totalFte / base.totalFte - 1),
      end.decouplingRatio === null ? "" : number(end.decouplingRatio, 2),
    ];
  });
  const leverRows = results.flatMap(({ scenario, plan, r }) => {
    if (r.investment === null) return [];
    const inv = r.investment;
    const end = r.totals.at(-1)!;
    const increaseWithout = end.baselineFte - r.totals[0]!.totalFte;
    const seek = targetYear <= horizon ? goalSeek(plan, targetYear) : null;
    return [
      [
        `\`${scenario.id}\``,
        mkr(inv.humpDepth),
        inv.humpYear === null ? "no hump" : String(inv.humpYear),
        inv.paybackYear === null ? "not by the horizon" : String(inv.paybackYear),
        mkr(inv.npv),
        `${number(end.baselineFte)} → ${number(end.totalFte)}`,
        increaseWithout > 0 ? percent(inv.fteAvoided / increaseWithout, 0) : "",
        seek === null ? "" : seek.intensity === null ? "not reachable" : `× ${number(seek.intensity, 1)}`,
      ],
    ];
  });
  const fte = table(
    ["scenario", "growth ×", ...sampled.map(String), `residents ${pkg.baseYear}–${horizon}`, `FTE ${pkg.baseYear}–${horizon}`, "decoupling ratio"],
    fteRows,
  );
  if (leverRows.length === 0) return fte;
  const levers = table(
    [
      "scenario",
      "hump depth",
      "hump year",
      "paid back",
      "NPV",
      `FTE ${horizon} without → with levers`,
      `share of the increase ${pkg.baseYear}–${horizon} avoided`,
      `reach needed to hold flat from ${targetYear}`,
    ],
    leverRows,
  );
  return `${fte}\n\n${levers}`;
}

/** Each process's fixed share, support share (CAF) and individual allowances, as processes.json gives them. */
function processesRegion(pkg: DataPackage): string {
  return table(
    ["process", "fixedShare", "supportShare", "individualAllowanceFte", "supports (support process)"],
    pkg.processes.map((p) => [
      `\`${p.id}\``,
      plain(p.fixedShare),
      plain(p.supportShare),
      plain(p.individualAllowanceFte),
      p.supports.length === 0 ? "" : p.supports.length === pkg.processes.length - 1 ? "all" : p.supports.join(", "),
    ]),
  );
}

const elasticities = (drivers: Record<string, number>) =>
  Object.entries(drivers)
    .map(([d, e]) => `${d} ${plain(e)}`)
    .join(", ");

/** Each activity's base-year workload (volume × unit time, or share) and driver elasticities, as processes.json gives them. */
function activitiesRegion(pkg: DataPackage): string {
  const rows = pkg.processes.flatMap((p) =>
    p.activities.map((a) => [
      `\`${a.id}\``,
      p.id,
      a.workload.kind === "bottom-up" ? `${plain(a.workload.volume)} × ${plain(a.workload.unitTimeHours)} h` : `share ${plain(a.workload.share)}`,
      elasticities(a.drivers),
    ]),
  );
  return table(["activity", "process", "volume × unit time, or share", "drivers (elasticity)"], rows, true);
}

function distribution(name: string, d: Distribution): string {
  const v = (value: number) => parameterValue(name, value);
  switch (d.type) {
    case "triangular":
    case "pert":
      return `${d.type} ${v(d.min)} – ${v(d.mode)} – ${v(d.max)} (min – most likely – max)`;
    case "uniform":
      return `uniform ${v(d.min)} – ${v(d.max)}`;
    case "normal":
      return `normal mean ${v(d.mean)}, sd ${plain(d.sd)}`;
    case "lognormal":
      return `lognormal of the logarithm: mu ${plain(d.mu)}, sigma ${plain(d.sigma)}`;
  }
}

/** A year that may be a distribution's median: whole years as they are, others to two decimals. */
const yearValue = (value: number) => String(Number(value.toFixed(2)));

/**
 * Each lever's values as the forecast uses them (a parameter with a distribution at the
 * distribution's median, the median rule) and its distributions with their medians.
 */
function leversRegion(pkg: DataPackage): string {
  const sections = pkg.levers.map((l) => {
    const a = l.adoption;
    const adoption =
      a.curve === "logistic"
        ? `logistic from ${yearValue(a.startYear)}, midpoint ${yearValue(a.midpoint)}, steepness ${plain(a.steepness)}, ceiling ${plain(a.ceiling)}`
        : `Bass from ${yearValue(a.startYear)}, p ${plain(a.p)}, q ${plain(a.q)}, ceiling ${plain(a.ceiling)}`;
    const rows = [
      ["kind", l.kind],
      ["reach", l.targets.map((t) => `${t.process}.${t.activity} ${plain(t.reach)}`).join("; ")],
      ["efficiency", plain(l.efficiency)],
      ["adoption", adoption],
      ["dip", plain(l.dip)],
      ["build", `from ${l.build.startYear}, ${l.build.years} years, ${plain(l.build.personYears)} person-years, ${mkr(l.build.capex)}`],
      ["upkeepFte, licencesPerYear, systemSavingsPerYear", `${plain(l.upkeepFte)} FTE, ${mkr(l.licencesPerYear)}, ${mkr(l.systemSavingsPerYear)}`],
      ...Object.entries(l.distributions).map(([name, d]) => [
        `uncertainty of ${name}`,
        `${distribution(name, d)}; median ${/midpoint|startYear/.test(name) ? yearValue(median(d)) : parameterValue(name, median(d))}`,
      ]),
    ];
    return `\`${l.id}\`\n\n${table(["parameter", "value in the forecast (the median where a distribution is given)"], rows, true)}`;
  });
  return sections.join("\n\n");
}

/** Period life expectancy at birth from probabilities of dying by age (the last age open, its rate constant). */
function lifeExpectancy(q: ArrayLike<number>): number {
  let alive = 1;
  let years = 0;
  for (let x = 0; x < q.length - 1; x++) {
    const dying = alive * Math.min(1, q[x]!);
    years += alive - dying / 2;
    alive -= dying;
  }
  const last = Math.min(1, q[q.length - 1]!);
  return years + (last > 0 ? alive * (1 / last - 0.5) : Infinity);
}

/**
 * The population/ folder checked against what it should reproduce: its total against the
 * residents driver, and its rates applied to the base population (each sex and age) against the
 * year's births, deaths and migrants; the implied total fertility, life expectancy, share of
 * children and mean age.
 */
function populationRegion(pkg: DataPackage): string {
  const population = pkg.population;
  if (population === undefined) throw new Error("the population region needs a population/ folder");
  const { base, assumptions: a, inMigrants, baseYear } = population;
  const dot = (rates: ArrayLike<number>, people: ArrayLike<number>) => Array.from(people, (n, x) => n * (rates[x] ?? 0)).reduce((x, y) => x + y, 0);
  const sum = (people: ArrayLike<number>) => Array.from(people).reduce((x, y) => x + y, 0);
  const total = sum(base.women) + sum(base.men);
  const children = sum(Array.from(base.women).slice(0, 18)) + sum(Array.from(base.men).slice(0, 18));
  const meanAge = (dot(Array.from(base.women, (_, x) => x), base.women) + dot(Array.from(base.men, (_, x) => x), base.men)) / total;
  const dwellings = inMigrants.dwellingsDriver === undefined ? 0 : (valueIn(pkg, inMigrants.dwellingsDriver, baseYear) ?? 0);
  const inflow = inMigrants.perYear + inMigrants.perDwelling * dwellings + inMigrants.perResident * total;
  const rows: string[][] = [
    [`residents, 31 December ${baseYear}`, number(total), `\`residents\` ${baseYear}: ${number(valueIn(pkg, "residents", baseYear) ?? NaN)}`],
    ["of them aged 0–17", percent(children / total), ""],
    ["mean age (completed years)", number(meanAge, 1), ""],
    ["births: fertility × women", number(dot(a.fertility, base.women)), ""],
    ["total fertility (Σ births per woman)", number(dot(a.fertility, Array.from(a.fertility, () => 1)), 2), ""],
    ["deaths: mortality × residents", number(dot(a.mortality.women, base.women) + dot(a.mortality.men, base.men)), ""],
    ["life expectancy at birth, women / men", `${number(lifeExpectancy(a.mortality.women), 1)} / ${number(lifeExpectancy(a.mortality.men), 1)}`, "years, from the mortality rates"],
    ["in-migrants: the in-migration rule", number(inflow), inMigrants.dwellingsDriver === undefined ? "" : `\`${inMigrants.dwellingsDriver}\` ${baseYear}: ${number(dwellings)}`],
    ["out-migrants: out-migration × residents", number(dot(a.outMigrationRate.women, base.women) + dot(a.outMigrationRate.men, base.men)), ""],
  ];
  return table([`figure (${baseYear})`, "population/ gives", "compare"], rows);
}

/**
 * Each driver the population drives at the horizon in three runs: the projection (baseline
 * growth), the projection with the first scenario whose growth multiplier is not 1, and each driver
 * set; with the change from the population's base year.
 */
function populationScenariosRegion(pkg: DataPackage): string {
  const population = pkg.population;
  if (population === undefined) throw new Error("the population-scenarios region needs a population/ folder");
  const horizon = pkg.municipality.horizon;
  const start = population.baseYear;
  const run = (scenario: Scenario) => {
    const plan = compile(pkg, scenario);
    const ws = evaluate(plan, plan.parameters.values, createWorkspace(plan));
    return (driver: string) => {
      const d = plan.driverIds.indexOf(driver);
      return plan.driverBase[d]! * Math.exp(ws.driverLogRatio[d * plan.yearCount + horizon - plan.baseYear]!);
    };
  };
  const neutral = defaultScenario("projection", { sv: "Framskrivning", en: "Projection" });
  const faster = Object.values(pkg.scenarios).find((s) => s.growthMultiplier !== 1 && s.driverSet === undefined);
  const runs = [
    { label: "projection", value: run(neutral) },
    ...(faster === undefined ? [] : [{ label: `projection, \`${faster.id}\``, value: run(faster) }]),
    ...Object.keys(pkg.driverSets ?? {}).map((id) => ({ label: `driver set \`${id}\``, value: run({ ...neutral, driverSet: id }) })),
  ];
  const rows = population.bands.map(({ driver }) => {
    const at = valueIn(pkg, driver, start)!;
    return [`\`${driver}\``, number(at), ...runs.map((r) => `${number(r.value(driver))} (${signedPercent(r.value(driver) / at - 1)})`)];
  });
  return table(["driver", String(start), ...runs.map((r) => `${horizon}: ${r.label}`)], rows);
}

/** The regions a `SOURCES.md` may ask for, by name. */
export const REGIONS: Record<string, (pkg: DataPackage) => string> = {
  "available-hours": availableHoursRegion,
  headcount: headcountRegion,
  drivers: driversRegion,
  "age-shares": ageSharesRegion,
  wisn: wisnRegion,
  adoption: adoptionRegion,
  scenarios: scenariosRegion,
  processes: processesRegion,
  activities: activitiesRegion,
  levers: leversRegion,
  population: populationRegion,
  "population-scenarios": populationScenariosRegion,
};

/**
 * The text with every generated region filled from the package.
 *
 * @throws Error naming a region that {@link REGIONS} does not know.
 */
export function fillRegions(text: string, pkg: DataPackage): string {
  return text.replace(MARKER, (_, name: string) => {
    const region = Object.hasOwn(REGIONS, name) ? REGIONS[name] : undefined;
    if (region === undefined) {
      throw new Error(`unknown generated region "${name}"; the regions are ${Object.keys(REGIONS).join(", ")}`);
    }
    return `<!-- generated:${name} -->\n${region(pkg)}\n<!-- /generated -->`;
  });
}
