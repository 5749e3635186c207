/**
 * The options the charts of one scenario share: the language, the scenario's name and version id,
 * the municipality, and the processes' names in the language.
 */
import type { DrawContext, ScenarioLabel } from "./view.ts";

export function scenarioChartOptions({ pkg, lang }: DrawContext, label: ScenarioLabel) {
  return {
    lang,
    versionId: label.versionId,
    scenarioName: label.name,
    municipality: pkg.municipality.name,
    processNames: Object.fromEntries(pkg.processes.map((p) => [p.id, p.name[lang]])),
  };
}
