/**
 * Everything a person reads about a package's parameters, in Swedish or English: the name of a
 * driver (from the package, `drivers.json`'s `name`; the id when the package gives none), and every
 * parameter path in words ("levers.e_services.efficiency" → "E-tjänster: effekt"), built from the
 * labels of the registries (`bounds.ts`, `levers.ts`, `adoption.ts`) and the package's own
 * names. The web app, the notebooks and the command line all label parameters through here.
 */
import { type DataPackage, FIXED_WORK, type LocalizedText, SUPPORTED_FTE } from "./data-package.ts";
import { leverParameterSpec } from "./levers.ts";
import { PACKAGE_PARAMETERS, POPULATION_PARAMETERS } from "./bounds.ts";
import type { ParameterSpec } from "./registry.ts";

type Lang = keyof LocalizedText;

/** The work a support process's activities follow: not a driver in `drivers.csv`. */
const SUPPORTED_FTE_NAME: LocalizedText = { sv: "stödda årsarbetare", en: "supported FTE" };
const FIXED_WORK_NAME: LocalizedText = { sv: "fast arbete", en: "fixed work" };

/** A text with its first letter in upper case, for a label that stands alone. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** A driver's name: the package's (`drivers.json`), else the id. */
export function driverName(pkg: DataPackage, id: string, lang: Lang): string {
  if (id === SUPPORTED_FTE) return SUPPORTED_FTE_NAME[lang];
  return pkg.drivers[id]?.name?.[lang] ?? id;
}

/**
 * A driver's unit to show beside its name, or undefined where the name already begins with it
 * ("Invånare 0–5 år" counts invånare; "Färdigställda bostäder" counts "bostäder per år").
 */
export function unitBesideName(name: string, unit: string | undefined): string | undefined {
  if (unit === undefined || unit === "") return undefined;
  const lower = (text: string) => text.toLocaleLowerCase("sv-SE");
  return lower(name).startsWith(lower(unit)) ? undefined : unit;
}

/** A process's name, else the id. */
export function processName(pkg: DataPackage, id: string, lang: Lang): string {
  return pkg.processes.find((p) => p.id === id)?.name[lang] ?? id;
}

/** A lever's name, else the id. */
export function leverName(pkg: DataPackage, id: string, lang: Lang): string {
  return pkg.levers.find((l) => l.id === id)?.name[lang] ?? id;
}

/** An activity's name, "fixed work" for a lever target's {@link FIXED_WORK}, else the id. */
export function activityName(pkg: DataPackage, process: string, activity: string, lang: Lang): string {
  if (activity === FIXED_WORK) return FIXED_WORK_NAME[lang];
  return pkg.processes.find((p) => p.id === process)?.activities.find((a) => a.id === activity)?.name[lang] ?? activity;
}

/** The package parameters whose path is their name. */
const WHOLE_PATHS: readonly ParameterSpec[] = [
  PACKAGE_PARAMETERS.growthMultiplier,
  PACKAGE_PARAMETERS.costPerFte,
  PACKAGE_PARAMETERS.discountRate,
  PACKAGE_PARAMETERS.intensity,
  PACKAGE_PARAMETERS.midpointShift,
  ...Object.values(POPULATION_PARAMETERS),
];

/** The registry entry of a parameter path, for its unit and bounds; undefined for an unknown path. */
export function parameterSpec(path: string): ParameterSpec | undefined {
  const p = PACKAGE_PARAMETERS;
  const whole = WHOLE_PATHS.find((s) => s.name === path);
  if (whole) return whole;
  if (/^drivers\.[^.]+\.growthMultiplier$/.test(path)) return p.driverGrowthMultiplier;
  if (/^processes\.[^.]+\.activities\.[^.]+\.elasticity\.[^.]+$/.test(path)) return p.elasticity;
  if (/^processes\.[^.]+\.fixed\.elasticity\.[^.]+$/.test(path)) return p.fixedElasticity;
  if (/^processes\.[^.]+\.drift$/.test(path)) return p.drift;
  const lever = /^levers\.[^.]+\.(.+)$/.exec(path);
  return lever ? leverParameterSpec(lever[1]!) : undefined;
}

/**
 * A parameter path (see `data/README.md`) in words, starting with a capital: "Tillväxtmultiplikator",
 * "Invånare: tillväxtmultiplikator", "Handläggning: elasticitet mot invånare",
 * "Fast arbete (Ekonomi): elasticitet mot stödda årsarbetare", "Stadsutveckling och stadsbyggnad: standardförändring per år",
 * "E-tjänster: effekt", "E-tjänster: räckvidd, fast arbete (Ekonomi)". Unknown paths are returned as they are.
 */
export function parameterLabel(pkg: DataPackage, path: string, lang: Lang): string {
  const p = PACKAGE_PARAMETERS;
  const whole = WHOLE_PATHS.find((s) => s.name === path);
  if (whole) return capitalize(whole.label[lang]);
  const driver = /^drivers\.([^.]+)\.growthMultiplier$/.exec(path);
  if (driver) return `${capitalize(driverName(pkg, driver[1]!, lang))}: ${p.driverGrowthMultiplier.label[lang]}`;
  const elasticity = /^processes\.([^.]+)\.activities\.([^.]+)\.elasticity\.([^.]+)$/.exec(path);
  if (elasticity) {
    const [, process, activity, d] = elasticity as unknown as [string, string, string, string];
    return `${capitalize(activityName(pkg, process, activity, lang))}: ${p.elasticity.label[lang]} ${driverName(pkg, d, lang).toLocaleLowerCase("sv-SE")}`;
  }
  const fixed = /^processes\.([^.]+)\.fixed\.elasticity\.([^.]+)$/.exec(path);
  if (fixed) {
    const [, process, d] = fixed as unknown as [string, string, string];
    return `${capitalize(FIXED_WORK_NAME[lang])} (${processName(pkg, process, lang)}): ${p.fixedElasticity.label[lang]} ${driverName(pkg, d, lang).toLocaleLowerCase("sv-SE")}`;
  }
  const drift = /^processes\.([^.]+)\.drift$/.exec(path);
  if (drift) return `${processName(pkg, drift[1]!, lang)}: ${p.drift.label[lang]}`;
  const lever = /^levers\.([^.]+)\.(.+)$/.exec(path);
  if (lever) {
    const [, id, rest] = lever as unknown as [string, string, string];
    const reach = /^reach\.([^.]+)\.([^.]+)$/.exec(rest);
    const spec = leverParameterSpec(rest);
    let what = spec?.label[lang] ?? rest;
    if (reach) {
      const [, process, activity] = reach as unknown as [string, string, string];
      const target = activity === FIXED_WORK ? `${FIXED_WORK_NAME[lang]} (${processName(pkg, process, lang)})` : activityName(pkg, process, activity, lang);
      what = `${what}, ${target}`;
    }
    return `${leverName(pkg, id, lang)}: ${what}`;
  }
  return path;
}
