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
import { type NumberBox, type Slider, slider } from "../../controls.ts";
import { parameterBox } from "./parameter-box.ts";
import { distributionText } from "../../../model/distributions.ts";
import { el } from "../../dom.ts";
import { loadWorking } from "../../scenarios.ts";
import { mayDiscard } from "./scenario-bar.ts";
import type { ViewContext } from "../../view.ts";
import { differsFromDefault, valueOf, withDriverSet, withLever, withoutValue, withValue } from "../../working.ts";

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
  /** Stops following the store. */
  destroy(): void;
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

  // Every control by what it shows, to show the overlay again after undo, redo or a merge.
  const sliders = new Map<string, { control: Slider; marksChange: boolean }>();
  const leverBoxes = new Map<string, (active: boolean) => void>();
  const moneyBoxes = new Map<string, NumberBox>();

  const addSlider = (parent: HTMLElement, path: string, spec: SliderSpec): void => {
    const value = valueOf(overlay, defaults, path);
    const marksChange = path !== "growthMultiplier";
    const control: Slider = slider({
      ...spec,
      id: `p-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`,
      lang,
      value: Number.isFinite(value) ? value : spec.min,
      valueLabel: t.valueOf(spec.label),
      changed: marksChange && differsFromDefault(defaults, path, value),
      onInput: (v) => {
        control.setChanged(marksChange && differsFromDefault(defaults, path, v));
        store.updateOverlay((o) => withValue(o, path, v), path);
      },
      onChange: () => store.endGesture(),
      onClear: () => {
        store.updateOverlay((o) => withoutValue(o, path));
        const now = valueOf(store.state.working.overlay, defaults, path);
        control.setChanged(false);
        return Number.isFinite(now) ? now : spec.min;
      },
    });
    control.range.dataset.path = path;
    sliders.set(path, { control, marksChange });
    const note = distributionNote(path, spec.scale);
    if (note) control.element.append(note);
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

  /** Where a parameter is uncertain, its distribution in words (it moves with the value chosen, `model/recentre.ts`). */
  const distributionNote = (path: string, scale = 1): HTMLElement | null => {
    const d = overlay.uncertainty[path] ?? defaults.get(path)?.distribution;
    if (d === undefined) return null;
    return el("p", { class: "hint distribution", text: t.distributionOf(distributionText(d, lang, (v) => f.number(v * scale, 3))) });
  };

  /** A money (or effort) assumption: a number box with its unit, grouped digits, no slider. */
  const moneyBox = (parent: HTMLElement, path: string, label: string, unit: string, scale = 1, digits = 0): void => {
    const info = defaults.get(path);
    if (info === undefined) return;
    const id = `money-${path.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
    const box = parameterBox(context, path, { id, min: info.min, max: info.max, digits, scale, grouping: true });
    box.input.dataset.path = path;
    moneyBoxes.set(path, box);
    parent.append(
      el(
        "div",
        { class: "control money" },
        el("label", { for: id, text: label }),
        el("div", { class: "control-row" }, box.input, el("span", { class: "unit", text: unit })),
        box.message,
        distributionNote(path, scale),
      ),
    );
  };

  // Growth
  const growth = el("fieldset", { class: "group" }, el("legend", { text: t.growth }));
  addSlider(growth, "growthMultiplier", {
    label: t.growthMultiplier,
    hint: t.growthHint,
    min: 0,
    max: Math.min(4, PACKAGE_PARAMETERS.growthMultiplier.bounds[1]),
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
      for (const input of form.querySelectorAll<HTMLInputElement>(`[data-lever-money="${lever.id}"] input`)) input.disabled = !enabled;
    };
    setEnabled(active);
    leverBoxes.set(lever.id, (on) => {
      check.checked = on;
      setEnabled(on);
    });
    check.addEventListener("change", () => {
      setEnabled(check.checked);
      store.updateOverlay((o) => withLever(o, lever.id, check.checked));
    });
    levers.append(box);
  }
  form.append(levers);

  // Money: what a year of work costs, the discount rate, and each lever's costs and savings.
  const money = el("fieldset", { class: "group" }, el("legend", { text: t.money }), el("p", { class: "hint", text: t.moneyHint }));
  const currency = lang === "sv" && pkg.municipality.currency === "SEK" ? "kr" : pkg.municipality.currency;
  moneyBox(money, "costPerFte", capitalize(parameterLabel(pkg, "costPerFte", lang)), t.unitCurrencyPerFte(currency), 1, 2);
  moneyBox(money, "discountRate", capitalize(parameterLabel(pkg, "discountRate", lang)), "%", 100, 2);
  for (const lever of pkg.levers) {
    const group = el("details", { class: "sub", "data-lever-money": lever.id }, el("summary", { text: lever.name[lang] }));
    const leverMoney = (name: string, unit: string, digits = 0) =>
      moneyBox(group, `levers.${lever.id}.${name}`, capitalize(leverParameterSpec(name)?.label[lang] ?? name), unit, 1, digits);
    leverMoney("build.capex", currency, 2);
    leverMoney("build.personYears", t.unitPersonYears, 1);
    leverMoney("licencesPerYear", t.unitPerYear(currency), 2);
    leverMoney("upkeepFte", t.unitFtePerYear, 1);
    leverMoney("systemSavingsPerYear", t.unitPerYear(currency), 2);
    money.append(group);
  }
  form.append(money);
  for (const lever of pkg.levers) if (!overlay.levers.includes(lever.id)) leverBoxes.get(lever.id)?.(false);

  // Undo and redo (also Ctrl+Z and Ctrl+Shift+Z anywhere in the planner), and back to the saved version.
  const undo = el("button", { type: "button", class: "secondary", id: "planner-undo", text: t.undo, "aria-keyshortcuts": "Control+Z" });
  const redo = el("button", { type: "button", class: "secondary", id: "planner-redo", text: t.redo, "aria-keyshortcuts": "Control+Shift+Z" });
  undo.addEventListener("click", () => store.undo());
  redo.addEventListener("click", () => store.redo());
  const showHistory = () => {
    undo.disabled = !store.canUndo;
    redo.disabled = !store.canRedo;
  };
  showHistory();
  const reset = el("button", { type: "button", class: "secondary", text: t.resetAll, disabled: store.state.working.scenarioId === null });
  reset.addEventListener("click", async () => {
    if (!mayDiscard(context)) return;
    const { scenarioId, version } = store.state.working;
    if (scenarioId !== null) context.open(await loadWorking(scenarioId, version?.versionId ?? "latest"));
  });
  form.append(el("div", { class: "actions" }, reset));
  form.prepend(el("div", { class: "actions history", role: "group", "aria-label": t.history }, undo, redo));
  form.querySelector("h2")!.after(form.querySelector(".history")!);

  const unsubscribe = store.subscribe((state, before) => {
    if (state.working.overlay === before.working.overlay) return;
    const o = state.working.overlay;
    for (const [path, { control, marksChange }] of sliders) {
      const value = valueOf(o, defaults, path);
      if (value !== valueOf(before.working.overlay, defaults, path) && Number.isFinite(value)) control.show(value);
      control.setChanged(marksChange && differsFromDefault(defaults, path, value));
    }
    for (const [id, show] of leverBoxes) show(o.levers.includes(id));
    for (const [path, box] of moneyBoxes) box.show(valueOf(o, defaults, path));
    showHistory();
  });

  return {
    element: form,
    destroy: unsubscribe,
    showErrors(list) {
      errors.replaceChildren(...(list.length === 0 ? [] : [el("p", { text: t.modelErrors }), el("ul", {}, ...list.map((e) => el("li", { text: e })))]));
    },
  };
}
