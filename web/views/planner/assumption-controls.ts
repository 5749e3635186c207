/**
 * The planner's controls: growth (in total and per driver) and levers (on or off, and each
 * lever's efficiency, timing and reach), as sliders with number inputs. Every movement goes to the
 * store as a new overlay ({@link Store.updateOverlay}); the view redraws from there.
 */
import { ADOPTION_CURVES, ADOPTION_START } from "../../../model/adoption.ts";
import { LEVER_KINDS, leverParameterSpec, REACH } from "../../../model/levers.ts";
import { capitalize, parameterLabel } from "../../../model/parameter-labels.ts";
import { PACKAGE_PARAMETERS, POPULATION_PARAMETERS } from "../../../model/bounds.ts";
import type { ParameterSpec } from "../../../model/registry.ts";
import { type Slider, slider } from "../../controls.ts";
import { el } from "../../dom.ts";
import { loadWorking } from "../../scenarios.ts";
import type { ViewContext } from "../../view.ts";
import { differsFromDefault, valueOf, withDriverSet, withLever, withValue } from "../../working.ts";

/** How a parameter is shown: its label, bounds and step in model units, and how a value reads. */
interface SliderSpec {
  label: string;
  hint?: string;
  min: number;
  max: number;
  step: number;
  scale?: number;
  unit?: string;
  format: (v: number) => string;
}

export interface AssumptionControls {
  element: HTMLFormElement;
  /** Lists why the assumptions do not compile (nothing when `errors` is empty). */
  showErrors(errors: string[]): void;
}

export function assumptionControls(context: ViewContext): AssumptionControls {
  const { store, pkg, defaults, lang, t, f } = context;
  const overlay = store.state.working.overlay;
  const baseYear = pkg.baseYear;
  const horizon = pkg.municipality.horizon;
  const errors = el("div", { class: "model-errors", role: "alert" });
  const form = el("form", { class: "controls", "aria-labelledby": "planner-assumptions" }, el("h2", { id: "planner-assumptions", text: t.assumptions }), errors);
  form.addEventListener("submit", (event) => event.preventDefault());

  const pct = (v: number) => f.percent(v);
  const times = (v: number) => `${f.fixed(v, 2)} ×`;

  const addSlider = (parent: HTMLElement, path: string, spec: SliderSpec): void => {
    const value = valueOf(overlay, defaults, path);
    const marksChange = path !== "growthMultiplier";
    const control: Slider = slider({
      ...spec,
      id: `p-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`,
      value: Number.isFinite(value) ? value : spec.min,
      valueLabel: t.valueOf(spec.label),
      changed: marksChange && differsFromDefault(defaults, path, value),
      onInput: (v) => {
        control.setChanged(marksChange && differsFromDefault(defaults, path, v));
        store.updateOverlay((o) => withValue(o, path, v));
      },
    });
    control.range.dataset.path = path;
    parent.append(control.element);
  };

  /** The slider of a parameter from its registry entry: its range, and a format for its unit. */
  const registrySlider = (parent: HTMLElement, path: string, spec: ParameterSpec, label: string, hint?: string): void => {
    const range = spec.slider ?? { min: spec.bounds[0], max: spec.bounds[1], step: 0.01 };
    const { min, max } = "years" in range ? { min: baseYear + 1, max: horizon } : range;
    const digits = Math.max(0, -Math.floor(Math.log10(range.step)));
    const share = spec.unit === "share";
    const format =
      share ? pct
      : spec.unit === "factor" ? times
      : spec.unit === "year" && digits === 0 ? (v: number) => f.year(Math.round(v))
      : spec.unit === "year" || spec.unit === "years" ? (v: number) => f.number(v, digits)
      : (v: number) => f.fixed(v, digits);
    addSlider(parent, path, {
      label,
      ...(hint === undefined ? {} : { hint }),
      min,
      max,
      step: range.step,
      ...(share ? { scale: 100, unit: "%" } : spec.unit === "factor" ? { unit: "×" } : {}),
      format,
    });
  };

  // Growth
  const growth = el("fieldset", { class: "group" }, el("legend", { text: t.growth }));
  addSlider(growth, "growthMultiplier", {
    label: t.growthMultiplier,
    hint: t.growthHint,
    min: 0,
    max: Math.min(4, context.summary.limits.growthMultiplier[1]),
    step: 0.05,
    unit: "×",
    format: times,
  });
  const driverDetails = el("details", { class: "sub" }, el("summary", { text: t.perDriver }), el("p", { class: "hint", text: t.perDriverHint }));
  for (const id of Object.keys(pkg.drivers)) {
    const path = `drivers.${id}.growthMultiplier`;
    registrySlider(driverDetails, path, PACKAGE_PARAMETERS.driverGrowthMultiplier, parameterLabel(pkg, path, lang));
  }
  growth.append(driverDetails);
  const sets = Object.values(pkg.driverSets ?? {});
  if (sets.length > 0) {
    const select = el(
      "select",
      { id: "driver-set", "aria-describedby": "driver-set-hint" },
      el("option", { value: "", text: t.ownForecast(pkg.population !== undefined), selected: overlay.driverSet === null }),
      ...sets.map((set) => el("option", { value: set.id, text: set.name[lang], selected: overlay.driverSet === set.id })),
    );
    select.addEventListener("change", () => store.updateOverlay((o) => withDriverSet(o, select.value === "" ? null : select.value)));
    growth.append(el("div", { class: "field" }, el("label", { for: "driver-set", text: t.driverSet }), select, el("p", { class: "hint", id: "driver-set-hint", text: t.driverSetHint })));
  }
  if (pkg.population !== undefined) {
    const population = el("details", { class: "sub" }, el("summary", { text: t.populationGroup }), el("p", { class: "hint", text: t.populationHint }));
    for (const spec of Object.values(POPULATION_PARAMETERS)) registrySlider(population, spec.name, spec, parameterLabel(pkg, spec.name, lang));
    growth.append(population);
  }
  form.append(growth);

  // Levers
  const levers = el("fieldset", { class: "group" }, el("legend", { text: t.levers }), el("p", { class: "hint", text: t.leversHint }));
  for (const [spec, hint] of [
    [PACKAGE_PARAMETERS.intensity, t.intensityHint],
    [PACKAGE_PARAMETERS.midpointShift, t.midpointShiftHint],
  ] as const) {
    registrySlider(levers, spec.name, spec, parameterLabel(pkg, spec.name, lang), hint);
  }
  for (const lever of pkg.levers) {
    const box = el("fieldset", { class: "lever", "data-lever": lever.id });
    const kind = LEVER_KINDS[lever.kind].label[lang];
    box.append(el("legend", {}, lever.name[lang], el("span", { class: "kind", text: ` (${kind})` })));
    const checkId = `lever-${lever.id}-active`;
    const active = overlay.levers.includes(lever.id);
    const check = el("input", { type: "checkbox", id: checkId, checked: active });
    box.append(el("div", { class: "check" }, check, el("label", { for: checkId, text: t.leverActive(lever.name[lang]) })));
    const params = el("div", { class: "lever-params" });
    const leverSlider = (spec: ParameterSpec, hint?: string) =>
      registrySlider(params, `levers.${lever.id}.${spec.name}`, spec, capitalize(spec.label[lang]), hint);
    leverSlider(leverParameterSpec("efficiency")!, t.efficiencyHint);
    leverSlider(ADOPTION_START);
    const shape: readonly ParameterSpec[] = ADOPTION_CURVES[lever.adoption.curve].shape;
    for (const spec of shape) if (spec.slider) leverSlider(spec);
    const reach = el("details", { class: "sub" }, el("summary", { text: t.reachGroup(lever.targets.length) }));
    for (const target of lever.targets) {
      const process = pkg.processes.find((p) => p.id === target.process);
      const activity = target.activity === "fixed" ? t.fixedWork : (process?.activities.find((a) => a.id === target.activity)?.name[lang] ?? target.activity);
      registrySlider(reach, `levers.${lever.id}.reach.${target.process}.${target.activity}`, REACH, t.reach(process?.name[lang] ?? target.process, activity));
    }
    params.append(reach);
    box.append(params);
    const setEnabled = (enabled: boolean) => {
      params.classList.toggle("inactive", !enabled);
      for (const input of params.querySelectorAll("input")) input.disabled = !enabled;
    };
    setEnabled(active);
    check.addEventListener("change", () => {
      setEnabled(check.checked);
      store.updateOverlay((o) => withLever(o, lever.id, check.checked));
    });
    levers.append(box);
  }
  form.append(levers);

  // Back to the saved version.
  const reset = el("button", { type: "button", class: "secondary", text: t.resetAll, disabled: store.state.working.scenarioId === null });
  reset.addEventListener("click", async () => {
    const { scenarioId, version } = store.state.working;
    if (scenarioId !== null) context.open(await loadWorking(scenarioId, version?.versionId ?? "latest"));
  });
  form.append(el("div", { class: "actions" }, reset));

  return {
    element: form,
    showErrors(list) {
      errors.replaceChildren(...(list.length === 0 ? [] : [el("p", { text: t.modelErrors }), el("ul", {}, ...list.map((e) => el("li", { text: e })))]));
    },
  };
}
